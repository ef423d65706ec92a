import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { TransitionOverview } from '../../shared/api/contract';
import type { Problem } from '../../shared/api/problem';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/** The decisions people take and the clock only asks for: the move, the omklap, the landing. On DynamoDB Local. */
const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
let now = new Date('2027-01-11T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('decisions');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  const deps: TransitionsDeps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:aws:states:eu-west-1:0:stateMachine:t',
      move: 'arn:aws:states:eu-west-1:0:stateMachine:move',
      signals: 'arn:aws:states:eu-west-1:0:stateMachine:signals',
    }),
    now: () => now,
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

type Body = Transition & Problem;
let t: Transition;
const step = async (routeKey: string, body: Record<string, unknown>, extra: Record<string, string> = {}) => {
  const response = await invoke<Body>(handler, {
    routeKey,
    principal: people.sanne,
    pathParameters: { transitionId: t.id, ...extra },
    body: { ...body, expectedVersion: t.version },
  });
  if (response.status === 200) t = response.body;
  return response;
};
const read = async () =>
  (
    await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    })
  ).body;
const types = async () =>
  (
    await invoke<{ items: TimelineEvent[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/timeline',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    })
  ).body.items.map((e) => e.type);

const factoren = {
  'overdracht-zorg': { oordeel: 'op-orde' },
  financien: { oordeel: 'op-orde' },
  daginvulling: { oordeel: 'aandacht', toelichting: 'Zoekt vrijwilligerswerk' },
  netwerk: { oordeel: 'op-orde' },
};

describe('decisions people take, through the API', () => {
  it('confirms the move, decides the omklap and judges the landing; bad input writes nothing', async () => {
    t = (
      await invoke<Transition>(handler, {
        routeKey: 'POST /api/transitions',
        principal: people.sanne,
        body: aanmelding(),
      })
    ).body;
    await step('POST /api/transitions/{transitionId}/fase', { naar: 'voorbereiding', reden: 'Intake gehad' });
    for (const itemId of ['schulden-stabiel', 'budgetbeheer', 'overdrachtsformulier', 'signaleringsplan'])
      await step('PUT /api/transitions/{transitionId}/gereedheid/{itemId}', { gedaan: true }, { itemId });
    await step('POST /api/transitions/{transitionId}/fase', { naar: 'woning', reden: 'Voorbereiding rond' });
    await step('POST /api/transitions/{transitionId}/aanbiedingen', {
      corporatieId: 'corp-w',
      adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526 KL', plaats: 'Utrecht' },
      wijk: 'Kanaleneiland',
      huurPerMaandCent: 64_950,
      beschikbaarVanaf: '2027-01-20',
      reactieUiterlijk: '2027-01-15',
    });
    await step(
      'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
      { besluit: 'geaccepteerd' },
      { aanbiedingId: t.aanbiedingen[0]!.id },
    );
    await step('PUT /api/transitions/{transitionId}/contract', {
      vorm: 'driepartijenovereenkomst',
      ingangsdatum: '2027-01-20',
      getekendOp: '2027-01-11',
    });
    expect(
      (await step('PUT /api/transitions/{transitionId}/verhuisdatum', { verhuisdatum: '2027-01-20' })).status,
    ).toBe(200);
    now = new Date('2027-01-22T09:00:00Z');

    // The move: not before it happened, and a day in the future is no confirmation.
    const before = t.version;
    const noDay = await step('POST /api/transitions/{transitionId}/verhuizing/bevestiging', { verhuisd: true });
    expect(noDay.status).toBe(400);
    expect(noDay.body.invalidParams?.[0]).toMatchObject({ name: 'op', reason: 'Vul de dag van de verhuizing in.' });
    const future = await step('POST /api/transitions/{transitionId}/verhuizing/bevestiging', {
      verhuisd: true,
      op: '2027-01-25',
    });
    expect(future.status).toBe(409);
    expect(future.body.title).toBe('Een verhuizing kan niet in de toekomst bevestigd worden.');
    expect((await read()).version).toBe(before);
    const later = await step('POST /api/transitions/{transitionId}/verhuizing/bevestiging', {
      verhuisd: false,
      nieuweDatum: '2027-02-01',
    });
    expect(later.status).toBe(200);
    expect(t).toMatchObject({ verhuisdatum: '2027-02-01' });
    expect(t.verhuisdOp).toBeUndefined();
    now = new Date('2027-02-02T09:00:00Z');
    const confirmed = await step('POST /api/transitions/{transitionId}/verhuizing/bevestiging', {
      verhuisd: true,
      op: '2027-02-01',
    });
    expect(confirmed.status).toBe(200);
    expect(t.verhuisdOp).toBe('2027-02-01');

    // The omklap: every answer needs what makes it a decision.
    const version = t.version;
    const noDate = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'uitstel',
      reden: 'Eerst de schulden',
      genomenDoor: 'Sanne en Vechtvaart',
    });
    expect(noDate.status).toBe(400);
    expect(noDate.body.invalidParams?.[0]).toMatchObject({
      name: 'nieuweDatum',
      reason: 'Vul de nieuwe omklapdatum in.',
    });
    const noReason = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'niet',
      genomenDoor: 'Sanne en Vechtvaart',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams?.[0]).toMatchObject({ name: 'reden', reason: 'Geef een reden.' });
    const noWho = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'omklap',
      per: '2029-01-20',
    });
    expect(noWho.body.invalidParams?.[0]).toMatchObject({ name: 'genomenDoor' });
    expect((await read()).version).toBe(version);

    const uitstel = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'uitstel',
      nieuweDatum: '2029-07-20',
      reden: 'Eerst de schulden',
      genomenDoor: 'Sanne en Vechtvaart',
    });
    expect(uitstel.status).toBe(200);
    const view = await invoke<TransitionOverview>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/overview',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(view.body.omklapDatum).toBe('2029-07-20');
    expect(await types()).not.toContain('omklap-uitgevoerd');
    const omklap = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'omklap',
      per: '2029-07-20',
      genomenDoor: 'Sanne, Vechtvaart en de persoon',
    });
    expect(omklap.status).toBe(200);
    expect(t.omklapBesluiten.map((b) => b.besluit)).toEqual(['uitstel', 'omklap']);
    expect(t.omklapBesluiten[1]).toMatchObject({ per: '2029-07-20', door: { id: 'u-sanne' } });
    expect((await types())[0]).toBe('omklap-uitgevoerd');
    const again = await step('POST /api/transitions/{transitionId}/omklap/besluit', {
      besluit: 'niet',
      reden: 'Toch niet',
      genomenDoor: 'Sanne',
    });
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('Over de omklap is al besloten.');

    // The landing: judged on the four factors and the person's own view; a risk means not landed.
    const noView = await step('POST /api/transitions/{transitionId}/landingsreviews', { factoren, geland: true });
    expect(noView.status).toBe(400);
    expect(noView.body.invalidParams?.[0]).toMatchObject({ name: 'perspectiefPersoon' });
    const atRisk = await step('POST /api/transitions/{transitionId}/landingsreviews', {
      factoren: { ...factoren, netwerk: { oordeel: 'risico' } },
      perspectiefPersoon: 'Ik zie niemand meer.',
      geland: true,
    });
    expect(atRisk.status).toBe(409);
    expect(atRisk.body.title).toBe(
      'Geland kan niet zolang er een risico op terugval is: sociaal contact en ondersteunend netwerk.',
    );
    await step('POST /api/transitions/{transitionId}/fase', { naar: 'verhuizing', reden: 'Alles rond' });
    expect(
      (await step('POST /api/transitions/{transitionId}/fase', { naar: 'landing', reden: 'Verhuisd' })).status,
    ).toBe(200);
    const notYet = await step('POST /api/transitions/{transitionId}/fase', { naar: 'geland', reden: 'Gaat goed' });
    expect(notYet.status).toBe(409);
    const judged = await step('POST /api/transitions/{transitionId}/landingsreviews', {
      factoren,
      perspectiefPersoon: 'Ik woon hier nu echt.',
      geland: true,
    });
    expect(judged.status).toBe(200);
    expect(t.landingsoordelen[0]).toMatchObject({ geland: true, perspectiefPersoon: 'Ik woon hier nu echt.' });
    expect(
      (await step('POST /api/transitions/{transitionId}/fase', { naar: 'geland', reden: 'Gaat goed' })).status,
    ).toBe(200);
  });
});
