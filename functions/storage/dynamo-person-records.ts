import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { Fase, fromStored, Transition } from '../../shared/domain/transition/transition';
import { NazorgSchema } from '../../shared/domain/transition/traject-schemas';
import { itemKeyOf, type StoredItem } from '../retention/person-record-export';
import type { ItemKey, PersonRecord, PersonRecordStore, TableSurvey } from '../retention/ports';
import { personHash } from './dynamo-transition-store';
import { keys } from './keys';

/** BatchWriteItem takes at most 25 requests. */
const BATCH = 25;
const ATTEMPTS = 8;

export class UnprocessedDeletesError extends Error {
  constructor(readonly remaining: number) {
    super(`${remaining} deletes still unprocessed after ${ATTEMPTS} attempts`);
    this.name = 'UnprocessedDeletesError';
  }
}

export class TransitionChangedError extends Error {
  constructor() {
    super('the transition changed since it was exported');
    this.name = 'TransitionChangedError';
  }
}

const SurveyedTransition = z.object({
  id: z.string(),
  fase: Fase,
  nazorg: NazorgSchema.optional(),
  updatedAt: z.string(),
});
const SurveyedElsewhere = z.object({ pk: z.string(), sk: z.string(), transitionId: z.string() });

/**
 * The table as the retention procedure (functions/retention) sees it: one person's record to collect, export
 * and delete. A person's record is the transition's partition (`TRANSITION#<id>`: the transition, its
 * begeleider assignments, timeline, budget, spends, ledger, signals, contactmomenten, the person's own plan and
 * network (`HERSTEL#…`), tasks, signal-once markers) plus the items elsewhere that name the transition (`transitionId`): the active person lock, the
 * notices to corporations (outbox, with the persoonRef and the home's address), the home of a corporation
 * while placed, and idempotency records that TTL has not removed yet.
 */
export class DynamoPersonRecords implements PersonRecordStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly backoffMs = 50,
  ) {}

  /**
   * One paged Scan, projected to keys and the few attributes the rule needs. The product never scans; an ops
   * procedure run a few times a year may: notices and locks have no index by transition, and one pass finds
   * them for every transition at once (cost: one read of the table per run).
   */
  async survey(): Promise<TableSurvey> {
    const survey: TableSurvey = { transitions: [], elsewhere: new Map() };
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          ProjectionExpression: '#pk, #sk, #entity, #id, #fase, #nazorg, #updatedAt, #transitionId',
          FilterExpression:
            '#entity = :transition OR (attribute_exists(#transitionId) AND NOT begins_with(#pk, :partition))',
          ExpressionAttributeNames: {
            '#pk': 'pk',
            '#sk': 'sk',
            '#entity': 'entity',
            '#id': 'id',
            '#fase': 'fase',
            '#nazorg': 'nazorg',
            '#updatedAt': 'updatedAt',
            '#transitionId': 'transitionId',
          },
          ExpressionAttributeValues: { ':transition': 'Transition', ':partition': 'TRANSITION#' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.entity === 'Transition') {
          survey.transitions.push(SurveyedTransition.parse(fromStored(item)));
          continue;
        }
        const { pk, sk, transitionId } = SurveyedElsewhere.parse(item);
        survey.elsewhere.set(transitionId, [...(survey.elsewhere.get(transitionId) ?? []), { pk, sk }]);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    survey.transitions.sort((a, b) => a.id.localeCompare(b.id));
    return survey;
  }

  async collect(transitionId: string, elsewhere: readonly ItemKey[]): Promise<PersonRecord | undefined> {
    const partition = await this.partition(transitionId);
    const own = partition.find((i) => i.sk === keys.transition(transitionId).sk);
    if (!own) return undefined;
    const transition = Transition.parse(fromStored(own));
    // The lock is looked up directly too: the survey is eventually consistent, the lock matters most.
    const lock = keys.activePerson(personHash(transition.persoon));
    const outside = await Promise.all(
      uniqueKeys([lock, ...elsewhere]).map(
        async (Key) =>
          (await this.db.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }))).Item,
      ),
    );
    // Only what still names this transition: the same person's lock may belong to a newer transition by now.
    const named = outside.filter((i): i is StoredItem => Boolean(i) && i!.transitionId === transitionId);
    return { transition, items: [...partition, ...named] };
  }

  async deleteItems(transitionId: string, items: readonly StoredItem[]): Promise<void> {
    const partition = keys.timelinePartition(transitionId);
    const own = keys.transition(transitionId);
    const inPartition = items.filter((i) => i.pk === partition && i.sk !== own.sk);
    const outside = items.filter((i) => i.pk !== partition);
    await this.batchDelete(inPartition.map(({ pk, sk }) => ({ pk, sk })));
    for (const { pk, sk } of outside) {
      await this.db
        .send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { pk, sk },
            // A person lock or a home may meanwhile belong to another transition: leave those alone.
            ConditionExpression: 'transitionId = :id',
            ExpressionAttributeValues: { ':id': transitionId },
          }),
        )
        .catch(ignoreConditionFailed);
    }
  }

  async deleteTransition(transitionId: string, version: number): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.transition(transitionId),
          ConditionExpression: 'attribute_not_exists(pk) OR version = :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new TransitionChangedError();
      throw error;
    }
  }

  private async partition(transitionId: string): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.timelinePartition(transitionId) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((page.Items ?? []) as StoredItem[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * BatchWriteItem in batches of 25. DynamoDB may leave part of a batch unprocessed (throttling); those are
   * sent again with exponential backoff and jitter. A delete of a missing item succeeds, so a repeat is harmless.
   */
  private async batchDelete(itemKeys: readonly ItemKey[]): Promise<void> {
    for (let i = 0; i < itemKeys.length; i += BATCH) {
      let requests = itemKeys.slice(i, i + BATCH).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt >= ATTEMPTS) throw new UnprocessedDeletesError(requests.length);
        if (attempt > 0) await sleep(Math.random() * this.backoffMs * 2 ** Math.min(attempt, 6));
        const { UnprocessedItems } = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }
}

function uniqueKeys(itemKeys: readonly ItemKey[]): ItemKey[] {
  const byKey = new Map<string, ItemKey>();
  for (const key of itemKeys) if (!byKey.has(itemKeyOf(key))) byKey.set(itemKeyOf(key), key);
  return [...byKey.values()];
}

function ignoreConditionFailed(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}
