import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOutcomesApi } from '../../functions/outcomes/api';
import { createCountOutcomes } from '../../functions/outcomes/counter-handler';
import { recountOutcomes } from '../../functions/outcomes/recount';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoOutcomeStore } from '../../functions/storage/dynamo-outcome-store';
import type { OutcomesView } from '../../shared/api/operations/outcomes';
import type { Problem } from '../../shared/api/problem';
import type { Herkomst } from '../../shared/domain/common/vocabulary';
import type { Principal } from '../../shared/domain/organisation/principal';
import { apiEvent, invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { people, seedOrganisations } from '../support/factories';

const now = new Date('2027-03-10T09:00:00Z');
let table: TestTable;
let store: DynamoOutcomeStore;

beforeEach(async () => {
  table = await createTestTable('uitkomsten');
  await seedOrganisations(table.db, table.tableName);
  store = new DynamoOutcomeStore(table.db, table.tableName);
});

let sequence = 1000;
/** A stored transition as the stream hands it: the old and the new image of one change. */
function change(id: string, gemeenteCode: string, herkomst: Herkomst, after: Record<string, unknown>, before?: object) {
  const base = {
    pk: `TRANSITION#${id}`,
    sk: 'TRANSITION',
    entity: 'Transition',
    id,
    gemeenteCode,
    herkomst,
    fase: 'landing',
    aanbiedingen: [],
    omklapBesluiten: [],
    createdAt: '2024-11-02T09:00:00.000Z',
  };
  const image = (o: object) =>
    marshall({ ...base, ...o }, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
  sequence += 100;
  return {
    eventName: before ? 'MODIFY' : 'INSERT',
    dynamodb: {
      SequenceNumber: String(sequence),
      NewImage: image(after),
      ...(before ? { OldImage: image(before) } : {}),
    },
  } as DynamoDBRecord;
}

const moved = (id: string, gm: string, h: Herkomst, op: string) =>
  change(id, gm, h, { verhuisdOp: op }, { fase: 'verhuizing' });

describe('the outcome counters, from the stream', () => {
  it('count a change once, however often the stream hands it', async () => {
    const count = createCountOutcomes(() => store);
    const batch = [moved('t-1', 'GM0355', 'MO', '2025-02-03'), moved('t-2', 'GM0355', 'MO', '2025-03-30')];
    expect(await count({ Records: batch })).toEqual({ batchItemFailures: [] });
    // Redelivered, also as part of a later batch, and the same move seen again on a later change.
    await count({ Records: [...batch, batch[0]!] });
    await count({ Records: [change('t-1', 'GM0355', 'MO', { verhuisdOp: '2025-02-03', fase: 'omklap' })] });
    const rows = await store.counters('GM0355');
    expect(rows).toEqual([
      {
        gemeenteCode: 'GM0355',
        cohort: '2025-K1',
        counter: 'verhuisd',
        perHerkomst: { BW: 0, MO: 2, 'begeleid-wonen': 0 },
      },
    ]);
  });

  it('count a change whose image holds an empty map without its type, as the local stream hands it', async () => {
    const count = createCountOutcomes(() => store);
    const record = moved('t-3', 'GM0355', 'BW', '2025-05-12');
    // DynamoDB Local's stream: an empty map (nothing recorded of the move yet) arrives as {}.
    for (const image of [record.dynamodb!.NewImage!, record.dynamodb!.OldImage!])
      Object.assign(image, { verhuisproces: {}, gereedheid: { M: { notities: {} } } });
    expect(await count({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect((await store.counters('GM0355')).map((r) => [r.counter, r.perHerkomst.BW])).toEqual([['verhuisd', 1]]);
  });

  it('count a return in its bucket after the move, and the ending by its reason', async () => {
    const count = createCountOutcomes(() => store);
    const ended = {
      verhuisdOp: '2025-02-03',
      fase: 'beeindigd',
      beeindiging: { reden: 'terug-naar-bw-mo', op: '2025-09-01', door: { id: 'u', naam: 'U' } },
    };
    await count({ Records: [change('t-3', 'GM0344', 'BW', ended, { verhuisdOp: '2025-02-03' })] });
    await count({ Records: [change('t-3', 'GM0344', 'BW', ended, { verhuisdOp: '2025-02-03' })] });
    const rows = await store.counters('GM0344');
    const bw = Object.fromEntries(rows.map((r) => [r.counter, r.perHerkomst.BW]));
    // The move was counted with the change that made it; this change adds the ending and the return.
    expect(bw).toEqual({ 'beeindigd-terug-naar-bw-mo': 1, 'terugkeer-181-365': 1 });
  });
});

describe('the recount (npm run recount-outcomes)', () => {
  it('finds the counters equal to the facts of the stored records, and names a counter that is off', async () => {
    const count = createCountOutcomes(() => store);
    const records = [moved('r-1', 'GM0355', 'MO', '2025-02-03'), moved('r-2', 'GM0356', 'BW', '2025-05-03')];
    await count({ Records: records });
    for (const r of records)
      await table.db.send(
        new PutCommand({ TableName: table.tableName, Item: unmarshall(r.dynamodb!.NewImage as never) }),
      );
    expect(await recountOutcomes(table.db, table.tableName, store)).toEqual({ transitions: 2, differences: [] });
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: 'UITKOMSTEN#GM0355', sk: '2025-K1#verhuisd' },
        UpdateExpression: 'ADD MO :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    expect((await recountOutcomes(table.db, table.tableName, store)).differences).toEqual([
      { gemeenteCode: 'GM0355', cohort: '2025-K1', counter: 'verhuisd', herkomst: 'MO', stored: 2, recounted: 1 },
    ]);
  });
});

describe('GET /api/uitkomsten', () => {
  const api = () =>
    createOutcomesApi(() => ({
      outcomes: store,
      directory: new DynamoOrganisationDirectory(table.db, table.tableName),
      now: () => now,
    }));
  const get = (principal: Principal, query?: Record<string, string>) =>
    invoke<OutcomesView & Problem>(api(), { routeKey: 'GET /api/uitkomsten', principal, ...(query ? { query } : {}) });

  async function moves(gm: string, h: Herkomst, n: number, prefix: string) {
    const count = createCountOutcomes(() => store);
    const records = Array.from({ length: n }, (_, i) => moved(`${prefix}-${i}`, gm, h, '2025-01-15'));
    await count({ Records: records });
  }

  it('answers the municipality its counts, a small one as "< 5", and hides what would give it away', async () => {
    await moves('GM0355', 'MO', 7, 'zeist-mo');
    await moves('GM0355', 'BW', 2, 'zeist-bw');
    await moves('GM0355', 'begeleid-wonen', 9, 'zeist-bg');
    const { status, body } = await get(people.maarten);
    expect(status).toBe(200);
    expect(body.gebied).toEqual({ code: 'GM0355', naam: 'Zeist' });
    const row = (h: string) => body.cohorten.find((c) => c.cohort === '2025-K1' && c.herkomst === h)!;
    const hidden = { status: 'afgeschermd', weergave: '< 5 of afgeleid' };
    expect(row('BW').cellen.verhuisd).toEqual(hidden);
    // With the total (18) shown, the smallest other herkomst (MO, 7) is hidden too: else 18 − 7 − 9 = 2.
    expect(row('MO').cellen.verhuisd).toEqual(hidden);
    expect(row('alle').cellen.verhuisd).toEqual({ status: 'getal', waarde: 18, weergave: '18' });
    expect(row('begeleid-wonen').cellen.verhuisd).toEqual({ status: 'getal', waarde: 9, weergave: '9' });
    // Two years after the quarter has not passed on the day asked: the 24-month measure is not there yet.
    expect(row('alle').cellen['thuis-na-24-maanden'].status).toBe('nog-niet-te-meten');
    expect(row('alle').cellen['thuis-na-6-maanden'].status).not.toBe('nog-niet-te-meten');
    expect(JSON.stringify(body)).not.toMatch(/zeist-/);
  });

  it('lets the centrumgemeente see the region and each municipality, the same table for both', async () => {
    await moves('GM0355', 'MO', 3, 'zeist');
    await moves('GM0344', 'MO', 12, 'utrecht');
    const region = await get(people.lies);
    expect(region.status).toBe(200);
    expect(region.body.gebied.code).toBe('regio');
    const mo = (v: OutcomesView) => v.cohorten.find((c) => c.herkomst === 'MO')!.cellen.verhuisd;
    // Region 15 minus Utrecht 12 would give Zeist's 3: so one of them is not shown.
    const zeist = await get(people.lies, { gebied: 'GM0355' });
    const utrecht = await get(people.lies, { gebied: 'GM0344' });
    expect(mo(zeist.body).status).toBe('afgeschermd');
    expect([mo(region.body).status, mo(utrecht.body).status]).toContain('afgeschermd');
    // Every other municipality shows its 0: hiding one of those would leave 15 − 12 = 3 to be read off.
    expect(mo(utrecht.body).status).toBe('afgeschermd');
  });

  it('refuses another municipality, and answers a Dutch problem for an unknown one', async () => {
    const other = await get(people.maarten, { gebied: 'GM0344' });
    expect(other.status).toBe(403);
    const region = await get(people.maarten, { gebied: 'regio' });
    expect(region.status).toBe(403);
    const unknown = await get(people.lies, { gebied: 'GM9999' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/Kies een gemeente uit de regio/);
  });

  it('refuses everyone but beleid', async () => {
    for (const p of [people.sanne, people.fleur, people.pieter, people.bram]) expect((await get(p)).status).toBe(403);
  });

  it('exports the same view as CSV through the one CSV writer', async () => {
    await moves('GM0355', 'BW', 2, 'csv');
    const response = (await api()(apiEvent({ routeKey: 'GET /api/uitkomsten/export', principal: people.maarten }), {
      awsRequestId: 'r',
    } as never)) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Gebied;Cohort;Herkomst;Verhuisd naar een eigen woning;/);
    expect(lines.find((l) => l.includes(';Beschermd Wonen;'))).toMatch(
      /^Zeist;2025-K1;Beschermd Wonen;< 5 of afgeleid;/,
    );
  });
});
