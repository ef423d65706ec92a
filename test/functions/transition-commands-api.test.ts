import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import { applyCommand, applyToLatest } from '../../functions/transitions/run-command';
import { StaleVersionError } from '../../functions/transitions/errors';
import { setReadiness } from '../../shared/domain/transition/transition-commands';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { TransitionOverview } from '../../shared/api/contract';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
const today = new Date('2027-01-11T09:00:00Z');
let deps: TransitionsDeps;

beforeAll(async () => {
  table = await createTestTable('commands');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  deps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:aws:states:eu-west-1:0:stateMachine:t',
      move: 'arn:aws:states:eu-west-1:0:stateMachine:move',
      signals: 'arn:aws:states:eu-west-1:0:stateMachine:signals',
    }),
    now: () => today,
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

type Body = Transition & Problem;
const command = (
  routeKey: string,
  pathParameters: Record<string, string>,
  body: unknown,
  principal: Principal = people.sanne,
) => invoke<Body>(handler, { routeKey, principal, pathParameters, body });

async function newTransition(): Promise<Transition> {
  const created = await invoke<Transition>(handler, {
    routeKey: 'POST /api/transitions',
    principal: people.sanne,
    body: aanmelding(),
  });
  return created.body;
}

const blockingItems = ['schulden-stabiel', 'budgetbeheer', 'overdrachtsformulier', 'signaleringsplan'];
const offer = {
  corporatieId: 'corp-w',
  adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526kl', plaats: 'Utrecht' },
  wijk: 'Kanaleneiland',
  huurPerMaandCent: 64_950,
  beschikbaarVanaf: '2027-03-01',
  reactieUiterlijk: '2027-01-25',
};

describe('a transition from aanmelding to verhuizing through the API', () => {
  it('follows the rules of each phase, records every step, and computes the overview', async () => {
    let t = await newTransition();
    const id = { transitionId: t.id };
    const step = async (routeKey: string, body: Record<string, unknown>, extra: Record<string, string> = {}) => {
      const response = await command(routeKey, { ...id, ...extra }, { ...body, expectedVersion: t.version });
      if (response.status === 200) t = response.body;
      return response;
    };

    expect(
      (await step('POST /api/transitions/{transitionId}/fase', { naar: 'voorbereiding', reden: 'Intake gehad' }))
        .status,
    ).toBe(200);
    const blocked = await step('POST /api/transitions/{transitionId}/fase', { naar: 'woning', reden: 'Klaar?' });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      code: 'rule-violation',
      title: expect.stringContaining('2 verplichte punten'),
    });

    for (const itemId of blockingItems) {
      expect(
        (
          await step(
            'PUT /api/transitions/{transitionId}/gereedheid/{itemId}',
            { gedaan: true, notitie: 'Besproken' },
            { itemId },
          )
        ).status,
      ).toBe(200);
    }
    expect(t.gereedheid['schulden-stabiel']).toMatchObject({ gedaanOp: '2027-01-11', door: { id: 'u-sanne' } });
    expect(
      (await step('POST /api/transitions/{transitionId}/fase', { naar: 'woning', reden: 'Voorbereiding rond' })).status,
    ).toBe(200);

    const registered = await step('POST /api/transitions/{transitionId}/aanbiedingen', offer);
    expect(registered.status).toBe(200);
    expect(t.aanbiedingen[0]).toMatchObject({ status: 'open', adres: { postcode: '3526 KL' } });
    const aanbiedingId = t.aanbiedingen[0]!.id;

    expect(
      (
        await step(
          'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
          { besluit: 'geaccepteerd' },
          { aanbiedingId },
        )
      ).status,
    ).toBe(200);
    const early = await step('PUT /api/transitions/{transitionId}/contract', {
      vorm: 'driepartijenovereenkomst',
      ingangsdatum: '2027-02-01',
      getekendOp: '2027-01-11',
    });
    expect(early.status).toBe(409);
    expect(early.body.title).toContain('pas beschikbaar vanaf 1 maart 2027');
    expect(
      (
        await step('PUT /api/transitions/{transitionId}/contract', {
          vorm: 'driepartijenovereenkomst',
          ingangsdatum: '2027-03-01',
          getekendOp: '2027-01-11',
        })
      ).status,
    ).toBe(200);
    expect(t.contract?.omklapNaMaanden).toBe(24);
    expect(
      (await step('PUT /api/transitions/{transitionId}/verhuisdatum', { verhuisdatum: '2027-03-03' })).status,
    ).toBe(200);

    const view = await invoke<TransitionOverview>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/overview',
      principal: people.youssef,
      pathParameters: id,
    });
    expect(view.body).toMatchObject({
      today: '2027-01-11',
      // Nine days before the latest safe application date: soon, not yet due.
      uitkering: { level: 'oranje', latestSafeApplicationDate: '2027-01-20', decisionWeeks: 6 },
      verhuisadvies: { suggestie: '2027-03-01' },
      omklapDatum: '2029-03-01',
      omklapAankondiging: '2028-12-01',
      plaatsingenInWijk: 1,
    });
    expect(view.body.deadlines[0]).toEqual({ datum: '2027-01-20', wat: 'Uiterlijk uitkering aanvragen' });

    expect((await step('PUT /api/transitions/{transitionId}/uitkering', { aangevraagdOp: '2027-01-11' })).status).toBe(
      200,
    );
    const afterApplying = await invoke<TransitionOverview>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/overview',
      principal: people.sanne,
      pathParameters: id,
    });
    expect(afterApplying.body.uitkering.level).toBe('oranje');

    expect(
      (await step('POST /api/transitions/{transitionId}/fase', { naar: 'verhuizing', reden: 'Alles rond' })).status,
    ).toBe(200);
    expect(t).toMatchObject({ fase: 'verhuizing', version: 13 });

    const timeline = await invoke<{ items: TimelineEvent[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/timeline',
      principal: people.sanne,
      pathParameters: id,
    });
    // Newest first: read back in the order it happened.
    const types = timeline.body.items.map((e) => e.type).reverse();
    expect(types).toEqual([
      'aanmelding-geregistreerd',
      'fase-gewijzigd',
      ...blockingItems.map(() => 'gereedheid-bijgewerkt'),
      'fase-gewijzigd',
      'woning-aangeboden',
      'woning-geaccepteerd',
      'contract-getekend',
      'verhuisdatum-vastgelegd',
      'uitkering-bijgewerkt',
      'fase-gewijzigd',
    ]);
    expect(timeline.body.items[0]).toMatchObject({
      omschrijving: 'Wachten op woning → Verhuizing: Alles rond',
      actor: { naam: 'Sanne de Vries' },
    });
  });
});

describe('guards', () => {
  it('answers 409 stale-version for an old version and writes nothing', async () => {
    const t = await newTransition();
    const ok = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Start', expectedVersion: 1 },
    );
    expect(ok.status).toBe(200);
    const stale = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'aanmelding', reden: 'Terug naar het begin', expectedVersion: 1 },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    const read = await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(read.body).toMatchObject({ fase: 'voorbereiding', version: 2 });
  });

  it("names the other person's change in a stale-version problem: who, when and what", async () => {
    const t = await newTransition();
    const ingrid = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Start', expectedVersion: t.version },
      people.ingrid,
    );
    expect(ingrid.status).toBe(200);
    const stale = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Ook gestart', expectedVersion: t.version },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'stale-version',
      title: expect.stringContaining('Ingrid Visser heeft dit traject intussen gewijzigd'),
      gewijzigd: { door: 'Ingrid Visser', op: today.toISOString(), wat: 'Fase gewijzigd' },
    });
  });

  it('does not call a view stale for steps the workflow recorded meanwhile', async () => {
    const t = await newTransition();
    const seen = t.version;
    const workflowStep = await applyCommand(
      deps,
      t,
      { soort: 'werkproces', naam: 'Werkproces verhuizing' },
      (current, ctx) => setReadiness(current, { item: 'buffer', gedaan: true }, ctx),
    );
    expect(workflowStep.version).toBe(seen + 1);
    const response = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Start', expectedVersion: seen },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      fase: 'voorbereiding',
      version: seen + 2,
      gereedheid: { buffer: expect.anything() },
    });
  });

  it('applies a workflow step to the latest version when someone changed the transition after the step read it', async () => {
    const t = await newTransition();
    const caseworker = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Intake', expectedVersion: t.version },
    );
    expect(caseworker.status).toBe(200);
    const workflow = { soort: 'werkproces' as const, naam: 'Werkproces verhuizing' };
    // From the version it read (now stale): applyCommand refuses, applyToLatest reads again and applies.
    await expect(
      applyCommand(deps, t, workflow, (current, ctx) => setReadiness(current, { item: 'buffer', gedaan: true }, ctx)),
    ).rejects.toThrow(StaleVersionError);
    const applied = await applyToLatest(deps, t, workflow, (current, ctx) =>
      setReadiness(current, { item: 'buffer', gedaan: true }, ctx),
    );
    expect(applied).toMatchObject({
      version: t.version + 2,
      fase: 'voorbereiding',
      gereedheid: { buffer: expect.anything() },
    });
  });

  it('lets exactly one of many concurrent writers of the same version win', async () => {
    const t = await newTransition();
    const responses = await Promise.all(
      ['voorbereiding', 'voorbereiding', 'voorbereiding', 'voorbereiding', 'voorbereiding', 'voorbereiding'].map(
        (naar) =>
          command(
            'POST /api/transitions/{transitionId}/fase',
            { transitionId: t.id },
            { naar, reden: 'Gelijktijdig', expectedVersion: 1 },
          ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    const timeline = await invoke<{ items: TimelineEvent[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/timeline',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(timeline.body.items.filter((e) => e.type === 'fase-gewijzigd')).toHaveLength(1);
  });

  it('hides another organisation’s transition behind 404 for every command', async () => {
    const t = await newTransition();
    const response = await command(
      'POST /api/transitions/{transitionId}/fase',
      { transitionId: t.id },
      { naar: 'voorbereiding', reden: 'Niet van mij', expectedVersion: 1 },
      people.noor,
    );
    expect(response.status).toBe(404);
  });

  it('rejects bad input with field messages: dates in the wrong order, an unknown corporation, a missing reason', async () => {
    const t = await newTransition();
    const path = { transitionId: t.id };
    const wrongOrder = await command('POST /api/transitions/{transitionId}/aanbiedingen', path, {
      ...offer,
      reactieUiterlijk: '2027-03-05',
      expectedVersion: 1,
    });
    expect(wrongOrder.status).toBe(400);
    expect(wrongOrder.body.invalidParams?.[0]?.name).toBe('reactieUiterlijk');
    const unknownCorporation = await command('POST /api/transitions/{transitionId}/aanbiedingen', path, {
      ...offer,
      corporatieId: 'org-b',
      expectedVersion: 1,
    });
    expect(unknownCorporation.status).toBe(400);
    expect(unknownCorporation.body.invalidParams?.[0]?.name).toBe('corporatieId');
    const noReason = await command('POST /api/transitions/{transitionId}/fase', path, {
      naar: 'voorbereiding',
      expectedVersion: 1,
    });
    expect(noReason.body.invalidParams?.[0]).toMatchObject({ name: 'reden', reason: 'Geef een reden.' });
    const unknownItem = await command(
      'PUT /api/transitions/{transitionId}/gereedheid/{itemId}',
      { ...path, itemId: 'vliegbrevet' },
      { gedaan: true, expectedVersion: 1 },
    );
    expect(unknownItem.status).toBe(400);
    const read = await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: path,
    });
    expect(read.body.version).toBe(1);
  });
});

describe('ambulant support that scales', () => {
  const support = (t: Transition, body: Record<string, unknown>, principal: Principal = people.sanne) =>
    command(
      'POST /api/transitions/{transitionId}/ondersteuning',
      { transitionId: t.id },
      { expectedVersion: t.version, ...body },
      principal,
    );
  const overviewOf = async (t: Transition) =>
    (
      await invoke<TransitionOverview>(handler, {
        routeKey: 'GET /api/transitions/{transitionId}/overview',
        principal: people.sanne,
        pathParameters: { transitionId: t.id },
      })
    ).body;

  it('records a temporary scale-up, schedules its review, and falls back after it ends', async () => {
    let t = await newTransition();
    t = (
      await support(t, { niveau: 'regulier', modaliteiten: ['thuis'], reden: 'Start begeleiding', vanaf: '2027-01-11' })
    ).body;
    const up = await support(t, {
      niveau: 'intensief',
      modaliteiten: ['thuis', 'remote-24-7'],
      reden: 'Onrustig na nieuws over de woning',
      vanaf: '2027-01-11',
      tot: '2027-01-31',
    });
    expect(up.status).toBe(200);
    t = up.body;
    const view = await overviewOf(t);
    expect(view.ondersteuning).toMatchObject({ niveau: 'intensief', volgendeEvaluatie: { datum: '2027-01-31' } });
    expect(view.ondersteuning.spans.map((s) => `${s.niveau} ${s.van}..${s.tot}`).slice(0, 2)).toEqual([
      'intensief 2027-01-11..2027-01-31',
      'regulier 2027-02-01..2027-04-11',
    ]);

    const review = await command(
      'POST /api/transitions/{transitionId}/ondersteuning/evaluatie',
      { transitionId: t.id },
      {
        wijzigingId: view.ondersteuning.volgendeEvaluatie!.wijzigingId,
        uitkomst: 'afgeschaald',
        expectedVersion: t.version,
      },
    );
    expect(review.status).toBe(200);
    expect(review.body.ondersteuning.at(-1)).toMatchObject({
      niveau: 'verhoogd',
      reden: 'Afgeschaald na evaluatie',
      vanaf: '2027-01-11',
    });
    expect((await overviewOf(review.body)).ondersteuning.volgendeEvaluatie).toBeUndefined();
  });

  it('refuses a level that does not exist and an end before the start, writing nothing', async () => {
    const t = await newTransition();
    expect(
      (await support(t, { niveau: 'superintensief', modaliteiten: ['thuis'], reden: 'Test', vanaf: '2027-01-11' })).body
        .invalidParams?.[0]?.name,
    ).toBe('niveau');
    expect(
      (
        await support(t, {
          niveau: 'licht',
          modaliteiten: ['thuis'],
          reden: 'Test',
          vanaf: '2027-01-11',
          tot: '2027-01-10',
        })
      ).body.invalidParams?.[0],
    ).toMatchObject({ name: 'tot', reason: 'Het einde ligt vóór het begin.' });
    const read = await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(read.body.ondersteuning).toEqual([]);
  });

  it('lets one of two caseworkers changing the level at once succeed, the other gets 409', async () => {
    const t = await newTransition();
    const [a, b] = await Promise.all([
      support(t, { niveau: 'verhoogd', modaliteiten: ['thuis'], reden: 'Sanne schaalt op', vanaf: '2027-01-11' }),
      support(
        t,
        { niveau: 'licht', modaliteiten: ['op-afstand'], reden: 'Youssef schaalt af', vanaf: '2027-01-11' },
        people.youssef,
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('proposes a temporary scale-up around the move until one is recorded', async () => {
    let t = await newTransition();
    t = (await support(t, { niveau: 'regulier', modaliteiten: ['thuis'], reden: 'Start', vanaf: '2027-01-11' })).body;
    const path = { transitionId: t.id };
    const step = async (routeKey: string, body: Record<string, unknown>, extra: Record<string, string> = {}) => {
      const r = await command(routeKey, { ...path, ...extra }, { ...body, expectedVersion: t.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      t = r.body;
    };
    await step('POST /api/transitions/{transitionId}/fase', { naar: 'voorbereiding', reden: 'Start' });
    for (const itemId of blockingItems)
      await step('PUT /api/transitions/{transitionId}/gereedheid/{itemId}', { gedaan: true }, { itemId });
    await step('POST /api/transitions/{transitionId}/fase', { naar: 'woning', reden: 'Klaar' });
    await step('POST /api/transitions/{transitionId}/aanbiedingen', offer);
    await step(
      'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
      { besluit: 'geaccepteerd' },
      { aanbiedingId: t.aanbiedingen[0]!.id },
    );
    await step('PUT /api/transitions/{transitionId}/verhuisdatum', { verhuisdatum: '2027-03-01' });
    const proposal = (await overviewOf(t)).ondersteuning.voorstelRondVerhuizing;
    expect(proposal).toEqual({
      niveau: 'verhoogd',
      vanaf: '2027-02-15',
      tot: '2027-04-12',
      reden: 'Tijdelijk opschalen rond de verhuizing',
    });
    await step('POST /api/transitions/{transitionId}/ondersteuning', {
      ...proposal!,
      modaliteiten: ['thuis', 'op-afstand'],
    });
    expect((await overviewOf(t)).ondersteuning.voorstelRondVerhuizing).toBeUndefined();
  });
});

describe('signaleringsplan', () => {
  const sign = {
    fase: 'oranje',
    teken: 'Ik slaap slecht en laat de post liggen',
    actie: 'Begeleider belt dezelfde dag',
    wie: 'Sanne',
    netwerkMagWeten: true,
    corporatieMagWeten: false,
  };

  it('keeps every version and records the person’s agreement on the one in force', async () => {
    let t = await newTransition();
    const path = { transitionId: t.id };
    const v1 = await command('PUT /api/transitions/{transitionId}/signaleringsplan', path, {
      tekens: [sign],
      opgesteldMet: 'Piet en zijn zus',
      expectedVersion: t.version,
    });
    expect(v1.status).toBe(200);
    t = v1.body;
    const v2 = await command('PUT /api/transitions/{transitionId}/signaleringsplan', path, {
      tekens: [
        ...t.signaleringsplan[0]!.tekens,
        {
          ...sign,
          fase: 'rood',
          teken: 'Ik neem de telefoon niet meer op',
          actie: 'Duo gaat langs, logeerplek bespreken',
        },
      ],
      opgesteldMet: 'Piet, zijn zus en de wijkagent',
      expectedVersion: t.version,
    });
    t = v2.body;
    expect(t.signaleringsplan.map((v) => [v.versie, v.tekens.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(t.signaleringsplan[1]!.tekens[0]!.id).toBe(t.signaleringsplan[0]!.tekens[0]!.id);

    const old = await command('POST /api/transitions/{transitionId}/signaleringsplan/akkoord', path, {
      versie: 1,
      op: '2027-01-11',
      expectedVersion: t.version,
    });
    expect(old.status).toBe(409);
    const agreed = await command('POST /api/transitions/{transitionId}/signaleringsplan/akkoord', path, {
      versie: 2,
      op: '2027-01-11',
      expectedVersion: t.version,
    });
    expect(agreed.body.signaleringsplan.at(-1)).toMatchObject({ versie: 2, akkoordPersoonOp: '2027-01-11' });
  });

  it('refuses a sign without the person’s words or without who acts', async () => {
    const t = await newTransition();
    const response = await command(
      'PUT /api/transitions/{transitionId}/signaleringsplan',
      { transitionId: t.id },
      { tekens: [{ ...sign, teken: '', wie: '' }], opgesteldMet: 'Piet', expectedVersion: t.version },
    );
    expect(response.status).toBe(400);
    expect(response.body.invalidParams?.map((p) => p.name).sort()).toEqual(['tekens.0.teken', 'tekens.0.wie']);
  });
});
