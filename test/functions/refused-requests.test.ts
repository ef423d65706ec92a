import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { refusedRequestFrom, type AccessLogRecord } from '../../functions/audit/access-log';
import { operations, routeKey } from '../../shared/api/contract';
import { createRefusedRequestsHandler } from '../../functions/audit/refused-requests';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { dynamoClientSettings } from '../../functions/runtime';
import { ensureTable, localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { LocalParkedAudit } from '../../infra/local/local-parked-audit';
import { replayParkedAudit } from '../../infra/ops/recovery/replay-audit';
import { DynamoWire } from '../resilience/support/dynamo-wire';
import { createTestTable, type TestTable } from '../support/dynamo';

/** API Gateway's access log lines → refused requests in the audit trail (on DynamoDB Local). */
const line = (overrides: Partial<AccessLogRecord>): AccessLogRecord => ({
  requestId: 'req-1',
  time: String(Date.parse('2027-03-01T08:00:00Z')),
  routeKey: 'GET /api/transitions/{transitionId}',
  status: '401',
  sourceIp: '198.51.100.7',
  user: '-',
  corporatieId: '-',
  keyPrefix: '-',
  authorizerError: '-',
  integrationStatus: '-',
  responseLatency: '3',
  ...overrides,
});

describe('reading an access log line', () => {
  it('takes what API Gateway refused itself, and why', () => {
    expect(refusedRequestFrom(line({}), 'e1')).toEqual({
      id: 'e1',
      at: '2027-03-01T08:00:00.000Z',
      reden: 'geen-token',
      route: 'GET /api/transitions/{transitionId}',
      status: 401,
      waar: { requestId: 'req-1', kanaal: 'web-api', bron: '198.51.100.7' },
    });
    expect(refusedRequestFrom(line({ authorizerError: 'the token has expired' }), 'e2')).toMatchObject({
      reden: 'verlopen',
      melding: 'the token has expired',
    });
    expect(refusedRequestFrom(line({ authorizerError: 'invalid signature' }), 'e3')).toMatchObject({
      reden: 'ongeldig',
    });
    expect(refusedRequestFrom(line({ routeKey: 'POST /api/corporatie/signalen', status: '403' }), 'e4')).toMatchObject({
      reden: 'sleutel-geweigerd',
      waar: { kanaal: 'corporatie-api' },
    });
  });

  it('reads every route of the whole contract on an API key as the corporation channel, and no other', () => {
    for (const spec of Object.values(operations)) {
      expect(refusedRequestFrom(line({ routeKey: routeKey(spec), status: '403' }), 'e')?.waar.kanaal).toBe(
        spec.auth === 'corporation' ? 'corporatie-api' : 'web-api',
      );
    }
  });

  it('leaves out what a handler answered (it records its own refusals) and what was not refused', () => {
    expect(refusedRequestFrom(line({ status: '403', integrationStatus: '403' }), 'e')).toBeUndefined();
    expect(refusedRequestFrom(line({ status: '200', integrationStatus: '200' }), 'e')).toBeUndefined();
    expect(refusedRequestFrom(line({ status: '404' }), 'e')).toBeUndefined();
    expect(refusedRequestFrom({}, 'e')).toBeUndefined();
  });
});

describe('the subscription’s Lambda', () => {
  let table: TestTable;
  let audit: DynamoAuditLog;
  beforeAll(async () => {
    table = await createTestTable('refusals');
    await ensureTable(table.client, `${table.tableName}-audit`, auditTableDesign);
    audit = new DynamoAuditLog(table.db, `${table.tableName}-audit`, 30);
  });

  const event = (logEvents: { id: string; message: string }[]) => ({
    awslogs: {
      data: gzipSync(
        JSON.stringify({
          messageType: 'DATA_MESSAGE',
          owner: '1',
          logGroup: 'g',
          logStream: 's',
          subscriptionFilters: ['Refusals'],
          logEvents: logEvents.map((e) => ({ ...e, timestamp: 0 })),
        }),
      ).toString('base64'),
    },
  });

  it('writes each refusal once, even when CloudWatch delivers the batch again, and passes over other lines', async () => {
    const handler = createRefusedRequestsHandler(
      () => audit,
      () => undefined,
    );
    const batch = event([
      { id: 'log-1', message: JSON.stringify(line({ requestId: 'a' })) },
      { id: 'log-2', message: JSON.stringify(line({ requestId: 'b', authorizerError: 'the token has expired' })) },
      { id: 'log-3', message: JSON.stringify(line({ requestId: 'c', status: '403', integrationStatus: '403' })) },
      { id: 'log-4', message: 'not json' },
    ]);
    expect(await handler(batch)).toEqual({ recorded: 2 });
    expect(await handler(batch)).toEqual({ recorded: 2 });
    const stored = (await audit.refusedRequestsOn('2027-03-01', { limit: 10 })).items;
    expect(stored.map((r) => [r.waar.requestId, r.reden]).sort()).toEqual([
      ['a', 'geen-token'],
      ['b', 'verlopen'],
    ]);
  });

  it('ignores CloudWatch’s control message', async () => {
    const control = {
      awslogs: { data: gzipSync(JSON.stringify({ messageType: 'CONTROL_MESSAGE', logEvents: [] })).toString('base64') },
    };
    expect(
      await createRefusedRequestsHandler(
        () => audit,
        () => undefined,
      )(control),
    ).toEqual({ recorded: 0 });
  });
});

describe('when the audit table fails', { timeout: 30_000 }, () => {
  let table: TestTable;
  let auditTable: string;
  let wire: DynamoWire;
  let audit: DynamoAuditLog;
  beforeAll(async () => {
    table = await createTestTable('refusal-faults');
    auditTable = `${table.tableName}-audit`;
    await ensureTable(table.client, auditTable, auditTableDesign);
    // The Lambdas' own client settings, faulted on the wire (below the SDK's retries).
    const client = new DynamoDBClient({
      ...dynamoClientSettings,
      endpoint: table.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    wire = new DynamoWire(client);
    audit = new DynamoAuditLog(createDocumentClient(client), auditTable, 30);
  });

  const batchOf = (requestId: string) => ({
    awslogs: {
      data: gzipSync(
        JSON.stringify({
          messageType: 'DATA_MESSAGE',
          owner: '1',
          logGroup: 'g',
          logStream: 's',
          subscriptionFilters: ['Refusals'],
          logEvents: [
            {
              id: `log-${requestId}`,
              timestamp: 0,
              message: JSON.stringify(line({ requestId, time: String(Date.parse('2027-04-02T08:00:00Z')) })),
            },
          ],
        }),
      ).toString('base64'),
    },
  });
  const stored = async (requestId: string) =>
    (await new DynamoAuditLog(table.db, auditTable, 30).refusedRequestsOn('2027-04-02', { limit: 100 })).items.filter(
      (r) => r.waar.requestId === requestId,
    );

  it('retries past what the SDK retried: a refusal whose writes time out four times is in the audit trail, once, and nothing is parked', async () => {
    const parked = new LocalParkedAudit();
    const handler = createRefusedRequestsHandler(
      () => audit,
      () => parked,
    );
    // The SDK gives up after three attempts; the handler's own retry tries again.
    wire.reset().fail('BatchWriteItem', { timeout: 'before' }, dynamoClientSettings.maxAttempts + 1, auditTable);
    expect(await handler(batchOf('retried'))).toEqual({ recorded: 1 });
    expect(wire.attempts('BatchWriteItem')).toBeGreaterThan(dynamoClientSettings.maxAttempts);
    expect(await stored('retried')).toHaveLength(1);
    expect(await parked.count()).toBe(0);
  });

  it('parks a refusal it cannot write after its retries; the replay writes it exactly once', async () => {
    const parked = new LocalParkedAudit();
    const handler = createRefusedRequestsHandler(
      () => audit,
      () => parked,
    );
    wire.reset().fail('BatchWriteItem', { throttle: 'ThrottlingException' }, Infinity, auditTable);
    expect(await handler(batchOf('parked'))).toEqual({ recorded: 0, parked: 1 });
    expect(await stored('parked')).toEqual([]);
    expect(await parked.count()).toBe(1);

    // The table answers again; ops replay, twice (a second run, or a message SQS hands out again): one record.
    wire.reset();
    const first = await replayParkedAudit({ queue: parked, audit }, { dryRun: false });
    expect(first).toMatchObject({ messages: 1, written: 1, unreadable: 0 });
    expect(await parked.count()).toBe(0);
    expect(await replayParkedAudit({ queue: parked, audit }, { dryRun: false })).toMatchObject({
      messages: 0,
      written: 0,
    });
    // CloudWatch delivering the same batch again writes the same entry, not a second one.
    await handler(batchOf('parked'));
    expect(await stored('parked')).toHaveLength(1);
    expect((await stored('parked'))[0]).toMatchObject({ id: 'log-parked', reden: 'geen-token', status: 401 });
  });

  it('replays a batch Lambda itself parked (its dead-letter queue holds the CloudWatch Logs event) the same way', async () => {
    const parked = new LocalParkedAudit();
    await parked.park(batchOf('lambda-dlq'));
    const dry = await replayParkedAudit({ queue: parked, audit }, { dryRun: true });
    expect(dry).toMatchObject({ messages: 1, written: 0 });
    expect(await parked.count()).toBe(1);
    expect(await replayParkedAudit({ queue: parked, audit }, { dryRun: false })).toMatchObject({
      messages: 1,
      written: 1,
    });
    expect(await stored('lambda-dlq')).toHaveLength(1);
  });

  it('keeps a message it cannot read, and says so', async () => {
    const parked = new LocalParkedAudit();
    await parked.park({ soort: 'onbekend' });
    expect(await replayParkedAudit({ queue: parked, audit }, { dryRun: false })).toMatchObject({
      messages: 1,
      written: 0,
      unreadable: 1,
    });
    expect(await parked.count()).toBe(1);
  });
});
