import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveDeliverable } from '../../functions/webhooks/address-guard';
import { attempt, fanOut, sweep, type DeliveryDeps } from '../../functions/webhooks/delivery-service';
import { sendWebhook } from '../../functions/webhooks/http-sender';
import { LocalSecretVault } from '../../functions/webhooks/secret-vault';
import { generateSecret } from '../../functions/webhooks/standard-webhooks';
import { DynamoDeliveryStore } from '../../functions/storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../../functions/storage/dynamo-endpoint-store';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { noticeKinds, noticeTypes } from '../../shared/domain/notices/notices';
import { sequenceOf, type OutboxEvent } from '../../shared/domain/notices/outbox-event';
import type { DeliveryRef, Endpoint } from '../../shared/domain/notices/webhook-schemas';
import type { DynamoDBRecord, SQSEvent } from 'aws-lambda';
import { createFanOutHandler } from '../../functions/webhooks/fan-out-handler';
import { createWorkerHandler } from '../../functions/webhooks/worker-handler';
import { workerBudget } from '../../functions/webhooks/worker-budget';
import { createTestTable, type TestTable } from '../support/dynamo';
import { seedOrganisations } from '../support/factories';

/**
 * Delivery as a corporation experiences it: the real stores on DynamoDB Local, real HTTP to a receiver on
 * loopback that verifies every notice with the independent `standardwebhooks` library and processes each
 * webhook-id once. Time is moved by hand; the queue records what it is given and the test plays it out.
 */
class Receiver {
  failuresLeft = 0;
  status = 503;
  readonly processed = new Map<string, number>();
  readonly verifiedWith: string[] = [];
  requests = 0;
  private server!: Server;
  url = '';

  constructor(readonly secrets: string[]) {}

  async start() {
    this.server = createServer((req, res) => {
      // Each test starts its own receiver, possibly on a port an earlier one had: no connection is kept open.
      res.setHeader('connection', 'close');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests += 1;
        if (this.failuresLeft > 0 || this.failuresLeft === Infinity) {
          if (this.failuresLeft !== Infinity) this.failuresLeft -= 1;
          res.writeHead(this.status).end();
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([, v]) => typeof v === 'string'),
        ) as Record<string, string>;
        const body = Buffer.concat(chunks).toString('utf8');
        const secret = this.secrets.find((s) => {
          try {
            new Webhook(s).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        });
        if (!secret) return void res.writeHead(401).end();
        this.verifiedWith.push(secret);
        const id = headers['webhook-id']!;
        this.processed.set(id, (this.processed.get(id) ?? 0) + 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://localhost:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop() {
    this.server.closeAllConnections();
    this.server.close();
  }
}

/** A receiver that takes the request and does not answer until it is told to. */
class HangingReceiver {
  private readonly waiting: import('node:http').ServerResponse[] = [];
  private readonly arrivals: Array<{ count: number; resolve: () => void }> = [];
  private server!: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      res.setHeader('connection', 'close');
      req.resume();
      this.waiting.push(res);
      for (const a of this.arrivals) if (this.waiting.length >= a.count) a.resolve();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://localhost:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Resolves once `count` requests are hanging here. */
  arrived(count: number): Promise<void> {
    return new Promise((resolve) =>
      this.waiting.length >= count ? resolve() : this.arrivals.push({ count, resolve }),
    );
  }

  /** Answers every request that hangs, at last. */
  release() {
    for (const res of this.waiting.splice(0)) res.writeHead(204).end();
  }

  stop() {
    this.server.closeAllConnections();
    this.server.close();
  }
}

let table: TestTable;
let now: Date;
let queued: { ref: DeliveryRef; delaySeconds: number }[];
let disabled: { endpointId: string; reden: string }[];
/** Each test delivers to its own corporation: fan-out reaches every endpoint of one. */
let corporatieId: string;
let deps: DeliveryDeps;
const vault = new LocalSecretVault(randomBytes(32));

beforeAll(async () => {
  table = await createTestTable('webhooks');
  await seedOrganisations(table.db, table.tableName);
});

beforeEach(() => {
  now = new Date('2027-04-05T10:00:00Z');
  corporatieId = `corp-${randomUUID().slice(0, 8)}`;
  queued = [];
  disabled = [];
  deps = {
    deliveries: new DynamoDeliveryStore(table.db, table.tableName),
    endpoints: new DynamoEndpointStore(table.db, table.tableName),
    organisations: new DynamoOrganisationDirectory(table.db, table.tableName),
    vault,
    queue: {
      enqueue: async (refs, delaySeconds = 0) => void queued.push(...refs.map((ref) => ({ ref, delaySeconds }))),
    },
    notifier: { endpointDisabled: async (input) => void disabled.push(input) },
    send: sendWebhook,
    refuse: async (url) => {
      const r = await resolveDeliverable(url, { allowLocalHttp: true });
      return r.ok ? undefined : r.reden;
    },
    now: () => now,
    wallClock: () => new Date(),
    random: () => 0.5,
    apiBaseUrl: 'https://landing.example.nl',
  };
});

async function endpointFor(receiver: Receiver, overrides: Partial<Endpoint> = {}): Promise<Endpoint> {
  const endpoint: Endpoint = {
    id: randomUUID(),
    corporatieId,
    providerId: 'org-a',
    versie: 1,
    url: receiver.url,
    soorten: noticeKinds.filter((k) => k !== 'test'),
    actief: true,
    secrets: await Promise.all(
      receiver.secrets.map(async (s) => ({
        id: randomUUID(),
        sealed: await vault.seal(s),
        aangemaaktOp: now.toISOString(),
      })),
    ),
    aangemaaktOp: now.toISOString(),
    aangemaaktDoor: { id: 'u-bram', naam: 'Bram' },
    ...overrides,
  };
  await deps.endpoints.create(endpoint);
  return endpoint;
}

async function notice(version = 2): Promise<OutboxEvent> {
  const event: OutboxEvent = {
    id: randomUUID(),
    transitionId: randomUUID(),
    providerId: 'org-a',
    corporatieId,
    soort: 'verhuisd',
    type: noticeTypes.verhuisd,
    time: now.toISOString(),
    sequence: sequenceOf(version),
    subject: randomUUID(),
    data: {
      persoonRef: 'p',
      woning: { adres: { straat: 'Kanaalweg', huisnummer: '1', postcode: '3526 KL', plaats: 'Utrecht' } },
      verhuisdOp: '2027-04-05',
    },
  };
  await deps.deliveries.writeOutbox(event);
  return event;
}

/** Plays out what the queue holds, and the sweeper, until nothing is due now. */
async function drain(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await sweep(deps);
    const due = queued.splice(0);
    if (!due.length) return;
    for (const { ref } of due) await attempt(deps, ref);
  }
}

/** Moves time to just after the earliest waiting attempt, and plays it out. */
async function nextRound(): Promise<boolean> {
  const due = await deps.deliveries.due('9999-12-31T00:00:00.000Z', 100);
  const times = await Promise.all(due.map(async (ref) => (await deps.deliveries.get(ref))!.volgendePoging!));
  if (!times.length) return false;
  now = new Date(Date.parse(times.sort()[0]!) + 1);
  await drain();
  return true;
}

describe('webhook delivery', { timeout: 30_000 }, () => {
  it('fans out a stream batch record by record, and reports back only the notice that failed (by its sequence number)', async () => {
    const receiver = new Receiver([generateSecret()]);
    const endpoint = await endpointFor(receiver);
    const [first, failing, last] = [await notice(2), await notice(3), await notice(4)];
    const realRead = deps.deliveries.outboxEvent.bind(deps.deliveries);
    deps.deliveries.outboxEvent = async (id) =>
      id === failing!.id
        ? Promise.reject(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }))
        : realRead(id);
    const record = (event: OutboxEvent, sequence: string): DynamoDBRecord => ({
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: sequence,
        Keys: { pk: { S: `OUTBOX#${event.id}` } },
        NewImage: { entity: { S: 'OutboxEvent' } },
      },
    });

    const result = await createFanOutHandler(() => deps)({
      Records: [record(first!, '100'), record(failing!, '200'), record(last!, '300')],
    });

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }] });
    expect(queued.map((q) => q.ref.eventId).sort()).toEqual([first!.id, last!.id].sort());
    expect(queued.every((q) => q.ref.endpointId === endpoint.id)).toBe(true);
  });

  it('delivers each notice exactly once to a receiver that fails three times and then recovers', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    receiver.failuresLeft = 3;
    const endpoint = await endpointFor(receiver);
    const events = [await notice(2), await notice(3), await notice(4)];
    for (const e of events) await fanOut(deps, e);
    await drain();
    while (await nextRound());

    expect([...receiver.processed.keys()].sort()).toEqual(events.map((e) => e.id).sort());
    expect([...receiver.processed.values()]).toEqual([1, 1, 1]);
    const log = (await deps.deliveries.log(endpoint.id, { limit: 10 })).items;
    expect(log.map((d) => d.status)).toEqual(['afgeleverd', 'afgeleverd', 'afgeleverd']);
    expect(log.flatMap((d) => d.pogingen).filter((p) => p.status === 503)).toHaveLength(3);
    expect((await deps.endpoints.get(corporatieId, 'org-a', endpoint.id))?.faaltSinds).toBeUndefined();
    receiver.stop();
  });

  it('parks a notice when the receiver is down past the retry window, and a replay delivers it', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    receiver.failuresLeft = Infinity;
    const endpoint = await endpointFor(receiver);
    const event = await notice();
    const start = now.getTime();
    await fanOut(deps, event);
    await drain();
    while (await nextRound());

    const [parked] = (await deps.deliveries.log(endpoint.id, { limit: 10 })).items;
    expect(parked).toMatchObject({ status: 'geparkeerd' });
    expect(parked!.pogingen).toHaveLength(10);
    // The Standard Webhooks schedule: about three days from the first attempt to the last.
    const span = Date.parse(parked!.pogingen.at(-1)!.op) - start;
    expect(span / 3_600_000).toBeGreaterThan(70);
    expect(span / 3_600_000).toBeLessThan(80);
    expect(receiver.processed.size).toBe(0);

    receiver.failuresLeft = 0;
    await deps.deliveries.requeue(parked!, now.toISOString());
    await sweep(deps);
    await drain();
    expect(receiver.processed.get(event.id)).toBe(1);
    expect((await deps.deliveries.log(endpoint.id, { limit: 10 })).items[0]).toMatchObject({
      status: 'afgeleverd',
      rondeStart: 10,
    });
    receiver.stop();
  });

  it('resends with the same webhook-id when the worker crashes between sending and recording', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    const endpoint = await endpointFor(receiver);
    const event = await notice();
    const realSettle = deps.deliveries.settle.bind(deps.deliveries);
    let crashes = 1;
    deps.deliveries.settle = async (claimed, after) => {
      if (crashes-- > 0) throw new Error('the worker died');
      return realSettle(claimed, after);
    };
    await fanOut(deps, event);
    const [first] = queued.splice(0);
    await expect(attempt(deps, first!.ref)).rejects.toThrow('the worker died');
    expect(receiver.processed.get(event.id)).toBe(1);

    // The lease holds for a minute: nobody else sends meanwhile; afterwards the sweeper finds it due again.
    await drain();
    expect(receiver.requests).toBe(1);
    now = new Date(now.getTime() + 61_000);
    await drain();
    expect(receiver.requests).toBe(2);
    expect(receiver.processed.get(event.id)).toBe(2); // sent twice, with one webhook-id: the receiver de-duplicates
    expect((await deps.deliveries.log(endpoint.id, { limit: 1 })).items[0]?.status).toBe('afgeleverd');
    receiver.stop();
  });

  it('signs with the old and the new secret during a rotation, and only the new one after it', async () => {
    const [older, newer] = [generateSecret(), generateSecret()];
    const oldOnly = new Receiver([older]);
    await oldOnly.start();
    const overlapEnds = new Date(Date.now() + 3_600_000).toISOString();
    const endpoint = await endpointFor(oldOnly, {
      secrets: [
        { id: 'new', sealed: await vault.seal(newer), aangemaaktOp: now.toISOString() },
        { id: 'old', sealed: await vault.seal(older), aangemaaktOp: now.toISOString(), verlooptOp: overlapEnds },
      ],
    });
    await fanOut(deps, await notice());
    await drain();
    expect(oldOnly.verifiedWith).toEqual([older]);

    await deps.endpoints.replace(endpoint, {
      ...endpoint,
      secrets: endpoint.secrets.map((s) =>
        s.id === 'old' ? { ...s, verlooptOp: new Date(Date.now() - 1000).toISOString() } : s,
      ),
    });
    await fanOut(deps, await notice());
    await drain();
    expect(oldOnly.verifiedWith).toEqual([older]); // the expired secret no longer signs: refused by this receiver
    oldOnly.stop();
  });

  it('disables an endpoint that answers 410 Gone, tells ops, and parks what comes after', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    receiver.failuresLeft = 1;
    receiver.status = 410;
    const endpoint = await endpointFor(receiver);
    await fanOut(deps, await notice());
    await drain();
    expect(await deps.endpoints.get(corporatieId, 'org-a', endpoint.id)).toMatchObject({
      actief: false,
      uitgeschakeld: { reden: 'gone' },
    });
    expect(disabled).toEqual([{ corporatieId, endpointId: endpoint.id, reden: 'gone' }]);
    await fanOut(deps, await notice());
    expect((await deps.deliveries.log(endpoint.id, { limit: 1 })).items[0]?.status).toBe('geparkeerd');
    receiver.stop();
  });

  it('disables an endpoint after five days of failing and tells ops', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    receiver.failuresLeft = Infinity;
    const endpoint = await endpointFor(receiver, {
      faaltSinds: new Date(now.getTime() - 5 * 86_400_000).toISOString(),
    });
    await fanOut(deps, await notice());
    await drain();
    expect(await deps.endpoints.get(corporatieId, 'org-a', endpoint.id)).toMatchObject({
      actief: false,
      uitgeschakeld: { reden: 'aanhoudend-falen' },
    });
    expect(disabled.map((d) => d.reden)).toEqual(['aanhoudend-falen']);
    receiver.stop();
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const target = new Receiver([generateSecret()]);
    await target.start();
    const redirecting = createServer((_req, res) => res.writeHead(302, { location: target.url }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const endpoint = await endpointFor(target, {
      url: `http://localhost:${(redirecting.address() as AddressInfo).port}/hook`,
    });
    await fanOut(deps, await notice());
    await drain();
    const [delivery] = (await deps.deliveries.log(endpoint.id, { limit: 1 })).items;
    expect(delivery).toMatchObject({ status: 'wachtend', pogingen: [{ status: 302 }] });
    expect(target.requests).toBe(0);
    redirecting.close();
    target.stop();
  });

  it('fans a notice out once however often it is asked, only to endpoints that subscribe to its kind', async () => {
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    const all = await endpointFor(receiver);
    const other = await endpointFor(receiver, { soorten: ['omklap-uitgevoerd'] });
    const event = await notice();
    await fanOut(deps, event);
    await fanOut(deps, event);
    expect((await deps.deliveries.log(all.id, { limit: 10 })).items).toHaveLength(1);
    expect((await deps.deliveries.log(other.id, { limit: 10 })).items).toHaveLength(0);
    expect(await deps.deliveries.pendingOutbox('9999-12-31', 10)).not.toContainEqual(
      expect.objectContaining({ id: event.id }),
    );
    receiver.stop();
  });
});

describe('the delivery worker under slow receivers', { timeout: 30_000 }, () => {
  /** Counts recorded attempts, and resolves when `n` of them are recorded. */
  function countSettles() {
    const realSettle = deps.deliveries.settle.bind(deps.deliveries);
    let settled = 0;
    const waiters: Array<{ n: number; resolve: () => void }> = [];
    deps.deliveries.settle = async (claimed, after) => {
      await realSettle(claimed, after);
      settled += 1;
      for (const w of waiters) if (settled >= w.n) w.resolve();
    };
    return (n: number) => new Promise<void>((resolve) => (settled >= n ? resolve() : waiters.push({ n, resolve })));
  }

  /** One SQS batch of the deliveries of these notices, each to the endpoint named with it. */
  async function batchOf(targets: Endpoint[]): Promise<{ event: SQSEvent; messageOf: Map<string, Endpoint> }> {
    const messageOf = new Map<string, Endpoint>();
    for (const endpoint of targets) await fanOut(deps, { ...(await notice()), endpointId: endpoint.id });
    const refs = queued.splice(0).map((q) => q.ref);
    const Records = refs.map((ref, i) => {
      messageOf.set(`m-${i}`, targets.find((e) => e.id === ref.endpointId)!);
      return { messageId: `m-${i}`, body: JSON.stringify(ref) } as SQSEvent['Records'][number];
    });
    return { event: { Records }, messageOf };
  }

  it('answers a batch by its deadline: the two receivers that hang are reported back, the other three delivered', async () => {
    // Prepare
    const receiver = new Receiver([generateSecret()]);
    await receiver.start();
    const hanging = new HangingReceiver();
    await hanging.start();
    const fast = await endpointFor(receiver);
    const slow = await endpointFor(receiver, { url: hanging.url });
    const settledAttempts = countSettles();
    const realSuccess = deps.endpoints.recordSuccess.bind(deps.endpoints);
    let succeeded = 0;
    let fastDone: () => void = () => {};
    const fastThree = new Promise<void>((resolve) => {
      fastDone = resolve;
    });
    deps.endpoints.recordSuccess = async (endpoint, at) => {
      await realSuccess(endpoint, at);
      if (++succeeded === 3) setImmediate(fastDone); // the last step of an attempt that succeeded
    };
    const { event, messageOf } = await batchOf([fast, slow, fast, slow, fast]);
    expect(event.Records).toHaveLength(workerBudget.batchSize);
    // The batch's deadline comes when the fast three are done and the slow two hang: no clock involved.
    const reached = Promise.all([fastThree, hanging.arrived(2)]).then(() => undefined);
    const handler = createWorkerHandler(() => deps, { deadline: () => ({ reached, cancel: () => undefined }) });

    // Act
    const result = await handler(event);

    // Assess
    const slowMessages = [...messageOf].filter(([, e]) => e.id === slow.id).map(([id]) => id);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(slowMessages.sort());
    expect(receiver.processed.size).toBe(3);
    expect((await deps.deliveries.log(fast.id, { limit: 10 })).items.map((d) => d.status)).toEqual([
      'afgeleverd',
      'afgeleverd',
      'afgeleverd',
    ]);
    // Not lost: still waiting in the table, with no attempt recorded, for the message's return or the sweeper.
    const pending = (await deps.deliveries.log(slow.id, { limit: 10 })).items;
    expect(pending.map((d) => [d.status, d.pogingen.length])).toEqual([
      ['wachtend', 0],
      ['wachtend', 0],
    ]);

    hanging.release();
    await settledAttempts(5);
    hanging.stop();
    receiver.stop();
  });

  it('stops waiting before the Lambda runs out of time, by the time its context says is left', async () => {
    // Prepare
    const hanging = new HangingReceiver();
    await hanging.start();
    const slow = await endpointFor(new Receiver([generateSecret()]), { url: hanging.url });
    const settledAttempts = countSettles();
    const { event } = await batchOf([slow, slow]);
    const context = { awsRequestId: randomUUID(), getRemainingTimeInMillis: () => workerBudget.returnMs + 300 };

    // Act
    const result = await createWorkerHandler(() => deps)(event, context);

    // Assess
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m-0', 'm-1']);

    await hanging.arrived(2);
    hanging.release();
    await settledAttempts(2);
    hanging.stop();
  });
});
