import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHerstelApi } from '../../functions/herstel/api';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { ensureTable } from '../../infra/local/dynamodb-local';
import type { InvalidParam } from '../../shared/api/problem';
import type { HerstelOverzicht } from '../../shared/domain/herstel/herstel-schemas';
import type { Principal } from '../../shared/domain/organisation/principal';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createHerstelApi>;
let transitions: DynamoTransitionStore;
let herstel: DynamoHerstelStore;
let audit: DynamoAuditLog;
const now = new Date('2027-05-10T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('herstel-netwerk');
  await seedOrganisations(table.db, table.tableName);
  await ensureTable(table.client, `${table.tableName}-audit`, auditTableDesign);
  audit = new DynamoAuditLog(table.db, `${table.tableName}-audit`, 365);
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  herstel = new DynamoHerstelStore(table.db, table.tableName);
  handler = createHerstelApi(() => ({ transitions, herstel, now: () => now, newId: randomUUID }), {
    audit: () => audit,
    now: () => now,
  });
});

async function transition(fase: Transition['fase'] = 'landing'): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: input.persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries' }],
    fase,
    ...notStartedYet,
    createdAt: now.toISOString(),
    createdBy: 'u-sanne',
    updatedAt: now.toISOString(),
  };
  await transitions.create({
    transition: t,
    firstEvent: {
      id: randomUUID(),
      transitionId: t.id,
      type: 'aanmelding-geregistreerd',
      at: t.createdAt,
      actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
    },
  });
  return t;
}

type Body = HerstelOverzicht & { code?: string; title?: string; invalidParams?: InvalidParam[] };
const emergency = {
  'landing-noodtoegang': encodeURIComponent('Crisisdienst: zij belt in paniek, het duo is onbereikbaar'),
};

const call = (
  t: Transition,
  route: string,
  body?: unknown,
  options: { principal?: Principal; lidId?: string; headers?: Record<string, string> } = {},
) =>
  invoke<Body>(handler, {
    routeKey: route,
    principal: options.principal ?? people.sanne,
    pathParameters: { transitionId: t.id, ...(options.lidId ? { lidId: options.lidId } : {}) },
    ...(body === undefined ? {} : { body }),
    ...(options.headers ? { headers: options.headers } : {}),
  });
const add = (t: Transition, body: unknown, principal?: Principal, headers?: Record<string, string>) =>
  call(t, 'POST /api/transitions/{transitionId}/herstel/netwerk', body, {
    ...(principal ? { principal } : {}),
    ...(headers ? { headers } : {}),
  });
const change = (t: Transition, lidId: string, body: unknown, principal?: Principal, headers?: Record<string, string>) =>
  call(t, 'PUT /api/transitions/{transitionId}/herstel/netwerk/{lidId}', body, {
    lidId,
    ...(principal ? { principal } : {}),
    ...(headers ? { headers } : {}),
  });
const end = (t: Transition, lidId: string, body: unknown) =>
  call(t, 'POST /api/transitions/{transitionId}/herstel/netwerk/{lidId}/einde', body, { lidId });
const read = (t: Transition, principal?: Principal, headers?: Record<string, string>) =>
  call(t, 'GET /api/transitions/{transitionId}/herstel', undefined, {
    ...(principal ? { principal } : {}),
    ...(headers ? { headers } : {}),
  });

const henk = {
  naam: 'Henk',
  relatie: 'buren',
  band: 'steunend',
  toestemmingBereikbaar: true,
  bereikbaar: '06-12345678',
};

describe('the steunsysteem through the API', () => {
  it('adds a member once for one Idempotency-Key: a retry, and a twin sent at the same moment, answer the first', async () => {
    const t = await transition();
    const key = { 'idempotency-key': `herstel-${randomUUID()}` };
    const first = await add(t, henk, undefined, key);
    const retry = await add(t, henk, undefined, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.netwerk).toEqual(first.body.netwerk);

    const twinKey = { 'idempotency-key': `herstel-${randomUUID()}` };
    const twins = await Promise.all([
      add(t, { ...henk, naam: 'Fenna' }, undefined, twinKey),
      add(t, { ...henk, naam: 'Fenna' }, undefined, twinKey),
    ]);
    expect(twins.map((r) => r.status)).toEqual([201, 201]);
    const stored = (await read(t)).body.netwerk;
    expect(stored.map((l) => l.naam).sort()).toEqual(['Fenna', 'Henk']);
    // The same key for another request is refused, and writes nothing.
    const reused = await add(t, { ...henk, naam: 'Joost' }, undefined, key);
    expect(reused.status).toBe(409);
    expect((await read(t)).body.netwerk).toHaveLength(2);
  });

  it('adds a member with the relation’s ring and the timeline event, and reads it back', async () => {
    const t = await transition();
    const added = await add(t, { ...henk, watDoetHij: 'Haalt boodschappen' });
    expect(added.status).toBe(201);
    expect(added.body.netwerk).toEqual([
      {
        id: expect.any(String),
        versie: 1,
        naam: 'Henk',
        relatie: 'buren',
        soort: 'natuurlijk-netwerk',
        band: 'steunend',
        toestemmingBereikbaar: true,
        bereikbaar: '06-12345678',
        sinds: '2027-05-10',
        watDoetHij: 'Haalt boodschappen',
      },
    ]);
    expect((await read(t)).body.netwerk).toEqual(added.body.netwerk);
    const events = await transitions.timeline(t.id);
    expect(events.find((e) => e.type === 'netwerk-bijgewerkt')).toMatchObject({
      omschrijving: 'Toegevoegd aan het steunsysteem: buren',
    });
  });

  it('changes on the version seen, and answers 409 on a stale one without writing', async () => {
    const t = await transition();
    const [lid] = (await add(t, henk)).body.netwerk;
    const changed = await change(t, lid!.id, { ...henk, versie: 1, band: 'overbelast' });
    expect(changed.status).toBe(200);
    expect(changed.body.netwerk[0]).toMatchObject({ versie: 2, band: 'overbelast' });
    const stale = await change(t, lid!.id, { ...henk, versie: 1, band: 'belastend' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-version' } });
    expect(stale.headers['content-type']).toBe('application/problem+json');
    expect((await read(t)).body.netwerk[0]).toMatchObject({ versie: 2, band: 'overbelast' });
  });

  it('withdrawing consent removes how to reach the member', async () => {
    const t = await transition();
    const [lid] = (await add(t, henk)).body.netwerk;
    const { bereikbaar: _b, ...withoutReach } = henk;
    const changed = await change(t, lid!.id, { ...withoutReach, toestemmingBereikbaar: false, versie: 1 });
    expect(changed.body.netwerk[0]).not.toHaveProperty('bereikbaar');
    expect(JSON.stringify(await herstel.read(t.id))).not.toContain('06-12345678');
  });

  it('refuses bereikbaar without consent with a Dutch 400, and writes nothing', async () => {
    const t = await transition();
    const refused = await add(t, { ...henk, toestemmingBereikbaar: false });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(refused.body.invalidParams).toEqual([
      { name: 'bereikbaar', code: 'toestemming_nodig', reason: expect.stringMatching(/instemt/) },
    ]);
    const unnamed = await add(t, { relatie: 'buren', band: 'steunend' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.invalidParams?.[0]).toMatchObject({ name: 'naam', reason: expect.stringMatching(/naam/) });
    expect(await herstel.read(t.id)).toEqual([]);
    expect((await transitions.timeline(t.id)).filter((e) => e.type === 'netwerk-bijgewerkt')).toEqual([]);
  });

  it('ends a member: still in the history, marked, no longer reachable; ending again is refused', async () => {
    const t = await transition();
    const [lid] = (await add(t, henk)).body.netwerk;
    const ended = await end(t, lid!.id, { versie: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body.netwerk).toHaveLength(1);
    expect(ended.body.netwerk[0]).toMatchObject({ naam: 'Henk', nietMeerOp: '2027-05-10', versie: 2 });
    expect(ended.body.netwerk[0]).not.toHaveProperty('bereikbaar');
    expect((await end(t, lid!.id, { versie: 2 })).status).toBe(409);
    expect((await change(t, lid!.id, { ...henk, versie: 2 })).status).toBe(409);
    expect((await end(t, 'bestaat-niet', { versie: 1 })).status).toBe(404);
  });

  it('refuses another team’s teamleider without noodtoegang; under noodtoegang she may look, not change', async () => {
    const t = await transition();
    const [lid] = (await add(t, henk)).body.netwerk;
    expect(await read(t, people.fleur)).toMatchObject({ status: 403, body: { code: 'noodtoegang-mogelijk' } });
    expect((await add(t, henk, people.fleur)).status).toBe(403);
    const looked = await read(t, people.fleur, emergency);
    expect(looked.status).toBe(200);
    expect(looked.body.netwerk).toHaveLength(1);
    for (const attempt of [
      await add(t, henk, people.fleur, emergency),
      await change(t, lid!.id, { ...henk, versie: 1, band: 'belastend' }, people.fleur, emergency),
    ])
      expect(attempt).toMatchObject({ status: 403, body: { code: 'noodtoegang-alleen-inzien' } });
    expect((await read(t)).body.netwerk).toEqual([expect.objectContaining({ versie: 1, band: 'steunend' })]);
    // Another organisation does not learn the person exists.
    expect((await add(t, henk, people.noor)).status).toBe(404);
  });

  it('names the steunsysteem on the person’s audit trail (and so in the inzageverslag), never its members', async () => {
    const t = await transition();
    await add(t, henk);
    const { items } = await audit.ofPerson(t.persoonRef, { limit: 20 });
    expect(items.filter((e) => e.onderdeel === 'steunsysteem').map((e) => e.actie)).toContain('wijzigen');
    expect(JSON.stringify(items)).not.toContain('06-12345678');
    expect(JSON.stringify(items)).not.toContain('Henk');
  });

  it('refuses a change on an ended transition', async () => {
    const t = await transition('geland');
    expect((await add(t, henk)).status).toBe(409);
  });
});
