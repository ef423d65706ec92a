import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBudgetApi, type BudgetDeps } from '../../functions/budget/api';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import type { BudgetView, ResponseBody } from '../../shared/api/contract';
import type { InvalidParam } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { BudgetRequest } from '../../shared/domain/regelbudget/regelbudget-schemas';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createBudgetApi>;
let transitions: DynamoTransitionStore;
let tick = 0;
const now = () => new Date(Date.parse('2027-02-10T10:00:00Z') + 1000 * tick++);

beforeAll(async () => {
  table = await createTestTable('budget-request');
  await seedOrganisations(table.db, table.tableName);
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  const deps: BudgetDeps = {
    budgets: new DynamoBudgetStore(table.db, table.tableName),
    transitions,
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    now,
    newId: randomUUID,
  };
  handler = createBudgetApi(() => deps);
});

/** A transition of org-a (Sanne) in Utrecht without a regelbudget, for a person named Amira el Idrissi. */
async function transitionWithoutBudget(): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    persoonRef: randomUUID(),
    persoon: { ...input.persoon, voornaam: 'amira', achternaam: 'el Idrissi' },
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries' }],
    fase: 'woning',
    ...notStartedYet,
    createdAt: now().toISOString(),
    createdBy: 'u-sanne',
    updatedAt: now().toISOString(),
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

type RequestOrProblem = BudgetRequest & { code?: string; title?: string; invalidParams?: InvalidParam[] };
const ask = {
  bedragCent: 150_000,
  reden: 'Inrichting van de eerste eigen woning',
  geldigVan: '2027-02-01',
  geldigTot: '2027-12-31',
};

const requestBudget = (t: Transition, body: unknown, key = randomUUID(), principal: Principal = people.sanne) =>
  invoke<RequestOrProblem>(handler, {
    routeKey: 'POST /api/transitions/{transitionId}/regelbudget/aanvraag',
    principal,
    pathParameters: { transitionId: t.id },
    body,
    headers: { 'idempotency-key': key },
  });
const decide = (t: Transition, body: unknown, principal: Principal = people.pieter) =>
  invoke<RequestOrProblem>(handler, {
    routeKey: 'POST /api/transitions/{transitionId}/regelbudget/aanvraag/besluit',
    principal,
    pathParameters: { transitionId: t.id },
    body,
  });
const view = async (t: Transition, principal: Principal = people.sanne) =>
  (
    await invoke<BudgetView>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/regelbudget',
      principal,
      pathParameters: { transitionId: t.id },
    })
  ).body;
const inbox = async (principal: Principal = people.pieter) =>
  (await invoke<ResponseBody<'budgetInbox'>>(handler, { routeKey: 'GET /api/regelbudget/inbox', principal })).body;

describe('requesting a regelbudget, on DynamoDB Local', () => {
  it('lets a begeleider request a budget, the budget holder see it by name and grant another amount', async () => {
    const t = await transitionWithoutBudget();
    const asked = await requestBudget(t, ask);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'aangevraagd', bedragCent: 150_000 });

    const line = (await inbox()).aanvragen.find((a) => a.transitionId === t.id);
    expect(line).toMatchObject({ persoon: 'A. el Idrissi', bedragCent: 150_000, reden: ask.reden });
    expect(JSON.stringify(line)).not.toContain('amira');
    expect(await inbox(people.zara)).toEqual({ items: [], aanvragen: [] });

    const granted = await decide(t, { besluit: 'toegekend', toegekendCent: 120_000 });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'toegekend', besluit: { toegekendCent: 120_000 } });
    const v = await view(t);
    expect(v.budget).toMatchObject({ toegekendCent: 120_000, vrijCent: 120_000, geldigTot: '2027-12-31' });
    expect(v.aanvraag).toMatchObject({ status: 'toegekend', besluit: { door: { naam: 'Pieter Smit' } } });
    expect(v.grootboek.map((e) => [e.soort, e.bedragCent])).toEqual([['toegekend', 120_000]]);
    expect((await inbox()).aanvragen.some((a) => a.transitionId === t.id)).toBe(false);
  });

  it('names the person on every inbox line, spends too', async () => {
    const t = await transitionWithoutBudget();
    await requestBudget(t, ask);
    await decide(t, { besluit: 'toegekend', toegekendCent: 100_000 });
    const spend = await invoke<{ id: string }>(handler, {
      routeKey: 'POST /api/transitions/{transitionId}/regelbudget/uitgaven',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
      body: { categorie: 'inrichting', bedragCent: 60_000, ontvanger: 'Kringloop', reden: 'Bed en kast' },
    });
    expect(spend.status).toBe(201);
    expect((await inbox()).items.find((s) => s.id === spend.body.id)?.persoon).toBe('A. el Idrissi');
  });

  it('lets the budget holder refuse with a reason, and the begeleider see it and ask again', async () => {
    const t = await transitionWithoutBudget();
    await requestBudget(t, ask);
    const noReason = await decide(t, { besluit: 'afgewezen' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams?.[0]).toMatchObject({ name: 'reden', reason: 'Geef een reden bij afwijzen.' });
    const refused = await decide(t, { besluit: 'afgewezen', reden: 'Eerst de bijzondere bijstand aanvragen' });
    expect(refused.status).toBe(200);
    const v = await view(t);
    expect(v.budget).toBeUndefined();
    expect(v.aanvraag).toMatchObject({
      status: 'afgewezen',
      besluit: { reden: 'Eerst de bijzondere bijstand aanvragen' },
    });
    const again = await requestBudget(t, { ...ask, bedragCent: 80_000 });
    expect(again.status).toBe(201);
    expect((await view(t)).aanvraag).toMatchObject({ status: 'aangevraagd', bedragCent: 80_000 });
  });

  it('refuses bad input in Dutch and writes nothing', async () => {
    const t = await transitionWithoutBudget();
    const cases: [unknown, string, string][] = [
      [{ ...ask, bedragCent: 0 }, 'bedragCent', 'Het bedrag moet meer dan nul zijn.'],
      [{ ...ask, bedragCent: 12.5 }, 'bedragCent', 'Een bedrag is een heel aantal centen (hooguit twee decimalen).'],
      [{ ...ask, reden: '' }, 'reden', 'Geef een reden van minstens drie tekens.'],
      [{ ...ask, geldigTot: '2027-01-01' }, 'geldigTot', 'De einddatum ligt vóór de begindatum.'],
    ];
    for (const [body, name, reason] of cases) {
      const answer = await requestBudget(t, body);
      expect(answer.status).toBe(400);
      expect(answer.body.invalidParams?.[0]).toMatchObject({ name, reason });
    }
    expect((await view(t)).aanvraag).toBeUndefined();
    await requestBudget(t, ask);
    const noAmount = await decide(t, { besluit: 'toegekend' });
    expect(noAmount.body.invalidParams?.[0]).toMatchObject({ name: 'toegekendCent' });
    const byCaseworker = await decide(t, { besluit: 'toegekend', toegekendCent: 1000 }, people.sanne);
    expect(byCaseworker.status).toBe(403);
    const otherMunicipality = await decide(t, { besluit: 'toegekend', toegekendCent: 1000 }, people.zara);
    expect(otherMunicipality.status).toBe(404);
    expect((await view(t)).budget).toBeUndefined();
    expect((await view(t)).aanvraag?.status).toBe('aangevraagd');
  });

  it('answers a retried request and a retried decision with the first answer, and refuses a second request', async () => {
    const t = await transitionWithoutBudget();
    const key = randomUUID();
    const first = await requestBudget(t, ask, key);
    const retry = await requestBudget(t, ask, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const other = await requestBudget(t, { ...ask, bedragCent: 90_000 });
    expect(other.status).toBe(409);
    expect(other.body.title).toContain('loopt al een aanvraag');

    const granted = await decide(t, { besluit: 'toegekend', toegekendCent: 150_000 });
    const grantedAgain = await decide(t, { besluit: 'toegekend', toegekendCent: 150_000 });
    expect(grantedAgain.status).toBe(200);
    expect(grantedAgain.body).toEqual(granted.body);
    const refusedAfter = await decide(t, { besluit: 'afgewezen', reden: 'Toch niet' });
    expect(refusedAfter.status).toBe(409);
    expect(refusedAfter.body.title).toContain('al besloten');
    expect((await view(t)).grootboek).toHaveLength(1);
    const afterGrant = await requestBudget(t, ask);
    expect(afterGrant.status).toBe(409);
    expect(afterGrant.body.title).toBe('Dit traject heeft al een regelbudget.');
  });
});
