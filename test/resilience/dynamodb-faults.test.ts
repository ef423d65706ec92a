import {
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { BatchWriteCommand, GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as budgetApi } from '../../functions/budget/api';
import { RETRY_AFTER_SECONDS } from '../../functions/http/problem-responses';
import { dynamoClientSettings, runtime } from '../../functions/runtime';
import { handler as signalsApi } from '../../functions/signals/api';
import { DynamoTransitionStore, personHash } from '../../functions/storage/dynamo-transition-store';
import { keys } from '../../functions/storage/keys';
import { TOKEN_ROUNDS } from '../../functions/storage/transact-write';
import { auditTableDesign } from '../../functions/storage/table-design';
import { handler as transitionsApi } from '../../functions/transitions/api';
import { ensureTable, localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import type { Problem } from '../../shared/api/problem';
import { addDays, todayInNetherlands } from '../../shared/domain/common/calendar';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Budget, Spend } from '../../shared/domain/regelbudget/regelbudget-schemas';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { notStartedYet, type Transition, type TransitionSummary } from '../../shared/domain/transition/transition';
import { invoke, type ApiCall } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';
import { DynamoWire, type ThrottlingError } from './support/dynamo-wire';

/**
 * DynamoDB throttling and timeouts against the real Lambda handlers (their exported `handler`, with the clients
 * functions/runtime.ts gives them) on DynamoDB Local: a fault that passes is retried by the SDK and the call
 * succeeds; one that lasts is a 503 with Retry-After and nothing half-written. Correctness only, never timing.
 */
type Handler = Parameters<typeof invoke>[0];
/** A body or a problem: the fields of the problem that bodies do not have themselves. */
type Answer<T> = T & Partial<Pick<Problem, 'type' | 'title' | 'code'>>;

let table: TestTable;
let auditTable: string;
let wire: DynamoWire;
// Step Functions is AWS-only here: the handlers may start or nudge a workflow, which is not what this is about.
const sfn = mockClient(SFNClient);

beforeAll(async () => {
  table = await createTestTable('faults');
  auditTable = `${table.tableName}-audit`;
  await ensureTable(table.client, auditTable, auditTableDesign);
  await seedOrganisations(table.db, table.tableName);
  // What the Lambdas read on AWS; their clients are made on first use, after this.
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    AUDIT_TABLE_NAME: auditTable,
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    TRANSITION_WORKFLOW_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:transition',
    MOVE_WORKFLOW_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:move',
    SIGNAL_WORKFLOW_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:signals',
  });
  // The very client every handler of this process uses, faulted on its wire (below the SDK's retries).
  wire = new DynamoWire(runtime.dynamoClient());
});

beforeEach(() => {
  wire.reset();
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: new Date() });
});

const today = () => todayInNetherlands(new Date());
const call = <T>(handler: Handler, request: ApiCall) => invoke<Answer<T>>(handler, request);

/** A transition of Sanne's team, stored directly in the phase a test needs. */
async function transition(fase: Transition['fase'] = 'woning'): Promise<Transition> {
  const at = new Date().toISOString();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: aanmelding().persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries' }],
    fase,
    ...notStartedYet,
    createdAt: at,
    createdBy: 'u-sanne',
    updatedAt: at,
  };
  await new DynamoTransitionStore(table.db, table.tableName).create({
    transition: t,
    firstEvent: {
      id: randomUUID(),
      transitionId: t.id,
      type: 'aanmelding-geregistreerd',
      at,
      versie: 1,
      actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
    },
  });
  return t;
}

/** A transition with an open woning offer of Woonstichting W: accepting it changes the transition and tells W. */
async function transitionWithOffer(): Promise<Transition> {
  const t = await transition('woning');
  const offered = await call<Transition>(transitionsApi, {
    routeKey: 'POST /api/transitions/{transitionId}/aanbiedingen',
    principal: people.sanne,
    pathParameters: { transitionId: t.id },
    body: {
      corporatieId: 'corp-w',
      adres: { straat: 'Columbuslaan', huisnummer: '12', postcode: '3526 EP', plaats: 'Utrecht' },
      wijk: 'Kanaleneiland',
      huurPerMaandCent: 61_500,
      beschikbaarVanaf: addDays(today(), 30),
      reactieUiterlijk: addDays(today(), 10),
      expectedVersion: t.version,
    },
  });
  expect(offered.status, JSON.stringify(offered.body)).toBe(200);
  return offered.body;
}

const acceptOffer = (t: Transition) =>
  call<Transition>(transitionsApi, {
    routeKey: 'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
    principal: people.sanne,
    pathParameters: { transitionId: t.id, aanbiedingId: t.aanbiedingen.at(-1)!.id },
    body: { besluit: 'geaccepteerd', expectedVersion: t.version },
  });

/** A transition with a regelbudget of €1,000 granted by Pieter (Gemeente Utrecht), valid today. */
async function transitionWithBudget(): Promise<Transition> {
  const t = await transition('woning');
  const granted = await call<Budget>(budgetApi, {
    routeKey: 'PUT /api/transitions/{transitionId}/regelbudget',
    principal: people.pieter,
    pathParameters: { transitionId: t.id },
    body: { toegekendCent: 100_000, geldigVan: addDays(today(), -30), geldigTot: addDays(today(), 365) },
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  return t;
}

const proposeSpend = (t: Transition, headers: Record<string, string> = {}) =>
  call<Spend>(budgetApi, {
    routeKey: 'POST /api/transitions/{transitionId}/regelbudget/uitgaven',
    principal: people.sanne,
    pathParameters: { transitionId: t.id },
    body: {
      categorie: 'inrichting',
      bedragCent: 5_000,
      ontvanger: 'Kringloop Utrecht',
      reden: 'Bed en kast voor de nieuwe woning',
    },
    headers,
  });

const registerSignal = (t: Transition) =>
  call<Signal>(signalsApi, {
    routeKey: 'POST /api/transitions/{transitionId}/signalen',
    principal: people.sanne,
    pathParameters: { transitionId: t.id },
    body: {
      bron: 'wijkagent',
      omschrijving: 'Overlast gemeld door buren',
      thermometer: { veiligheid: 1, gezondheid: 1, welzijn: 2, omvang: 1, duur: 1 },
    },
  });

const register = (
  persoon: Transition['persoon'],
  headers: Record<string, string> = {},
  principal: Principal = people.sanne,
) =>
  call<Transition>(transitionsApi, {
    routeKey: 'POST /api/transitions',
    principal,
    body: {
      persoon,
      gemeenteCode: 'GM0344',
      herkomst: 'BW',
      begeleiderIds: [people.sanne.userId, people.youssef.userId],
    },
    headers,
  });

const listMine = () =>
  call<{ items: TransitionSummary[] }>(transitionsApi, {
    routeKey: 'GET /api/transitions',
    principal: people.sanne,
    query: { scope: 'mine' },
  });

// ---- what is in the tables, read with a client of the test's own (no faults) ----

/** Every item of a transition's partition, its notices in the outbox and its audit entries: what a change touches. */
async function stateOf(transitionId: string) {
  const { Items: partition = [] } = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `TRANSITION#${transitionId}` },
      ConsistentRead: true,
    }),
  );
  const [outbox, audit] = await Promise.all([
    scan(table.tableName, transitionId, 'OutboxEvent'),
    scan(auditTable, transitionId),
  ]);
  return { partition, outbox, audit };
}

/** Test tables are the test's alone: a Scan is the plain way to find everything of one transition. */
async function scan(tableName: string, transitionId: string, entity?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: entity ? 'transitionId = :t AND entity = :e' : 'transitionId = :t',
        ExpressionAttributeValues: { ':t': transitionId, ...(entity ? { ':e': entity } : {}) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function itemCount(tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function personLock(persoon: Transition['persoon']): Promise<Record<string, unknown> | undefined> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: keys.activePerson(personHash(persoon)), ConsistentRead: true }),
  );
  return Item;
}

const sortKeysOf = (items: Record<string, unknown>[], prefix: string) =>
  items.map((i) => String(i.sk)).filter((sk) => sk.startsWith(prefix));
const budgetOf = (state: Awaited<ReturnType<typeof stateOf>>) => state.partition.find((i) => i.sk === 'BUDGET');

function expectUnavailable(response: { status: number; headers: Record<string, string>; body: unknown }) {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  expect(response.body).toMatchObject({
    type: 'urn:landing:problem:temporarily-unavailable',
    status: 503,
    code: 'temporarily-unavailable',
    title: expect.any(String),
  });
}

const throttles: ThrottlingError[] = [
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
];
const attempts = dynamoClientSettings.maxAttempts;

describe('a passing DynamoDB fault is retried by the SDK and the call succeeds', { timeout: 30_000 }, () => {
  it.each(throttles)(
    'registers a transition through %s twice: stored once, with its person lock, timeline and audit entry',
    async (error) => {
      wire.reset().fail('TransactWriteItems', { throttle: error }, 2);
      const persoon = aanmelding().persoon;
      const created = await register(persoon);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(wire.attempts('TransactWriteItems')).toBe(3);

      expect(await personLock(persoon)).toMatchObject({ transitionId: created.body.id });
      const state = await stateOf(created.body.id);
      expect(sortKeysOf(state.partition, 'TRANSITION')).toEqual(['TRANSITION']);
      expect(sortKeysOf(state.partition, 'EVENT#')).toHaveLength(1);
      expect(state.audit.map((e) => e.actie)).toEqual(['aanmaken']);
    },
  );

  it('registers a transition whose answer was lost after DynamoDB stored it: the retry carries the same ClientRequestToken, so it is stored once and not refused as a second transition of the person', async () => {
    wire.reset().fail('TransactWriteItems', { timeout: 'after' });
    const persoon = aanmelding().persoon;
    const created = await register(persoon);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(wire.attempts('TransactWriteItems')).toBe(2);
    expect(await personLock(persoon)).toMatchObject({ transitionId: created.body.id });
    expect(sortKeysOf((await stateOf(created.body.id)).partition, 'EVENT#')).toHaveLength(1);
  });

  it('accepts a woning offer (a command on a transition) after a timeout before DynamoDB saw it: one new version, one event, one notice', async () => {
    const t = await transitionWithOffer();
    const before = await stateOf(t.id);
    wire.reset().fail('TransactWriteItems', { timeout: 'before' });
    const accepted = await acceptOffer(t);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.version).toBe(t.version + 1);
    expect(wire.attempts('TransactWriteItems')).toBe(2);

    const after = await stateOf(t.id);
    expect(sortKeysOf(after.partition, 'EVENT#')).toHaveLength(sortKeysOf(before.partition, 'EVENT#').length + 1);
    expect(after.outbox).toHaveLength(before.outbox.length + 1);
    expect(after.audit.filter((e) => e.actie === 'wijzigen')).toHaveLength(
      before.audit.filter((e) => e.actie === 'wijzigen').length + 1,
    );
  });

  it('accepts a woning offer whose answer was lost after DynamoDB applied it: applied once, not a 409 for the caseworker’s own change', async () => {
    const t = await transitionWithOffer();
    const before = await stateOf(t.id);
    wire.reset().fail('TransactWriteItems', { timeout: 'after' });
    const accepted = await acceptOffer(t);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(wire.attempts('TransactWriteItems')).toBe(2);
    const after = await stateOf(t.id);
    expect(after.partition.find((i) => i.sk === 'TRANSITION')).toMatchObject({ version: t.version + 1 });
    expect(sortKeysOf(after.partition, 'EVENT#')).toHaveLength(sortKeysOf(before.partition, 'EVENT#').length + 1);
    expect(after.outbox).toHaveLength(before.outbox.length + 1);
  });

  it('proposes a spend whose answer was lost after DynamoDB booked it: the budget is debited once, one spend, one ledger entry', async () => {
    const t = await transitionWithBudget();
    wire.reset().fail('TransactWriteItems', { timeout: 'after' });
    const proposed = await proposeSpend(t);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(wire.attempts('TransactWriteItems')).toBe(2);
    const state = await stateOf(t.id);
    expect(budgetOf(state)).toMatchObject({ toegekendCent: 100_000, vrijCent: 95_000, goedgekeurdCent: 5_000 });
    expect(sortKeysOf(state.partition, 'SPEND#')).toEqual([`SPEND#${proposed.body.id}`]);
    expect(sortKeysOf(state.partition, 'LEDGER#')).toHaveLength(2); // the grant and this spend
  });

  it('proposes a spend whose every answer the SDK waited for was lost after DynamoDB booked it: sent again with the same ClientRequestToken, answered 201, booked once', async () => {
    const t = await transitionWithBudget();
    wire.reset().fail('TransactWriteItems', { timeout: 'after' }, attempts);
    const proposed = await proposeSpend(t);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const tokens = wire.tokens('TransactWriteItems');
    expect(tokens).toHaveLength(attempts + 1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toEqual(expect.any(String));
    const state = await stateOf(t.id);
    expect(budgetOf(state)).toMatchObject({ toegekendCent: 100_000, vrijCent: 95_000, goedgekeurdCent: 5_000 });
    expect(sortKeysOf(state.partition, 'SPEND#')).toEqual([`SPEND#${proposed.body.id}`]);
    expect(sortKeysOf(state.partition, 'LEDGER#')).toHaveLength(2);
  });

  it.each(throttles)('registers a signal through %s: stored once, with its timeline event', async (error) => {
    const t = await transition('landing');
    wire.reset().fail('TransactWriteItems', { throttle: error }, 2);
    const registered = await registerSignal(t);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(wire.attempts('TransactWriteItems')).toBe(3);
    const state = await stateOf(t.id);
    expect(sortKeysOf(state.partition, 'SIGNAL#')).toHaveLength(1);
    expect(sortKeysOf(state.partition, 'EVENT#')).toHaveLength(2); // the aanmelding and the signal
  });

  it('lists my transitions when the audit write times out more often than the SDK retries: the write is retried again, the list shown with its entry', async () => {
    await register(aanmelding().persoon);
    const entries = await itemCount(auditTable);
    wire.reset().fail('BatchWriteItem', { timeout: 'before' }, attempts + 1, auditTable);
    const list = await listMine();
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(wire.attempts('BatchWriteItem')).toBe(attempts + 2);
    expect(await itemCount(auditTable)).toBe(entries + 1);
  });

  it('lists my transitions through a throttled and a timed-out Query', async () => {
    const t = await register(aanmelding().persoon);
    wire
      .reset()
      .fail('Query', { throttle: 'ProvisionedThroughputExceededException' })
      .fail('Query', { timeout: 'before' });
    const list = await listMine();
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i) => i.id)).toContain(t.body.id);
    expect(wire.attempts('Query')).toBe(3);
  });
});

describe('a lasting DynamoDB fault is a 503 with Retry-After, and nothing is half-written', { timeout: 30_000 }, () => {
  it('registering a transition through lasting ThrottlingException: no transition, no person lock, no audit entry; the retry with the same key then stores it once', async () => {
    const persoon = aanmelding().persoon;
    const key = `faults-${randomUUID()}`;
    const [items, entries] = [await itemCount(table.tableName), await itemCount(auditTable)];
    wire.reset().fail('TransactWriteItems', { throttle: 'ThrottlingException' }, Infinity);
    expectUnavailable(await register(persoon, { 'idempotency-key': key }));
    // The SDK tried as often as the client is set to, then gave up.
    expect(wire.attempts('TransactWriteItems')).toBe(attempts);
    expect(await personLock(persoon)).toBeUndefined();
    expect(await itemCount(table.tableName)).toBe(items);
    expect(await itemCount(auditTable)).toBe(entries);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);

    wire.reset();
    const retried = await register(persoon, { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(await personLock(persoon)).toMatchObject({ transitionId: retried.body.id });
    expect(sortKeysOf((await stateOf(retried.body.id)).partition, 'TRANSITION')).toEqual(['TRANSITION']);
  });

  it('accepting a woning offer through lasting timeouts: the transition, its events, the outbox and the audit trail are as before', async () => {
    const t = await transitionWithOffer();
    const before = await stateOf(t.id);
    wire.reset().fail('TransactWriteItems', { timeout: 'before' }, Infinity);
    expectUnavailable(await acceptOffer(t));
    // A timeout leaves open whether DynamoDB applied it: every round of the SDK's attempts carries one token.
    expect(wire.attempts('TransactWriteItems')).toBe(attempts * TOKEN_ROUNDS);
    expect(new Set(wire.tokens('TransactWriteItems')).size).toBe(1);
    expect(await stateOf(t.id)).toEqual(before);

    // Once DynamoDB answers again, the same click (same expectedVersion) goes through, once.
    wire.reset();
    const accepted = await acceptOffer(t);
    expect(accepted.status).toBe(200);
    expect((await stateOf(t.id)).outbox).toHaveLength(before.outbox.length + 1);
  });

  it('accepting a woning offer when its read is throttled: nothing is read, nothing written', async () => {
    const t = await transitionWithOffer();
    const before = await stateOf(t.id);
    wire.reset().fail('GetItem', { throttle: 'ThrottlingException' }, Infinity);
    expectUnavailable(await acceptOffer(t));
    expect(wire.attempts('GetItem')).toBe(attempts);
    expect(wire.attempts('TransactWriteItems')).toBe(0);
    expect(await stateOf(t.id)).toEqual(before);
  });

  it('proposing a spend through lasting throttling: the budget is unchanged, no spend, no ledger entry', async () => {
    const t = await transitionWithBudget();
    const before = await stateOf(t.id);
    wire.reset().fail('TransactWriteItems', { throttle: 'RequestLimitExceeded' }, Infinity);
    expectUnavailable(await proposeSpend(t));
    expect(wire.attempts('TransactWriteItems')).toBe(attempts);
    const after = await stateOf(t.id);
    expect(after).toEqual(before);
    expect(budgetOf(after)).toMatchObject({ vrijCent: 100_000, goedgekeurdCent: 0, gereserveerdCent: 0 });
  });

  it('registering a signal through lasting throttling: no signal, no event, no audit entry', async () => {
    const t = await transition('landing');
    const before = await stateOf(t.id);
    wire.reset().fail('TransactWriteItems', { throttle: 'ProvisionedThroughputExceededException' }, Infinity);
    expectUnavailable(await registerSignal(t));
    expect(await stateOf(t.id)).toEqual(before);
  });

  it('listing my transitions through lasting timeouts', async () => {
    wire.reset().fail('Query', { timeout: 'before' }, Infinity);
    expectUnavailable(await listMine());
    expect(wire.attempts('Query')).toBe(attempts);
  });
});

describe('what the SDK finally throws, injected with aws-sdk-client-mock into the handlers’ document client', {
  timeout: 30_000,
}, () => {
  // aws-sdk-client-mock replaces the client's `send`: above the SDK's retries, so this is the error the SDK
  // throws once its attempts are spent. Every other call goes through to DynamoDB Local.
  let db: ReturnType<typeof mockClient>;
  beforeEach(() => {
    db = mockClient(runtime.documentClient());
    db.send.callThrough();
  });
  afterEach(() => db.restore());

  const metadata = { httpStatusCode: 400, attempts, totalRetryDelay: 1_500 };
  const exhausted = {
    ProvisionedThroughputExceededException: () =>
      new ProvisionedThroughputExceededException({
        message: 'Throughput exceeds the current capacity of your table or index.',
        $metadata: metadata,
      }),
    ThrottlingException: () =>
      new ThrottlingException({
        message: 'Throughput exceeds the current capacity for one or more global secondary indexes.',
        $metadata: metadata,
      }),
    RequestLimitExceeded: () =>
      new RequestLimitExceeded({
        message: 'Throughput exceeds the current throughput limit for your account.',
        $metadata: metadata,
      }),
    TimeoutError: () =>
      Object.assign(new Error('the request socket timed out'), { name: 'TimeoutError', $metadata: { attempts } }),
  };

  it.each(Object.keys(exhausted) as (keyof typeof exhausted)[])(
    'proposing a spend when the SDK gives up with %s: 503, budget unchanged; the retry with the same key books it once',
    async (name) => {
      const t = await transitionWithBudget();
      const before = await stateOf(t.id);
      db.resetHistory();
      db.on(TransactWriteCommand).rejects(exhausted[name]());
      const key = `spend-${randomUUID()}`;
      expectUnavailable(await proposeSpend(t, { 'idempotency-key': key }));
      // Throttling applied nothing: answered at once. A timeout may have come after the commit: the same
      // transaction, with the same ClientRequestToken, is sent again before the answer.
      const tokens = db.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.ClientRequestToken);
      expect(tokens).toHaveLength(name === 'TimeoutError' ? TOKEN_ROUNDS : 1);
      expect(new Set(tokens).size).toBe(1);
      expect(await stateOf(t.id)).toEqual(before);

      db.restore();
      const first = await proposeSpend(t, { 'idempotency-key': key });
      const again = await proposeSpend(t, { 'idempotency-key': key });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.id).toBe(first.body.id);
      expect(budgetOf(await stateOf(t.id))).toMatchObject({ vrijCent: 95_000, goedgekeurdCent: 5_000 });
    },
  );

  it('a list whose audit entries DynamoDB keeps leaving unprocessed is a 503 with Retry-After, and nothing is shown', async () => {
    const t = await register(aanmelding().persoon);
    db.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({
      UnprocessedItems: input.RequestItems,
    }));
    const response = await listMine();
    expectUnavailable(response);
    expect(JSON.stringify(response.body)).not.toContain(t.body.id);
    expect(db.commandCalls(BatchWriteCommand).length).toBeGreaterThan(1);
  });

  it('a DynamoDB error that retrying cannot fix stays a 500, without its message in the answer', async () => {
    const t = await transition('landing');
    db.on(TransactWriteCommand).rejects(
      new ResourceNotFoundException({
        message: `Requested resource not found: ${table.tableName}`,
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const response = await registerSignal(t);
    expect(response.status).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.body.code).toBe('internal');
    expect(JSON.stringify(response.body)).not.toContain(table.tableName);
  });
});
