import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { IdempotencyKeyReusedError } from '../transitions/errors';

/** An Idempotency-Key of a user, bound to the request it was first used for. */
export interface Idempotency {
  userId: string;
  key: string;
  /** A hash of what makes two requests "the same request": their target and their (parsed) body. */
  requestHash: string;
}

const TTL_SECONDS = 24 * 60 * 60;

/** What makes two requests with one key "the same request", hashed (the record holds no personal data). */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}

/** The key's record, per kind of record it creates (a key used for a signal is free for a contactmoment). */
function recordKey(kind: string, idempotency: Idempotency) {
  return { pk: `IDEMPOTENCY#${kind.toUpperCase()}#${idempotency.userId}#${idempotency.key}`, sk: 'IDEMPOTENCY' };
}

/**
 * The Put that claims the key, for the transaction that creates the record `created` (its pk and sk): the claim
 * and the record are written together or not at all.
 */
export function claimKey(
  tableName: string,
  kind: string,
  idempotency: Idempotency,
  created: { pk: string; sk: string },
  at: string,
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...recordKey(kind, idempotency),
        entity: 'IdempotencyRecord',
        requestHash: idempotency.requestHash,
        createdPk: created.pk,
        createdSk: created.sk,
        expiresAt: Math.floor(Date.parse(at) / 1000) + TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const Claim = z.object({ requestHash: z.string(), createdPk: z.string(), createdSk: z.string() });

/**
 * The record a key created first, as stored (undefined when the key is unused); a key used for another request
 * is refused with IdempotencyKeyReusedError.
 */
export async function firstCreated(
  db: DynamoDBDocumentClient,
  tableName: string,
  kind: string,
  idempotency: Idempotency,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: recordKey(kind, idempotency), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const claim = Claim.parse(Item);
  if (claim.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
  const { Item: created } = await db.send(
    new GetCommand({ TableName: tableName, Key: { pk: claim.createdPk, sk: claim.createdSk }, ConsistentRead: true }),
  );
  if (!created) throw new Error('idempotency record points to a missing item');
  return created;
}
