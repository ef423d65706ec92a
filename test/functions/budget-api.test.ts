import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBudgetApi, type BudgetDeps } from '../../functions/budget/api';
import { DynamoBudgetStore } from '../../functions/storage/dynamo-budget-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import type { BudgetView } from '../../shared/api/contract';
import type { InvalidParam } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Budget, Spend } from '../../shared/domain/regelbudget/regelbudget-schemas';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { apiEvent, invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

let table: TestTable;
let handler: ReturnType<typeof createBudgetApi>;
let transitions: DynamoTransitionStore;
// The clock ticks a second per reading, as real requests do: the ledger's order is the order of events.
let tick = 0;
const now = () => new Date(Date.parse('2027-02-10T10:00:00Z') + 1000 * tick++);

beforeAll(async () => {
  table = await createTestTable('budget');
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

/** A transition of org-a (Sanne) in Utrecht, with a budget of `granted` cents granted by Pieter. */
async function transitionWithBudget(grantedCent = 100_000, validTo = '2027-12-31'): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    persoonRef: randomUUID(),
    persoon: input.persoon,
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
  const grant = await invoke<Budget>(handler, {
    routeKey: 'PUT /api/transitions/{transitionId}/regelbudget',
    principal: people.pieter,
    pathParameters: { transitionId: t.id },
    body: { toegekendCent: grantedCent, geldigVan: '2027-01-01', geldigTot: validTo },
  });
  expect(grant.status).toBe(200);
  return t;
}

const propose = (
  t: Transition,
  body: Record<string, unknown>,
  principal: Principal = people.sanne,
  headers: Record<string, string> = {},
) =>
  invoke<SpendOrProblem>(handler, {
    routeKey: 'POST /api/transitions/{transitionId}/regelbudget/uitgaven',
    principal,
    pathParameters: { transitionId: t.id },
    body,
    headers,
  });
const view = async (t: Transition, principal: Principal = people.sanne) =>
  (
    await invoke<BudgetView>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/regelbudget',
      principal,
      pathParameters: { transitionId: t.id },
    })
  ).body;
const spendAction = (
  t: Transition,
  spend: Spend,
  action: 'besluit' | 'betaling' | 'annulering',
  body: unknown,
  principal: Principal,
) =>
  invoke<SpendOrProblem>(handler, {
    routeKey: `POST /api/transitions/{transitionId}/regelbudget/uitgaven/{spendId}/${action}`,
    principal,
    pathParameters: { transitionId: t.id, spendId: spend.id },
    body,
  });

type SpendOrProblem = Spend & { code?: string; title?: string; invalidParams?: InvalidParam[] };

const bank = { ontvanger: 'Kringloop Utrecht', reden: 'Bed en kast voor de nieuwe woning' };

describe('regelbudget through the API, on DynamoDB Local', () => {
  it('approves small spends at once, reserves large ones for the budget holder, and pays them', async () => {
    const t = await transitionWithBudget();
    const small = await propose(t, { categorie: 'inrichting', bedragCent: 25_000, ...bank });
    expect(small.status).toBe(201);
    expect(small.body.status).toBe('goedgekeurd');
    const large = await propose(t, {
      categorie: 'vervoer',
      bedragCent: 60_000,
      ontvanger: 'Fietsenmaker De Spaak',
      reden: 'E-bike om de dagbesteding te houden',
    });
    expect(large.body.status).toBe('voorgesteld');

    const inbox = await invoke<{ items: Spend[] }>(handler, {
      routeKey: 'GET /api/regelbudget/inbox',
      principal: people.pieter,
    });
    expect(inbox.body.items.map((s) => s.id)).toContain(large.body.id);
    expect((await view(t)).budget).toMatchObject({
      vrijCent: 15_000,
      gereserveerdCent: 60_000,
      goedgekeurdCent: 25_000,
      betaaldCent: 0,
    });

    expect((await spendAction(t, large.body, 'besluit', { besluit: 'goedgekeurd' }, people.pieter)).body.status).toBe(
      'goedgekeurd',
    );
    const stillWaiting = await invoke<{ items: Spend[] }>(handler, {
      routeKey: 'GET /api/regelbudget/inbox',
      principal: people.pieter,
    });
    expect(stillWaiting.body.items.map((s) => s.id)).not.toContain(large.body.id);
    expect((await spendAction(t, large.body, 'betaling', { betaaldOp: '2027-02-10' }, people.pieter)).body.status).toBe(
      'betaald',
    );
    expect(
      (await spendAction(t, small.body, 'annulering', { reden: 'Toch gekregen van familie' }, people.sanne)).body
        .status,
    ).toBe('geannuleerd');

    const after = await view(t);
    expect(after.budget).toMatchObject({
      toegekendCent: 100_000,
      vrijCent: 40_000,
      gereserveerdCent: 0,
      goedgekeurdCent: 0,
      betaaldCent: 60_000,
    });
    expect(after.grootboek.map((e) => e.soort)).toEqual([
      'toegekend',
      'direct-goedgekeurd',
      'voorgesteld',
      'goedgekeurd',
      'betaald',
      'geannuleerd',
    ]);
    expect(after.grootboek.at(-1)).toMatchObject({
      door: { naam: 'Sanne de Vries' },
      reden: 'Toch gekregen van familie',
    });
  });

  it('refuses bad amounts, unknown categories and a reject without reason, writing nothing', async () => {
    const t = await transitionWithBudget();
    for (const bedragCent of [0, -500, 12.5])
      expect((await propose(t, { categorie: 'inrichting', bedragCent, ...bank })).status).toBe(400);
    const unknown = await propose(t, { categorie: 'vakantie', bedragCent: 1000, ...bank });
    expect(unknown.body.invalidParams?.[0]).toMatchObject({ name: 'categorie', reason: 'Kies een categorie.' });
    const large = await propose(t, { categorie: 'vervoer', bedragCent: 30_000, ...bank });
    const noReason = await spendAction(t, large.body, 'besluit', { besluit: 'afgewezen' }, people.pieter);
    expect(noReason.body.invalidParams?.[0]?.name).toBe('reden');
    const v = await view(t);
    expect(v.uitgaven).toHaveLength(1);
    expect(v.budget?.vrijCent).toBe(70_000);
  });

  it('refuses a payment date after today (Amsterdam) or before the spend was proposed, in Dutch, writing nothing', async () => {
    const t = await transitionWithBudget();
    const spend = (await propose(t, { categorie: 'inrichting', bedragCent: 5_000, ...bank })).body;
    for (const betaaldOp of ['2099-01-01', '2027-02-11', '2027-02-09', '1900-01-01']) {
      const refused = await spendAction(t, spend, 'betaling', { betaaldOp }, people.pieter);
      expect(refused.status, betaaldOp).toBe(400);
      expect(refused.body.invalidParams?.[0]).toMatchObject({
        name: 'betaaldOp',
        reason: expect.stringMatching(/betaaldatum/i),
      });
    }
    const v = await view(t);
    expect(v.uitgaven[0]!.status).toBe('goedgekeurd');
    expect(v.grootboek.map((e) => e.soort)).toEqual(['toegekend', 'direct-goedgekeurd']);
    expect((await spendAction(t, spend, 'betaling', { betaaldOp: '2027-02-10' }, people.pieter)).body.status).toBe(
      'betaald',
    );
  });

  it('refuses to overspend, spends on an expired budget, and another municipality’s budget', async () => {
    const t = await transitionWithBudget(10_000);
    const over = await propose(t, { categorie: 'verhuiskosten', bedragCent: 10_001, ...bank });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('rule-violation');
    const expired = await transitionWithBudget(10_000, '2027-01-31');
    expect((await propose(expired, { categorie: 'overig', bedragCent: 100, ...bank })).body.title).toContain(
      'geldig van 2027-01-01 tot en met 2027-01-31',
    );
    expect(
      (
        await invoke(handler, {
          routeKey: 'GET /api/transitions/{transitionId}/regelbudget',
          principal: people.zara,
          pathParameters: { transitionId: t.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await invoke(handler, {
          routeKey: 'GET /api/transitions/{transitionId}/regelbudget',
          principal: people.noor,
          pathParameters: { transitionId: t.id },
        })
      ).status,
    ).toBe(404);
    expect((await propose(t, { categorie: 'overig', bedragCent: 100, ...bank }, people.pieter)).status).toBe(403);
  });

  it('books a retried proposal once (Idempotency-Key)', async () => {
    const t = await transitionWithBudget();
    const key = `spend-${randomUUID()}`;
    const first = await propose(t, { categorie: 'inrichting', bedragCent: 5_000, ...bank }, people.sanne, {
      'idempotency-key': key,
    });
    const again = await propose(t, { categorie: 'inrichting', bedragCent: 5_000, ...bank }, people.sanne, {
      'idempotency-key': key,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await view(t)).budget?.vrijCent).toBe(95_000);
  });

  it('replays a booked spend with its first answer after the budget ran low, not a refusal', async () => {
    const t = await transitionWithBudget(10_000);
    const key = `spend-${randomUUID()}`;
    const body = { categorie: 'inrichting', bedragCent: 8_000, ...bank };
    const first = await propose(t, body, people.sanne, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect((await view(t)).budget?.vrijCent).toBe(2_000);
    const again = await propose(t, body, people.sanne, { 'idempotency-key': key });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await view(t)).uitgaven).toHaveLength(1);
  });

  it('gives every request of a key one answer, however they interleave: 20 groups of 4 requests sharing a key', async () => {
    // €500 free and 20 spends of €40: 12 fit. Each group sends two requests at once, and two more beside the
    // next group's first two, so replays meet a budget that ran low in between.
    const t = await transitionWithBudget(50_000);
    let chain: Promise<unknown> = Promise.resolve();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const body = {
          categorie: 'inrichting',
          bedragCent: 4_000,
          ontvanger: `Winkel ${i}`,
          reden: 'Gelijktijdig voorstel',
        };
        const key = `group-${i}-${randomUUID()}`;
        const send = () => propose(t, body, people.sanne, { 'idempotency-key': key });
        const first = chain.then(() => Promise.all([send(), send()]));
        chain = first;
        const later = first.then(() => Promise.all([send(), send()]));
        return Promise.all([first, later]).then(([a, b]) => [...a, ...b]);
      }),
    );
    for (const group of answers) {
      const seen = group.map((a) => ({ status: a.status, body: a.body }));
      expect(
        seen.every((a) => a.status === 201 || a.status === 409),
        JSON.stringify(seen),
      ).toBe(true);
      expect(seen).toEqual(seen.map(() => seen[0]));
    }
    const booked = answers.filter((g) => g[0]!.status === 201).length;
    expect(booked).toBe(12);
    const v = await view(t);
    expect(v.uitgaven).toHaveLength(booked);
    expect(v.budget).toMatchObject({ vrijCent: 50_000 - booked * 4_000, goedgekeurdCent: booked * 4_000 });
  });

  it('refuses a used key on another request (another body or another transition) in Dutch, and books nothing', async () => {
    const t = await transitionWithBudget();
    const other = await transitionWithBudget();
    const key = `spend-${randomUUID()}`;
    const body = { categorie: 'inrichting', bedragCent: 5_000, ...bank };
    expect((await propose(t, body, people.sanne, { 'idempotency-key': key })).status).toBe(201);
    for (const [target, changed] of [
      [t, { ...body, bedragCent: 6_000 }],
      [other, body],
    ] as const) {
      const reused = await propose(target, changed, people.sanne, { 'idempotency-key': key });
      expect(reused.status, JSON.stringify(reused.body)).toBe(409);
      expect(reused.body).toMatchObject({
        code: 'conflict',
        title: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
      });
    }
    expect((await view(t)).uitgaven).toHaveLength(1);
    expect((await view(other)).uitgaven).toHaveLength(0);
    expect((await view(other)).budget?.vrijCent).toBe(100_000);
  });

  it('keeps the invariant under 50 concurrent proposals, and answers every one of them', async () => {
    const t = await transitionWithBudget(100_000);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        propose(t, {
          categorie: 'inrichting',
          bedragCent: 3_000,
          ontvanger: `Winkel ${i}`,
          reden: 'Gelijktijdig voorstel',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBe(33); // 33 × €30 fits in €1000, the 34th does not
    const v = await view(t);
    expect(v.budget).toMatchObject({ vrijCent: 100_000 - accepted * 3_000, goedgekeurdCent: accepted * 3_000 });
    expect(v.uitgaven).toHaveLength(accepted);
    expect(v.grootboek.filter((e) => e.soort === 'direct-goedgekeurd')).toHaveLength(accepted);
  });

  it('exports the municipality’s ledger for a period as CSV a Dutch spreadsheet opens', async () => {
    const t = await transitionWithBudget(123_456);
    await propose(t, {
      categorie: 'verhuiskosten',
      bedragCent: 12_345,
      ontvanger: 'Verhuisbedrijf "De Zwaan"',
      reden: 'Verhuizing; twee mannen',
    });
    const response = (await handler(
      apiEvent({
        routeKey: 'GET /api/regelbudget/export',
        principal: people.pieter,
        query: { van: '2027-02-01', tot: '2027-02-28' },
      }),
      { awsRequestId: 'test' } as never,
    )) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('datum;tijd;traject;uitgave;soort;categorie;bedrag_euro;door;reden');
    const mine = lines.filter((l) => l.includes(t.id));
    expect(mine).toEqual([
      expect.stringMatching(new RegExp(`^2027-02-10;10:\\d{2}:\\d{2};${t.id};;toegekend;;1234,56;"Pieter Smit";""$`)),
      expect.stringMatching(
        new RegExp(
          `^2027-02-10;10:\\d{2}:\\d{2};${t.id};[0-9a-f-]{36};direct-goedgekeurd;verhuiskosten;123,45;"Sanne de Vries";"Verhuizing; twee mannen"$`,
        ),
      ),
    ]);
    const outside = (await handler(
      apiEvent({
        routeKey: 'GET /api/regelbudget/export',
        principal: people.pieter,
        query: { van: '2027-03-01', tot: '2027-03-31' },
      }),
      { awsRequestId: 't' } as never,
    )) as { body: string };
    expect(outside.body).not.toContain(t.id);
  });
});
