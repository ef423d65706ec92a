import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { localClient } from '../../infra/local/dynamodb-local';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import type { TodayView } from '../../shared/api/caseload-schemas';
import type { TransitionOverview } from '../../shared/api/contract';
import { addDays } from '../../shared/domain/common/calendar';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { localApi, settle } from '../support/local-api';

/**
 * The "Signalen opvolgen" workflow as CDK synthesizes it, run locally with its Lambda tasks, the local
 * scheduler for its alarms and the controllable clock, driven through the API as a caseworker would.
 */
let landing: RunningLanding;
let sanne: Awaited<ReturnType<typeof localApi>>;
let ingrid: Awaited<ReturnType<typeof localApi>>;
const tableName = `landing-followup-${Date.now()}`;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName,
    webRoot: 'web/dist',
    // Its own transitions only: the demo persons' workflows would wake with every jump of the clock.
    seedDemoData: 'organisations',
  });
  [sanne, ingrid] = await Promise.all([localApi(landing, 'u-sanne'), localApi(landing, 'u-ingrid')]);
});
afterAll(() => landing?.stop());

const today = () => landing.clock.state().today;
const crisis = { veiligheid: 2, gezondheid: 2, welzijn: 2, omvang: 2, duur: 2 } as const;
let people = 0;

/** A transition of Sanne and Youssef with ambulant support at `niveau` since today. */
async function supported(niveau = 'regulier'): Promise<Transition> {
  people += 1;
  const created = await sanne.call<Transition>('POST', '/api/transitions', {
    persoon: { voornaam: 'Test', achternaam: `Signaal ${people} ${Date.now()}`, geboortedatum: '1980-02-02' },
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiderIds: ['u-sanne', 'u-youssef'],
  });
  expect(created.status).toBe(201);
  const changed = await sanne.call<Transition>('POST', `/api/transitions/${created.body.id}/ondersteuning`, {
    niveau,
    modaliteiten: ['thuis'],
    reden: 'Start ambulante begeleiding',
    vanaf: today(),
    expectedVersion: created.body.version,
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  await settle(landing);
  return changed.body;
}

async function rood(t: Transition): Promise<Signal> {
  const response = await sanne.call<Signal>('POST', `/api/transitions/${t.id}/signalen`, {
    bron: 'buur-of-medebewoner',
    omschrijving: 'Buurman hoort al twee nachten geschreeuw',
    thermometer: crisis,
  });
  expect(response.status).toBe(201);
  await settle(landing);
  return response.body;
}

const timeline = async (id: string) =>
  (await sanne.call<{ items: TimelineEvent[] }>('GET', `/api/transitions/${id}/timeline`)).body.items;
const types = async (id: string) => (await timeline(id)).map((e) => e.type);
const signalOf = async (t: Transition, id: string) =>
  (await sanne.call<{ items: Signal[] }>('GET', `/api/transitions/${t.id}/signalen`)).body.items.find(
    (s) => s.id === id,
  )!;
const tasksFor = async (api: typeof sanne, t: Transition) =>
  (await api.call<TodayView>('GET', '/api/vandaag')).body.taken.filter((task) => task.transitionId === t.id);
const alarmOf = (t: Transition) => landing.scheduler.list().find((s) => s.name === `signalen-${t.id}`);

describe('Signal follow-up workflow (synthesized, run locally)', { timeout: 60_000 }, () => {
  it('a rood signal picked up in time: a task for the duo, a proposed scale-up, no escalation', async () => {
    const t = await supported();
    const signal = await rood(t);

    expect(await types(t.id)).toEqual(
      expect.arrayContaining(['signaal-ontvangen', 'taak-aangemaakt', 'opschaling-voorgesteld']),
    );
    const tasks = await tasksFor(sanne, t);
    expect(tasks).toEqual([
      expect.objectContaining({ rol: 'duo', signaalId: signal.id, deadline: signal.deadline, status: 'open' }),
    ]);
    expect(await tasksFor(await localApi(landing, 'u-youssef'), t)).toHaveLength(1);
    expect((await signalOf(t, signal.id)).opschalingsvoorstel).toMatchObject({ niveau: 'intensief', logeerplek: true });
    // The alarm is set for the deadline, four hours on (to the next whole second, as EventBridge Scheduler counts).
    const alarm = Date.parse(alarmOf(t)!.at) - Date.parse(signal.deadline!);
    expect(alarm).toBeGreaterThanOrEqual(0);
    expect(alarm).toBeLessThan(1000);

    expect((await sanne.call('POST', `/api/transitions/${t.id}/signalen/${signal.id}/bevestiging`)).status).toBe(200);
    await settle(landing);
    expect(await tasksFor(sanne, t)).toEqual([]);

    await sanne.advanceHours(5);
    expect(await types(t.id)).not.toContain('signaal-geescaleerd');
    expect(await tasksFor(ingrid, t)).toEqual([]);
  });

  it('a rood signal stored while Step Functions was out of reach still gets its task, from the table stream', async () => {
    const t = await supported();
    // Stored as the API stores it, but nobody asked the workflow to look (as when the API's StartExecution failed).
    const at = new Date(landing.clock.state().now);
    const signal: Signal = {
      id: randomUUID(),
      transitionId: t.id,
      versie: 1,
      at: at.toISOString(),
      bron: 'ondersteuning-op-afstand',
      omschrijving: 'Belt de nachtdienst: slaapt buiten',
      fase: 'rood',
      status: 'open',
      deadline: new Date(at.getTime() + 4 * 3_600_000).toISOString(),
      geregistreerdDoor: { id: 'u-sanne', naam: 'Sanne de Vries' },
    };
    const store = new DynamoSignalStore(createDocumentClient(localClient(inject('dynamoEndpoint'))), tableName);
    await store.register(signal, {
      id: randomUUID(),
      transitionId: t.id,
      type: 'signaal-ontvangen',
      at: signal.at,
      actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne de Vries' },
      omschrijving: `rood: ${signal.omschrijving}`,
    });

    await settle(landing);
    expect(await tasksFor(sanne, t)).toEqual([
      expect.objectContaining({ rol: 'duo', signaalId: signal.id, status: 'open' }),
    ]);
    expect((await signalOf(t, signal.id)).opschalingsvoorstel).toMatchObject({ niveau: 'intensief' });
  });

  it('a rood signal nobody picks up goes to the team lead at its deadline', async () => {
    const t = await supported();
    const signal = await rood(t);

    await sanne.advanceHours(3);
    expect(await types(t.id)).not.toContain('signaal-geescaleerd');

    await sanne.advanceHours(2);
    const escalation = (await timeline(t.id)).find((e) => e.type === 'signaal-geescaleerd');
    expect(escalation?.omschrijving).toContain('Ingrid Visser');
    expect(escalation!.at >= signal.deadline!).toBe(true);
    expect(await tasksFor(ingrid, t)).toEqual([expect.objectContaining({ rol: 'teamleider', signaalId: signal.id })]);
    // The duo's tasks stay open (overdue) until someone picks the signal up; then all close.
    expect(await tasksFor(sanne, t)).toHaveLength(1);
    expect((await ingrid.call('POST', `/api/transitions/${t.id}/signalen/${signal.id}/bevestiging`)).status).toBe(200);
    await settle(landing);
    expect([...(await tasksFor(ingrid, t)), ...(await tasksFor(sanne, t))]).toEqual([]);
  });

  it('resolved with a scale-up: intensief until its end date, then back, and the end lands on the timeline', async () => {
    let t = await supported('regulier');
    const signal = await rood(t);
    t = (await sanne.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
    const tot = addDays(today(), 14);
    const resolved = await sanne.call<Signal>('POST', `/api/transitions/${t.id}/signalen/${signal.id}/afhandeling`, {
      notitie: 'Samen met hem een plan gemaakt; twee weken intensief en een logeerplek achter de hand',
      opschaling: { niveau: 'intensief', modaliteiten: ['thuis', 'remote-24-7', 'logeerplek'], tot },
      expectedVersion: t.version,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'afgehandeld', afgehandeld: { wijzigingId: expect.any(String) } });
    await settle(landing);
    const overview = async () =>
      (await sanne.call<TransitionOverview>('GET', `/api/transitions/${t.id}/overview`)).body.ondersteuning;
    expect((await overview()).niveau).toBe('intensief');
    expect(await tasksFor(sanne, t)).toEqual([]);

    await sanne.advanceDays(14);
    expect((await overview()).niveau).toBe('intensief');
    expect(await types(t.id)).not.toContain('opschaling-afgelopen');

    // Alarms for a day go off at 07:00: a day and eight hours on is past that, whatever time the test runs.
    await sanne.advanceDays(1);
    await sanne.advanceHours(8);
    expect((await overview()).niveau).toBe('regulier');
    const ended = (await timeline(t.id)).find((e) => e.type === 'opschaling-afgelopen');
    expect(ended?.omschrijving).toContain(`tot en met ${tot}`);
    expect(ended?.actor.soort).toBe('werkproces');
  });

  it('raises an oranje signal by itself when nobody had contact for longer than the level allows', async () => {
    const t = await supported('waakvlam'); // 30 days without contact allowed
    await sanne.advanceDays(30);
    expect((await sanne.call<{ items: Signal[] }>('GET', `/api/transitions/${t.id}/signalen`)).body.items).toEqual([]);

    await sanne.advanceDays(1);
    await sanne.advanceHours(8);
    const [gap] = (await sanne.call<{ items: Signal[] }>('GET', `/api/transitions/${t.id}/signalen`)).body.items;
    expect(gap).toMatchObject({ bron: 'contactbewaking', fase: 'oranje', status: 'open' });
    expect(gap!.omschrijving).toMatch(/^Al 3\d dagen geen contact vastgelegd .*hooguit 30 dagen\.$/);
    // Vandaag shows this text as it is: the day in words, as everywhere a person reads a date.
    expect(gap!.omschrijving).toMatch(/\(sinds \d{1,2} [a-z]+ \d{4}\)/);
    expect(await tasksFor(sanne, t)).toEqual([expect.objectContaining({ signaalId: gap!.id })]);

    // A contact resets the watch; the next signal comes only after another full period.
    expect(
      (
        await sanne.call('POST', `/api/transitions/${t.id}/contacten`, {
          modaliteit: 'op-afstand',
          notitie: 'Eindelijk gebeld',
        })
      ).status,
    ).toBe(201);
    await settle(landing);
    await sanne.advanceDays(10);
    expect((await sanne.call<{ items: Signal[] }>('GET', `/api/transitions/${t.id}/signalen`)).body.items).toHaveLength(
      1,
    );
  });

  it('goes on during a stay elsewhere: a rood signal at the logeerplek still reaches the team lead in time', async () => {
    const t = await supported();
    const away = await sanne.call<Transition>('POST', `/api/transitions/${t.id}/tijdelijk-verblijf`, {
      soort: 'logeerplek',
      sinds: today(),
      expectedVersion: t.version,
    });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    await settle(landing);

    const signal = await rood(away.body);
    expect(alarmOf(t)).toBeDefined();
    await sanne.advanceHours(5);

    expect(await types(t.id)).toEqual(expect.arrayContaining(['taak-aangemaakt', 'signaal-geescaleerd']));
    expect(await tasksFor(ingrid, t)).toEqual([expect.objectContaining({ rol: 'teamleider', signaalId: signal.id })]);
    const current = (await sanne.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
    expect(current).toMatchObject({ fase: 'aanmelding', tijdelijkVerblijf: { soort: 'logeerplek' } });
  });

  it('stops following up when the transition is ended by decision, and clears its alarm', async () => {
    const t = await supported();
    await rood(t);
    expect(alarmOf(t)).toBeDefined();
    const current = (await sanne.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
    expect(
      (
        await sanne.call('POST', `/api/transitions/${t.id}/beeindiging`, {
          reden: 'terug-naar-bw-mo',
          expectedVersion: current.version,
        })
      ).status,
    ).toBe(200);
    await settle(landing);
    expect(alarmOf(t)).toBeUndefined();
  });
});
