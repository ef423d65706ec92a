import { beforeEach, describe, expect, it } from 'vitest';
import { createSocialeKaartApi } from '../../functions/sociale-kaart/api';
import { DynamoSocialeKaartStore } from '../../functions/storage/dynamo-sociale-kaart-store';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Partner } from '../../shared/domain/wijk/sociale-kaart';
import { invoke } from '../support/api-events';
import { createTestTable } from '../support/dynamo';
import { people } from '../support/factories';

const now = new Date('2027-03-10T09:00:00Z');
const lotte: Principal = { userId: 'u-lotte', naam: 'Lotte Bos', organisationId: 'corp-w', role: 'corporatie' };

let handler: ReturnType<typeof createSocialeKaartApi>;
let table: Awaited<ReturnType<typeof createTestTable>>;

beforeEach(async () => {
  table = await createTestTable('kaart');
  const deps = { store: new DynamoSocialeKaartStore(table.db, table.tableName), now: () => now };
  handler = createSocialeKaartApi(() => deps);
});

const moskee = {
  wijk: ' overvecht ',
  naam: 'Moskee Al Fath',
  soort: 'kerk-moskee',
  trede: 3,
  contactpersoon: { naam: 'Hassan Bouzid', rol: 'voorzitter' },
  bereikbaar: { telefoon: '030 262 11 40', email: 'info@alfath.example' },
  aanbod: 'Inloop na het vrijdaggebed, hulp bij formulieren',
};

const add = (principal: Principal, body: unknown, headers: Record<string, string> = {}) =>
  invoke<Partner & Problem>(handler, { routeKey: 'POST /api/sociale-kaart/partners', principal, body, headers });
const list = (principal: Principal, wijk: string) =>
  invoke<{ items: Partner[] } & Problem>(handler, {
    routeKey: 'GET /api/sociale-kaart/{wijk}',
    principal,
    pathParameters: { wijk },
  });
const wijken = (principal: Principal) =>
  invoke<{ items: { wijk: string; wijkKey: string; partners: number }[] } & Problem>(handler, {
    routeKey: 'GET /api/sociale-kaart',
    principal,
  });
const step = (principal: Principal, p: Pick<Partner, 'wijkKey' | 'id'>, body: unknown) =>
  invoke<Partner & Problem>(handler, {
    routeKey: 'POST /api/sociale-kaart/{wijk}/partners/{partnerId}/trede',
    principal,
    pathParameters: { wijk: p.wijkKey, partnerId: p.id },
    body,
  });
const change = (principal: Principal, p: Pick<Partner, 'wijkKey' | 'id'>, body: unknown) =>
  invoke<Partner & Problem>(handler, {
    routeKey: 'PUT /api/sociale-kaart/{wijk}/partners/{partnerId}',
    principal,
    pathParameters: { wijk: p.wijkKey, partnerId: p.id },
    body,
  });

async function partnersInTable(): Promise<number> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const { Items } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
  return (Items ?? []).filter((i) => i.entity === 'Partner').length;
}

describe('sociale kaart API on DynamoDB Local', () => {
  it('adds partners to a wijk and lists them, highest rung first, and the wijken of the organisation', async () => {
    const first = await add(people.sanne, moskee);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ wijk: 'overvecht', wijkKey: 'overvecht', trede: 3, version: 1 });
    expect(first.body.geschiedenis[0]).toMatchObject({ trede: 3, door: { id: 'u-sanne' } });
    await add(people.ingrid, { ...moskee, wijk: 'Overvecht', naam: 'Buurthuis De Klop', soort: 'buurthuis', trede: 5 });
    await add(people.sanne, { ...moskee, wijk: 'Zuilen', naam: 'Sportclub Zuilen', soort: 'sportclub', trede: 2 });

    const overvecht = await list(people.youssef, 'overvecht');
    expect(overvecht.status).toBe(200);
    expect(overvecht.body.items.map((p) => [p.naam, p.trede])).toEqual([
      ['Buurthuis De Klop', 5],
      ['Moskee Al Fath', 3],
    ]);
    expect((await wijken(people.sanne)).body.items).toEqual([
      { wijk: 'overvecht', wijkKey: 'overvecht', partners: 2 },
      { wijk: 'Zuilen', wijkKey: 'zuilen', partners: 1 },
    ]);
    // Another provider's kaart is its own.
    expect((await list(people.noor, 'overvecht')).body.items).toEqual([]);
    expect((await wijken(people.noor)).body.items).toEqual([]);
  });

  it('stores a retried add (same Idempotency-Key) once', async () => {
    const headers = { 'idempotency-key': 'kaart-retry-0001' };
    const a = await add(people.sanne, moskee, headers);
    const b = await add(people.sanne, moskee, headers);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await partnersInTable()).toBe(1);
    expect((await wijken(people.sanne)).body.items[0]?.partners).toBe(1);
  });

  it('moves a partner up and down the ladder, recording each step; a stale version is a 409', async () => {
    const { body: p } = await add(people.sanne, moskee);
    const up = await step(people.sanne, p, {
      trede: 4,
      toelichting: 'Samen een iftar georganiseerd',
      expectedVersion: 1,
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ trede: 4, version: 2 });
    const stale = await step(people.youssef, p, { trede: 2, toelichting: 'Contact verwaterd', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    const down = await step(people.youssef, p, { trede: 2, toelichting: 'Contact verwaterd', expectedVersion: 2 });
    expect(down.body.geschiedenis.map((g) => [g.trede, g.door.naam, g.toelichting])).toEqual([
      [3, 'Sanne de Vries', 'Op de sociale kaart gezet'],
      [4, 'Sanne de Vries', 'Samen een iftar georganiseerd'],
      [2, 'Youssef El Amrani', 'Contact verwaterd'],
    ]);
    const same = await step(people.sanne, p, { trede: 2, toelichting: 'Nog eens', expectedVersion: 3 });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('rule-violation');
    expect((await list(people.sanne, 'overvecht')).body.items[0]).toMatchObject({ trede: 2, version: 3 });
  });

  it('changes a partner’s details with its version; a stale one is a 409 and writes nothing', async () => {
    const { body: p } = await add(people.sanne, moskee);
    const { wijk: _w, trede: _t, ...gegevens } = moskee;
    const ok = await change(people.sanne, p, { ...gegevens, aanbod: 'Ook taalles', expectedVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ aanbod: 'Ook taalles', trede: 3, version: 2, bijgewerktDoor: { id: 'u-sanne' } });
    const stale = await change(people.youssef, p, { ...gegevens, aanbod: 'Iets anders', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await list(people.sanne, 'overvecht')).body.items[0]?.aanbod).toBe('Ook taalles');
  });

  it('answers bad input with a Dutch problem and writes nothing', async () => {
    const bad = await add(people.sanne, { ...moskee, trede: 7, bereikbaar: { email: 'nee' } });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams?.map((p) => p.name).sort()).toEqual(['bereikbaar.email', 'trede']);
    expect(bad.body.invalidParams?.find((p) => p.name === 'trede')?.reason).toContain('bindingsladder');
    const { body: p } = await add(people.sanne, moskee);
    const noReason = await step(people.sanne, p, { trede: 4, expectedVersion: 1 });
    expect(noReason.status).toBe(400);
    expect(await partnersInTable()).toBe(1);
  });

  it('refuses other roles (a budgethouder, a corporation, a beheerder) with 403 and another provider’s partner with 404', async () => {
    const { body: p } = await add(people.sanne, moskee);
    for (const who of [people.pieter, lotte, people.bram]) {
      expect((await wijken(who)).status).toBe(403);
      expect((await list(who, 'overvecht')).status).toBe(403);
      expect((await add(who, moskee)).status).toBe(403);
      expect((await step(who, p, { trede: 4, toelichting: 'Verder', expectedVersion: 1 })).status).toBe(403);
    }
    expect((await step(people.noor, p, { trede: 4, toelichting: 'Verder', expectedVersion: 1 })).status).toBe(404);
    expect(await partnersInTable()).toBe(1);
  });
});
