import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { herstelParts, type HerstelItem, type HerstelPart } from '../../shared/domain/herstel/herstel-item';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { HerstelChange, HerstelStore } from '../herstel/ports';
import { HerstelChangedConflict, HerstelKeyClaimed } from '../herstel/errors';
import { claimKey, firstCreated, type Idempotency } from './idempotency';
import { keys, timelineEventItem } from './keys';
import { transactWrite } from './transact-write';

/** A plan is tens of items (profile versions, goals, network, scores); a page of 1 MB holds them all. */
const MAX_PAGES = 10;

/**
 * The parts of a person's own plan, each its own item in the transition's partition (`HERSTEL#<part>#<id>`):
 * read together with one Query, written one at a time with its timeline event in one transaction, on the
 * version the writer saw.
 */
export class DynamoHerstelStore implements HerstelStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(transitionId: string): Promise<HerstelItem[]> {
    const items: HerstelItem[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.timelinePartition(transitionId), ':prefix': keys.herstelPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) if (isHerstelItem(item)) items.push(asHerstelItem(item));
      start = page.LastEvaluatedKey;
    } while (start && ++pages < MAX_PAGES);
    return items;
  }

  async createdWith(idempotency: Idempotency): Promise<HerstelItem | undefined> {
    const item = await firstCreated(this.db, this.tableName, 'herstel', idempotency);
    return item && isHerstelItem(item) ? asHerstelItem(item) : undefined;
  }

  async write(change: HerstelChange): Promise<void> {
    const { transitionId, item, seenVersie, requireAbsent, event, transitionSummary, idempotency } = change;
    const stored = {
      ...keys.herstel(transitionId, item.part, item.id),
      entity: 'Herstel',
      transitionId,
      part: item.part,
      id: item.id,
      versie: (seenVersie ?? 0) + 1,
      data: item.data,
      bijgewerktOp: event.at,
    };
    try {
      await transactWrite(this.db, {
        TransactItems: [
          ...(idempotency ? [claimKey(this.tableName, 'herstel', idempotency, stored, event.at)] : []),
          {
            Put: {
              TableName: this.tableName,
              Item: stored,
              ...(seenVersie === undefined
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : { ConditionExpression: 'versie = :seen', ExpressionAttributeValues: { ':seen': seenVersie } }),
            },
          },
          { Put: { TableName: this.tableName, Item: timelineEventItem(event satisfies TimelineEvent) } },
          ...(transitionSummary ? this.summaryUpdates(transitionId, transitionSummary) : []),
          ...(requireAbsent
            ? [
                {
                  ConditionCheck: {
                    TableName: this.tableName,
                    Key: keys.herstel(transitionId, requireAbsent.part, requireAbsent.id),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
        ],
      });
    } catch (error) {
      const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (idempotency && ['ConditionalCheckFailed', 'TransactionConflict'].includes(codes[0]?.Code ?? ''))
        throw new HerstelKeyClaimed();
      if (codes.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'))
        throw new HerstelChangedConflict();
      throw error;
    }
  }

  /**
   * The goals' evaluation dates on the transition's item and on each begeleider's copy of its summary (gsi1, what
   * "Vandaag" lists), without touching the version: a goal changed is no reason for the duo's open forms on
   * the transition to go stale. Only on items that exist (a begeleider who just left the duo keeps no copy).
   */
  private summaryUpdates(
    transitionId: string,
    summary: NonNullable<HerstelChange['transitionSummary']>,
  ): NonNullable<TransactWriteCommandInput['TransactItems']> {
    const keysToUpdate = [
      keys.transition(transitionId),
      ...summary.begeleiderIds.map((id) => keys.assignment(transitionId, id)),
    ];
    const dates = summary.doelEvaluaties.length
      ? { set: 'SET doelEvaluaties = :datums', values: { ':datums': [...summary.doelEvaluaties] } }
      : { set: 'REMOVE doelEvaluaties', values: {} };
    const [transition, ...copies] = keysToUpdate;
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: transition,
          // Only on the dates this write started from: a goal written meanwhile makes this one a conflict.
          ConditionExpression:
            summary.seenStand === undefined
              ? 'attribute_exists(pk) AND attribute_not_exists(doelStand)'
              : 'attribute_exists(pk) AND doelStand = :seenStand',
          UpdateExpression: `${dates.set} ADD doelStand :one`,
          ExpressionAttributeValues: {
            ...dates.values,
            ':one': 1,
            ...(summary.seenStand === undefined ? {} : { ':seenStand': summary.seenStand }),
          },
        },
      },
      ...copies.map((Key) => ({
        Update: {
          TableName: this.tableName,
          Key,
          ConditionExpression: 'attribute_exists(pk)',
          UpdateExpression: dates.set,
          ...(summary.doelEvaluaties.length ? { ExpressionAttributeValues: dates.values } : {}),
        },
      })),
    ];
  }
}

const isHerstelItem = (item: Record<string, unknown>) => herstelParts.includes(item.part as HerstelPart);
const asHerstelItem = (item: Record<string, unknown>): HerstelItem => ({
  part: item.part as HerstelPart,
  id: String(item.id),
  versie: Number(item.versie),
  data: (item.data as Record<string, unknown> | undefined) ?? {},
});
