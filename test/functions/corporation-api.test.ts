import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyAuthorizer } from '../../functions/corporation/authorizer';
import { createCorporationApi } from '../../functions/corporation/api';
import { DynamoApiKeyStore } from '../../functions/storage/dynamo-api-key-store';
import { DynamoDeliveryStore } from '../../functions/storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../../functions/storage/dynamo-endpoint-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { createWebhookAdminApi } from '../../functions/webhooks/admin-api';
import { LocalSecretVault } from '../../functions/webhooks/secret-vault';
import { applyCommand } from '../../functions/transitions/run-command';
import type { InvalidParam } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { decideOffer, registerOffer } from '../../shared/domain/transition/transition-commands';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import type { DeliveryRef } from '../../shared/domain/notices/webhook-schemas';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/**
 * The housing corporation's side, on DynamoDB Local: its API keys (made by the provider's administrator),
 * the authorizer that checks them, reporting a signal by its own unit number, and what it may read back.
 */
let table: TestTable;
let corporationApi: ReturnType<typeof createCorporationApi>;
let adminApi: ReturnType<typeof createWebhookAdminApi>;
let authorizer: ReturnType<typeof createApiKeyAuthorizer>;
let transitions: DynamoTransitionStore;
let signals: DynamoSignalStore;
const queued: DeliveryRef[] = [];
const now = new Date('2027-05-04T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable('corporation');
  await seedOrganisations(table.db, table.tableName);
  transitions = new DynamoTransitionStore(table.db, table.tableName);
  signals = new DynamoSignalStore(table.db, table.tableName);
  const apiKeys = new DynamoApiKeyStore(table.db, table.tableName);
  const deliveries = new DynamoDeliveryStore(table.db, table.tableName);
  const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
  corporationApi = createCorporationApi(() => ({
    homes: apiKeys,
    transitions,
    signals,
    outbox: deliveries,
    directory,
    apiBaseUrl: 'https://landing.example.nl',
    now: () => now,
    newId: randomUUID,
  }));
  adminApi = createWebhookAdminApi(() => ({
    endpoints: new DynamoEndpointStore(table.db, table.tableName),
    deliveries,
    apiKeys,
    directory,
    vault: new LocalSecretVault(randomBytes(32)),
    queue: { enqueue: async (refs) => void queued.push(...refs) },
    allowLocalHttp: false,
    now: () => now,
    newId: randomUUID,
  }));
  authorizer = createApiKeyAuthorizer(() => apiKeys);
});

/** A transition of the provider (org-a unless said) placed in a home of corporation `corporatieId` with unit `eenheidnummer`. */
async function placed(corporatieId: string, eenheidnummer: string, providerId = 'org-a'): Promise<Transition> {
  const input = aanmelding();
  const t: Transition = {
    id: randomUUID(),
    version: 1,
    providerId,
    persoonRef: randomUUID(),
    persoon: input.persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [{ id: 'u-sanne', naam: 'Sanne de Vries', telefoon: '030 111 22 33' }],
    fase: 'woning',
    ...notStartedYet,
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
  const deps = { store: transitions, now: () => now, newId: randomUUID };
  const actor = { soort: 'medewerker' as const, id: 'u-sanne', naam: 'Sanne' };
  const offered = await applyCommand(deps, t, actor, (x, ctx) =>
    registerOffer(
      x,
      {
        id: 'offer-1',
        corporatieId,
        eenheidnummer,
        adres: { straat: 'Kanaalweg', huisnummer: '8', postcode: '3526 KL', plaats: 'Utrecht' },
        wijk: 'Kanaleneiland',
        huurPerMaandCent: 60_000,
        beschikbaarVanaf: '2027-06-01',
        reactieUiterlijk: '2027-05-20',
      },
      ctx,
    ),
  );
  return applyCommand(deps, offered, actor, (x, ctx) =>
    decideOffer(x, { aanbiedingId: 'offer-1', besluit: 'geaccepteerd' }, ctx),
  );
}

/** A new API key for the corporation, issued by a provider's beheerder (Bram of org-a unless said). */
async function apiKeyFor(corporatieId: string, issuer: Principal = people.bram): Promise<string> {
  const created = await invoke<{ apiKey: string }>(adminApi, {
    routeKey: 'POST /api/corporaties/{corporatieId}/api-sleutels',
    principal: issuer,
    pathParameters: { corporatieId },
  });
  expect(created.status).toBe(201);
  return created.body.apiKey;
}

/** Calls the corporation API as API Gateway would: the authorizer first, its context to the handler. */
async function asCorporation<T = Record<string, unknown>>(
  apiKey: string,
  routeKey: string,
  call: { body?: unknown; pathParameters?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const verdict = await authorizer({ headers: { authorization: `Bearer ${apiKey}` } });
  if (!verdict.isAuthorized) return { status: 403, body: {} as T };
  return invoke<T>(corporationApi, { routeKey, authorizerContext: verdict.context as Record<string, string>, ...call });
}

type Problem = { code?: string; invalidParams?: InvalidParam[] };

describe('the corporation API', () => {
  it('turns a reported signal about one of its homes into an oranje signal on the transition, by unit number', async () => {
    const t = await placed('corp-w', 'W-1001');
    const key = await apiKeyFor('corp-w');
    const response = await asCorporation<Record<string, unknown>>(key, 'POST /api/corporatie/signalen', {
      body: { eenheidnummer: 'w-1001', soort: 'huurachterstand', toelichting: 'Twee maanden achter' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      eenheidnummer: 'w-1001',
      soort: 'huurachterstand',
      ontvangenOp: now.toISOString(),
      status: 'ontvangen',
    });
    const [signal] = await signals.list(t.id);
    expect(signal).toMatchObject({
      bron: 'corporatie',
      fase: 'oranje',
      status: 'open',
      melder: { corporatieId: 'corp-w', eenheidnummer: 'w-1001' },
    });
    expect(signal!.omschrijving).toContain('Twee maanden achter');
  });

  it('reports one signal for a retried report with the same Idempotency-Key, and refuses the key for another report', async () => {
    const t = await placed('corp-w', 'W-1101');
    const key = await apiKeyFor('corp-w');
    const headers = { 'idempotency-key': `report-${randomUUID()}` };
    const body = { eenheidnummer: 'W-1101', soort: 'overlast' };
    const first = await asCorporation(key, 'POST /api/corporatie/signalen', { body, headers });
    const again = await asCorporation(key, 'POST /api/corporatie/signalen', { body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const other = await asCorporation<{ code?: string; title?: string }>(key, 'POST /api/corporatie/signalen', {
      body: { ...body, soort: 'huurachterstand' },
      headers,
    });
    expect(other.body).toMatchObject({
      code: 'conflict',
      title: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
    });
    expect(await signals.list(t.id)).toHaveLength(1);
  });

  it('shows the corporation whether its signals were picked up, and nothing of what was done', async () => {
    const t = await placed('corp-w', 'W-2002');
    const key = await apiKeyFor('corp-w');
    const reported = (
      await asCorporation<{ id: string }>(key, 'POST /api/corporatie/signalen', {
        body: { eenheidnummer: 'W-2002', soort: 'overlast' },
      })
    ).body;
    const stored = (await signals.list(t.id)).find((s) => s.id === reported.id)!;
    const picked: Signal = {
      ...stored,
      status: 'bevestigd',
      bevestigd: { door: { id: 'u-sanne', naam: 'Sanne de Vries' }, op: '2027-05-04T10:00:00.000Z' },
    };
    await signals.change({
      before: stored,
      after: picked,
      event: {
        id: randomUUID(),
        transitionId: t.id,
        type: 'signaal-bevestigd',
        at: picked.bevestigd!.op,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne' },
        omschrijving: 'Met de buren gepraat over zijn psychose',
      },
    });
    const list = await asCorporation<{ items: Record<string, unknown>[] }>(key, 'GET /api/corporatie/signalen');
    const mine = list.body.items.find((s) => s.id === reported.id)!;
    expect(mine).toEqual({
      id: reported.id,
      eenheidnummer: 'W-2002',
      soort: 'overlast',
      ontvangenOp: now.toISOString(),
      status: 'opgepakt',
      opgepaktOp: '2027-05-04T10:00:00.000Z',
    });
    expect(JSON.stringify(list.body)).not.toMatch(/Sanne|psychose|omschrijving|transitionId|persoon/);
  });

  it('cannot reach another corporation’s homes, signals or notices with its own key', async () => {
    await placed('corp-w', 'W-3003');
    const otherKey = await apiKeyFor('corp-v');
    const ownKey = await apiKeyFor('corp-w');
    const attempt = await asCorporation<Problem>(otherKey, 'POST /api/corporatie/signalen', {
      body: { eenheidnummer: 'W-3003', soort: 'overlast' },
    });
    expect(attempt.status).toBe(404);
    const reported = (
      await asCorporation<{ id: string }>(ownKey, 'POST /api/corporatie/signalen', {
        body: { eenheidnummer: 'W-3003', soort: 'overlast' },
      })
    ).body;
    const others = await asCorporation<{ items: { id: string }[] }>(otherKey, 'GET /api/corporatie/signalen');
    expect(others.body.items.map((s) => s.id)).not.toContain(reported.id);
    const notices = await new DynamoDeliveryStore(table.db, table.tableName).pendingOutbox('9999-12-31', 100);
    const wNotice = notices.find((n) => n.corporatieId === 'corp-w')!;
    expect(
      (
        await asCorporation(otherKey, 'GET /api/corporatie/meldingen/{eventId}', {
          pathParameters: { eventId: wNotice.id },
        })
      ).status,
    ).toBe(404);
    const own = await asCorporation<{ id: string; source: string; type: string; dataref: string }>(
      ownKey,
      'GET /api/corporatie/meldingen/{eventId}',
      { pathParameters: { eventId: wNotice.id } },
    );
    expect(own.body).toMatchObject({
      id: wNotice.id,
      source: 'urn:nld:kvk:12345678:systeem:landing',
      dataref: `https://landing.example.nl/api/corporatie/meldingen/${wNotice.id}`,
    });
  });

  it('reaches with a key only the homes, signals and notices of the provider that issued it', async () => {
    // Corporation W lets homes to people of two providers; each provider gave W a key of its own.
    const ofA = await placed('corp-w', 'W-5005');
    await placed('corp-w', 'W-5006', 'org-b');
    const keyOfA = await apiKeyFor('corp-w');
    const keyOfB = await apiKeyFor('corp-w', people.bea);

    expect(
      (
        await asCorporation(keyOfB, 'POST /api/corporatie/signalen', {
          body: { eenheidnummer: 'W-5005', soort: 'overlast' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await asCorporation(keyOfA, 'POST /api/corporatie/signalen', {
          body: { eenheidnummer: 'W-5006', soort: 'overlast' },
        })
      ).status,
    ).toBe(404);
    expect(await signals.list(ofA.id)).toEqual([]);
    const reported = (
      await asCorporation<{ id: string }>(keyOfA, 'POST /api/corporatie/signalen', {
        body: { eenheidnummer: 'W-5005', soort: 'overlast' },
      })
    ).body;
    const seenByB = await asCorporation<{ items: { id: string }[] }>(keyOfB, 'GET /api/corporatie/signalen');
    expect(seenByB.body.items.map((s) => s.id)).not.toContain(reported.id);
    const seenByA = await asCorporation<{ items: { id: string }[] }>(keyOfA, 'GET /api/corporatie/signalen');
    expect(seenByA.body.items.map((s) => s.id)).toContain(reported.id);

    const notice = (await new DynamoDeliveryStore(table.db, table.tableName).pendingOutbox('9999-12-31', 100)).find(
      (n) => n.transitionId === ofA.id,
    )!;
    expect(
      (
        await asCorporation(keyOfB, 'GET /api/corporatie/meldingen/{eventId}', {
          pathParameters: { eventId: notice.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await asCorporation(keyOfA, 'GET /api/corporatie/meldingen/{eventId}', {
          pathParameters: { eventId: notice.id },
        })
      ).status,
    ).toBe(200);

    // Each provider's beheerder sees and revokes only the keys their organisation issued.
    const prefixOf = (key: string) => key.split('_')[1]!;
    const listedFor = async (beheerder: Principal) =>
      (
        await invoke<{ items: { prefix: string }[] }>(adminApi, {
          routeKey: 'GET /api/corporaties/{corporatieId}/api-sleutels',
          principal: beheerder,
          pathParameters: { corporatieId: 'corp-w' },
        })
      ).body.items.map((k) => k.prefix);
    expect(await listedFor(people.bea)).toEqual([prefixOf(keyOfB)]);
    expect(await listedFor(people.bram)).toContain(prefixOf(keyOfA));
    expect(await listedFor(people.bram)).not.toContain(prefixOf(keyOfB));
    const revokeByB = await invoke(adminApi, {
      routeKey: 'DELETE /api/corporaties/{corporatieId}/api-sleutels/{prefix}',
      principal: people.bea,
      pathParameters: { corporatieId: 'corp-w', prefix: prefixOf(keyOfA) },
    });
    expect(revokeByB.status).toBe(404);
    expect((await authorizer({ headers: { authorization: `Bearer ${keyOfA}` } })).isAuthorized).toBe(true);
  });

  it('refuses a missing, unknown or revoked key at the authorizer', async () => {
    const key = await apiKeyFor('corp-w');
    expect((await authorizer({ headers: {} })).isAuthorized).toBe(false);
    expect((await authorizer({ headers: { authorization: `Bearer ${key.slice(0, -4)}abcd` } })).isAuthorized).toBe(
      false,
    );
    expect((await authorizer({ headers: { authorization: `Bearer ${key}` } })).isAuthorized).toBe(true);
    const prefix = key.split('_')[1]!;
    const revoked = await invoke(adminApi, {
      routeKey: 'DELETE /api/corporaties/{corporatieId}/api-sleutels/{prefix}',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-w', prefix },
    });
    expect(revoked.status).toBe(200);
    expect((await authorizer({ headers: { authorization: `Bearer ${key}` } })).isAuthorized).toBe(false);
  });

  it('answers malformed reports with 400 and writes nothing', async () => {
    const t = await placed('corp-w', 'W-4004');
    const key = await apiKeyFor('corp-w');
    const bad = [
      {},
      { eenheidnummer: 'W-4004' },
      { eenheidnummer: 'W-4004', soort: 'brand' },
      { eenheidnummer: 'W-4004', soort: 'overlast', toelichting: 'x'.repeat(501) },
      { eenheidnummer: 'W-4004', soort: 'overlast', naam: 'Piet Bakker' },
      '{"eenheidnummer": ',
    ];
    for (const body of bad) {
      const response = await asCorporation<Problem>(key, 'POST /api/corporatie/signalen', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation-failed');
    }
    expect(await signals.list(t.id)).toEqual([]);
  });

  it('is for corporations only: staff tokens and other roles are refused', async () => {
    const asStaff = await invoke<Problem>(corporationApi, {
      routeKey: 'GET /api/corporatie/signalen',
      principal: people.sanne,
    });
    expect(asStaff.status).toBe(401);
    const asBegeleider = await invoke<Problem>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/api-sleutels',
      principal: people.sanne,
      pathParameters: { corporatieId: 'corp-w' },
    });
    expect(asBegeleider.status).toBe(403);
  });
});

describe('the webhook administration', () => {
  it('shows a new endpoint’s secret once, and never again', async () => {
    const created = await invoke<{ endpoint: { id: string; secrets: unknown[] }; secret: string }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-v' },
      body: { url: 'https://ontvanger.example.org/landing', soorten: ['aanbod-geaccepteerd', 'verhuisd'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const list = await invoke(adminApi, {
      routeKey: 'GET /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-v' },
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(JSON.stringify(list.body)).not.toMatch(/sealed|whsec_/);
  });

  it('refuses plain http, private and internal addresses, and other kinds than notices', async () => {
    const create = (url: string, soorten: string[] = ['verhuisd']) =>
      invoke<Problem>(adminApi, {
        routeKey: 'POST /api/corporaties/{corporatieId}/endpoints',
        principal: people.bram,
        pathParameters: { corporatieId: 'corp-v' },
        body: { url, soorten },
      });
    for (const url of [
      'http://ontvanger.example.org/hook',
      'https://10.0.0.8/hook',
      'https://169.254.169.254/latest',
      'http://localhost:3001/hook',
      'https://user:pw@example.org/hook',
    ]) {
      const response = await create(url);
      expect(response.status, url).toBe(400);
      expect(response.body.invalidParams?.[0]?.name).toBe('url');
    }
    expect((await create('https://ontvanger.example.org/hook', ['test'])).status).toBe(400);
    expect((await create('https://ontvanger.example.org/hook', [])).status).toBe(400);
  });

  it('keeps each provider’s endpoints to itself, and corporations must exist', async () => {
    const created = await invoke<{ endpoint: { id: string } }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-w' },
      body: { url: 'https://ontvanger.example.org/w', soorten: ['verhuisd'] },
    });
    const asOtherProvider = await invoke<{ items: { endpoint: { id: string } }[] }>(adminApi, {
      routeKey: 'GET /api/corporaties/{corporatieId}/endpoints',
      principal: people.bea,
      pathParameters: { corporatieId: 'corp-w' },
    });
    expect(asOtherProvider.body.items.map((i) => i.endpoint.id)).not.toContain(created.body.endpoint.id);
    const log = await invoke(adminApi, {
      routeKey: 'GET /api/corporaties/{corporatieId}/endpoints/{endpointId}/afleveringen',
      principal: people.bea,
      pathParameters: { corporatieId: 'corp-w', endpointId: created.body.endpoint.id },
    });
    expect(log.status).toBe(404);
    const unknown = await invoke(adminApi, {
      routeKey: 'GET /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'gm-utrecht' },
    });
    expect(unknown.status).toBe(404);
  });

  it('rotates a secret with an overlap in which the old one still signs, and refuses a stale version', async () => {
    const created = await invoke<{ endpoint: { id: string; versie: number }; secret: string }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-v' },
      body: { url: 'https://ontvanger.example.org/r', soorten: ['verhuisd'] },
    });
    const params = { corporatieId: 'corp-v', endpointId: created.body.endpoint.id };
    const rotated = await invoke<{ endpoint: { versie: number; secrets: { verlooptOp?: string }[] }; secret: string }>(
      adminApi,
      {
        routeKey: 'POST /api/corporaties/{corporatieId}/endpoints/{endpointId}/secret',
        principal: people.bram,
        pathParameters: params,
        body: { overlapUren: 24, versie: 1 },
      },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.endpoint.secrets).toEqual([
      expect.not.objectContaining({ verlooptOp: expect.anything() }),
      expect.objectContaining({ verlooptOp: '2027-05-05T09:00:00.000Z' }),
    ]);
    const stale = await invoke<Problem>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints/{endpointId}/secret',
      principal: people.bram,
      pathParameters: params,
      body: { overlapUren: 0, versie: 1 },
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-version' } });
  });

  it('writes a test notice to the outbox for that endpoint alone', async () => {
    const created = await invoke<{ endpoint: { id: string } }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-v' },
      body: { url: 'https://ontvanger.example.org/t', soorten: ['verhuisd'] },
    });
    const test = await invoke<{ eventId: string }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints/{endpointId}/test',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-v', endpointId: created.body.endpoint.id },
    });
    expect(test.status).toBe(202);
    const written = await new DynamoDeliveryStore(table.db, table.tableName).outboxEvent(test.body.eventId);
    expect(written).toMatchObject({
      soort: 'test',
      type: 'nl.beschermdthuis.test',
      endpointId: created.body.endpoint.id,
      corporatieId: 'corp-v',
    });
  });
});
