import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseloadApi } from '../../functions/caseload/api';
import { createHerstelApi } from '../../functions/herstel/api';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTaskStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import type { TodayView } from '../../shared/api/caseload-schemas';
import type { InvalidParam } from '../../shared/api/problem';
import type { HerstelOverzicht } from '../../shared/domain/herstel/herstel-schemas';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createHerstelApi>;
let caseload: ReturnType<typeof createCaseloadApi>;
let transitions: DynamoTransitionStore;
let herstel: DynamoHerstelStore;
let now = new Date('2027-03-05T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('herstel-doelen');
  await seedOrganisations(table.db, table.tableName);
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  herstel = new DynamoHerstelStore(table.db, table.tableName);
  handler = createHerstelApi(() => ({ transitions, herstel, now: () => now, newId: randomUUID }));
  caseload = createCaseloadApi(() => ({
    transitions,
    tasks: new DynamoTaskStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    now: () => now,
  }));
});

async function transition(): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: { ...input.persoon, voornaam: 'Anouk' },
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [
      { id: 'u-sanne', naam: 'Sanne de Vries' },
      { id: 'u-youssef', naam: 'Youssef El Amrani' },
    ],
    fase: 'landing',
    ...notStartedYet,
    createdAt: now.toISOString(),
    createdBy: 'u-sanne',
    updatedAt: now.toISOString(),
  };
  const actor = { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' } as const;
  await transitions.create({
    transition: t,
    firstEvent: { id: randomUUID(), transitionId: t.id, type: 'aanmelding-geregistreerd', at: t.createdAt, actor },
  });
  // A member of the network, written as the network part stores one (its core fields).
  await herstel.write({
    transitionId: t.id,
    item: {
      part: 'netwerk',
      id: 'lid-zus',
      data: {
        naam: 'Lotte',
        relatie: 'familie',
        soort: 'natuurlijk-netwerk',
        band: 'steunend',
        toestemmingBereikbaar: false,
        sinds: '2027-01-01',
      },
    },
    event: { id: randomUUID(), transitionId: t.id, type: 'netwerk-bijgewerkt', at: t.createdAt, actor },
  });
  return t;
}

type Body = HerstelOverzicht & { code?: string; title?: string; invalidParams?: InvalidParam[] };
const call = (t: Transition, method: string, path: string, body: unknown, doelId?: string) =>
  invoke<Body>(handler, {
    routeKey: `${method} /api/transitions/{transitionId}/herstel/doelen${path}`,
    principal: people.sanne,
    pathParameters: { transitionId: t.id, ...(doelId ? { doelId } : {}) },
    body,
  });
const today = (principal = people.sanne) => invoke<TodayView>(caseload, { routeKey: 'GET /api/vandaag', principal });

describe('doelen and the Plan van Aanpak', () => {
  it('sets a goal, weighs options, plans with a network member, evaluates, and Vandaag shows it when due', async () => {
    const t = await transition();
    const created = await call(t, 'POST', '', {
      levensdomein: 'sociale-contacten',
      wens: 'Meer mensen om me heen',
      doel: 'Elke week iets met anderen doen',
    });
    expect(created.status).toBe(201);
    const doel = created.body.doelen[0]!;
    expect(doel).toMatchObject({ versie: 1, status: 'actief', door: { id: 'u-sanne' } });

    const gewogen = await call(
      t,
      'PUT',
      '/{doelId}/opties',
      { versie: 1, opties: [{ optie: 'Wandelgroep', voordelen: 'Dichtbij' }, { optie: 'Koor' }], beste: 0, tweede: 1 },
      doel.id,
    );
    expect(gewogen.status).toBe(200);
    const opties = gewogen.body.doelen[0]!;
    expect(opties.besteOptieId).toBe(opties.opties[0]!.id);

    const planned = await call(
      t,
      'PUT',
      '/{doelId}/plan',
      {
        versie: 2,
        evaluatieOp: '2027-03-10',
        stappen: [
          { wat: 'Meldt zich aan', wie: { soort: 'persoon' } },
          { wat: 'Gaat mee de eerste keer', wie: { soort: 'netwerk', netwerkLidId: 'lid-zus' } },
        ],
      },
      doel.id,
    );
    expect(planned.status).toBe(200);
    expect(planned.body.doelen[0]!.stappen.map((s) => s.wie.naam)).toEqual(['Anouk', 'Lotte']);

    // The transition keeps the date beside its summary, without a new version; Vandaag lists it for both.
    const stored = await transitions.get(t.id);
    expect(stored).toMatchObject({ version: 1, doelEvaluaties: ['2027-03-10'] });
    for (const principal of [people.sanne, people.youssef]) {
      const view = await today(principal);
      expect(view.body.doelen).toContainEqual({
        transitionId: t.id,
        persoon: { voornaam: 'Anouk', achternaam: t.persoon.achternaam },
        datum: '2027-03-10',
        aantal: 1,
      });
    }

    now = new Date('2027-03-10T09:00:00Z');
    const evaluated = await call(
      t,
      'POST',
      '/{doelId}/evaluaties',
      {
        versie: 3,
        voortgang: 'Ik ben twee keer geweest, Lotte kan niet meer mee',
        schaal: 'dichterbij',
        bijstelling: 'Buurthuis in plaats van Lotte',
        stappen: [{ wat: 'Gaat mee de eerste keer', wie: { soort: 'algemene-voorziening', naam: 'Buurthuis' } }],
        volgendeEvaluatieOp: '2027-06-10',
      },
      doel.id,
    );
    expect(evaluated.status).toBe(201);
    expect(evaluated.body.doelen[0]).toMatchObject({ versie: 4, evaluatieOp: '2027-06-10' });
    expect((await transitions.get(t.id))?.doelEvaluaties).toEqual(['2027-06-10']);
    expect((await today()).body.doelen.map((d) => d.transitionId)).not.toContain(t.id);
    const timeline = (await transitions.timeline(t.id)).map((e) => e.type);
    expect(timeline).toEqual(
      expect.arrayContaining(['doel-gesteld', 'opties-gewogen', 'plan-bijgewerkt', 'doel-geevalueerd']),
    );

    const closed = await call(
      t,
      'POST',
      '/{doelId}/afsluiting',
      { versie: 4, status: 'bereikt', reden: 'Gelukt' },
      doel.id,
    );
    expect(closed.status).toBe(200);
    expect((await transitions.get(t.id))?.doelEvaluaties).toBeUndefined();
    now = new Date('2027-03-05T09:00:00Z');
  });

  it('answers 409 on a stale version and writes nothing', async () => {
    const t = await transition();
    const created = await call(t, 'POST', '', { levensdomein: 'werken', wens: 'Werk', doel: 'Vrijwilligerswerk' });
    const doelId = created.body.doelen[0]!.id;
    const first = await call(t, 'PUT', '/{doelId}/opties', { versie: 1, opties: [{ optie: 'Kringloop' }] }, doelId);
    expect(first.status).toBe(200);
    const stale = await call(t, 'PUT', '/{doelId}/opties', { versie: 1, opties: [{ optie: 'Dierenasiel' }] }, doelId);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    const after = await herstel.read(t.id);
    expect(after.find((i) => i.id === doelId)).toMatchObject({ versie: 2, data: { opties: [{ optie: 'Kringloop' }] } });
  });

  it('refuses in Dutch a network step without a member, the same best and second option, an unknown goal', async () => {
    const t = await transition();
    const created = await call(t, 'POST', '', { levensdomein: 'wonen', wens: 'Thuis', doel: 'Mijn plek houden' });
    const doelId = created.body.doelen[0]!.id;
    const step = await call(
      t,
      'PUT',
      '/{doelId}/plan',
      {
        versie: 1,
        evaluatieOp: '2027-04-01',
        stappen: [{ wat: 'Helpt', wie: { soort: 'netwerk', netwerkLidId: 'x' } }],
      },
      doelId,
    );
    expect(step.status).toBe(400);
    expect(step.body.invalidParams?.[0]?.name).toBe('stappen.0.wie.netwerkLidId');
    const same = await call(
      t,
      'PUT',
      '/{doelId}/opties',
      { versie: 1, opties: [{ optie: 'A' }, { optie: 'B' }], beste: 1, tweede: 1 },
      doelId,
    );
    expect(same.status).toBe(400);
    expect(same.body.invalidParams?.[0]?.reason).toContain('op één na beste');
    const unknown = await call(t, 'PUT', '/{doelId}/opties', { versie: 1, opties: [] }, 'geen-doel');
    expect(unknown.status).toBe(404);
    expect((await herstel.read(t.id)).find((i) => i.id === doelId)?.versie).toBe(1);
    expect((await transitions.get(t.id))?.doelEvaluaties).toBeUndefined();
  });
});
