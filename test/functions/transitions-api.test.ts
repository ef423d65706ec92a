import { SFNClient, StartExecutionCommand, ExecutionAlreadyExists } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Transition, TransitionSummary } from '../../shared/domain/transition/transition';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

// Step Functions is an AWS-only service: mocked here to inject its faults. DynamoDB is the real DynamoDB Local.
const sfn = mockClient(SFNClient);
const stateMachineArn = 'arn:aws:states:eu-west-1:000000000000:stateMachine:TransitionWorkflow';

let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;

async function itemCount(): Promise<number> {
  // Counting everything in a test table is the one place a full read is fine: the table is ours alone.
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const { Count } = await table.db.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }));
  return Count ?? 0;
}

beforeAll(async () => {
  table = await createTestTable('transitions-api');
  await seedOrganisations(table.db, table.tableName);
  const deps: TransitionsDeps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: stateMachineArn,
      move: `${stateMachineArn}-move`,
      signals: `${stateMachineArn}-signals`,
    }),
    now: () => new Date(),
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

beforeEach(() => {
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: new Date() });
});
afterEach(() => sfn.reset());

const create = (body: unknown, principal: Principal = people.sanne, headers: Record<string, string> = {}) =>
  invoke<Transition & Problem>(handler, { routeKey: 'POST /api/transitions', principal, body, headers });

describe('POST /api/transitions (aanmelding)', () => {
  it('stores the transition, answers 201 with it, and starts its workflow named after it', async () => {
    const response = await create(aanmelding());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fase: 'aanmelding',
      providerId: 'org-a',
      version: 1,
      begeleiders: [
        { id: 'u-sanne', naam: 'Sanne de Vries' },
        { id: 'u-youssef', naam: 'Youssef El Amrani' },
      ],
    });
    expect(response.headers.location).toBe(`/api/transitions/${response.body.id}`);
    const start = sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input;
    expect(start).toEqual({ stateMachineArn, name: response.body.id, input: expect.any(String) });
    // The execution carries the request's correlation id (API Gateway's request id here): its steps log with it.
    expect(JSON.parse(start!.input!)).toEqual({
      transitionId: response.body.id,
      correlationId: response.headers['x-correlation-id'],
    });

    const read = await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.youssef,
      pathParameters: { transitionId: response.body.id },
    });
    expect(read.body).toEqual(response.body);
  });

  it('answers 400 with field messages and writes nothing for bad input', async () => {
    const before = await itemCount();
    const response = await create({ persoon: { voornaam: '' }, gemeenteCode: 'GM0000', begeleiderIds: [] });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.code).toBe('validation-failed');
    expect(response.body.invalidParams?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['persoon.voornaam', 'persoon.achternaam', 'gemeenteCode', 'herkomst', 'begeleiderIds']),
    );
    expect(await itemCount()).toBe(before);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await create('{"persoon":');
    expect(response.status).toBe(400);
    expect(response.body.invalidParams).toEqual([expect.objectContaining({ name: 'body', code: 'invalid_json' })]);
  });

  it('refuses begeleiders of another organisation, writing nothing', async () => {
    const before = await itemCount();
    const response = await create(aanmelding({ begeleiderIds: [people.noor.userId] }));
    expect(response.status).toBe(400);
    expect(response.body.invalidParams?.[0]?.name).toBe('begeleiderIds');
    expect(await itemCount()).toBe(before);
  });

  it('refuses roles that do not register transitions', async () => {
    const response = await create(aanmelding(), people.pieter);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('answers 401 when the request carries no principal', async () => {
    const response = await invoke<Problem>(handler, { routeKey: 'POST /api/transitions', body: aanmelding() });
    expect(response.status).toBe(401);
  });

  it('returns the first result for a retried request with the same Idempotency-Key and books nothing twice', async () => {
    const key = `key-${randomUUID()}`;
    const input = aanmelding();
    const first = await create(input, people.sanne, { 'idempotency-key': key });
    const before = await itemCount();
    const second = await create(input, people.sanne, { 'idempotency-key': key });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await itemCount()).toBe(before);
  });

  it('books one transition when concurrent retries race with the same Idempotency-Key', async () => {
    const key = `key-${randomUUID()}`;
    const input = aanmelding({ herkomst: 'BW' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => create(input, people.sanne, { 'idempotency-key': key })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
  });

  it('answers 409 when an Idempotency-Key is reused for a different request', async () => {
    const key = `key-${randomUUID()}`;
    const input = aanmelding();
    await create(input, people.sanne, { 'idempotency-key': key });
    const other = await create({ ...input, herkomst: 'BW' }, people.sanne, { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('conflict');
  });

  it('keeps the transition when the workflow cannot start, answers 503, and a retry starts it without a duplicate', async () => {
    const key = `key-${randomUUID()}`;
    sfn.on(StartExecutionCommand).rejectsOnce(new Error('ServiceUnavailable'));
    const failed = await create(
      aanmelding({ persoon: { voornaam: 'Rik', achternaam: 'Vos', geboortedatum: '1980-01-01' } }),
      people.sanne,
      {
        'idempotency-key': key,
      },
    );
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('workflow-unavailable');

    const list = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
      query: { scope: 'mine', limit: '100' },
    });
    const stored = list.body.items.filter((t) => t.persoon.achternaam === 'Vos');
    expect(stored).toHaveLength(1);

    const retried = await create(
      aanmelding({ persoon: { voornaam: 'Rik', achternaam: 'Vos', geboortedatum: '1980-01-01' } }),
      people.sanne,
      {
        'idempotency-key': key,
      },
    );
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(stored[0]!.id);
    const starts = sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input.name);
    expect(starts).toEqual([stored[0]!.id, stored[0]!.id]);
  });

  it('refuses a second active transition for the same person, writing nothing', async () => {
    const input = aanmelding();
    expect((await create(input)).status).toBe(201);
    const before = await itemCount();
    const again = await create(
      { ...input, persoon: { ...input.persoon, voornaam: ` ${input.persoon.voornaam.toUpperCase()} ` } },
      people.youssef,
    );
    expect(again.status).toBe(409);
    expect(again.body.title).toContain('al een lopend traject');
    expect(await itemCount()).toBe(before);
  });

  it('refuses a second active transition for the same name written with other Unicode, writing nothing', async () => {
    const input = aanmelding({ persoon: { voornaam: 'Jan', achternaam: 'Özdemir', geboortedatum: '1984-03-09' } });
    expect((await create(input)).status).toBe(201);
    const before = await itemCount();
    const variants = [
      { voornaam: 'Ja\u200bn', achternaam: 'Özdemir' }, // zero-width space
      { voornaam: 'Jan', achternaam: 'Öz\u00addemir' }, // soft hyphen
      { voornaam: 'J\u0430n', achternaam: 'Özdemir' }, // Cyrillic а
      { voornaam: 'Ｊａｎ', achternaam: 'Özdemir' }, // fullwidth
      { voornaam: 'Jan', achternaam: 'Özdemir'.normalize('NFD') },
      { voornaam: 'Jan', achternaam: 'Ozdemir' },
    ];
    for (const names of variants) {
      const again = await create({ ...input, persoon: { ...input.persoon, ...names } }, people.youssef);
      expect(again.status, JSON.stringify(names)).toBe(409);
      expect(again.body.title).toContain('al een lopend traject');
    }
    expect(await itemCount()).toBe(before);
  });

  it('refuses a name that is invisible, or carries control or bidi characters, in Dutch, writing nothing', async () => {
    const before = await itemCount();
    for (const [voornaam, reason] of [
      ['\u200b\u200d', 'Vul de voornaam in.'],
      ['\u2800', 'Vul de voornaam in.'],
      ['Jan\u202e', 'stuurteken'],
      ['Jan\u0000', 'stuurteken'],
    ] as const) {
      const refused = await create(
        aanmelding({ persoon: { voornaam, achternaam: 'Bos', geboortedatum: '1984-03-09' } }),
      );
      expect(refused.status, JSON.stringify(voornaam)).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.invalidParams?.find((p) => p.name === 'persoon.voornaam')?.reason).toContain(reason);
    }
    expect(await itemCount()).toBe(before);
  });

  it('treats an already started workflow as started', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    expect((await create(aanmelding())).status).toBe(201);
  });
});

describe('GET /api/transitions', () => {
  it('lists a begeleider’s own transitions, newest first, and the team’s for scope=team (not another team’s)', async () => {
    const mine = await create(
      aanmelding({
        begeleiderIds: [people.youssef.userId],
        persoon: { voornaam: 'Eva', achternaam: 'Smits', geboortedatum: '1999-09-09' },
      }),
    );
    const youssef = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.youssef,
    });
    expect(youssef.body.items[0]?.id).toBe(mine.body.id);

    const sanne = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
    });
    expect(sanne.body.items.map((t) => t.id)).not.toContain(mine.body.id);

    const team = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.ingrid,
      query: { scope: 'team' },
    });
    expect(team.body.items[0]?.id).toBe(mine.body.id);
    const createdAt = team.body.items.map((t) => t.createdAt);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);
    const otherTeam = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.fleur,
      query: { scope: 'team' },
    });
    expect(otherTeam.body.items.map((t) => t.id)).not.toContain(mine.body.id);
  });

  it('pages with an opaque cursor that only works for the list it came from', async () => {
    const first = await invoke<{ items: TransitionSummary[]; nextCursor?: string }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
      query: { limit: '2' },
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await invoke<{ items: TransitionSummary[] }>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
      query: { limit: '2', cursor: first.body.nextCursor! },
    });
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);

    const stolen = await invoke<Problem>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.youssef,
      query: { cursor: first.body.nextCursor! },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.invalidParams?.[0]?.name).toBe('cursor');
  });

  it('rejects a limit out of range', async () => {
    const response = await invoke<Problem>(handler, {
      routeKey: 'GET /api/transitions',
      principal: people.sanne,
      query: { limit: '1000' },
    });
    expect(response.status).toBe(400);
    expect(response.body.invalidParams?.[0]?.name).toBe('limit');
  });
});

describe('GET /api/transitions/{id} and its timeline', () => {
  it('hides another organisation’s transition behind 404', async () => {
    const created = await create(aanmelding());
    for (const routeKey of ['GET /api/transitions/{transitionId}', 'GET /api/transitions/{transitionId}/timeline']) {
      const response = await invoke<Problem>(handler, {
        routeKey,
        principal: people.noor,
        pathParameters: { transitionId: created.body.id },
      });
      expect(response.status).toBe(404);
    }
  });

  it('answers 404 for a transition that does not exist', async () => {
    const response = await invoke<Problem>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: randomUUID() },
    });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not-found');
  });

  it('starts the timeline with the aanmelding, by whom it was registered', async () => {
    const created = await create(aanmelding());
    const timeline = await invoke<{ items: TimelineEvent[] }>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/timeline',
      principal: people.youssef,
      pathParameters: { transitionId: created.body.id },
    });
    expect(timeline.body.items).toEqual([
      expect.objectContaining({
        type: 'aanmelding-geregistreerd',
        at: created.body.createdAt,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne de Vries' },
      }),
    ]);
  });
});

describe('ids too long to be part of a DynamoDB key', () => {
  // Found by the fuzz test (test/fuzz/routes.fuzz.test.ts): a begeleider's or a corporation's id in a body became
  // part of a key (ORG#…/STAFF#<id>, ORG#<id>) that DynamoDB refuses over its size, and the answer was a 500.
  it('refuses them as invalid input (400) and writes nothing', async () => {
    const before = await itemCount();
    const registered = await create(aanmelding({ begeleiderIds: ['x'.repeat(3000)] }));
    expect(registered.status).toBe(400);
    expect(registered.body.invalidParams?.[0]?.name).toBe('begeleiderIds.0');
    const offer = await invoke<Problem>(handler, {
      routeKey: 'POST /api/transitions/{transitionId}/aanbiedingen',
      principal: people.sanne,
      pathParameters: { transitionId: randomUUID() },
      body: {
        corporatieId: 'x'.repeat(3000),
        adres: { straat: 'Batauplein', huisnummer: '17', postcode: '3437 BA', plaats: 'Nieuwegein' },
        wijk: 'Batau-Noord',
        huurPerMaandCent: 62_475,
        beschikbaarVanaf: '2030-02-01',
        reactieUiterlijk: '2030-01-20',
        expectedVersion: 1,
      },
    });
    expect(offer.status).toBe(400);
    expect(offer.body.invalidParams?.[0]?.name).toBe('corporatieId');
    expect(await itemCount()).toBe(before);
  });
});
