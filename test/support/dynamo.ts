import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { ensureTable, localClient } from '../../infra/local/dynamodb-local';

export interface TestTable {
  tableName: string;
  endpoint: string;
  client: DynamoDBClient;
  db: DynamoDBDocumentClient;
}

/** A fresh table in the run's DynamoDB Local, created from the same design as on AWS. */
export async function createTestTable(prefix = 'test'): Promise<TestTable> {
  const endpoint = inject('dynamoEndpoint');
  const client = localClient(endpoint);
  const tableName = `landing-${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return { tableName, endpoint, client, db: createDocumentClient(client) };
}
