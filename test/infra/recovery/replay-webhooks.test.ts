import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDeliveryStore } from '../../../functions/storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../../../functions/storage/dynamo-endpoint-store';
import { DynamoOrganisationDirectory } from '../../../functions/storage/dynamo-organisation-directory';
import { DynamoApiKeyStore } from '../../../functions/storage/dynamo-api-key-store';
import { createWebhookAdminApi } from '../../../functions/webhooks/admin-api';
import { LocalSecretVault } from '../../../functions/webhooks/secret-vault';
import { replayEndpoint } from '../../../infra/ops/recovery/replay-webhooks';
import { noticeTypes } from '../../../shared/domain/notices/notices';
import { sequenceOf, type OutboxEvent } from '../../../shared/domain/notices/outbox-event';
import type { Delivery, DeliveryRef, Endpoint } from '../../../shared/domain/notices/webhook-schemas';
import { invoke } from '../../support/api-events';
import { createTestTable, type TestTable } from '../../support/dynamo';
import { people, seedOrganisations } from '../../support/factories';

/**
 * Replaying an endpoint's parked deliveries, on DynamoDB Local: ops' tool (`npm run replay-webhooks`) and the
 * beheerder's replay in the admin API share the same functions (functions/webhooks/replay.ts).
 */
let table: TestTable;
let deliveries: DynamoDeliveryStore;
let endpoints: DynamoEndpointStore;
const now = new Date('2027-05-10T09:00:00Z');

function endpoint(actief: boolean): Endpoint {
  return {
    id: randomUUID(),
    corporatieId: 'corp-w',
    providerId: 'org-a',
    versie: 1,
    url: 'https://webhooks.example.nl/landing',
    soorten: ['aanbod-geaccepteerd'],
    actief,
    secrets: [{ id: randomUUID(), sealed: 'sealed', aangemaaktOp: '2027-01-01T00:00:00.000Z' }],
    aangemaaktOp: '2027-01-01T00:00:00.000Z',
    aangemaaktDoor: { id: people.bram.userId, naam: people.bram.naam },
  };
}

/** `count` notices an hour apart from `from`, each with a delivery to the endpoint in the given state. */
async function notices(
  e: Endpoint,
  from: string,
  count: number,
  status: Delivery['status'] = 'geparkeerd',
): Promise<Delivery[]> {
  const made: { event: OutboxEvent; delivery: Delivery }[] = [];
  for (let i = 0; i < count; i++) {
    const time = new Date(Date.parse(from) + i * 3_600_000).toISOString();
    const event: OutboxEvent = {
      id: randomUUID(),
      transitionId: randomUUID(),
      providerId: e.providerId,
      corporatieId: e.corporatieId,
      soort: 'aanbod-geaccepteerd',
      type: noticeTypes['aanbod-geaccepteerd'],
      time,
      sequence: sequenceOf(3),
      subject: randomUUID(),
      data: {},
    };
    const delivery: Delivery = {
      endpointId: e.id,
      corporatieId: e.corporatieId,
      providerId: e.providerId,
      eventId: event.id,
      at: time,
      soort: event.soort,
      type: event.type,
      status,
      pogingen: [],
      rondeStart: 0,
      ...(status === 'afgeleverd' ? { afgeleverdOp: time } : {}),
    };
    made.push({ event, delivery });
  }
  // Written side by side in groups (as a fan-out would): one after another, 130 of them took longer than a
  // test may on a loaded machine.
  for (let i = 0; i < made.length; i += 25) {
    await Promise.all(
      made.slice(i, i + 25).map(async ({ event, delivery }) => {
        await deliveries.writeOutbox(event);
        await deliveries.fanOut(event, [delivery]);
      }),
    );
  }
  return made.map((m) => m.delivery);
}

const logOf = async (e: Endpoint) => (await deliveries.log(e.id, { limit: 1000 })).items;
const dueOf = async (e: Endpoint) =>
  (await deliveries.due(now.toISOString(), 1000)).filter((r) => r.endpointId === e.id);

beforeAll(async () => {
  table = await createTestTable('replay');
  await seedOrganisations(table.db, table.tableName);
  deliveries = new DynamoDeliveryStore(table.db, table.tableName);
  endpoints = new DynamoEndpointStore(table.db, table.tableName);
});

describe('npm run replay-webhooks', () => {
  it('offers every parked delivery of an endpoint again, page after page of its log, due now with a fresh schedule; delivered ones stay delivered', async () => {
    // Prepare: 130 parked (more than a page of the log), 2 delivered
    const on = endpoint(true);
    await endpoints.create(on);
    await notices(on, '2027-05-01T00:00:00.000Z', 130);
    await notices(on, '2027-05-08T00:00:00.000Z', 2, 'afgeleverd');

    // Act
    const dry = await replayEndpoint({ deliveries, endpoints }, { endpointId: on.id, dryRun: true, now });
    const dueAfterDryRun = await dueOf(on);
    const report = await replayEndpoint({ deliveries, endpoints }, { endpointId: on.id, dryRun: false, now });
    const again = await replayEndpoint({ deliveries, endpoints }, { endpointId: on.id, dryRun: false, now });

    // Assess
    expect(dry).toEqual({ endpointId: on.id, parked: 130, requeued: 0, outcome: 'droogloop' });
    expect(dueAfterDryRun).toHaveLength(0);
    expect(report).toEqual({ endpointId: on.id, parked: 130, requeued: 130, outcome: 'opnieuw-aangeboden' });
    const log = await logOf(on);
    expect(log.filter((d) => d.status === 'wachtend')).toHaveLength(130);
    expect(log.filter((d) => d.status === 'afgeleverd')).toHaveLength(2);
    for (const d of log.filter((x) => x.status === 'wachtend'))
      expect(d).toMatchObject({ volgendePoging: now.toISOString(), rondeStart: d.pogingen.length });
    expect(await dueOf(on)).toHaveLength(130);
    // A second run finds nothing parked: the replay is not repeated
    expect(again).toEqual({ endpointId: on.id, parked: 0, requeued: 0, outcome: 'niets-geparkeerd' });
  });

  it('with --since offers only the notices from then on', async () => {
    // Prepare
    const on = endpoint(true);
    await endpoints.create(on);
    await notices(on, '2027-05-01T00:00:00.000Z', 10);

    // Act
    const report = await replayEndpoint(
      { deliveries, endpoints },
      { endpointId: on.id, since: '2027-05-01T06:00:00.000Z', dryRun: false, now },
    );

    // Assess: 06:00 up to 09:00
    expect(report).toMatchObject({ parked: 4, requeued: 4 });
    expect((await logOf(on)).filter((d) => d.status === 'geparkeerd').map((d) => d.at)).toEqual(
      ['05', '04', '03', '02', '01', '00'].map((h) => `2027-05-01T${h}:00:00.000Z`),
    );
  });

  it('refuses while the endpoint is switched off (the first attempt would park them again), and an unknown endpoint', async () => {
    // Prepare
    const off = endpoint(false);
    await endpoints.create(off);
    await notices(off, '2027-05-01T00:00:00.000Z', 3);

    // Act
    const refused = await replayEndpoint({ deliveries, endpoints }, { endpointId: off.id, dryRun: false, now });
    const unknown = await replayEndpoint({ deliveries, endpoints }, { endpointId: randomUUID(), dryRun: false, now });

    // Assess
    expect(refused).toEqual({ endpointId: off.id, parked: 3, requeued: 0, outcome: 'endpoint-uit' });
    expect((await logOf(off)).every((d) => d.status === 'geparkeerd')).toBe(true);
    expect(unknown.outcome).toBe('niets-geparkeerd');
  });
});

describe('the beheerder’s replay in the admin API, on the same functions', () => {
  it('offers the parked deliveries since a time again and queues them at once', async () => {
    // Prepare
    const on = endpoint(true);
    await endpoints.create(on);
    await notices(on, '2027-05-01T00:00:00.000Z', 5);
    const queued: DeliveryRef[] = [];
    const adminApi = createWebhookAdminApi(() => ({
      endpoints,
      deliveries,
      apiKeys: new DynamoApiKeyStore(table.db, table.tableName),
      directory: new DynamoOrganisationDirectory(table.db, table.tableName),
      vault: new LocalSecretVault(Buffer.alloc(32)),
      queue: { enqueue: async (refs) => void queued.push(...refs) },
      allowLocalHttp: false,
      now: () => now,
      newId: randomUUID,
    }));

    // Act
    const response = await invoke<{ opnieuwAangeboden: number }>(adminApi, {
      routeKey: 'POST /api/corporaties/{corporatieId}/endpoints/{endpointId}/opnieuw',
      principal: people.bram,
      pathParameters: { corporatieId: 'corp-w', endpointId: on.id },
      body: { sinds: '2027-05-01T02:00:00.000Z' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ opnieuwAangeboden: 3 });
    expect(queued.map((r) => r.at).sort()).toEqual(['02', '03', '04'].map((h) => `2027-05-01T${h}:00:00.000Z`));
  });
});
