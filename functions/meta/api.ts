import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createOpenApiDocument } from '../../shared/api/openapi';
import { createApiHandler } from '../http/api-handler';
import { lazy, runtime } from '../runtime';

/** The API describes itself from the contract, and reports whether its table answers. */
export function createMetaApi(checkTable: () => Promise<boolean>) {
  const openApiDocument = lazy(() => createOpenApiDocument());
  return createApiHandler('meta', {
    getOpenApi: async () => ({ body: { ...openApiDocument() }, headers: { 'cache-control': 'public, max-age=300' } }),
    getHealth: async () => {
      const table = await checkTable().catch(() => false);
      return { body: { status: table ? 'ok' : 'degraded', checks: { database: table ? 'ok' : 'failing' } } };
    },
  });
}

export const handler = createMetaApi(async () => {
  const { Table } = await runtime.dynamoClient().send(new DescribeTableCommand({ TableName: runtime.tableName() }));
  return Table?.TableStatus === 'ACTIVE';
});
