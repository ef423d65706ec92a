import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isTemporaryFailure, isThrottling } from '../aws-failures';

/** Rounds of the SDK's own attempts one write gets, each round sent with the same ClientRequestToken. */
export const TOKEN_ROUNDS = 3;

/**
 * Whether DynamoDB may have applied a write that failed: a timeout, a dropped connection or a 5xx may come after
 * the commit. Throttling is a refusal (nothing applied), except TransactionInProgress: the same token is still
 * being applied, so its outcome is open too.
 */
function outcomeUnknown(error: unknown): boolean {
  return (
    isTemporaryFailure(error) && (!isThrottling(error) || (error as Error).name === 'TransactionInProgressException')
  );
}

/**
 * Sends one TransactWriteItems with a ClientRequestToken of its own, and when the SDK's attempts end in a
 * timeout, a dropped connection or a 5xx, sends it again with that same token before giving up.
 *
 * Why: a timeout does not say whether DynamoDB committed. The SDK's retries reuse the token of one `send`, but a
 * new `send` would serialise a new one, so a transaction whose answers were all lost would either be answered
 * 503 (although it committed) or be written twice. With the token, DynamoDB applies a retried transaction once
 * (for ten minutes) and answers it as it did the first time, so the answer is the committed result. Throttling
 * that outlasts the SDK's attempts is thrown at once (503: nothing was applied). An unknown outcome that lasts
 * through every round is thrown too (and answered 503): the writes that create something carry an
 * idempotency record in the same transaction, so the client's retry with its Idempotency-Key is safe too.
 */
export async function transactWrite(db: DynamoDBDocumentClient, input: TransactWriteCommandInput): Promise<void> {
  const command = new TransactWriteCommand({ ...input, ClientRequestToken: input.ClientRequestToken ?? randomUUID() });
  for (let round = 1; ; round++) {
    try {
      await db.send(command);
      return;
    } catch (error) {
      if (round >= TOKEN_ROUNDS || !outcomeUnknown(error)) throw error;
      await sleep(Math.random() * 100 * 2 ** round);
    }
  }
}
