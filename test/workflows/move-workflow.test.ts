import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import {
  addDays,
  addMonths,
  datumInWoorden,
  daysBetween,
  todayInNetherlands,
} from '../../shared/domain/common/calendar';
import type { TodayView } from '../../shared/api/caseload-schemas';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { changeTransition, decideOnAWoning, localApi, settle } from '../support/local-api';

/**
 * The move workflow as CDK synthesizes it, run locally with its Lambda tasks, the local scheduler for its
 * alarms and the controllable clock, driven through the API like a caseworker would.
 */
let landing: RunningLanding;
let api: Awaited<ReturnType<typeof localApi>>;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `landing-move-${Date.now()}`,
    webRoot: 'web/dist',
    // Its own transitions only: the demo persons' workflows would wake with every jump of the clock.
    seedDemoData: 'organisations',
  });
  api = await localApi(landing, 'u-sanne');
}, 240_000); // synthesizing and starting the product takes long on a busy machine
afterAll(() => landing?.stop());

const today = () => landing.clock.state().today;
let people = 0;

/** A transition in the woning phase with an offer, accepted (ready for the move) or declined. */
async function transitionWithAcceptedWoning(
  besluit: 'geaccepteerd' | 'afgewezen' = 'geaccepteerd',
): Promise<Transition> {
  people += 1;
  let t = (
    await api.call<Transition>('POST', '/api/transitions', {
      persoon: { voornaam: 'Test', achternaam: `Verhuizer ${people} ${Date.now()}`, geboortedatum: '1985-05-05' },
      gemeenteCode: 'GM0344',
      herkomst: 'BW',
      begeleiderIds: ['u-sanne'],
    })
  ).body;
  t = await decideOnAWoning(api.call, t, { today: today(), straat: 'Columbuslaan', huisnummer: `${people}`, besluit });
  await settle(landing);
  return t;
}

async function timeline(id: string): Promise<TimelineEvent[]> {
  return (await api.call<{ items: TimelineEvent[] }>('GET', `/api/transitions/${id}/timeline`)).body.items;
}
/** Which landing reviews the workflow asked for, by their months. */
async function reviewTasks(id: string): Promise<number[]> {
  return (await timeline(id))
    .map((e) => /^Landingsreview na (\d+) maanden/.exec(e.omschrijving ?? '')?.[1])
    .filter((m): m is string => Boolean(m))
    .map(Number)
    .sort((a, b) => a - b);
}
/** The open questions of this transition on the caseworker's Vandaag. */
async function questionsOnVandaag(id: string): Promise<string[]> {
  const vandaag = await api.call<TodayView>('GET', '/api/vandaag');
  return vandaag.body.vragen.filter((v) => v.transitionId === id).map((v) => v.soort);
}
async function advanceTo(date: string): Promise<void> {
  await api.advanceDays(daysBetween(today(), date));
}
const schedulesOf = (id: string) => landing.scheduler.list().filter((s) => s.name === `verhuizing-${id}`);

async function update(t: Transition, method: string, path: string, body: Record<string, unknown>): Promise<Transition> {
  await changeTransition(api.call, t, method, path, body);
  await settle(landing);
  return (await api.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
}

describe('Move workflow (synthesized, run locally)', { timeout: 60_000 }, () => {
  it('waits for the contract, asks to confirm the move, asks for the reviews and the omklap decision: people decide', async () => {
    let t = await transitionWithAcceptedWoning();
    expect(schedulesOf(t.id)).toEqual([]); // waiting for a person, not for a date

    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'driepartijenovereenkomst',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    const moveDate = addDays(offer.beschikbaarVanaf, 1);
    t = await update(t, 'PUT', '/uitkering', {
      aangevraagdOp: today(),
      besluitOp: today(),
      toegekend: true,
      ingangsdatum: moveDate,
    });
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: moveDate });

    // The moving costs come from the regelbudget: granted by the municipality, proposed by the caseworker.
    const pieter = await localApi(landing, 'u-pieter');
    expect(
      (
        await pieter.call('PUT', `/api/transitions/${t.id}/regelbudget`, {
          toegekendCent: 100_000,
          geldigVan: today(),
          geldigTot: addDays(today(), 365),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call('POST', `/api/transitions/${t.id}/regelbudget/uitgaven`, {
          categorie: 'verhuiskosten',
          bedragCent: 20_000,
          ontvanger: 'Verhuisbus',
          reden: 'Bus huren voor de verhuizing',
        })
      ).status,
    ).toBe(201);

    // The alarm is set for the confirmation day, a week before the move (07:00 Amsterdam time).
    const confirmDay = addDays(moveDate, -7);
    expect(schedulesOf(t.id)).toHaveLength(1);
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(confirmDay);

    await api.advanceDays(30);
    let events = await timeline(t.id);
    expect(events.filter((e) => e.type === 'taak-aangemaakt').map((e) => e.omschrijving)).toEqual([
      `Bevestig de ondersteuning rond de verhuizing en het budget voor ${datumInWoorden(moveDate)}.`,
    ]);
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(moveDate);

    // (b) On the move day the workflow asks the duo to confirm the move; it never records it by itself.
    await api.advanceDays(2);
    events = await timeline(t.id);
    expect(events.some((e) => e.type === 'verhuisd')).toBe(false);
    expect(events[0]).toMatchObject({
      type: 'taak-aangemaakt',
      omschrijving: `De verhuizing stond gepland op ${datumInWoorden(moveDate)}: bevestig dat Test is verhuisd, of geef de nieuwe datum.`,
    });
    t = (await api.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
    expect(t.verhuisdOp).toBeUndefined();
    expect(schedulesOf(t.id)).toEqual([]); // waiting for a person, not for a date
    expect(await questionsOnVandaag(t.id)).toEqual(['verhuizing']);
    await api.advanceDays(10);
    expect((await timeline(t.id)).some((e) => e.type === 'verhuisd')).toBe(false);

    // The duo confirms: only then has the person moved, on the day they give.
    t = await update(t, 'POST', '/verhuizing/bevestiging', { verhuisd: true, op: moveDate });
    expect(t.verhuisdOp).toBe(moveDate);
    expect((await timeline(t.id)).find((e) => e.type === 'verhuisd')?.actor.soort).toBe('medewerker');
    expect(await questionsOnVandaag(t.id)).toEqual([]);

    await api.advanceDays(42);
    expect((await timeline(t.id)).some((e) => e.type === 'evaluatie-gepland')).toBe(true);

    // (c) The landing reviews at 6, 12 and 24 months: each a task for the duo, nothing judged by the clock.
    await advanceTo(addMonths(moveDate, 6));
    expect(await reviewTasks(t.id)).toEqual([6]);
    expect(await questionsOnVandaag(t.id)).toEqual(['landingsreview']);

    // (a) Three months ahead the omklap is announced and a decision asked; nothing is recorded as done.
    const omklapOn = addMonths(offer.beschikbaarVanaf, 24);
    await advanceTo(addMonths(omklapOn, -3));
    events = await timeline(t.id);
    expect(events.some((e) => e.type === 'omklap-aangekondigd')).toBe(true);
    expect(await reviewTasks(t.id)).toEqual([6, 12]);
    expect(await questionsOnVandaag(t.id)).toEqual(['landingsreview', 'omklap']);

    // No decision by the date: a task, not a fact.
    await advanceTo(addDays(omklapOn, 1));
    events = await timeline(t.id);
    expect(events.some((e) => e.type === 'omklap-uitgevoerd')).toBe(false);
    expect(
      events.some(
        (e) =>
          e.omschrijving ===
          `Er is nog geen besluit over de omklap van ${omklapOn}: besluit met de corporatie (omklap, uitstel of niet).`,
      ),
    ).toBe(true);
    expect(await reviewTasks(t.id)).toEqual([6, 12, 24]);
    expect(schedulesOf(t.id)).toEqual([]); // waits for the decision
    await api.advanceDays(30);
    expect((await timeline(t.id)).some((e) => e.type === 'omklap-uitgevoerd')).toBe(false);

    // Only the recorded decision puts the lease on the person's name.
    t = await update(t, 'POST', '/omklap/besluit', {
      besluit: 'omklap',
      per: today(),
      genomenDoor: 'Sanne (duo) en Vechtvaart',
    });
    const omgeklapt = (await timeline(t.id)).find((e) => e.type === 'omklap-uitgevoerd');
    expect(omgeklapt?.actor.soort).toBe('medewerker');
    expect(await questionsOnVandaag(t.id)).toEqual(['landingsreview']);
    expect(schedulesOf(t.id)).toEqual([]);
  });

  it('a declined offer starts nothing, and a second offer can then be accepted', async () => {
    const t = await transitionWithAcceptedWoning('afgewezen');
    expect(schedulesOf(t.id)).toEqual([]);
    const events = await timeline(t.id);
    expect(events.find((e) => e.type === 'woning-afgewezen')?.omschrijving).toContain('Te ver van de dagbesteding');
    expect(events.some((e) => e.type === 'taak-aangemaakt')).toBe(false);
    const second = await api.call<Transition>('POST', `/api/transitions/${t.id}/aanbiedingen`, {
      corporatieId: 'org-vechtvaart',
      adres: { straat: 'Zandweg', huisnummer: '3', postcode: '3454 HA', plaats: 'Utrecht' },
      wijk: 'De Meern',
      huurPerMaandCent: 60_000,
      beschikbaarVanaf: addDays(today(), 20),
      reactieUiterlijk: addDays(today(), 5),
      expectedVersion: t.version,
    });
    expect(second.status).toBe(200);
    expect(second.body.aanbiedingen.map((a) => a.status)).toEqual(['afgewezen', 'open']);
  });

  it('an uncovered move shows as a risk on the confirmation day', async () => {
    let t = await transitionWithAcceptedWoning();
    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'eigen-huurcontract',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    t = await update(t, 'PUT', '/uitkering', {
      aangevraagdOp: today(),
      besluitOp: today(),
      toegekend: true,
      ingangsdatum: offer.beschikbaarVanaf,
    });
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: offer.beschikbaarVanaf });
    await api.advanceDays(25);
    const task = (await timeline(t.id)).find((e) => e.type === 'taak-aangemaakt');
    expect(task?.omschrijving).toContain('de verhuiskosten zijn nog niet gedekt uit het regelbudget');
    const overview = await api.call<{ verhuiskostenOngedekt: boolean }>('GET', `/api/transitions/${t.id}/overview`);
    expect(overview.body.verhuiskostenOngedekt).toBe(true);
  });

  it('a late uitkering raises a task for the caseworker', async () => {
    let t = await transitionWithAcceptedWoning();
    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'eigen-huurcontract',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: offer.beschikbaarVanaf });
    const tasks = (await timeline(t.id)).filter((e) => e.type === 'taak-aangemaakt');
    expect(tasks.map((e) => e.omschrijving)).toEqual([
      'De uitkering start mogelijk niet op de verhuisdatum: neem contact op met Werk & Inkomen.',
    ]);
  });

  it('a move months ahead raises no uitkering task until the latest safe application date, then asks', async () => {
    let t = await transitionWithAcceptedWoning();
    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'eigen-huurcontract',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    const verhuisdatum = addDays(offer.beschikbaarVanaf, 120);
    const latest = addDays(verhuisdatum, -42); // Utrecht decides within six weeks
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum });
    expect((await timeline(t.id)).filter((e) => e.type === 'taak-aangemaakt')).toEqual([]);
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(latest);
    await api.advanceDays(daysBetween(today(), latest));
    await expect
      .poll(async () => (await timeline(t.id)).filter((e) => e.type === 'taak-aangemaakt').map((e) => e.omschrijving))
      .toEqual(['De uitkering start mogelijk niet op de verhuisdatum: neem contact op met Werk & Inkomen.']);
  });

  it('a changed move date moves the alarm while the workflow waits', async () => {
    let t = await transitionWithAcceptedWoning();
    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'eigen-huurcontract',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    t = await update(t, 'PUT', '/uitkering', { aangevraagdOp: today() });
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: addDays(offer.beschikbaarVanaf, 10) });
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(addDays(offer.beschikbaarVanaf, 3));
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: addDays(offer.beschikbaarVanaf, 20) });
    expect(schedulesOf(t.id)).toHaveLength(1);
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(addDays(offer.beschikbaarVanaf, 13));
  });

  it('ending the transition during the move stops the workflow and clears its alarm', async () => {
    let t = await transitionWithAcceptedWoning();
    const offer = t.aanbiedingen[0]!;
    t = await update(t, 'PUT', '/contract', {
      vorm: 'eigen-huurcontract',
      ingangsdatum: offer.beschikbaarVanaf,
      getekendOp: today(),
    });
    t = await update(t, 'PUT', '/uitkering', { aangevraagdOp: today() });
    t = await update(t, 'PUT', '/verhuisdatum', { verhuisdatum: addDays(offer.beschikbaarVanaf, 10) });
    expect(schedulesOf(t.id)).toHaveLength(1);
    t = await update(t, 'POST', '/beeindiging', { reden: 'wil-niet-meer' });
    expect(schedulesOf(t.id)).toEqual([]);
    await api.advanceDays(60);
    expect((await timeline(t.id)).some((e) => e.type === 'verhuisd')).toBe(false);
  });
});
