import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { personIdentity } from '../../shared/domain/transition/person-identity';
import { TimelineEvent } from '../../shared/domain/transition/timeline';
import {
  fromStored,
  levelsOf,
  Transition,
  TransitionSummary,
  summarize,
} from '../../shared/domain/transition/transition';
import { geaccepteerdeAanbieding } from '../../shared/domain/woning/woning';
import {
  IdempotencyInFlightError,
  IdempotencyKeyReusedError,
  PersonHasActiveTransitionError,
  StaleVersionError,
} from '../transitions/errors';
import type { ListOf, Page, PageRequest, TransitionChange, TransitionStore } from '../transitions/ports';
import { matchesFilter, type TransitionFilter } from '../../shared/domain/transition/search';
import { transactWrite } from './transact-write';
import { keys, timelineEventItem } from './keys';
import { outboxItem } from './outbox-item';
import { decodeCursor, encodeCursor } from './page-cursor';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const REPLAY_ATTEMPTS = 5;

const IdempotencyRecord = z.object({ transitionId: z.string(), requestHash: z.string() });

/** DynamoDB adapter of the TransitionStore port. Items are parsed with zod on the way out, never cast. */
/** A search reads at most this many summaries per call (a team's whole list, see the caseload). */
const SEARCH_READ_LIMIT = 1000;

export class DynamoTransitionStore implements TransitionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(input: Parameters<TransitionStore['create']>[0]): ReturnType<TransitionStore['create']> {
    const { transition, firstEvent, idempotency } = input;
    const requestHash = idempotency ? await hashOf(idempotencyPayload(transition)) : '';
    try {
      await transactWrite(this.db, {
        TransactItems: [
          ...(idempotency
            ? [
                {
                  Put: {
                    TableName: this.tableName,
                    Item: {
                      ...keys.idempotency(idempotency.userId, idempotency.key),
                      entity: 'IdempotencyRecord',
                      transitionId: transition.id,
                      requestHash,
                      expiresAt: Math.floor(Date.parse(transition.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.activePerson(personHash(transition.persoon)),
                entity: 'ActivePerson',
                transitionId: transition.id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: transitionItem(transition),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...assignmentItems(transition).map((Item) => ({ Put: { TableName: this.tableName, Item } })),
          {
            Put: {
              TableName: this.tableName,
              Item: timelineEventItem(firstEvent),
            },
          },
        ],
      });
      return { transition, replayed: false };
    } catch (error) {
      // The idempotency record is the first item: it exists (a replay), or a concurrent request with the same
      // key is writing it right now (TransactionConflict on AWS). Either way the first request's result wins.
      const reason = error instanceof TransactionCanceledException ? error.CancellationReasons?.[0]?.Code : undefined;
      if (idempotency && (reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict')) {
        return { transition: await this.replay(idempotency, requestHash), replayed: true };
      }
      const personLock =
        error instanceof TransactionCanceledException
          ? error.CancellationReasons?.[idempotency ? 1 : 0]?.Code
          : undefined;
      if (personLock === 'ConditionalCheckFailed') throw new PersonHasActiveTransitionError();
      throw error;
    }
  }

  private async replay(idempotency: { userId: string; key: string }, requestHash: string): Promise<Transition> {
    let item: Record<string, unknown> | undefined;
    for (let attempt = 0; !item && attempt < REPLAY_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(25 * 2 ** attempt);
      ({ Item: item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.idempotency(idempotency.userId, idempotency.key),
          ConsistentRead: true,
        }),
      ));
    }
    // Still absent: the concurrent first request failed. Ask the caller to retry rather than guess.
    if (!item) throw new IdempotencyInFlightError();
    const record = IdempotencyRecord.parse(item);
    if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    const transition = await this.get(record.transitionId);
    if (!transition) throw new Error('idempotency record points to a missing transition');
    return transition;
  }

  async update(input: TransitionChange): Promise<void> {
    try {
      await transactWrite(this.db, { TransactItems: transitionUpdateItems(this.tableName, input) });
    } catch (error) {
      const reason = error instanceof TransactionCanceledException ? error.CancellationReasons?.[0]?.Code : undefined;
      if (reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict') throw new StaleVersionError();
      throw error;
    }
  }

  async placementsInWijk(gemeenteCode: string, wijk: string): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.wijkPlaatsingen(gemeenteCode, wijk) }),
    );
    return z.object({ plaatsingen: z.number() }).safeParse(Item).data?.plaatsingen ?? 0;
  }

  async get(transitionId: string): Promise<Transition | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.transition(transitionId), ConsistentRead: true }),
    );
    return Item ? Transition.parse(fromStored(Item)) : undefined;
  }

  listOfTeam(organisationId: string, teamId: string | undefined, page: PageRequest): Promise<Page<TransitionSummary>> {
    return this.queryNewestFirst(keys.transitionsOfTeam(organisationId, teamId), page);
  }

  listOfBegeleider(userId: string, page: PageRequest): Promise<Page<TransitionSummary>> {
    return this.queryNewestFirst(keys.transitionsOfUser(userId), page);
  }

  async search(list: ListOf, filter: TransitionFilter, page: PageRequest): Promise<Page<TransitionSummary>> {
    const gsi1pk =
      'userId' in list ? keys.transitionsOfUser(list.userId) : keys.transitionsOfTeam(list.organisationId, list.teamId);
    const limit = page.limit ?? 50;
    const items: TransitionSummary[] = [];
    let start = decodeCursor(page.cursor, { attribute: 'gsi1pk', value: gsi1pk });
    let read = 0;
    // DynamoDB cannot match a name loosely: the list is read in pages and matched here, up to a bound per call.
    while (read < SEARCH_READ_LIMIT) {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi1pk },
          ScanIndexForward: false,
          Limit: 100,
          ExclusiveStartKey: start,
        }),
      );
      const found = result.Items ?? [];
      for (const [i, item] of found.entries()) {
        read += 1;
        const summary = TransitionSummary.parse(fromStored(item));
        if (matchesFilter(summary, filter)) items.push(summary);
        const more = i < found.length - 1 || result.LastEvaluatedKey !== undefined;
        // A full page, or the bound reached: the cursor is this item's key, so the next call starts after it.
        if (more && (items.length === limit || read >= SEARCH_READ_LIMIT)) {
          const { pk, sk, gsi1sk } = item as Record<string, string>;
          return { items, nextCursor: encodeCursor({ pk, sk, gsi1pk, gsi1sk })! };
        }
      }
      if (!result.LastEvaluatedKey) break;
      start = result.LastEvaluatedKey as Record<string, string>;
    }
    return { items };
  }

  private async queryNewestFirst(gsi1pk: string, page: PageRequest): Promise<Page<TransitionSummary>> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pk },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'gsi1pk', value: gsi1pk }),
      }),
    );
    const items = (result.Items ?? []).map((item) => TransitionSummary.parse(fromStored(item)));
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  }

  async appendEvent(event: TimelineEvent): Promise<void> {
    await this.db
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: timelineEventItem(event),
          // An event id is written once: a retried workflow step cannot duplicate it.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async timeline(transitionId: string): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.timelineQuery(transitionId, { cursor }, true);
      events.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return events;
  }

  timelinePage(transitionId: string, page: PageRequest): Promise<Page<TimelineEvent>> {
    return this.timelineQuery(transitionId, page, false);
  }

  private async timelineQuery(
    transitionId: string,
    page: Partial<PageRequest>,
    oldestFirst: boolean,
  ): Promise<Page<TimelineEvent>> {
    const pk = keys.timelinePartition(transitionId);
    const within = (sk: string) => sk.startsWith(keys.timelineEventPrefix);
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.timelineEventPrefix },
        ScanIndexForward: oldestFirst,
        ...(page.limit ? { Limit: page.limit } : {}),
        ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'pk', value: pk, sortKeyWithin: within }),
      }),
    );
    const items = (result.Items ?? []).map((item) => TimelineEvent.parse(item));
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  }
}

/**
 * The writes of one change of a transition, for one TransactWriteItems: the new version (conditional on the
 * version it was computed from: the first item, so a refusal is CancellationReasons[0]), the begeleider
 * summaries, the timeline event, the wijk counter when a placement starts or ends, the person lock when the
 * transition ends. Other stores add their own items to the same transaction (a signal resolved with a scale-up).
 */
export function transitionUpdateItems(tableName: string, { before, next, event, outbox = [] }: TransitionChange) {
  const placementDelta = Number(isPlaced(next)) - Number(isPlaced(before));
  const placedOffer = geaccepteerdeAanbieding(next.aanbiedingen) ?? geaccepteerdeAanbieding(before.aanbiedingen);
  // Landed, or ended by a decision from an earlier phase: the person may be registered again. Ending after
  // geland leaves the lock alone: it was released on landing and may name a newer transition by now.
  const released = (f: Transition['fase']) => f === 'geland' || f === 'beeindigd';
  const landed = released(next.fase) && !released(before.fase);
  const leftDuo = before.begeleiders.filter((b) => !next.begeleiders.some((n) => n.id === b.id));
  const unit = placedOffer?.eenheidnummer
    ? keys.homeOfCorporation(placedOffer.corporatieId, next.providerId, placedOffer.eenheidnummer)
    : undefined;
  return [
    {
      Put: {
        TableName: tableName,
        Item: transitionItem(next),
        // Optimistic concurrency: only the version this change was computed from may be replaced, and only if
        // the plan did not write its goals' dates since (this change would put back the ones it read).
        ...(before.doelStand === undefined
          ? {
              ConditionExpression: 'version = :expected AND attribute_not_exists(doelStand)',
              ExpressionAttributeValues: { ':expected': before.version },
            }
          : {
              ConditionExpression: 'version = :expected AND doelStand = :doelStand',
              ExpressionAttributeValues: { ':expected': before.version, ':doelStand': before.doelStand },
            }),
      },
    },
    ...assignmentItems(next).map((Item) => ({ Put: { TableName: tableName, Item } })),
    { Put: { TableName: tableName, Item: timelineEventItem(event) } },
    ...(placementDelta !== 0 && placedOffer
      ? [
          {
            Update: {
              TableName: tableName,
              Key: keys.wijkPlaatsingen(next.gemeenteCode, placedOffer.wijk),
              UpdateExpression: 'ADD plaatsingen :delta SET entity = :entity',
              ExpressionAttributeValues: { ':delta': placementDelta, ':entity': 'WijkPlaatsingen' },
            },
          },
        ]
      : []),
    ...(landed ? [{ Delete: { TableName: tableName, Key: keys.activePerson(personHash(next.persoon)) } }] : []),
    // A begeleider who left the duo no longer lists the transition as theirs.
    ...leftDuo.map((b) => ({ Delete: { TableName: tableName, Key: keys.assignment(next.id, b.id) } })),
    // The corporation names its homes by unit number: a placed home points to its transition (signals in).
    ...(unit && placementDelta === 1
      ? [{ Put: { TableName: tableName, Item: { ...unit, entity: 'HomeOfCorporation', transitionId: next.id } } }]
      : []),
    ...(unit && placementDelta === -1 ? [{ Delete: { TableName: tableName, Key: unit } }] : []),
    ...outbox.map((e) => ({
      Put: { TableName: tableName, Item: outboxItem(e), ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
}

/** The transition's own item, listed in its team's transitions (gsi1), newest first. */
function transitionItem(t: Transition) {
  return {
    ...keys.transition(t.id),
    gsi1pk: keys.transitionsOfTeam(t.providerId, t.teamId),
    gsi1sk: keys.newestFirst(t.createdAt, t.id),
    entity: 'Transition',
    ...t,
    // The organisation's list reads this item as a summary: it carries the summary's derived levels too.
    niveaus: levelsOf(t),
  };
}

/** One item per begeleider with a copy of the summary, so "my transitions" is one Query (gsi1). */
function assignmentItems(t: Transition) {
  const summary = summarize(t);
  return t.begeleiders.map((b) => ({
    ...keys.assignment(t.id, b.id),
    gsi1pk: keys.transitionsOfUser(b.id),
    gsi1sk: keys.newestFirst(t.createdAt, t.id),
    entity: 'BegeleiderAssignment',
    ...summary,
  }));
}

/** A person placed in a wijk: an accepted woning, and neither landed nor ended. */
function isPlaced(t: Transition): boolean {
  return Boolean(geaccepteerdeAanbieding(t.aanbiedingen)) && t.fase !== 'geland' && t.fase !== 'beeindigd';
}

/**
 * Who a person is, for "one active transition per person": there is no BSN here, so name and date of birth,
 * normalised as a register compares names (personIdentity) and hashed (the key holds no readable personal data).
 */
export function personHash(p: Transition['persoon']): string {
  return createHash('sha256').update(personIdentity(p)).digest('base64url');
}

/** The parts of a request that make it "the same request" for an idempotency key. */
function idempotencyPayload(t: Transition): unknown {
  return [t.persoon, t.gemeenteCode, t.herkomst, t.begeleiders.map((b) => b.id)];
}

async function hashOf(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('base64url');
}
