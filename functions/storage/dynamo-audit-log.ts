import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEntry, RefusedRequest } from '../../shared/domain/audit/audit';
import { UnprocessedAuditEntriesError, type AuditFilter, type AuditLog, type WriteOptions } from '../audit/ports';
import type { Page, PageRequest } from '../transitions/ports';
import { decodeCursor, encodeCursor } from './page-cursor';
import { addDays, instantInNetherlands } from '../../shared/domain/common/calendar';

const BATCH = 25;
/** A filtered page reads at most this many entries per call; the cursor goes on from there. */
const FILTER_READ_LIMIT = 1000;
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

  ofPerson(persoonRef: string, page: PageRequest, filter: AuditFilter = {}): Promise<Page<AuditEntry>> {
    return this.filtered(undefined, 'pk', `PERSON#${persoonRef}`, page, filter);
  }

  ofUser(userId: string, page: PageRequest, filter: AuditFilter = {}): Promise<Page<AuditEntry>> {
    return this.filtered('gsi1', 'gsi1pk', `USER#${userId}`, page, filter);
  }

  /**
   * The period is a range of the sort key (the entry's time, UTC; a Dutch day's bounds converted); who and
   * what are a filter, so the query reads on until a page is full or FILTER_READ_LIMIT entries are read.
   */
  private async filtered(
    indexName: string | undefined,
    attribute: string,
    value: string,
    page: PageRequest,
    filter: AuditFilter,
  ): Promise<Page<AuditEntry>> {
    if (!filter.gebruiker && !filter.actie && !filter.van && !filter.tot) {
      return this.entries(indexName, attribute, value, page);
    }
    const sortKey = indexName ? `${indexName}sk` : 'sk';
    const from = filter.van ? instantInNetherlands(filter.van, '00:00').toISOString() : '0';
    const to = filter.tot ? instantInNetherlands(addDays(filter.tot, 1), '00:00').toISOString() : '\uffff';
    const conditions = [
      ...(filter.actie ? ['actie = :actie'] : []),
      ...(filter.gebruiker ? ['gebruiker.id = :gebruiker'] : []),
    ];
    const limit = page.limit ?? 50;
    const items: AuditEntry[] = [];
    let start = decodeCursor(page.cursor, { attribute, value, sortKeyWithin: (sk) => sk >= from && sk < to });
    let read = 0;
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          ...(indexName ? { IndexName: indexName } : {}),
          KeyConditionExpression: '#key = :value AND #sort BETWEEN :from AND :to',
          ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
          ExpressionAttributeNames: { '#key': attribute, '#sort': sortKey },
          ExpressionAttributeValues: {
            ':value': value,
            ':from': from,
            ':to': to,
            ...(filter.actie ? { ':actie': filter.actie } : {}),
            ...(filter.gebruiker ? { ':gebruiker': filter.gebruiker } : {}),
          },
          ScanIndexForward: false,
          Limit: limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(result.Items ?? []).map((i) => AuditEntry.parse(i)));
      read += result.ScannedCount ?? 0;
      start = result.LastEvaluatedKey as Record<string, string> | undefined;
    } while (start && items.length < limit && read < FILTER_READ_LIMIT);
    const nextCursor = encodeCursor(start);
    return nextCursor ? { items, nextCursor } : { items };
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
