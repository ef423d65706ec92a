import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignalsApi } from '../../functions/signals/api';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { InvalidParam } from '../../shared/api/problem';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createSignalsApi>;
let transitions: DynamoTransitionStore;
const now = new Date('2027-03-05T22:15:00Z');
// Step Functions is AWS-only here: the follow-up workflow runs in test/workflows; this checks it is asked to look.
const sfn = mockClient(SFNClient);
const followUpArn = 'arn:aws:states:eu-west-1:0:stateMachine:landing-test-signalen';

beforeAll(async () => {
  table = await createTestTable('signals');
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  const workflow = new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
    transition: 't',
    move: 'm',
    signals: followUpArn,
  });
  handler = createSignalsApi(() => ({
    signals: new DynamoSignalStore(table.db, table.tableName),
    contacts: new DynamoContactStore(table.db, table.tableName),
    transitions,
    workflow,
    now: () => now,
    newId: randomUUID,
  }));
});

const redSign = {
  id: 'teken-rood',
  fase: 'rood',
  teken: 'Ik doe de deur niet meer open',
  actie: 'Duo gaat langs',
  wie: 'Sanne',
  netwerkMagWeten: true,
  corporatieMagWeten: false,
} as const;

async function transition(fase: Transition['fase'] = 'landing'): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    persoonRef: randomUUID(),
    persoon: input.persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries' }],
    fase,
    ...notStartedYet,
    signaleringsplan: [
      {
        versie: 1,
        tekens: [redSign],
        opgesteldMet: 'Piet',
        vastgelegdOp: '2027-01-01',
        vastgelegdDoor: { id: 'u-sanne', naam: 'Sanne' },
      },
    ],
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

type Body = Signal & { code?: string; title?: string; invalidParams?: InvalidParam[] };
const register = (t: Transition, body: unknown, principal = people.sanne) =>
  invoke<Body>(handler, {
    routeKey: 'POST /api/transitions/{transitionId}/signalen',
    principal,
    pathParameters: { transitionId: t.id },
    body,
  });

describe('signals', () => {
  it('takes the phase of the matching sign; rood must be answered within 4 hours, also at night', async () => {
    const t = await transition();
    const response = await register(t, {
      bron: 'buur-of-medebewoner',
      omschrijving: 'Buurvrouw: hij doet al twee dagen niet open',
      tekenId: 'teken-rood',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fase: 'rood',
      status: 'open',
      deadline: '2027-03-06T02:15:00.000Z',
      tekenId: 'teken-rood',
    });
    const timeline = await transitions.timeline(t.id);
    expect(timeline.map((e: TimelineEvent) => e.type)).toContain('signaal-ontvangen');
  });

  it('triages a signal that matches no sign with the thermometer', async () => {
    const t = await transition();
    const oranje = await register(t, {
      bron: 'wijkagent',
      omschrijving: 'Overlast gemeld door buren',
      thermometer: { veiligheid: 1, gezondheid: 1, welzijn: 2, omvang: 1, duur: 1 },
    });
    // Registered on a Friday night: a working day later is Monday night, not Saturday.
    expect(oranje.body).toMatchObject({
      fase: 'oranje',
      thermometer: { totaal: 6 },
      deadline: '2027-03-08T22:15:00.000Z',
    });
    const groen = await register(t, {
      bron: 'sociaal-team',
      omschrijving: 'Vraagt om hulp bij een formulier',
      thermometer: { veiligheid: 0, gezondheid: 0, welzijn: 1, omvang: 0, duur: 0 },
    });
    expect(groen.body.fase).toBe('groen');
    expect(groen.body.deadline).toBeUndefined();
  });

  it('is acknowledged once; a second acknowledgement gets 409', async () => {
    const t = await transition();
    const signal = (await register(t, { bron: 'begeleider', omschrijving: 'Afspraak gemist', tekenId: 'teken-rood' }))
      .body;
    const ack = () =>
      invoke<Body>(handler, {
        routeKey: 'POST /api/transitions/{transitionId}/signalen/{signalId}/bevestiging',
        principal: people.youssef,
        pathParameters: { transitionId: t.id, signalId: signal.id },
      });
    expect((await ack()).body).toMatchObject({
      status: 'bevestigd',
      bevestigd: { door: { naam: 'Youssef El Amrani' } },
    });
    expect((await ack()).status).toBe(409);
  });

  it('refuses a signal without an urgency, an unknown sign, a closed transition, and another organisation', async () => {
    const t = await transition();
    expect((await register(t, { bron: 'persoon', omschrijving: 'Iets' })).body.invalidParams?.[0]?.name).toBe('fase');
    expect((await register(t, { bron: 'wijkagent', omschrijving: 'Iets' })).body.invalidParams?.[0]?.name).toBe(
      'thermometer',
    );
    expect(
      (await register(t, { bron: 'persoon', omschrijving: 'Iets anders', tekenId: 'bestaat-niet' })).body
        .invalidParams?.[0]?.name,
    ).toBe('tekenId');
    expect(
      (
        await register(await transition('geland'), {
          bron: 'persoon',
          omschrijving: 'Na afsluiting',
          tekenId: 'teken-rood',
        })
      ).status,
    ).toBe(409);
    expect(
      (await register(t, { bron: 'persoon', omschrijving: 'Van elders', tekenId: 'teken-rood' }, people.noor)).status,
    ).toBe(404);
    const list = await invoke<{ items: Signal[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/signalen',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(list.body.items).toEqual([]);
  });
});

describe('urgency chosen by the reporter who knows the person', () => {
  it('saves rood with the reason and the 4-hour deadline, and no thermometer', async () => {
    const t = await transition();
    const response = await register(t, {
      bron: 'ondersteuning-op-afstand',
      omschrijving: 'Belde om 23:00: wil er een eind aan maken',
      fase: 'rood',
      reden: 'Spreekt over een eind eraan maken',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fase: 'rood',
      reden: 'Spreekt over een eind eraan maken',
      deadline: '2027-03-06T02:15:00.000Z',
    });
    expect(response.body.thermometer).toBeUndefined();
  });

  it('refuses, in Dutch and writing nothing, a crisis without urgency, a thermometer, or another phase than the sign without a reason', async () => {
    const t = await transition();
    const unscored = await register(t, { bron: 'begeleider', omschrijving: 'Crisis: deur ingetrapt' });
    expect(unscored.status).toBe(400);
    expect(unscored.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'fase', reason: 'Kies de urgentie: rood, oranje of groen.' }),
    ]);
    const thermometer = await register(t, {
      bron: 'begeleider',
      omschrijving: 'Crisis: deur ingetrapt',
      thermometer: { veiligheid: 0, gezondheid: 0, welzijn: 0, omvang: 0, duur: 0 },
    });
    expect(thermometer.body.invalidParams?.map((p) => p.name)).toEqual(['thermometer', 'fase']);
    const otherPhase = await register(t, {
      bron: 'begeleider',
      omschrijving: 'Doet niet open',
      tekenId: 'teken-rood',
      fase: 'oranje',
    });
    expect(otherPhase.status).toBe(400);
    expect(otherPhase.body.invalidParams?.[0]).toMatchObject({
      name: 'reden',
      reason: 'Het teken staat in het signaleringsplan als rood: schrijf waarom je oranje kiest.',
    });
    const list = await invoke<{ items: Signal[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/signalen',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(list.body.items).toEqual([]);
  });
});

describe('contactmomenten', () => {
  it('records contacts and says when the contact is over time for the level of support', async () => {
    const t = await transition();
    await transitions.update({
      before: t,
      next: {
        ...t,
        version: 2,
        ondersteuning: [
          {
            id: 's1',
            niveau: 'waakvlam',
            modaliteiten: ['op-afstand'],
            reden: 'Zorgmijder',
            vanaf: '2027-01-01',
            door: { id: 'u-sanne', naam: 'Sanne' },
          },
        ],
      },
      event: {
        id: randomUUID(),
        transitionId: t.id,
        type: 'ondersteuning-gewijzigd',
        at: now.toISOString(),
        versie: 2,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
      },
    });
    const record = (op: string) =>
      invoke<{ id: string }>(handler, {
        routeKey: 'POST /api/transitions/{transitionId}/contacten',
        principal: people.sanne,
        pathParameters: { transitionId: t.id },
        body: { modaliteit: 'op-afstand', notitie: 'Even gebeld', op },
      });
    expect((await record('2027-01-20T10:00:00.000Z')).status).toBe(201);
    const list = await invoke<{ items: { op: string }[]; toegestaneDagen: number; achterstandDagen?: number }>(
      handler,
      {
        routeKey: 'GET /api/transitions/{transitionId}/contacten',
        principal: people.sanne,
        pathParameters: { transitionId: t.id },
      },
    );
    expect(list.body).toMatchObject({ toegestaneDagen: 30, achterstandDagen: 14 }); // 44 days since 20 January, 30 allowed
    expect((await record('2027-03-05T09:00:00.000Z')).status).toBe(201);
    const after = await invoke<{ items: { op: string }[]; achterstandDagen?: number }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/contacten',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(after.body.achterstandDagen).toBeUndefined();
    expect(after.body.items[0]?.op).toBe('2027-03-05T09:00:00.000Z');
    expect((await record('2027-04-01T09:00:00.000Z')).status).toBe(400); // not in the future
  });
});

describe('a retried creating request (Idempotency-Key)', () => {
  const post = (t: Transition, what: 'signalen' | 'contacten', body: unknown, key: string) =>
    invoke<Body>(handler, {
      routeKey: `POST /api/transitions/{transitionId}/${what}`,
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
      body,
      headers: { 'idempotency-key': key },
    });
  const reused = { code: 'conflict', title: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.' };

  it('registers one signal, answers the retry with it, and refuses the key for another signal', async () => {
    const t = await transition();
    const other = await transition();
    const key = `signal-${randomUUID()}`;
    const body = { bron: 'wijkagent', omschrijving: 'Overlast gemeld door buren', tekenId: 'teken-rood' };
    const [first, concurrent] = await Promise.all([post(t, 'signalen', body, key), post(t, 'signalen', body, key)]);
    const again = await post(t, 'signalen', body, key);
    expect([first.status, concurrent.status, again.status]).toEqual([201, 201, 201]);
    expect(concurrent.body).toEqual(first.body);
    expect(again.body).toEqual(first.body);
    expect((await post(t, 'signalen', { ...body, omschrijving: 'Iets anders' }, key)).body).toMatchObject(reused);
    expect((await post(other, 'signalen', body, key)).body).toMatchObject(reused);
    const list = await invoke<{ items: Signal[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/signalen',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(list.body.items).toHaveLength(1);
    expect((await transitions.timeline(t.id)).filter((e) => e.type === 'signaal-ontvangen')).toHaveLength(1);
  });

  it('records one contactmoment, answers the retry with it, and refuses the key for another contact', async () => {
    const t = await transition();
    const key = `contact-${randomUUID()}`;
    const body = { modaliteit: 'thuis', notitie: 'Koffie gedronken' };
    const first = await post(t, 'contacten', body, key);
    const again = await post(t, 'contacten', body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect((await post(t, 'contacten', { ...body, notitie: 'Gebeld' }, key)).body).toMatchObject(reused);
    const list = await invoke<{ items: unknown[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/contacten',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(list.body.items).toHaveLength(1);
  });
});

describe('resolving a signal', () => {
  const resolve = (t: Transition, signalId: string, body: unknown, principal = people.sanne) =>
    invoke<Body>(handler, {
      routeKey: 'POST /api/transitions/{transitionId}/signalen/{signalId}/afhandeling',
      principal,
      pathParameters: { transitionId: t.id, signalId },
      body,
    });
  const supported = async () => {
    const t = await transition();
    const next: Transition = {
      ...t,
      version: 2,
      ondersteuning: [
        {
          id: 's1',
          niveau: 'regulier',
          modaliteiten: ['thuis'],
          reden: 'Start',
          vanaf: '2027-01-01',
          door: { id: 'u-sanne', naam: 'Sanne' },
        },
      ],
    };
    await transitions.update({
      before: t,
      next,
      event: {
        id: randomUUID(),
        transitionId: t.id,
        type: 'ondersteuning-gewijzigd',
        at: now.toISOString(),
        versie: 2,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
      },
    });
    return next;
  };
  const scaleUp = { niveau: 'intensief', modaliteiten: ['thuis', 'logeerplek'], tot: '2027-03-19' };

  it('scales up in the same write: the level, the signal and the timeline change together', async () => {
    const t = await supported();
    const signal = (await register(t, { bron: 'persoon', omschrijving: 'Ik slaap niet meer', tekenId: 'teken-rood' }))
      .body;
    const response = await resolve(t, signal.id, {
      notitie: 'Logeerplek voor een week',
      opschaling: scaleUp,
      expectedVersion: t.version,
    });
    expect(response.status).toBe(200);
    const stored = (await transitions.get(t.id))!;
    expect(stored.version).toBe(t.version + 1);
    const change = stored.ondersteuning.at(-1)!;
    expect(change).toMatchObject({ niveau: 'intensief', vanaf: '2027-03-05', tot: '2027-03-19', signaalId: signal.id });
    expect(response.body).toMatchObject({
      status: 'afgehandeld',
      afgehandeld: { notitie: 'Logeerplek voor een week', wijzigingId: change.id },
      bevestigd: { door: { id: 'u-sanne' } },
    });
    const types = (await transitions.timeline(t.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ondersteuning-gewijzigd', 'signaal-afgehandeld']));
    // Registering left the follow-up to the table's stream; resolving asked it to look directly.
    const followUps = sfn
      .commandCalls(StartExecutionCommand, { stateMachineArn: followUpArn })
      .filter((call) => (JSON.parse(call.args[0].input.input!) as { transitionId: string }).transitionId === t.id);
    expect(followUps).toHaveLength(1);
  });

  it('writes nothing when the transition changed meanwhile, or the scale-up is not valid', async () => {
    const t = await supported();
    const signal = (await register(t, { bron: 'persoon', omschrijving: 'Ik slaap niet meer', tekenId: 'teken-rood' }))
      .body;
    const stale = await resolve(t, signal.id, {
      notitie: 'Opgeschaald',
      opschaling: scaleUp,
      expectedVersion: t.version - 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-version' } });
    const unknownLevel = await resolve(t, signal.id, {
      notitie: 'Opgeschaald',
      opschaling: { ...scaleUp, niveau: 'maximaal' },
      expectedVersion: t.version,
    });
    expect(unknownLevel.status).toBe(400);
    expect(unknownLevel.body.invalidParams?.[0]?.name).toBe('opschaling.niveau');
    const endBeforeStart = await resolve(t, signal.id, {
      notitie: 'Opgeschaald',
      opschaling: { ...scaleUp, tot: '2027-03-01' },
      expectedVersion: t.version,
    });
    expect(endBeforeStart).toMatchObject({
      status: 409,
      body: { code: 'rule-violation', title: 'Het einde ligt vóór het begin.' },
    });
    expect(
      (await resolve(t, signal.id, { notitie: 'Opgeschaald', opschaling: scaleUp })).body.invalidParams?.[0]?.name,
    ).toBe('expectedVersion');
    expect((await transitions.get(t.id))!.version).toBe(t.version);
    const list = await invoke<{ items: Signal[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/signalen',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
    });
    expect(list.body.items[0]).toMatchObject({ status: 'open', versie: 1 });
  });

  it('is resolved once; another organisation cannot see or resolve it', async () => {
    const t = await supported();
    const signal = (await register(t, { bron: 'persoon', omschrijving: 'Gaat weer beter', tekenId: 'teken-rood' }))
      .body;
    expect((await resolve(t, signal.id, { notitie: 'Besproken', opschaling: undefined }, people.noor)).status).toBe(
      404,
    );
    expect((await resolve(t, signal.id, { notitie: 'Besproken' })).status).toBe(200);
    expect((await resolve(t, signal.id, { notitie: 'Nog eens' })).status).toBe(409);
    expect((await resolve(t, 'bestaat-niet', { notitie: 'Besproken' })).status).toBe(404);
  });
});
