import { BatchWriteCommand, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { ensureTable, localClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import type { LocalSchedule } from '../../infra/local/local-scheduler';
import { freePort, freePorts } from '../../infra/local/ports';
import { addDays, datumInWoorden, todayInNetherlands } from '../../shared/domain/common/calendar';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { changeTransition, decideOnAWoning, signedIn, type ApiCall } from '../support/local-api';
import {
  isAlive,
  killAllStarted,
  killEverything,
  startDynamoDbChild,
  startProduct,
  type LocalProduct,
} from './support/local-process';

/**
 * `npm start` killed mid-run and started again on the same state (its database folder, clock, alarms, running
 * workflows and keys): no acknowledged write is lost, no scheduled alarm, no notice to a corporation. First
 * DynamoDB Local alone: Java does not die with the Node process that started it, so the next start must stop
 * the orphan rather than open the same files beside it. Then the product as a child process, killed (SIGKILL)
 * together with its DynamoDB Local — what DynamoDB Local acknowledged must be on disk (`-dbPath`) — and
 * started again. Correctness only: the waits poll with generous deadlines for a loaded machine, nothing is timed.
 */
/** A temporary folder of this file: the product's state in `product/`, the DynamoDB Local tests' beside it. */
let stateDir: string;
let productDir: string;
let ports: { app: number; dynamo: number };
let product: LocalProduct;
let receiver: { server: Server; url: string; online: boolean; received: Map<string, number> };

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'landing-restart-'));
  productDir = path.join(stateDir, 'product');
  const [app, dynamo] = await freePorts(2);
  ports = { app: app!, dynamo: dynamo! };
  receiver = await startReceiver();
});

afterAll(async () => {
  // Every process this file started (the product and its DynamoDB Local, also an orphaned one), by group id.
  killAllStarted();
  await new Promise((resolve) => receiver?.server.close(resolve));
  // DynamoDB Local may still hold its files for a moment after the kill.
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      rmSync(stateDir, { recursive: true, force: true });
      break;
    } catch {
      await sleep(200);
    }
  }
});

/**
 * A corporation's webhook receiver outside the product (it lives through the restarts): refuses while offline,
 * as a corporation that is down does, and counts each notice by its webhook-id (the outbox event's id).
 */
async function startReceiver() {
  const state = { online: false, received: new Map<string, number>() };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (!state.online) {
        res.writeHead(503).end();
        return;
      }
      const id = String(req.headers['webhook-id'] ?? '');
      state.received.set(id, (state.received.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return Object.assign(state, { server, url });
}

const start = async () =>
  (product = await startProduct({ stateDir: productDir, port: ports.app, dynamoPort: ports.dynamo }));

const api = (userId: string) => signedIn(product.url, userId);

const clock = async (step: { advanceDays: number } | { advanceHours: number }) => {
  const response = await fetch(`${product.url}/local/clock`, { method: 'POST', body: JSON.stringify(step) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { today: string }).today;
};

/** Polls until `check` passes (or its last failure is the test's failure), never judging how long it took. */
async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(300);
    }
  }
}

const schedules = (): LocalSchedule[] => {
  const file = path.join(productDir, 'schedules.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalSchedule[]) : [];
};

const pidIn = (dataDir: string) =>
  (JSON.parse(readFileSync(path.join(dataDir, 'dynamodb-local.pid'), 'utf8')) as { pid: number }).pid;

/** The notices in the outbox for these transitions, read from the database itself. */
async function outboxOf(transitionIds: string[]): Promise<{ id: string; soort: string; transitionId: string }[]> {
  const client = localClient(`http://127.0.0.1:${ports.dynamo}`);
  const db = createDocumentClient(client);
  try {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: 'landing-local',
          FilterExpression: 'entity = :e',
          ExpressionAttributeValues: { ':e': 'OutboxEvent' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.filter((i) => transitionIds.includes(String(i.transitionId))) as {
      id: string;
      soort: string;
      transitionId: string;
    }[];
  } finally {
    client.destroy();
  }
}

let people = 0;

async function register(sanne: ApiCall): Promise<Transition> {
  people += 1;
  const created = await sanne<Transition>('POST', '/api/transitions', {
    persoon: { voornaam: 'Test', achternaam: `Herstart ${people} ${Date.now()}`, geboortedatum: '1984-04-04' },
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiderIds: ['u-sanne'],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** Through the woning to a move date: notices to Rijnhoven on the way, and the move workflow sets its alarm. */
async function towardsTheMove(
  sanne: ApiCall,
  t: Transition,
  today: string,
): Promise<{ t: Transition; moveDate: string }> {
  t = await decideOnAWoning(sanne, t, { today, straat: 'Herstartlaan', huisnummer: `${people}` });
  const available = t.aanbiedingen.at(-1)!.beschikbaarVanaf;
  t = await changeTransition(sanne, t, 'PUT', '/contract', {
    vorm: 'driepartijenovereenkomst',
    ingangsdatum: available,
    getekendOp: today,
  });
  const moveDate = addDays(available, 1);
  t = await changeTransition(sanne, t, 'PUT', '/uitkering', {
    aangevraagdOp: today,
    besluitOp: today,
    toegekend: true,
    ingangsdatum: moveDate,
  });
  t = await changeTransition(sanne, t, 'PUT', '/verhuisdatum', { verhuisdatum: moveDate });
  return { t, moveDate };
}

describe('DynamoDB Local on a data folder, its parent killed', { timeout: 120_000 }, () => {
  const items = Array.from({ length: 25 }, (_, i) => ({ pk: `RESTART#${i}`, sk: 'ITEM', n: i }));
  const read = async (endpoint: string) => {
    const client = localClient(endpoint);
    const db = createDocumentClient(client);
    try {
      return await Promise.all(
        items.map(
          async (item) =>
            (
              await db.send(
                new GetCommand({ TableName: 'restart', Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
              )
            ).Item,
        ),
      );
    } finally {
      client.destroy();
    }
  };

  it('lives on, orphaned; the next start stops it instead of running a second one beside it on the same files, and finds its data', async () => {
    const dataDir = path.join(stateDir, 'orphan');
    const port = await freePort();
    const parent = await startDynamoDbChild(port, dataDir);
    const client = localClient(parent.endpoint);
    await ensureTable(client, 'restart');
    await createDocumentClient(client).send(
      new BatchWriteCommand({ RequestItems: { restart: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
    client.destroy();
    const orphan = pidIn(dataDir);
    process.kill(parent.pid, 'SIGKILL');
    await parent.exited;
    expect(isAlive(orphan), 'Java does not die with its parent').toBe(true);

    // The same port and folder, as `npm start` uses them again.
    const next = await startDynamoDbLocal({ port, dataDir });
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(pidIn(dataDir)).not.toBe(orphan);
      expect(await read(next.endpoint)).toEqual(items);
    } finally {
      await next.stop();
    }
  });
});

describe('npm start killed and started again on the same state', { timeout: 420_000 }, () => {
  // What the product acknowledged, by transition id: the version its last answer carried.
  const acknowledged = new Map<string, number>();
  let moving: { t: Transition; moveDate: string };

  it('runs: changes acknowledged, an alarm set, notices waiting for a corporation that is down; then it dies with its DynamoDB Local', async () => {
    await start();
    const [sanne, bram] = [await api('u-sanne'), await api('u-bram')];
    // A second endpoint at Rijnhoven, at the receiver the test keeps (the demo receiver dies with the product).
    const endpoint = await bram('POST', '/api/corporaties/org-rijnhoven/endpoints', {
      url: receiver.url,
      soorten: ['aanbod-geaccepteerd', 'contract-getekend', 'verhuisdatum-vastgelegd', 'verhuisd'],
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);

    const today = todayInNetherlands(new Date());
    moving = await towardsTheMove(sanne, await register(sanne), today);
    acknowledged.set(moving.t.id, moving.t.version);
    // The move workflow's alarm is in the scheduler's state before the kill: the confirmation a week before.
    await eventually(async () => expect(schedules().map((s) => s.name)).toContain(`verhuizing-${moving.t.id}`));

    // The last acknowledged writes, and the kill right after them: their workflows may not have run yet.
    for (const t of await Promise.all([register(sanne), register(sanne)])) acknowledged.set(t.id, t.version);
    const java = pidIn(path.join(productDir, 'dynamodb'));
    await killEverything(product);
    await eventually(async () => expect(isAlive(java)).toBe(false));
  });

  it('starts again: every acknowledged write is there, every workflow ran once, the alarm still goes off, and every notice arrives', async () => {
    await start();
    const sanne = await api('u-sanne');
    for (const [id, version] of acknowledged) {
      const read = await sanne<Transition>('GET', `/api/transitions/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.version).toBe(version);
    }
    // Each registration's workflow recorded its start, also those killed right after their answer: once.
    await eventually(async () => {
      for (const id of acknowledged.keys()) {
        const timeline = await sanne<{ items: TimelineEvent[] }>('GET', `/api/transitions/${id}/timeline`);
        expect(
          timeline.body.items.filter((e) => e.type === 'traject-gestart'),
          id,
        ).toHaveLength(1);
      }
    });

    // The alarm survived the kill and goes off when the demo clock reaches its day.
    const alarm = schedules().find((s) => s.name === `verhuizing-${moving.t.id}`);
    expect(alarm).toBeDefined();
    const confirmDay = addDays(moving.moveDate, -7);
    expect(todayInNetherlands(new Date(alarm!.at))).toBe(confirmDay);
    receiver.online = true;
    const today = todayInNetherlands(new Date());
    // To the day after the confirmation day: its 07:00 alarm is past, whatever the time of day now.
    await clock({ advanceDays: Math.round((Date.parse(confirmDay) - Date.parse(today)) / 86_400_000) + 1 });
    await eventually(async () => {
      const timeline = await sanne<{ items: TimelineEvent[] }>('GET', `/api/transitions/${moving.t.id}/timeline`);
      const tasks = timeline.body.items.filter((e) => e.type === 'taak-aangemaakt' && e.actor.soort === 'werkproces');
      expect(tasks.map((e) => e.omschrijving)).toEqual([
        expect.stringContaining(
          `Bevestig de ondersteuning rond de verhuizing en het budget voor ${datumInWoorden(moving.moveDate)}.`,
        ),
      ]);
    });

    // Every notice of these transitions in the outbox reaches the corporation that was down, at least once.
    const notices = await outboxOf([...acknowledged.keys()]);
    expect(notices.map((n) => n.soort).sort()).toEqual([
      'aanbod-geaccepteerd',
      'contract-getekend',
      'verhuisdatum-vastgelegd',
    ]);
    await eventually(async () => {
      const missing = notices.filter((n) => !receiver.received.has(n.id));
      expect(missing.map((n) => n.soort)).toEqual([]);
    }, 90_000);
  });
});
