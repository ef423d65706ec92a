import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEntry, RefusedRequest } from '../../shared/domain/audit/audit';
import { UnprocessedAuditEntriesError, type AuditLog, type WriteOptions } from '../audit/ports';
import type { Page, PageRequest } from '../transitions/ports';
import { decodeCursor, encodeCursor } from './page-cursor';

const BATCH = 25;
const ATTEMPTS = 5;

/**
 * The audit trail on its own table (auditTableDesign). Append only: this adapter can put new entries and
 * query them, nothing else — and on AWS the API functions' role allows only dynamodb:PutItem/BatchWriteItem
 * on it. Entries expire after the retention period (`expiresAt`, TTL).
 */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  append(entries: readonly AuditEntry[], options: WriteOptions = {}): Promise<void> {
    return this.put(
      entries.map((e) => this.item(e)),
      options,
    );
  }

  appendRefusedRequests(refusals: readonly RefusedRequest[], options: WriteOptions = {}): Promise<void> {
    return this.put(
      refusals.map((r) => ({
        pk: `WEIGERING#${r.at.slice(0, 10)}`,
        sk: `${r.at}#${r.id}`,
        expiresAt: this.expiresAt(r.at),
        entity: 'RefusedRequest',
        ...r,
      })),
      options,
    );
  }

  async refusedRequestsOn(day: string, page: PageRequest): Promise<Page<RefusedRequest>> {
    const { items, nextCursor } = await this.query(undefined, 'pk', `WEIGERING#${day}`, page);
    return { items: items.map((i) => RefusedRequest.parse(i)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /**
   * Puts items in batches of 25, retrying what DynamoDB left unprocessed (throttling) with backoff. An entry's
   * key is its time and id, so putting it again (a retry, a replay) leaves one record. The signal bounds it all.
   */
  private async put(items: readonly Record<string, unknown>[], { signal }: WriteOptions): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH) {
      let requests = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt >= ATTEMPTS) throw new UnprocessedAuditEntriesError();
        if (attempt > 0) await sleep(25 * 2 ** attempt, undefined, signal ? { signal } : {});
        const command = new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } });
        const { UnprocessedItems } = await this.db.send(command, signal ? { abortSignal: signal } : {});
        requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  ofPerson(persoonRef: string, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.entries(undefined, 'pk', `PERSON#${persoonRef}`, page);
  }

  ofUser(userId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.entries('gsi1', 'gsi1pk', `USER#${userId}`, page);
  }

  emergencyAccessOfTeam(organisationId: string, teamId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.entries('gsi2', 'gsi2pk', `NOOD#${organisationId}#${teamId}`, page);
  }

  private async entries(
    indexName: string | undefined,
    attribute: string,
    value: string,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const { items, nextCursor } = await this.query(indexName, attribute, value, page);
    return { items: items.map((i) => AuditEntry.parse(i)), ...(nextCursor ? { nextCursor } : {}) };
  }

  private async query(
    indexName: string | undefined,
    attribute: string,
    value: string,
    page: PageRequest,
  ): Promise<Page<Record<string, unknown>>> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        ...(indexName ? { IndexName: indexName } : {}),
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': attribute },
        ExpressionAttributeValues: { ':value': value },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { attribute, value }),
      }),
    );
    const items = result.Items ?? [];
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  }

  private expiresAt(at: string): number {
    return Math.floor(Date.parse(at) / 1000) + this.retentionDays * 86_400;
  }

  private item(e: AuditEntry) {
    const sortKey = `${e.at}#${e.id}`;
    return {
      pk: e.persoonRef ? `PERSON#${e.persoonRef}` : `DAY#${e.at.slice(0, 10)}`,
      sk: sortKey,
      gsi1pk: `USER#${e.gebruiker.id}`,
      gsi1sk: sortKey,
      ...(e.noodtoegang && e.teamId
        ? { gsi2pk: `NOOD#${e.gebruiker.organisatieId}#${e.teamId}`, gsi2sk: sortKey }
        : {}),
      expiresAt: this.expiresAt(e.at),
      entity: 'AuditEntry',
      ...e,
    };
  }
}
