import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from './storage/dynamo-client';

/**
 * What a Lambda reads from its environment, read once per container and only when first needed
 * (so tests and the local gateway can set the environment before a handler runs).
 */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/**
 * How every Lambda's DynamoDB client retries, set on purpose rather than left to the SDK's defaults:
 * - `standard` mode, 3 attempts: throttling (ProvisionedThroughputExceeded, ThrottlingException,
 *   RequestLimitExceeded), timeouts, dropped connections and 5xx are retried with exponential backoff and full
 *   jitter (after throttling from a base of 500 ms), which rides out a burst within a second or two. Not `adaptive`:
 *   its client-side rate limiter would hold back every request of the container after one throttle. Not more
 *   attempts: an API Lambda has 10 s and a person is waiting; when three attempts fail the API answers 503 with
 *   Retry-After (functions/http/problem-responses.ts) and nothing is half-written, because every change is one
 *   TransactWriteItems, which the SDK retries with the same ClientRequestToken, so DynamoDB applies it once; when
 *   every attempt left the outcome open, functions/storage/transact-write.ts sends it again with that token.
 *   Workflow tasks have Step Functions' retries on top of these, the stream and queue consumers their event source's.
 * - timeouts: by default the SDK waits up to five minutes on a silent socket, far beyond any Lambda's time. A
 *   connection gets 1 s and a silent socket 5 s (DynamoDB answers in milliseconds, DynamoDB Local on a busy laptop
 *   well within a second), so a hung connection is retried on a fresh one instead of using up the Lambda.
 */
export const dynamoClientSettings = {
  maxAttempts: 3,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 1_000, socketTimeout: 5_000 },
} as const;

let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: SFNClient | undefined;

export const runtime = {
  tableName: () => requiredEnv('TABLE_NAME'),
  /** The workflows a handler may start, as the environment names them. */
  workflowArns: () => ({
    transition: requiredEnv('TRANSITION_WORKFLOW_ARN'),
    move: requiredEnv('MOVE_WORKFLOW_ARN'),
    signals: requiredEnv('SIGNAL_WORKFLOW_ARN'),
  }),
  dynamoClient: () => (dynamoClient ??= new DynamoDBClient(dynamoClientSettings)),
  documentClient: () => (documentClient ??= createDocumentClient(runtime.dynamoClient())),
  sfnClient: () => (sfnClient ??= new SFNClient({})),
};

/** Builds a value on first use and keeps it: Lambda containers reuse it across invocations. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
