import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, RefusedRequest } from '../../../shared/domain/audit/audit';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { keys } from '../../../functions/storage/keys';
import { auditTableDesign, tableDesign, type TableDesign } from '../../../functions/storage/table-design';
import { ensureTable } from '../../../infra/local/dynamodb-local';
import { AwsRestorePort } from '../../../infra/ops/recovery/aws-restore-port';
import { checkTable, type CheckReport } from '../../../infra/ops/recovery/table-check';
import type { Transition } from '../../../shared/domain/transition/transition';
import { createTestTable, type TestTable } from '../../support/dynamo';
import { factoryPersonNames, people, seedOrganisations } from '../../support/factories';
import { seedPersonRecord } from '../../support/person-record';

/**
 * The checks a restore runs on the restored table, against DynamoDB Local (which has no point-in-time restore,
 * so the "restored" table is one made from the design and filled through the product's own stores): they pass
 * on what the product wrote, and each fails with a clear reason on what it did not.
 */
let table: TestTable;
let first: Transition;
let second: Transition;

const check = (kind: 'main' | 'audit', tableName: string, t: TestTable = table): Promise<CheckReport> =>
  // DescribeTable through the restore's own adapter; CloudFormation is not asked here.
  checkTable(
    {
      describe: (name) =>
        new AwsRestorePort(t.client, new CloudFormationClient({ region: 'eu-west-1' })).describe(name),
      db: t.db,
    },
    kind,
    tableName,
    { samples: 10 },
  );
const finding = (report: CheckReport, name: string) => report.findings.find((f) => f.check === name);

beforeAll(async () => {
  table = await createTestTable('restore-check');
  await seedOrganisations(table.db, table.tableName);
  first = await seedPersonRecord(table.db, table.tableName, { startAt: '2027-01-05T10:00:00Z' });
  second = await seedPersonRecord(table.db, table.tableName, {
    startAt: '2027-01-06T10:00:00Z',
    endAt: '2027-02-01T10:00:00Z',
  });
});

describe('checking a restored product table', () => {
  it('passes on what the product wrote: keys and index as designed, items counted per entity, every duo and timeline there, samples parse', async () => {
    // Act
    const report = await check('main', table.tableName);

    // Assess
    expect(report.findings.map((f) => [f.check, f.ok])).toEqual([
      ['sleutels en indexen', true],
      ['begeleiders', true],
      ['tijdlijn', true],
      ['leesbaar', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({
      Transition: 2,
      BegeleiderAssignment: 4,
      Budget: 2,
      Signal: 6,
      Task: 4,
      Organisation: 6,
    });
    expect(report.counts.TimelineEvent).toBeGreaterThanOrEqual(10);
    expect(finding(report, 'begeleiders')?.detail).toBe('2 trajecten, 4 toewijzingen, alle aanwezig');
    expect(finding(report, 'leesbaar')?.detail).toBe(
      '10 steekproeflezingen door de stores van het product, alle geldig',
    );
    // Counts and ids only: nothing of the people in the records
    const printed = JSON.stringify(report);
    for (const name of [
      ...factoryPersonNames,
      first.persoon.achternaam,
      second.persoon.achternaam,
      first.persoon.geboortedatum,
    ])
      expect(printed).not.toContain(name);
  });

  it('fails when a transition lost a begeleider assignment, naming the transition', async () => {
    // Prepare
    const broken = await createTestTable('restore-check-duo');
    const t = await seedPersonRecord(broken.db, broken.tableName, { startAt: '2027-01-05T10:00:00Z' });
    await broken.db.send(
      new DeleteCommand({ TableName: broken.tableName, Key: keys.assignment(t.id, people.youssef.userId) }),
    );

    // Act
    const report = await check('main', broken.tableName, broken);

    // Assess
    expect(report.ok).toBe(false);
    expect(finding(report, 'begeleiders')).toEqual({
      check: 'begeleiders',
      ok: false,
      detail: `1 trajecten missen een begeleider of hun toewijzing (${t.id})`,
    });
    expect(finding(report, 'tijdlijn')?.ok).toBe(true);
  });

  it('fails when a transition has no timeline, or an item no longer parses with the domain’s schema', async () => {
    // Prepare
    const broken = await createTestTable('restore-check-items');
    const t = await seedPersonRecord(broken.db, broken.tableName, { startAt: '2027-01-05T10:00:00Z' });
    const { Items } = await broken.db.send(
      new QueryCommand({
        TableName: broken.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${t.id}`, ':e': 'EVENT#' },
      }),
    );
    for (const { pk, sk } of Items ?? [])
      await broken.db.send(new DeleteCommand({ TableName: broken.tableName, Key: { pk, sk } }));
    await broken.db.send(
      new UpdateCommand({
        TableName: broken.tableName,
        Key: keys.transition(t.id),
        UpdateExpression: 'SET fase = :f',
        ExpressionAttributeValues: { ':f': 'onbekende-fase' },
      }),
    );

    // Act
    const report = await check('main', broken.tableName, broken);

    // Assess
    expect(finding(report, 'tijdlijn')).toEqual({
      check: 'tijdlijn',
      ok: false,
      detail: `1 trajecten zonder tijdlijn (${t.id})`,
    });
    expect(finding(report, 'leesbaar')?.ok).toBe(false);
    expect(finding(report, 'leesbaar')?.detail).toContain(`traject ${t.id}: ZodError op fase`);
    expect(finding(report, 'leesbaar')?.detail).not.toContain('onbekende-fase');
  });

  it('fails on a wrong or missing index, before reading any item', async () => {
    // Prepare: a table whose gsi1 has another sort key, and one with another index instead
    const wrong = {
      ...tableDesign,
      globalIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'createdAt' }],
    } as unknown as TableDesign;
    const wrongName = `landing-restore-wrong-${randomUUID().slice(0, 8)}`;
    await ensureTable(table.client, wrongName, wrong);
    const bare = {
      ...tableDesign,
      globalIndexes: [{ indexName: 'byTeam', partitionKey: 'teamId', sortKey: 'createdAt' }],
    } as unknown as TableDesign;
    const bareName = `landing-restore-bare-${randomUUID().slice(0, 8)}`;
    await ensureTable(table.client, bareName, bare);

    // Act
    const [wrongReport, bareReport, missing] = await Promise.all([
      check('main', wrongName),
      check('main', bareName),
      check('main', 'landing-restore-does-not-exist'),
    ]);

    // Assess
    expect(wrongReport.findings).toEqual([
      {
        check: 'sleutels en indexen',
        ok: false,
        detail: 'index gsi1: sleutels gsi1pk/HASH, createdAt/RANGE; ontwerp gsi1pk/HASH, gsi1sk/RANGE',
      },
    ]);
    expect(bareReport.findings).toEqual([
      {
        check: 'sleutels en indexen',
        ok: false,
        detail: 'index gsi1 ontbreekt; index byTeam staat niet in het ontwerp',
      },
    ]);
    expect(missing.findings).toEqual([{ check: 'sleutels en indexen', ok: false, detail: 'de tabel bestaat niet' }]);
    expect(wrongReport.ok || bareReport.ok || missing.ok).toBe(false);
  });
});

describe('checking a restored audit table', () => {
  it('passes on entries the audit log wrote, counts them, and refuses the audit design for the product table and back', async () => {
    // Prepare
    const audit = `${table.tableName}-audit`;
    await ensureTable(table.client, audit, auditTableDesign);
    const log = new DynamoAuditLog(table.db, audit, 90);
    const entry = (persoonRef: string, at: string): AuditEntry => ({
      id: randomUUID(),
      at,
      actie: 'lezen',
      operatie: 'getTransition',
      onderdeel: 'traject',
      persoonRef,
      transitionId: first.id,
      gebruiker: { id: people.sanne.userId, naam: people.sanne.naam, organisatieId: 'org-a', rol: 'begeleider' },
      namens: { id: people.sanne.userId, naam: people.sanne.naam },
      grond: 'behandelrelatie',
      waar: { requestId: randomUUID(), kanaal: 'web-api' },
    });
    const refusal: RefusedRequest = {
      id: randomUUID(),
      at: '2027-01-07T08:00:00.000Z',
      reden: 'verlopen',
      route: 'GET /api/transitions/{transitionId}',
      status: 401,
      waar: { requestId: randomUUID(), kanaal: 'web-api' },
    };
    await log.append([
      entry(first.persoonRef, '2027-01-07T09:00:00.000Z'),
      entry(first.persoonRef, '2027-01-07T09:01:00.000Z'),
      entry(second.persoonRef, '2027-01-07T09:02:00.000Z'),
    ]);
    await log.appendRefusedRequests([refusal]);

    // Act
    const report = await check('audit', audit);
    const crossed = await Promise.all([check('main', audit), check('audit', table.tableName)]);

    // Assess
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ AuditEntry: 3, RefusedRequest: 1 });
    expect(finding(report, 'leesbaar')?.detail).toBe(
      '3 steekproeflezingen door de stores van het product, alle geldig',
    );
    expect(crossed[0].findings[0]?.detail).toBe('index gsi2 staat niet in het ontwerp');
    expect(crossed[1].findings[0]?.detail).toBe('index gsi2 ontbreekt');
  });
});
