import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { refusedRequestFrom, type AccessLogRecord } from '../../functions/audit/access-log';
import { createRefusedRequestsHandler } from '../../functions/audit/refused-requests';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { auditTableDesign } from '../../functions/storage/table-design';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { createTestTable, type TestTable } from '../support/dynamo';

/** API Gateway's access log lines → refused requests in the audit trail (on DynamoDB Local). */
const line = (overrides: Partial<AccessLogRecord>): AccessLogRecord => ({
  requestId: 'req-1',
  time: String(Date.parse('2027-03-01T08:00:00Z')),
  routeKey: 'GET /api/transitions/{transitionId}',
  status: '401',
  sourceIp: '198.51.100.7',
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
    expect(refusedRequestFrom(line({ authorizerError: 'the token has expired' }), 'e2')).toMatchObject({ reden: 'verlopen', melding: 'the token has expired' });
    expect(refusedRequestFrom(line({ authorizerError: 'invalid signature' }), 'e3')).toMatchObject({ reden: 'ongeldig' });
    expect(refusedRequestFrom(line({ routeKey: 'POST /api/corporatie/signalen', status: '403' }), 'e4')).toMatchObject({ reden: 'sleutel-geweigerd', waar: { kanaal: 'corporatie-api' } });
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
      data: gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE', owner: '1', logGroup: 'g', logStream: 's', subscriptionFilters: ['Refusals'], logEvents: logEvents.map((e) => ({ ...e, timestamp: 0 })) })).toString('base64'),
    },
  });

  it('writes each refusal once, even when CloudWatch delivers the batch again, and passes over other lines', async () => {
    const handler = createRefusedRequestsHandler(() => audit);
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
    const control = { awslogs: { data: gzipSync(JSON.stringify({ messageType: 'CONTROL_MESSAGE', logEvents: [] })).toString('base64') } };
    expect(await createRefusedRequestsHandler(() => audit)(control)).toEqual({ recorded: 0 });
  });
});
