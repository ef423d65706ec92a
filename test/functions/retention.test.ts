import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportDirectory } from '../../functions/retention/export-directory';
import { kindOrder, type PersonRecordExport, type StoredItem } from '../../functions/retention/person-record-export';
import type { PersonRecordStore } from '../../functions/retention/ports';
import { runRetention, type RetentionDeps } from '../../functions/retention/retention-run';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoPersonRecords, UnprocessedDeletesError } from '../../functions/storage/dynamo-person-records';
import { DynamoTransitionStore, personHash } from '../../functions/storage/dynamo-transition-store';
import { keys } from '../../functions/storage/keys';
import { auditTableDesign } from '../../functions/storage/table-design';
import { SchedulerWakeupAlarms } from '../../functions/workflow/wakeup-alarms';
import { ensureTable, localCredentials } from '../../infra/local/dynamodb-local';
import { LocalScheduler } from '../../infra/local/local-scheduler';
import { startSchedulerEndpoint } from '../../infra/local/scheduler-endpoint';
import type { Transition } from '../../shared/domain/transition/transition';
import { createTestTable, type TestTable } from '../support/dynamo';
import { seedOrganisations } from '../support/factories';
import { seedPersonRecord } from '../support/person-record';

const YEARS = 15;
/** Today for the runs: the first person ended in 2010 (due since 2025), the third in 2020 (due in 2035). */
const runNow = () => new Date('2026-01-15T09:00:00Z');
const scheduleGroup = 'landing-test';

let table: TestTable;
let auditTableName: string;
let audit: DynamoAuditLog;
let exportDir: string;
let scheduler: LocalScheduler;
let schedulerServer: Server;
let alarms: SchedulerWakeupAlarms;
/** Ended in 2010: due. */
let due: Transition;
/** Registered in 2010 and still going: never due, however old. */
let active: Transition;
/** Ended in 2020: within its retention period. */
let retained: Transition;

const itemKey = (i: Record<string, unknown>) => `${String(i.pk)}|${String(i.sk)}`;

async function scanAll(db: DynamoDBDocumentClient, tableName: string): Promise<Map<string, Record<string, unknown>>> {
  const items = new Map<string, Record<string, unknown>>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) items.set(itemKey(item), item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Everything stored about one transition: its partition and whatever names it elsewhere. */
const belongsTo = (t: Transition) => (item: Record<string, unknown>) =>
  item.pk === `TRANSITION#${t.id}` || item.transitionId === t.id;

function deps(overrides: Partial<RetentionDeps> = {}): RetentionDeps {
  return {
    records: new DynamoPersonRecords(table.db, table.tableName),
    audit,
    exports: new ExportDirectory(exportDir),
    alarms,
    now: runNow,
    newId: randomUUID,
    operator: { id: 'ops-retentie', naam: 'ops-retentie' },
    runId: randomUUID(),
    ...overrides,
  };
}

beforeAll(async () => {
  table = await createTestTable('retention');
  auditTableName = `${table.tableName}-audit`;
  await ensureTable(table.client, auditTableName, auditTableDesign);
  audit = new DynamoAuditLog(table.db, auditTableName, 7 * 365);
  await seedOrganisations(table.db, table.tableName);
  due = await seedPersonRecord(table.db, table.tableName, {
    startAt: '2010-01-05T10:00:00Z',
    endAt: '2010-03-01T10:00:00Z',
  });
  active = await seedPersonRecord(table.db, table.tableName, { startAt: '2010-01-05T11:00:00Z' });
  retained = await seedPersonRecord(table.db, table.tableName, {
    startAt: '2020-01-05T10:00:00Z',
    endAt: '2020-06-01T10:00:00Z',
  });
  // A leftover that names the due transition outside its partition (a home pointer not cleaned up): found too.
  await table.db.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...keys.homeOfCorporation('corp-w', due.providerId, 'OUD-1'),
        entity: 'HomeOfCorporation',
        transitionId: due.id,
      },
    }),
  );

  scheduler = new LocalScheduler({ now: runNow, fire: () => undefined });
  const endpoint = await startSchedulerEndpoint(scheduler);
  schedulerServer = endpoint.server;
  alarms = new SchedulerWakeupAlarms(
    new SchedulerClient({ endpoint: endpoint.endpoint, region: 'eu-west-1', credentials: localCredentials }),
    scheduleGroup,
  );
  for (const [proces, t] of [
    ['verhuizing', due],
    ['signalen', due],
    ['signalen', active],
  ] as const) {
    scheduler.upsert({
      name: `${proces}-${t.id}`,
      groupName: scheduleGroup,
      at: '2026-02-01T06:00:00.000Z',
      targetArn: 'arn:test',
      input: JSON.stringify({ transitionId: t.id }),
    });
  }
  exportDir = mkdtempSync(path.join(tmpdir(), 'landing-retention-'));
  rmSync(exportDir, { recursive: true }); // the run makes it: a dry run must not
});

afterAll(async () => {
  rmSync(exportDir, { recursive: true, force: true });
  await new Promise((resolve) => schedulerServer.close(resolve));
});

describe('the retention procedure on DynamoDB Local', () => {
  let before: Map<string, Record<string, unknown>>;

  it('seeds a record with every kind of item a person has', async () => {
    before = await scanAll(table.db, table.tableName);
    const kinds = new Set([...before.values()].filter(belongsTo(due)).map((i) => i.entity));
    expect([...kinds].sort()).toEqual([...kindOrder].sort());
  });

  it('a dry run says what is due, with counts, and writes nothing', async () => {
    const report = await runRetention(deps(), { mode: 'dry-run', years: YEARS });
    expect(report).toMatchObject({ today: '2026-01-15', transitions: 3, active: 1, retained: 1 });
    expect(report.due).toHaveLength(1);
    expect(report.due[0]).toMatchObject({
      transitionId: due.id,
      outcome: 'te-verwijderen',
      endedOn: '2010-03-01',
      dueOn: '2025-03-02',
    });
    const stored = [...before.values()].filter(belongsTo(due));
    expect(Object.values(report.due[0]!.counts).reduce((a, b) => a + b, 0)).toBe(stored.length);
    expect(await scanAll(table.db, table.tableName)).toEqual(before);
    expect(existsSync(exportDir)).toBe(false);
    expect((await audit.ofPerson(due.persoonRef, { limit: 10 })).items).toEqual([]);
    expect(scheduler.list()).toHaveLength(3);
  });

  it('exports every item of the person, then deletes them all, and nothing of anyone else', async () => {
    const report = await runRetention(deps(), { mode: 'delete', years: YEARS });
    expect(report.due.map((r) => [r.transitionId, r.outcome])).toEqual([[due.id, 'verwijderd']]);

    // The export: one file named by the transition id, readable by its owner only, holding every item as stored.
    expect(readdirSync(exportDir)).toEqual([`${due.id}.json`]);
    const file = path.join(exportDir, `${due.id}.json`);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as PersonRecordExport;
    expect(exported).toMatchObject({
      format: 'landing.persoonsdossier',
      version: 1,
      exportedAt: runNow().toISOString(),
      transitionId: due.id,
      persoonRef: due.persoonRef,
    });
    expect(exported.bewaartermijn).toEqual({ jaren: 15, beeindigdOp: '2010-03-01', verwijderbaarVanaf: '2025-03-02' });
    expect(Object.keys(exported.items)).toEqual([...kindOrder]);
    const stored = [...before.values()].filter(belongsTo(due));
    const exportedItems = Object.values(exported.items).flat();
    expect(exportedItems.map(itemKey).sort()).toEqual(stored.map(itemKey).sort());
    for (const item of stored) expect(exportedItems.find((e) => itemKey(e) === itemKey(item))).toEqual(item);
    expect(exported.aantallen).toMatchObject({
      Transition: 1,
      BegeleiderAssignment: 2,
      Task: 2,
      Spend: 2,
      LedgerEntry: 3,
      Signal: 3,
      SignalOnce: 1,
      ActivePerson: 1,
      OutboxEvent: 2,
      IdempotencyRecord: 3,
      Herstel: 1,
    });
    // The person's network (third parties, with how to reach them) goes with the partition.
    expect(exported.items.Herstel?.map((i) => String(i.sk))).toEqual([expect.stringMatching(/^HERSTEL#netwerk#/)]);

    // Nothing of the person is left: not by key, not in any index, not anywhere in the table.
    const after = await scanAll(table.db, table.tableName);
    expect([...after.values()].filter(belongsTo(due))).toEqual([]);
    const remaining = JSON.stringify([...after.values()]);
    for (const trace of [due.id, due.persoonRef, due.persoon.achternaam]) expect(remaining).not.toContain(trace);
    const partition = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${due.id}` },
        ConsistentRead: true,
      }),
    );
    expect(partition.Items).toEqual([]);
    for (const gsi1pk of [
      'USER#u-sanne#TRANSITIONS',
      'USER#u-youssef#TRANSITIONS',
      'TEAM#org-a#team-a1#TRANSITIONS',
      'GEMEENTE#GM0344#INBOX',
      'GEMEENTE#GM0344#LEDGER',
      'USER#u-sanne#TAKEN',
      'USER#u-youssef#TAKEN',
      'CORP#corp-w#SIGNALEN',
      'WEBHOOKS#OUTBOX',
    ]) {
      const { Items = [] } = await table.db.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi1pk },
        }),
      );
      expect(
        Items.filter((i) => i.transitionId === due.id || i.id === due.id),
        gsi1pk,
      ).toEqual([]);
    }

    // Everyone else's items are exactly as they were: the active transition, the retained one, staff, counters.
    const others = [...before.entries()].filter(([, item]) => !belongsTo(due)(item));
    expect(after).toEqual(new Map(others));
    expect(others.some(([, i]) => belongsTo(active)(i)) && others.some(([, i]) => belongsTo(retained)(i))).toBe(true);

    // The alarms of the deleted transition are gone; the active one's is not.
    expect(scheduler.list().map((s) => s.name)).toEqual([`signalen-${active.id}`]);
  });

  it('records the export and the deletion in the person’s audit trail, naming kinds, not content', async () => {
    const { items } = await audit.ofPerson(due.persoonRef, { limit: 10 });
    expect(items.map((e) => e.actie).sort()).toEqual(['exporteren', 'verwijderen']);
    const deletion = items.find((e) => e.actie === 'verwijderen')!;
    expect(deletion).toMatchObject({
      transitionId: due.id,
      teamId: 'team-a1',
      onderdeel: 'dossier',
      operatie: 'bewaartermijn',
      grond: 'beheer',
      gebruiker: { id: 'ops-retentie', organisatieId: 'org-a', rol: 'beheerder' },
      waar: { kanaal: 'werkproces' },
    });
    expect(deletion.wijziging?.velden).toEqual([...kindOrder]);
    expect(JSON.stringify(deletion)).not.toContain(due.persoon.achternaam);
    for (const other of [active, retained])
      expect((await audit.ofPerson(other.persoonRef, { limit: 10 })).items).toEqual([]);
  });

  it('a second run finds nothing to do: it deletes nothing and fails nothing', async () => {
    const snapshot = await scanAll(table.db, table.tableName);
    const exported = readFileSync(path.join(exportDir, `${due.id}.json`), 'utf8');
    const report = await runRetention(deps(), { mode: 'delete', years: YEARS });
    expect(report).toMatchObject({ transitions: 2, active: 1, retained: 1, due: [] });
    expect(await scanAll(table.db, table.tableName)).toEqual(snapshot);
    expect(readFileSync(path.join(exportDir, `${due.id}.json`), 'utf8')).toBe(exported);
  });

  it('freed the person: the same person can be registered again', async () => {
    const transitions = new DynamoTransitionStore(table.db, table.tableName);
    const again: Transition = {
      ...due,
      id: randomUUID(),
      version: 1,
      persoonRef: randomUUID(),
      fase: 'aanmelding',
      aanbiedingen: [],
      createdAt: runNow().toISOString(),
      updatedAt: runNow().toISOString(),
    };
    await expect(
      transitions.create({
        transition: again,
        firstEvent: {
          id: randomUUID(),
          transitionId: again.id,
          type: 'aanmelding-geregistreerd',
          at: again.createdAt,
          actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
        },
      }),
    ).resolves.toMatchObject({ replayed: false });
  });

  it('never touches an active transition, whatever its age or the retention period', async () => {
    const snapshot = [...(await scanAll(table.db, table.tableName)).values()].filter(belongsTo(active));
    const report = await runRetention(deps({ now: () => new Date('2099-01-01T09:00:00Z') }), {
      mode: 'dry-run',
      years: 1,
    });
    expect(report.due.map((r) => r.transitionId)).not.toContain(active.id);
    expect(report.due.map((r) => r.transitionId)).toContain(retained.id);
    expect([...(await scanAll(table.db, table.tableName)).values()].filter(belongsTo(active))).toEqual(snapshot);
  });

  it('an export without --delete writes the file and deletes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'landing-retention-export-'));
    try {
      const snapshot = await scanAll(table.db, table.tableName);
      const report = await runRetention(
        deps({ exports: new ExportDirectory(dir), now: () => new Date('2036-01-15T09:00:00Z') }),
        { mode: 'export', years: YEARS },
      );
      expect(report.due.map((r) => [r.transitionId, r.outcome])).toEqual([[retained.id, 'geexporteerd']]);
      expect(readdirSync(dir)).toEqual([`${retained.id}.json`]);
      expect(await scanAll(table.db, table.tableName)).toEqual(snapshot);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the person lock alone when it belongs to the person’s newer transition', async () => {
    const transitions = new DynamoTransitionStore(table.db, table.tableName);
    const old = await seedPersonRecord(table.db, table.tableName, { startAt: '2004-01-05T10:00:00Z' });
    // Landed (written as the command path writes it): the lock goes with it, and the person may come back.
    const landedAt = '2004-06-01T10:00:00.000Z';
    await transitions.update({
      before: old,
      next: { ...old, version: old.version + 1, fase: 'geland', updatedAt: landedAt },
      event: {
        id: randomUUID(),
        transitionId: old.id,
        type: 'fase-gewijzigd',
        at: landedAt,
        versie: old.version + 1,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
      },
    });
    const back: Transition = {
      ...old,
      id: randomUUID(),
      version: 1,
      persoonRef: randomUUID(),
      fase: 'aanmelding',
      aanbiedingen: [],
      createdAt: runNow().toISOString(),
      updatedAt: runNow().toISOString(),
    };
    await transitions.create({
      transition: back,
      firstEvent: {
        id: randomUUID(),
        transitionId: back.id,
        type: 'aanmelding-geregistreerd',
        at: back.createdAt,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
      },
    });
    const lock = keys.activePerson(personHash(old.persoon));

    const report = await runRetention(deps(), { mode: 'delete', years: YEARS });
    expect(report.due.find((r) => r.transitionId === old.id)?.outcome).toBe('verwijderd');
    const after = await scanAll(table.db, table.tableName);
    expect([...after.values()].filter(belongsTo(old))).toEqual([]);
    expect(after.get(itemKey(lock))).toMatchObject({ transitionId: back.id });
    expect(await transitions.get(back.id)).toMatchObject({ id: back.id, fase: 'aanmelding' });
  });

  it('a run that stops half-way is finished by the next, into the same, complete export', async () => {
    const stopped = await seedPersonRecord(table.db, table.tableName, {
      startAt: '2005-01-05T10:00:00Z',
      endAt: '2005-02-01T10:00:00Z',
    });
    const stored = [...(await scanAll(table.db, table.tableName)).values()].filter(belongsTo(stopped));
    const real = new DynamoPersonRecords(table.db, table.tableName);
    // Deletes the first half of what it is asked to, then fails as a lost connection would.
    const crashing: PersonRecordStore = {
      survey: () => real.survey(),
      collect: (id, elsewhere) => real.collect(id, elsewhere),
      deleteTransition: (id, version) => real.deleteTransition(id, version),
      deleteItems: async (id, items) => {
        await real.deleteItems(id, items.slice(0, Math.ceil(items.length / 2)));
        throw new Error('connection lost');
      },
    };
    const first = await runRetention(deps({ records: crashing }), { mode: 'delete', years: YEARS });
    expect(first.due.find((r) => r.transitionId === stopped.id)).toMatchObject({ outcome: 'mislukt', error: 'Error' });
    expect((await real.collect(stopped.id, [])) !== undefined).toBe(true);

    const second = await runRetention(deps(), { mode: 'delete', years: YEARS });
    expect(second.due.find((r) => r.transitionId === stopped.id)?.outcome).toBe('verwijderd');
    const exported = JSON.parse(readFileSync(path.join(exportDir, `${stopped.id}.json`), 'utf8')) as PersonRecordExport;
    expect(Object.values(exported.items).flat().map(itemKey).sort()).toEqual(stored.map(itemKey).sort());
    expect([...(await scanAll(table.db, table.tableName)).values()].filter(belongsTo(stopped))).toEqual([]);
  });
});

describe('npm run retention against the local DynamoDB', () => {
  let cli: TestTable;
  let ended: Transition;
  let ongoing: Transition;
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join('node_modules/tsx/dist/cli.mjs'), 'infra/ops/commands/retention.ts', ...args],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_ENDPOINT_URL_DYNAMODB: cli.endpoint,
          TABLE_NAME: cli.tableName,
          AUDIT_TABLE_NAME: `${cli.tableName}-audit`,
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        },
      },
    );

  beforeAll(async () => {
    cli = await createTestTable('retention-cli');
    await ensureTable(cli.client, `${cli.tableName}-audit`, auditTableDesign);
    await seedOrganisations(cli.db, cli.tableName);
    ended = await seedPersonRecord(cli.db, cli.tableName, {
      startAt: '2000-01-05T10:00:00Z',
      endAt: '2000-03-01T10:00:00Z',
    });
    ongoing = await seedPersonRecord(cli.db, cli.tableName, { startAt: '2000-01-05T11:00:00Z' });
  });

  it('lists what is due by id and counts, without personal data; exports and deletes with --delete', {
    timeout: 90_000,
  }, () => {
    const dry = run('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(ended.id);
    expect(dry.stdout).not.toContain(ongoing.id);
    for (const trace of [ended.persoon.achternaam, ended.persoon.geboortedatum, ended.persoonRef, 'Kanaalweg'])
      expect(dry.stdout).not.toContain(trace);
    expect(dry.stdout).toContain('Droogloop');

    expect(run('--delete').status).toBe(2);
    expect(run('--dry-run', '--delete').status).toBe(2);

    const dir = mkdtempSync(path.join(tmpdir(), 'landing-retention-cli-'));
    try {
      const wet = run('--export-dir', dir, '--delete', '--operator', 'ops-test');
      expect(wet.status, wet.stderr).toBe(0);
      expect(wet.stdout).toContain(`${ended.id}  verwijderd`);
      expect(readdirSync(dir)).toEqual([`${ended.id}.json`]);
      for (const trace of [ended.persoon.achternaam, ended.persoonRef]) expect(wet.stdout).not.toContain(trace);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deleting in batches', () => {
  const tableName = 'landing-mocked';
  const items = (n: number): StoredItem[] =>
    Array.from({ length: n }, (_, i) => ({
      pk: 'TRANSITION#t1',
      sk: `EVENT#${String(i).padStart(3, '0')}`,
      transitionId: 't1',
    }));

  it('sends at most 25 deletes a batch and sends again what DynamoDB left unprocessed', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1', credentials: localCredentials }));
    const mock = mockClient(db);
    const unprocessed = items(30)
      .slice(0, 3)
      .map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
    mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [tableName]: unprocessed } })
      .resolves({ UnprocessedItems: {} });
    await new DynamoPersonRecords(db, tableName, 1).deleteItems('t1', items(30));
    const calls = mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems![tableName]!);
    expect(calls.map((requests) => requests.length)).toEqual([25, 3, 5]);
    expect(calls[1]).toEqual(unprocessed);
    expect(calls.flat().filter((r) => r.DeleteRequest?.Key?.sk === 'EVENT#000')).toHaveLength(2);
  });

  it('gives up, loudly, when DynamoDB keeps leaving deletes unprocessed', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1', credentials: localCredentials }));
    const mock = mockClient(db);
    mock.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({
      UnprocessedItems: { [tableName]: input.RequestItems[tableName]!.slice(0, 1) },
    }));
    await expect(new DynamoPersonRecords(db, tableName, 1).deleteItems('t1', items(2))).rejects.toBeInstanceOf(
      UnprocessedDeletesError,
    );
  });
});
