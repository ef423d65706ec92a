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

let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: SFNClient | undefined;

export const runtime = {
  tableName: () => requiredEnv('TABLE_NAME'),
  /** The workflows a handler may start, as the environment names them. */
  workflowArns: () => ({ transition: requiredEnv('TRANSITION_WORKFLOW_ARN'), move: requiredEnv('MOVE_WORKFLOW_ARN'), signals: requiredEnv('SIGNAL_WORKFLOW_ARN') }),
  dynamoClient: () => (dynamoClient ??= new DynamoDBClient({})),
  documentClient: () => (documentClient ??= createDocumentClient(runtime.dynamoClient())),
  sfnClient: () => (sfnClient ??= new SFNClient({})),
};

/** Builds a value on first use and keeps it: Lambda containers reuse it across invocations. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
