import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHerstelApi } from '../../functions/herstel/api';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import type { InvalidParam } from '../../shared/api/problem';
import type { HerstelOverzicht } from '../../shared/domain/herstel/herstel-schemas';
import type { Principal } from '../../shared/domain/organisation/principal';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createHerstelApi>;
let transitions: DynamoTransitionStore;
let herstel: DynamoHerstelStore;
const now = new Date('2027-03-10T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('herstel-profiel');
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  herstel = new DynamoHerstelStore(table.db, table.tableName);
  handler = createHerstelApi(() => ({ transitions, herstel, now: () => now, newId: randomUUID }));
});

async function transition(): Promise<Transition> {
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: aanmelding().persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries' }],
    fase: 'landing',
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
const post = (t: Transition, path: string, body: unknown, principal: Principal = people.sanne) =>
  invoke<Body>(handler, {
    routeKey: `POST /api/transitions/{transitionId}/herstel/${path}`,
    principal,
    pathParameters: { transitionId: t.id },
    body,
  });

const profiel = (gebaseerdOpVersie: number, wens = 'Een eigen huis met een tuintje') => ({
  domeinen: {
    wonen: { huidig: 'Een kamer in het Beschermd Wonen', wensen: wens, vroeger: 'Woonde bij mijn oma' },
    'sociale-contacten': { huidig: 'Mijn zus belt elke week' },
  },
  belangrijksteWensen: [{ levensdomein: 'wonen', wens }],
  opgesteldMet: 'Anouk en haar zus',
  gebaseerdOpVersie,
});

describe('Persoonlijk Profiel over the API', () => {
  it('writes a new version with its timeline event, and the next one on it', async () => {
    const t = await transition();
    const first = await post(t, 'profiel', profiel(0));
    expect(first.status).toBe(201);
    expect(first.body.profiel).toHaveLength(1);
    expect(first.body.profiel[0]).toMatchObject({
      versie: 1,
      vastgelegdOp: '2027-03-10',
      vastgelegdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
      domeinen: { wonen: { vroeger: 'Woonde bij mijn oma' }, zingeving: { huidig: '', wensen: '', vroeger: '' } },
    });
    const second = await post(t, 'profiel', profiel(1, 'Een eigen huis in Houten'));
    expect(second.status).toBe(201);
    expect(second.body.profiel.map((v) => v.versie)).toEqual([1, 2]);
    expect(second.body.profiel[0]!.belangrijksteWensen[0]!.wens).toBe('Een eigen huis met een tuintje');
    const timeline = await transitions.timeline(t.id);
    // Both at the test's one moment: the timeline orders events of one millisecond by id, so compare as a set.
    expect(
      timeline
        .filter((e) => e.type === 'profiel-vastgelegd')
        .map((e) => e.omschrijving)
        .sort(),
    ).toEqual(['Versie 1, opgesteld met Anouk en haar zus', 'Versie 2, opgesteld met Anouk en haar zus']);
  });

  it('answers 409 to a version built on one that is no longer the latest, and writes nothing', async () => {
    const t = await transition();
    await post(t, 'profiel', profiel(0));
    await post(t, 'profiel', profiel(1));
    const stale = await post(t, 'profiel', profiel(1, 'Iets anders'));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    expect(stale.body.title).toContain('versie 2');
    expect((await herstel.read(t.id)).filter((i) => i.part === 'profiel')).toHaveLength(2);
  });

  it('answers 409 to the second of two writers of the same next version (the item id is the version)', async () => {
    const t = await transition();
    const [a, b] = await Promise.all([post(t, 'profiel', profiel(0)), post(t, 'profiel', profiel(0, 'Anders'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('records agreement on the latest version; an older version is refused in Dutch', async () => {
    const t = await transition();
    await post(t, 'profiel', profiel(0));
    await post(t, 'profiel', profiel(1));
    const old = await post(t, 'profiel/akkoord', { versie: 1, op: '2027-03-10' });
    expect(old.status).toBe(409);
    expect(old.body.title).toBe('Alleen de laatste versie van het profiel (versie 2) kan akkoord krijgen.');
    const future = await post(t, 'profiel/akkoord', { versie: 2, op: '2027-03-11' });
    expect(future.body.title).toBe('Het akkoord kan niet in de toekomst liggen.');
    const ok = await post(t, 'profiel/akkoord', { versie: 2, op: '2027-03-10' });
    expect(ok.status).toBe(200);
    expect(ok.body.profiel.map((v) => v.akkoordPersoonOp)).toEqual([undefined, '2027-03-10']);
    const timeline = await transitions.timeline(t.id);
    expect(timeline.filter((e) => e.type === 'profiel-akkoord').map((e) => e.omschrijving)).toEqual([
      'Versie 2, akkoord op 10 maart 2027',
    ]);
  });

  it('refuses an agreement when a newer version was written since it was decided', async () => {
    const t = await transition();
    await post(t, 'profiel', profiel(0));
    const [v1] = await herstel.read(t.id);
    // The agreement on version 1 was computed, then version 2 landed before it was written.
    await post(t, 'profiel', profiel(1));
    await expect(
      herstel.write({
        transitionId: t.id,
        item: { part: 'profiel', id: v1!.id, data: { ...v1!.data, akkoordPersoonOp: '2027-03-10' } },
        seenVersie: v1!.versie,
        requireAbsent: { part: 'profiel', id: '0002' },
        event: {
          id: randomUUID(),
          transitionId: t.id,
          type: 'profiel-akkoord',
          at: now.toISOString(),
          actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
        },
      }),
    ).rejects.toThrow('intussen door een ander gewijzigd');
  });

  it('refuses a profile without a belangrijkste wens, in Dutch, and writes nothing', async () => {
    const t = await transition();
    const response = await post(t, 'profiel', { ...profiel(0), belangrijksteWensen: [] });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'belangrijksteWensen', reason: 'Schrijf minstens één belangrijkste wens op.' }),
    );
    expect(await herstel.read(t.id)).toEqual([]);
  });

  it('is refused (403) to a team lead of another team, and writes nothing', async () => {
    const t = await transition();
    const response = await post(t, 'profiel', profiel(0), people.fleur);
    expect(response.status).toBe(403);
    expect(await herstel.read(t.id)).toEqual([]);
  });
});

describe('kwaliteit van bestaan and ZRM over the API', () => {
  it('records a KvB scoring with its timeline event, and a ZRM scoring beside it', async () => {
    const t = await transition();
    const kvb = await post(t, 'scores', {
      instrument: 'kvb',
      moment: 'start',
      op: '2027-01-05',
      scores: { 'emotioneel-welbevinden': 2, 'sociale-inclusie': 3 },
      toelichting: 'Samen gescoord aan de keukentafel',
    });
    expect(kvb.status).toBe(201);
    const zrm = await post(t, 'scores', {
      instrument: 'zrm',
      moment: 'start',
      op: '2027-01-05',
      scores: { financien: 2 },
    });
    expect(zrm.body.scores.map((s) => [s.instrument, s.moment, s.door.naam])).toEqual([
      ['kvb', 'start', 'Sanne de Vries'],
      ['zrm', 'start', 'Sanne de Vries'],
    ]);
    const timeline = await transitions.timeline(t.id);
    expect(timeline.filter((e) => e.type === 'kwaliteit-gescoord')).toHaveLength(2);
  });

  it('refuses a score of 6 in Dutch, and writes nothing', async () => {
    const t = await transition();
    const response = await post(t, 'scores', {
      instrument: 'kvb',
      moment: 'start',
      op: '2027-01-05',
      scores: { rechten: 6 },
    });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'scores.rechten', reason: 'Een score is 1 tot en met 5.' }),
    );
    expect(await herstel.read(t.id)).toEqual([]);
  });
});
