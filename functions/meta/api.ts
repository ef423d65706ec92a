import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createOpenApiDocument } from '../../shared/api/openapi';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { createApiHandler, type ApiHandlerOptions } from '../http/api-handler';
import { lazy, runtime } from '../runtime';

/** The API describes itself from the contract, and reports whether its table answers. */
export function createMetaApi(checkTable: () => Promise<boolean>, options: ApiHandlerOptions = {}) {
  const openApiDocument = lazy(() => createOpenApiDocument());
  return createApiHandler('meta', {
    getOpenApi: async () => ({ body: { ...openApiDocument() }, headers: { 'cache-control': 'private, max-age=300' } }),
    getHealth: async () => {
      const table = await checkTable().catch(() => false);
      return { body: { status: table ? 'ok' : 'degraded', checks: { database: table ? 'ok' : 'failing' } } };
    },
  }, options);
}

export const handler = createMetaApi(async () => {
  const { Table } = await runtime.dynamoClient().send(new DescribeTableCommand({ TableName: runtime.tableName() }));
  return Table?.TableStatus === 'ACTIVE';
}, { audit: auditFromEnvironment });
