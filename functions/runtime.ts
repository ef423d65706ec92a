import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requiredEnv, workflowArns } from './environment';
import { createDocumentClient } from './storage/dynamo-client';

export { lazy, requiredEnv } from './environment';

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

export const runtime = {
  tableName: () => requiredEnv('TABLE_NAME'),
  workflowArns,
  dynamoClient: () => (dynamoClient ??= new DynamoDBClient(dynamoClientSettings)),
  documentClient: () => (documentClient ??= createDocumentClient(runtime.dynamoClient())),
};
