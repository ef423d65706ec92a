import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../shared/domain/common/errors';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoDeliveryStore } from '../../functions/storage/dynamo-delivery-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createTransitionsApi } from '../../functions/transitions/api';
import { ensureTable } from '../../infra/local/dynamodb-local';
import type { Problem } from '../../shared/api/problem';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { people } from '../support/factories';

/**
 * A cursor is DynamoDB's LastEvaluatedKey, base64url: anyone can write one. One with the right partition but
 * another shape (a key attribute missing or extra, an empty value, a sort key outside the query's condition)
 * used to reach DynamoDB as the start key, which refused it with a ValidationException: a 500. Found by the
 * fuzz test (test/fuzz/routes.fuzz.test.ts). Now it is the 400 of any cursor that was not handed out.
 */
const cursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

let table: TestTable;
let auditTable: string;

beforeAll(async () => {
  table = await createTestTable('page-cursor');
  auditTable = `${table.tableName}-audit`;
  await ensureTable(table.client, auditTable, auditTableDesign);
});

async function refused(read: Promise<unknown>): Promise<void> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  expect((error as InvalidInput).invalidParams).toEqual([
    { name: 'cursor', code: 'invalid_cursor', reason: expect.any(String) },
  ]);
}

describe('crafted cursors with the right partition', () => {
  it('are refused for a list on an index (my transitions) unless they have exactly its key', async () => {
    const store = new DynamoTransitionStore(table.db, table.tableName);
    const gsi1pk = 'USER#u-sanne#TRANSITIONS';
    for (const key of [
      { gsi1pk },
      { gsi1pk, gsi1sk: '2024-01-01T00:00:00.000Z#x' },
      { gsi1pk, gsi1sk: 'x', pk: 'TRANSITION#x', sk: 'BEGELEIDER#u-sanne', extra: 'y' },
      { gsi1pk, gsi1sk: '', pk: 'TRANSITION#x', sk: 'BEGELEIDER#u-sanne' },
      { gsi1pk, gsi1sk: 'x', pk: 'TRANSITION#x', sk: 7 },
    ]) {
      await refused(store.listOfBegeleider('u-sanne', { limit: 5, cursor: cursor(key) }));
    }
    // The shape DynamoDB hands out is a start key it takes, wherever it points.
    await expect(
      store.listOfBegeleider('u-sanne', {
        limit: 5,
        cursor: cursor({ gsi1pk, gsi1sk: 'x', pk: 'TRANSITION#x', sk: 'BEGELEIDER#u-sanne' }),
      }),
    ).resolves.toEqual({ items: [] });
  });

  it('are refused for a delivery log when the sort key lies outside the query', async () => {
    const store = new DynamoDeliveryStore(table.db, table.tableName);
    const pk = 'ENDPOINT#e-1';
    await refused(store.log('e-1', { limit: 5, cursor: cursor({ pk, sk: 'AAAA' }) }));
    await refused(store.log('e-1', { limit: 5, cursor: cursor({ pk }) }));
    await refused(
      store.log('e-1', {
        limit: 5,
        since: '2024-06-01T00:00:00.000Z',
        cursor: cursor({ pk, sk: 'DELIVERY#2024-01-01T00:00:00.000Z#x' }),
      }),
    );
    await expect(
      store.log('e-1', { limit: 5, cursor: cursor({ pk, sk: 'DELIVERY#2024-01-01T00:00:00.000Z#x' }) }),
    ).resolves.toEqual({ items: [] });
    await expect(
      store.log('e-1', {
        limit: 5,
        since: '2024-06-01T00:00:00.000Z',
        cursor: cursor({ pk, sk: 'DELIVERY#2024-07-01T00:00:00.000Z#x' }),
      }),
    ).resolves.toEqual({ items: [] });
  });

  it('are refused for the audit trail’s lists, on the table and on both its indexes', async () => {
    const audit = new DynamoAuditLog(table.db, auditTable, 30);
    await refused(audit.ofPerson('p-1', { limit: 5, cursor: cursor({ pk: 'PERSON#p-1' }) }));
    await refused(audit.ofUser('u-sanne', { limit: 5, cursor: cursor({ gsi1pk: 'USER#u-sanne', gsi1sk: 'x' }) }));
    await refused(
      audit.emergencyAccessOfTeam('org-a', 'team-a1', {
        limit: 5,
        cursor: cursor({ gsi2pk: 'NOOD#org-a#team-a1', gsi2sk: 'x', pk: 'PERSON#p', sk: 'x', gsi1pk: 'USER#u' }),
      }),
    );
    await expect(
      audit.ofUser('u-sanne', {
        limit: 5,
        cursor: cursor({ gsi1pk: 'USER#u-sanne', gsi1sk: 'x', pk: 'DAY#2024-01-01', sk: 'x' }),
      }),
    ).resolves.toEqual({ items: [] });
  });

  it('answer 400 through the API, not 500', async () => {
    const handler = createTransitionsApi(() => ({
      store: new DynamoTransitionStore(table.db, table.tableName),
      directory: new DynamoOrganisationDirectory(table.db, table.tableName),
      workflow: {
        start: async () => undefined,
        evaluateMove: async () => undefined,
        evaluateSignals: async () => undefined,
      } as never,
      now: () => new Date(),
      newId: randomUUID,
    }));
    const response = await invoke<Problem>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
      query: { cursor: cursor({ gsi1pk: `USER#${people.sanne.userId}#TRANSITIONS` }) },
    });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams?.[0]).toMatchObject({ name: 'cursor', code: 'invalid_cursor' });
  });
});
