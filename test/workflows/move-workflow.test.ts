import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { todayInNetherlands, addDays, daysBetween } from '../../shared/domain/common/calendar';
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
    seedDemoData: true,
  });
  api = await localApi(landing, 'u-sanne');
});
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
const schedulesOf = (id: string) => landing.scheduler.list().filter((s) => s.name === `verhuizing-${id}`);

async function update(t: Transition, method: string, path: string, body: Record<string, unknown>): Promise<Transition> {
  await changeTransition(api.call, t, method, path, body);
  await settle(landing);
  return (await api.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
}

describe('Move workflow (synthesized, run locally)', { timeout: 60_000 }, () => {
  it('happy path: waits for the contract, asks for confirmation, records the move, the review and the omklap', async () => {
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
      `Bevestig de ondersteuning rond de verhuizing en het budget voor ${moveDate}.`,
    ]);
    expect(todayInNetherlands(new Date(schedulesOf(t.id)[0]!.at))).toBe(moveDate);

    await api.advanceDays(2);
    events = await timeline(t.id);
    expect(events.some((e) => e.type === 'verhuisd' && e.actor.soort === 'werkproces')).toBe(true);
    t = (await api.call<Transition>('GET', `/api/transitions/${t.id}`)).body;
    expect(t.verhuisdOp).toBe(moveDate);

    await api.advanceDays(42);
    expect((await timeline(t.id)).some((e) => e.type === 'evaluatie-gepland')).toBe(true);
    // From here the next alarm is the omklap notice, 21 months away: a schedule, not an execution.
    await api.advanceDays(700);
    expect((await timeline(t.id)).some((e) => e.type === 'omklap-aangekondigd')).toBe(true);
    await api.advanceDays(100);
    expect((await timeline(t.id)).some((e) => e.type === 'omklap-uitgevoerd')).toBe(true);
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
