import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observed } from '../../functions/observability/context';
import { startReadMeter, type DynamoCall } from './read-meter';
import { createTestTable, type TestTable } from '../support/dynamo';

/** The benchmark's read meter: off it reports nothing; on it counts what each call read, per request. */
describe('read meter', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('meter');
    const items = Array.from({ length: 3 }, (_, i) => ({ PutRequest: { Item: { pk: 'P#1', sk: `S#${i}`, n: i } } }));
    await table.db.send(
      new BatchWriteCommand({
        RequestItems: { [table.tableName]: [...items, { PutRequest: { Item: { pk: 'P#2', sk: 'S#0' } } }] },
      }),
    );
  });
  afterAll(() => table.client.destroy());

  const query = () =>
    table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'P#1' },
      }),
    );

  it('counts the items a Query and a GetItem read, with the request they belong to', async () => {
    const calls: DynamoCall[] = [];
    const stop = startReadMeter((call) => calls.push(call));
    const request = observed(
      async (_event: unknown) => {
        await query();
        await table.db.send(new GetCommand({ TableName: table.tableName, Key: { pk: 'P#2', sk: 'S#0' } }));
        await table.db.send(new GetCommand({ TableName: table.tableName, Key: { pk: 'P#2', sk: 'missing' } }));
      },
      () => 'bench-request-0001',
    );
    await request({}, undefined);
    stop();
    await query();

    expect(
      calls.map(({ command, tables, itemsRead, correlationId }) => ({ command, tables, itemsRead, correlationId })),
    ).toEqual([
      { command: 'QueryCommand', tables: [table.tableName], itemsRead: 3, correlationId: 'bench-request-0001' },
      { command: 'GetItemCommand', tables: [table.tableName], itemsRead: 1, correlationId: 'bench-request-0001' },
      { command: 'GetItemCommand', tables: [table.tableName], itemsRead: 0, correlationId: 'bench-request-0001' },
    ]);
    expect(calls.every((c) => c.itemsWritten === 0 && c.ms >= 0)).toBe(true);
  });

  it('counts the requests of a batch write, and leaves the caller’s command as it was', async () => {
    const calls: DynamoCall[] = [];
    const stop = startReadMeter((call) => calls.push(call));
    const command = new BatchWriteCommand({
      RequestItems: {
        [table.tableName]: [
          { PutRequest: { Item: { pk: 'P#3', sk: 'S#0' } } },
          { PutRequest: { Item: { pk: 'P#3', sk: 'S#1' } } },
        ],
      },
    });
    await table.db.send(command);
    stop();
    expect(calls).toMatchObject([{ command: 'BatchWriteItemCommand', itemsRead: 0, itemsWritten: 2 }]);
    expect(command.input).not.toHaveProperty('ReturnConsumedCapacity');
  });
});
