import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type ClientHook = (client: DynamoDBClient) => void;

// Shared by every copy of this module in a process (the local runtime imports handlers by path).
const registry = globalThis as Record<symbol, unknown>;
registry[Symbol.for('landing.dynamoClientHooks')] ??= [];
const hooks = registry[Symbol.for('landing.dynamoClientHooks')] as ClientHook[];

/**
 * Lets a tool see every client made from now on in this process: the benchmark's read meter
 * (test/bench/read-meter.ts) adds its middleware this way. Nothing registers one in a Lambda.
 */
export function onNewDynamoClient(hook: ClientHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

/**
 * A document client. The endpoint comes from the SDK's own settings (AWS_ENDPOINT_URL_DYNAMODB locally),
 * so the code path is the same against DynamoDB Local and AWS.
 */
export function createDocumentClient(client: DynamoDBClient = new DynamoDBClient({})): DynamoDBDocumentClient {
  for (const hook of hooks) hook(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
