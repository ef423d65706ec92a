import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCaseloadApi } from '../../functions/caseload/api';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoSignalStore, DynamoTaskStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { TeamView, TodayView } from '../../shared/api/caseload-schemas';
import type { Problem } from '../../shared/api/problem';
import { addDays } from '../../shared/domain/common/calendar';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { signalen } from '../../shared/domain/transition/overview';
import type { Principal } from '../../shared/domain/organisation/principal';
import { openDuoTasks, resolveSignal, type SignalCommandResult } from '../../shared/domain/signals/signal-commands';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import type { SupportChange, SupportLevel } from '../../shared/domain/support/support';
import { taskId } from '../../shared/domain/signals/task';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

const now = new Date('2027-03-10T09:00:00Z');
const today = '2027-03-10';
const actor = { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne de Vries' } as const;

let transitions: DynamoTransitionStore;
let signals: DynamoSignalStore;
let handler: ReturnType<typeof createCaseloadApi>;
let transitionsHandler: ReturnType<typeof createTransitionsApi>;
const sfn = mockClient(SFNClient);
sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });

// Every test has a table of its own: a caseload counts everything a begeleider carries.
beforeEach(async () => {
  const table = await createTestTable('caseload');
  await seedOrganisations(table.db, table.tableName);
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  signals = new DynamoSignalStore(table.db, table.tableName);
  const deps = {
    transitions,
    tasks: new DynamoTaskStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    now: () => now,
  };
  handler = createCaseloadApi(() => deps);
  // Doing a task goes through the transitions API, as the caseworker's page does.
  const transitionDeps: TransitionsDeps = {
    store: transitions,
    directory: deps.directory,
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:aws:states:eu-west-1:0:stateMachine:t',
      move: 'arn:aws:states:eu-west-1:0:stateMachine:move',
      signals: 'arn:aws:states:eu-west-1:0:stateMachine:signals',
    }),
    now: () => now,
    newId: randomUUID,
  };
  transitionsHandler = createTransitionsApi(() => transitionDeps);
});

const level = (niveau: SupportLevel, vanaf: string, tot?: string): SupportChange => ({
  id: randomUUID(),
  niveau,
  modaliteiten: ['thuis'],
  reden: 'Afgesproken met de persoon',
  vanaf,
  ...(tot ? { tot } : {}),
  door: { id: actor.id, naam: actor.naam },
});

interface TransitionSetup {
  begeleiders?: Principal[];
  fase?: Transition['fase'];
  ondersteuning?: SupportChange[];
  verhuisdatum?: string;
  /** More of the transition as it stands (an offer, a contract, the process's markers). */
  extra?: Partial<Transition>;
  /** The day the current phase began as Landing recorded it. */
  faseSinds?: string;
}

/** A transition as the register and command paths write it: `signalen` derived on the day it is written. */
async function transition({
  begeleiders = [people.sanne],
  fase = 'landing',
  ondersteuning = [],
  verhuisdatum,
  extra = {},
  faseSinds,
}: TransitionSetup = {}): Promise<Transition> {
  const draft: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: begeleiders[0]!.organisationId,
    teamId: begeleiders[0]!.teamId,
    persoonRef: randomUUID(),
    persoon: aanmelding().persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: begeleiders.map((b) => ({ id: b.userId, naam: b.naam })),
    fase,
    ...notStartedYet,
    ondersteuning,
    // Applied for well in time: the move is the only deadline.
    ...(verhuisdatum ? { verhuisdatum, uitkering: { aangevraagdOp: '2027-01-04' } } : {}),
    createdAt: now.toISOString(),
    createdBy: actor.id,
    updatedAt: now.toISOString(),
    ...extra,
  };
  const derived = signalen(draft, municipalityPolicy(draft.gemeenteCode), today);
  const t: Transition = {
    ...draft,
    signalen: faseSinds ? { ...derived, faseSinds: { fase, sinds: faseSinds } } : derived,
  };
  await transitions.create({
    transition: t,
    firstEvent: { id: randomUUID(), transitionId: t.id, type: 'aanmelding-geregistreerd', at: t.createdAt, actor },
  });
  return t;
}

/** A rood signal whose follow-up gave the duo a task each, due at the signal's deadline. */
async function signalWithTasks(t: Transition, deadline: string): Promise<Signal> {
  const signal: Signal = {
    id: randomUUID(),
    transitionId: t.id,
    versie: 1,
    at: now.toISOString(),
    bron: 'begeleider',
    omschrijving: 'Afspraak gemist, neemt niet op',
    fase: 'rood',
    status: 'open',
    deadline,
    geregistreerdDoor: { id: actor.id, naam: actor.naam },
  };
  await signals.register(signal, {
    id: randomUUID(),
    transitionId: t.id,
    type: 'signaal-ontvangen',
    at: signal.at,
    actor,
  });
  await change(
    signal,
    openDuoTasks(
      signal,
      { begeleiders: t.begeleiders, persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam } },
      now,
    ),
  );
  return (await signals.list(t.id)).find((s) => s.id === signal.id)!;
}

function change(before: Signal, result: SignalCommandResult, options: { closeOpenTasks?: boolean } = {}) {
  return signals.change({
    before,
    after: result.after,
    event: {
      id: randomUUID(),
      transitionId: before.transitionId,
      type: result.event.type,
      at: now.toISOString(),
      actor,
      omschrijving: result.event.omschrijving,
    },
    ...(result.newTasks ? { newTasks: result.newTasks } : {}),
    ...options,
  });
}

const vandaag = (principal: Principal) =>
  invoke<TodayView & Problem>(handler, { routeKey: 'GET /api/vandaag', principal });
const team = (principal: Principal) => invoke<TeamView & Problem>(handler, { routeKey: 'GET /api/team', principal });

describe('GET /api/vandaag', () => {
  it("lists the begeleider's own open tasks, earliest deadline first, and drops a task once its signal is resolved", async () => {
    const duo = await transition({ begeleiders: [people.sanne, people.youssef] });
    const alone = await transition();
    const later = await signalWithTasks(duo, '2027-03-11T09:00:00.000Z');
    const sooner = await signalWithTasks(alone, '2027-03-10T13:00:00.000Z');
    const soonest = await signalWithTasks(duo, '2027-03-10T11:00:00.000Z');

    const before = await vandaag(people.sanne);
    expect(before.status).toBe(200);
    expect(TodayView.safeParse(before.body).success).toBe(true);
    expect(before.body.taken.map((t) => t.id)).toEqual(
      [soonest, sooner, later].map((s) => taskId(s.id, 'duo', 'u-sanne')),
    );
    expect(before.body.taken[0]).toMatchObject({
      voor: { id: 'u-sanne' },
      rol: 'duo',
      status: 'open',
      transitionId: duo.id,
      persoon: { voornaam: duo.persoon.voornaam, achternaam: duo.persoon.achternaam },
    });

    await change(
      sooner,
      resolveSignal(sooner, { notitie: 'Langsgegaan, gaat goed' }, { id: actor.id, naam: actor.naam }, now),
      { closeOpenTasks: true },
    );
    const after = await vandaag(people.sanne);
    expect(after.body.taken.map((t) => t.id)).toEqual([soonest, later].map((s) => taskId(s.id, 'duo', 'u-sanne')));
  });

  it('answers an unchanged Vandaag with 304 to its ETag, and a changed one with 200 and a new ETag', async () => {
    const t = await transition();
    const first = await vandaag(people.sanne);
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const quiet = await invoke(handler, {
      routeKey: 'GET /api/vandaag',
      principal: people.sanne,
      headers: { 'if-none-match': etag! },
    });
    expect(quiet.status).toBe(304);
    expect(quiet.body).toBeUndefined();
    expect(quiet.headers.etag).toBe(etag);

    // Another begeleider's Vandaag is another answer, even with the same ETag sent.
    const youssef = await invoke(handler, {
      routeKey: 'GET /api/vandaag',
      principal: people.youssef,
      headers: { 'if-none-match': etag! },
    });
    expect(youssef.status).toBe(200);

    await signalWithTasks(t, '2027-03-10T13:00:00.000Z');
    const changed = await invoke<TodayView>(handler, {
      routeKey: 'GET /api/vandaag',
      principal: people.sanne,
      headers: { 'if-none-match': etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.taken).toHaveLength(1);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("does not show another begeleider's tasks", async () => {
    const mine = await signalWithTasks(await transition(), '2027-03-10T13:00:00.000Z');
    const theirs = await signalWithTasks(
      await transition({ begeleiders: [people.youssef] }),
      '2027-03-10T11:00:00.000Z',
    );
    await signalWithTasks(await transition({ begeleiders: [people.noor] }), '2027-03-10T10:00:00.000Z');

    expect((await vandaag(people.sanne)).body.taken.map((t) => t.id)).toEqual([taskId(mine.id, 'duo', 'u-sanne')]);
    expect((await vandaag(people.youssef)).body.taken.map((t) => t.id)).toEqual([
      taskId(theirs.id, 'duo', 'u-youssef'),
    ]);
  });

  it('shows reviews due within a week (overdue ones too) and deadlines within two weeks, not later ones', async () => {
    const regulier = level('regulier', '2026-10-01');
    // A scale-up is reviewed after 28 days: from 17 February that is 17 March, a week from today.
    const dueInAWeek = await transition({ ondersteuning: [regulier, level('verhoogd', '2027-02-17')] });
    const dueTomorrowPlus = await transition({ ondersteuning: [regulier, level('verhoogd', '2027-02-18')] });
    const overdue = await transition({ ondersteuning: [regulier, level('intensief', '2027-01-20')] });
    const moveInTwoWeeks = await transition({ fase: 'verhuizing', verhuisdatum: addDays(today, 14) });
    const moveLater = await transition({ fase: 'verhuizing', verhuisdatum: addDays(today, 15) });
    // Neither a landed transition nor someone else's counts, however close the date.
    await transition({ fase: 'geland', ondersteuning: [regulier, level('verhoogd', '2027-02-17')] });
    await transition({
      begeleiders: [people.youssef],
      fase: 'verhuizing',
      verhuisdatum: addDays(today, 3),
      ondersteuning: [regulier, level('verhoogd', '2027-02-17')],
    });
    expect(dueTomorrowPlus.signalen?.volgendeEvaluatie).toBe('2027-03-18');
    expect(moveLater.signalen?.volgendeDeadline?.datum).toBe('2027-03-25');

    const { body } = await vandaag(people.sanne);
    expect(TodayView.safeParse(body).success).toBe(true);
    const ref = (t: Transition) => ({
      transitionId: t.id,
      persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
    });
    expect(body.evaluaties).toEqual([
      { ...ref(overdue), datum: '2027-02-17' },
      { ...ref(dueInAWeek), datum: '2027-03-17' },
    ]);
    expect(body.deadlines).toEqual([
      { ...ref(moveInTwoWeeks), datum: '2027-03-24', wat: 'Verhuizing', plek: 'verhuizing' },
    ]);
  });

  it("gives the begeleider's own caseload: each client once, with today's level shown", async () => {
    await transition({
      begeleiders: [people.sanne, people.youssef],
      ondersteuning: [level('intensief', '2027-03-01')],
    });
    await transition({ ondersteuning: [level('waakvlam', '2027-01-01')] });
    await transition();
    // A scale-up that ended yesterday weighs as the level before it.
    await transition({ ondersteuning: [level('licht', '2027-01-01'), level('intensief', '2027-02-01', '2027-03-09')] });
    await transition({ fase: 'beeindigd', ondersteuning: [level('intensief', '2027-01-01')] });
    await transition({ begeleiders: [people.youssef], ondersteuning: [level('intensief', '2027-01-01')] });

    const { body } = await vandaag(people.sanne);
    expect(body.today).toBe(today);
    expect(body.caseload).toEqual({
      begeleider: { id: 'u-sanne', naam: 'Sanne de Vries' },
      trajecten: 4,
      perNiveau: { intensief: 1, waakvlam: 1, geen: 1, licht: 1 },
      capaciteit: 10,
      bezetting: 40,
    });
  });

  it('is refused to a budgethouder', async () => {
    const response = await vandaag(people.pieter);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });
});

describe('GET /api/team', () => {
  it('counts the caseload of the team and of each begeleider, without weighing intensity, and shows over capacity', async () => {
    for (let i = 0; i < 11; i++) await transition({ ondersteuning: [level('intensief', '2027-02-15')] });
    await transition({ begeleiders: [people.youssef], ondersteuning: [level('regulier', '2027-01-01')] });
    await transition({ begeleiders: [people.youssef], ondersteuning: [level('waakvlam', '2027-01-01')] });
    await transition({
      begeleiders: [people.youssef],
      fase: 'geland',
      ondersteuning: [level('intensief', '2027-01-01')],
    });

    const response = await team(people.ingrid);
    expect(response.status).toBe(200);
    expect(TeamView.safeParse(response.body).success).toBe(true);
    expect(response.body.today).toBe(today);
    // Begeleiders only: the team lead herself carries no caseload here.
    expect(response.body.caseload).toEqual([
      {
        begeleider: { id: 'u-sanne', naam: 'Sanne de Vries' },
        trajecten: 11,
        perNiveau: { intensief: 11 },
        capaciteit: 10,
        bezetting: 110,
      },
      {
        begeleider: { id: 'u-youssef', naam: 'Youssef El Amrani' },
        trajecten: 2,
        perNiveau: { regulier: 1, waakvlam: 1 },
        capaciteit: 10,
        bezetting: 20,
      },
    ]);
    expect(response.body.caseload.filter((e) => e.trajecten > e.capaciteit).map((e) => e.begeleider.id)).toEqual([
      'u-sanne',
    ]);
    // Two begeleiders: room for ten ("voor 2 begeleiders 10 cliënten"); thirteen clients are over it.
    expect(response.body.team).toEqual({
      begeleiders: 2,
      deelnemers: 13,
      deelnemersPerDuo: 10,
      capaciteit: 10,
      bezetting: 130,
    });
  });

  it('lists a begeleider of the organisation without any transition with zero', async () => {
    await transition();
    const { body } = await team(people.ingrid);
    expect(body.caseload.map((e) => [e.begeleider.id, e.trajecten, e.bezetting])).toEqual([
      ['u-sanne', 1, 10],
      ['u-youssef', 0, 0],
    ]);
  });

  it('does not warn of a long time on intensief: that is a question for the review of the transition', async () => {
    await transition({ ondersteuning: [level('intensief', addDays(today, -149))] });
    const { body } = await team(people.ingrid);
    expect(body).not.toHaveProperty('langIntensief');
    expect(body.caseload.find((e) => e.begeleider.id === 'u-sanne')).toMatchObject({ trajecten: 1, bezetting: 10 });
  });

  it("never includes another organisation's begeleiders or transitions", async () => {
    await transition({ ondersteuning: [level('regulier', '2027-01-01')] });
    const elsewhere = await transition({
      begeleiders: [people.noor],
      ondersteuning: [level('intensief', '2026-01-01')],
    });

    const orgA = (await team(people.ingrid)).body;
    // Ingrid's team: Kim, of org-a's other team, is not hers to weigh.
    expect(orgA.caseload.map((e) => e.begeleider.id).sort()).toEqual(['u-sanne', 'u-youssef']);
    expect(orgA.caseload.reduce((sum, e) => sum + e.trajecten, 0)).toBe(1);

    // The other way round, org-b's team lead sees org-b's: the transition is there, only not for org-a.
    const orgB = await invoke<TeamView>(handler, {
      routeKey: 'GET /api/team',
      principal: { userId: 'u-lead-b', naam: 'Lead B', organisationId: 'org-b', role: 'teamleider', teamId: 'team-b1' },
    });
    expect(orgB.body.caseload).toEqual([
      {
        begeleider: { id: 'u-noor', naam: 'Noor Hoekstra' },
        trajecten: 1,
        perNiveau: { intensief: 1 },
        capaciteit: 10,
        bezetting: 10,
      },
    ]);
    expect(orgB.body.team.deelnemers).toBe(1);
    expect(elsewhere.providerId).not.toBe('org-a');
  });

  it('is refused to a begeleider and to a budgethouder', async () => {
    for (const principal of [people.youssef, people.pieter]) {
      const response = await team(principal);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
  });
});

const offer = (status: 'open' | 'geaccepteerd', reactieUiterlijk: string) => ({
  id: randomUUID(),
  corporatieId: 'corp-w',
  adres: { straat: 'Kanaalweg', huisnummer: '12', postcode: '3526 KL', plaats: 'Utrecht' },
  wijk: 'Kanaleneiland',
  huurPerMaandCent: 64_950,
  beschikbaarVanaf: '2027-02-20',
  reactieUiterlijk,
  status,
});

/** A move planned three days ago, contract signed: the workflow asked the duo to confirm it. */
async function moveToConfirm(): Promise<Transition> {
  const accepted = offer('geaccepteerd', '2027-02-10');
  const verhuisdatum = addDays(today, -3);
  return transition({
    fase: 'verhuizing',
    verhuisdatum,
    extra: {
      aanbiedingen: [accepted],
      contract: {
        vorm: 'driepartijenovereenkomst',
        aanbiedingId: accepted.id,
        ingangsdatum: '2027-03-01',
        getekendOp: '2027-02-15',
      },
      verhuisproces: { verhuisbevestigingGevraagdVoor: verhuisdatum },
    },
  });
}

const ref = (t: Transition) => ({
  transitionId: t.id,
  persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
});

describe('GET /api/vandaag: everything due, in one list', () => {
  it('lists every deadline of a transition, not only the next, each with where it is done', async () => {
    // An offer to answer in two days, and the move itself in ten: two deadlines of one transition.
    const t = await transition({
      fase: 'woning',
      verhuisdatum: addDays(today, 10),
      extra: { aanbiedingen: [offer('open', addDays(today, 2))] },
    });
    const { body } = await vandaag(people.sanne);
    expect(TodayView.safeParse(body).success).toBe(true);
    expect(body.deadlines).toEqual([
      { ...ref(t), datum: addDays(today, 2), wat: 'Reageren op woning Kanaalweg 12', plek: 'woning' },
      { ...ref(t), datum: addDays(today, 10), wat: 'Verhuizing', plek: 'verhuizing' },
    ]);
  });

  it('asks to contact Werk & Inkomen while the uitkering may not start on the move date (rood)', async () => {
    // Ten days before the move and nothing applied for: Werk & Inkomen cannot decide in time.
    const t = await transition({ fase: 'verhuizing', extra: { verhuisdatum: addDays(today, 10), uitkering: {} } });
    expect(t.signalen?.uitkeringRisico).toBe('rood');
    const { body } = await vandaag(people.sanne);
    expect(body.deadlines).toContainEqual({
      ...ref(t),
      datum: addDays(today, 10),
      wat: 'Uitkering start mogelijk niet op de verhuisdatum: neem contact op met Werk & Inkomen',
      plek: 'verhuizing',
    });
  });

  it('gives the move to confirm its due date and place, and drops it once the duo answered through the API', async () => {
    const t = await moveToConfirm();
    const before = await vandaag(people.sanne);
    expect(TodayView.safeParse(before.body).success).toBe(true);
    expect(before.body.vragen).toEqual([
      {
        ...ref(t),
        soort: 'verhuizing',
        datum: addDays(today, -3),
        wat: 'Bevestig dat de persoon is verhuisd, of geef de nieuwe datum',
        uiterlijk: addDays(today, 4),
        plek: 'besluiten',
      },
    ]);

    const answered = await invoke<Transition & Problem>(transitionsHandler, {
      routeKey: 'POST /api/transitions/{transitionId}/verhuizing/bevestiging',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
      body: { verhuisd: true, op: addDays(today, -3), expectedVersion: t.version },
    });
    expect(answered.status).toBe(200);
    const after = await vandaag(people.sanne);
    expect(after.body.vragen).toEqual([]);
  });
});

describe("GET /api/vandaag: a teamleider's day", () => {
  it('shows the team’s overdue items and the transitions stalled in a phase longer than the norm, with begeleiders', async () => {
    const duo = [people.sanne, people.youssef];
    // The default norm for waiting for a woning is 180 days: 200 days is stalled, 100 is not.
    const stalled = await transition({ begeleiders: duo, fase: 'woning', faseSinds: addDays(today, -200) });
    await transition({ begeleiders: duo, fase: 'woning', faseSinds: addDays(today, -100) });
    const move = await moveToConfirm();
    // Overdue only once the week to confirm has passed.
    const lateMove = await transition({
      fase: 'verhuizing',
      extra: {
        verhuisdatum: addDays(today, -10),
        uitkering: { aangevraagdOp: '2027-01-04' },
        verhuisproces: { verhuisbevestigingGevraagdVoor: addDays(today, -10) },
      },
    });
    // Another team's transition, however stalled, is not this teamleider's.
    await transition({ begeleiders: [people.kim], fase: 'woning', faseSinds: addDays(today, -400) });

    const { status, body } = await vandaag(people.ingrid);
    expect(status).toBe(200);
    expect(TodayView.safeParse(body).success).toBe(true);
    expect(body.caseload).toBeUndefined();
    expect(body.team?.stilstand).toEqual([
      {
        ...ref(stalled),
        begeleiders: ['Sanne de Vries', 'Youssef El Amrani'],
        wat: 'Wachten op woning duurt langer dan 180 dagen',
        sinds: addDays(today, -200),
        fase: 'woning',
      },
    ]);
    expect(body.team?.teLaat).toEqual([
      {
        ...ref(lateMove),
        begeleiders: ['Sanne de Vries'],
        wat: 'Bevestig dat de persoon is verhuisd, of geef de nieuwe datum',
        sinds: addDays(today, -3),
        plek: 'besluiten',
      },
    ]);
    expect(body.team?.teLaat.map((l) => l.transitionId)).not.toContain(move.id);
    expect(body.team?.escalaties).toEqual([]);
  });

  it('a begeleider gets no team lines', async () => {
    await transition({ fase: 'woning', faseSinds: addDays(today, -200) });
    const { body } = await vandaag(people.sanne);
    expect(body.team).toBeUndefined();
    expect(body.caseload?.trajecten).toBe(1);
  });
});
