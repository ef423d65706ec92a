/**
 * Webhook delay: from a domain change (the moment the API answered the write that causes a notice) to the
 * first successful receipt at a corporation's receiver, through the local product's real path: the outbox
 * written in the change's transaction, DynamoDB Local's stream read by the fan-out Lambda, the local queue,
 * the worker Lambda, an HTTP POST signed with Standard Webhooks.
 *
 * The receiver is ours: a local HTTP server that verifies every request with the `standardwebhooks` library
 * and records when each `webhook-id` first arrived. Two scenarios on one running product: a healthy receiver,
 * and one that answers 500 to half its requests (a seeded random choice). With the failing receiver the
 * delay is the retry schedule's (5 s, 5 min, 30 min, 2 h, … with ±10 % jitter): the first retry (after 5 s)
 * is waited for in real time; a later one is skipped by moving the product's clock (the demo clock) exactly
 * to the moment the next delivery is due, so its delay is measured on the product's clock, as it would pass
 * in real time.
 *
 * Every change is counted against what arrived: nothing may be lost (distinct webhook-ids = changes made)
 * and nothing is processed twice (a `webhook-id` answered 2xx once).
 *
 *   npx tsx test/bench/webhook-delay.ts [--notices 200] [--interval-ms 100]
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { clockOffset, setClockOffset } from '../../functions/clock';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { DynamoDeliveryStore } from '../../functions/storage/dynamo-delivery-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { keys } from '../../functions/storage/keys';
import { deliveryDepsFromEnvironment } from '../../functions/webhooks/delivery-runtime';
import { RETRY_DELAYS_MS } from '../../functions/webhooks/retry-schedule';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { localClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { readBody, verifiedNotice } from '../../infra/local/demo-receiver';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { POLL_MS as STREAM_POLL_MS } from '../../infra/local/local-table-stream';
import { freePort } from '../../infra/local/ports';
import { addDays } from '../../shared/domain/common/calendar';
import { noticeKinds, noticeTypes } from '../../shared/domain/notices/notices';
import type { Transition } from '../../shared/domain/transition/transition';
import { distribution, inChildProcess, numberFlag, runBenchPart, type Distribution } from './isolated';

export interface WebhookDelayOptions {
  /** Changes that each cause one notice, per scenario (default 200). */
  notices?: number;
  /** At most one change every this many ms (default 100: about 10 changes a second). */
  intervalMs?: number;
  /**
   * Seed of the failing receiver's answers (default 8): the same sequence of 500/204 every run; which notice
   * meets which answer depends on the order requests arrive in.
   */
  seed?: number;
  log?: (line: string) => void;
}

/**
 * What the delay of one delivered notice was made of, ms (healthy receiver), counted from the change's own
 * time (the notice's `time`, set by the API before its transaction): the four parts add up to
 * `delayFromChangeMs`.
 */
export interface DelayBreakdown {
  /** The change's transaction commits, then the local stream poller hands the notice to the fan-out Lambda. */
  changeToFanOut: Distribution;
  /** Fan-out: endpoints read, the delivery written, the outbox marked, the message sent to the queue. */
  fanOut: Distribution;
  /** Queue → the worker starts the POST: queue hand-off, claim, endpoint and notice read, secret opened, signed. */
  queueToSend: Distribution;
  /** The POST until the receiver has the request (last attempt). */
  send: Distribution;
}

export interface WebhookScenarioResult {
  scenario: 'healthy' | 'half-failing';
  /** Changes made through the API, each causing one notice for the receiver. */
  changes: number;
  /** Distinct webhook-ids of those changes that the receiver accepted (2xx). */
  received: number;
  /** Changes whose notice never arrived (not delivered when the run ended). */
  missing: number;
  /** Notices accepted by the receiver more than once (a retry after a success). */
  duplicates: number;
  /** Deliveries of this scenario that ended parked (all ten attempts failed), by the product's delivery log. */
  parked: number;
  /** Other notices the receiver got meanwhile (from workflows), not measured. */
  otherNotices: number;
  receiverRequests: { total: number; answered2xx: number; answered500: number; badSignature: number };
  /**
   * Change answered (the write's response) → first successful receipt. Product clock (= real time unless
   * `clock.skippedMs` > 0). Can be a little below zero: the notice is committed with the change, and the
   * write still starts the move workflow's look before it answers, so delivery may overtake the answer.
   */
  delayMs: Distribution;
  /**
   * From the change's own time (the notice's `time`, taken inside the API before its transaction) → first
   * receipt: includes the part of the write that follows the commit (audit, starting the workflow's look).
   */
  delayFromChangeMs: Distribution;
  /**
   * The attempt that succeeded: how many notices needed 1, 2, 3, … attempts, their median delay, and what
   * the retry schedule alone waits before that attempt (without jitter).
   */
  byAttempt: { attempt: number; notices: number; delayP50Ms: number; scheduledWaitMs: number }[];
  /** Healthy scenario: the parts of the delay. */
  breakdown?: DelayBreakdown;
  /** Response time of the writes that caused the notices. */
  writeLatencyMs: Distribution;
  clock: { jumps: number; skippedMs: number };
  realDurationMs: number;
}

export interface WebhookDelayResult {
  settings: {
    notices: number;
    intervalMs: number;
    seed: number;
    realTimeRetries: string;
    logLevel: string;
    retryDelaysMs: readonly number[];
  };
  /** The load average (1 min) at the start and the end: other work on the machine stretches every figure. */
  machine: { cpus: number; cpuModel: string | undefined; node: string; loadAverage1m: { start: number; end: number } };
  /**
   * What the local pipeline adds by itself: the pause between two reads of DynamoDB Local's stream (on AWS
   * Lambda's poller reads the stream continuously), and the sweeper's interval (it only matters for waits the
   * queue does not carry). The local queue hands a message over at once (or after its delay).
   */
  localPipeline: { streamPollIntervalMs: number; sweeperIntervalMs: number };
  scenarios: WebhookScenarioResult[];
  target: { description: string; p99Ms: number; met: boolean };
  durationMs: number;
}

/** The local sweeper's interval (infra/local/landing.ts; every minute on AWS). */
const SWEEP_MS = 1000;
/** Retries after the first attempt (5 s) happen in real time; later ones are skipped on the product clock. */
const REAL_TIME_ATTEMPTS = 1;
const TARGET_P99_MS = 2000;
const NOTICES_PER_TRANSITION = 10;

/** Runs the measurement in its own process (see isolated.ts); the default for the orchestrator. */
export function measureWebhookDelay(options: WebhookDelayOptions = {}): Promise<WebhookDelayResult> {
  const { log, ...rest } = options;
  return inChildProcess<WebhookDelayResult>(import.meta.url, rest, log);
}

/** A product clock in ms with sub-ms resolution: real time plus the demo clock's offset. */
const productNow = () => performance.timeOrigin + performance.now() + clockOffset();

export async function measureWebhookDelayHere(options: WebhookDelayOptions = {}): Promise<WebhookDelayResult> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const notices = options.notices ?? 200;
  const intervalMs = options.intervalMs ?? 100;
  const seed = options.seed ?? 8;
  const log = options.log ?? (() => undefined);
  process.env.LOG_LEVEL ??= 'warn';

  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const client = localClient(dynamo.endpoint);
  const receiver = await startReceiver(seed);
  let landing: RunningLanding | undefined;
  try {
    const tableName = `landing-bench-webhooks-${Date.now()}`;
    landing = await startLanding({
      port: 0,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      webRoot: path.join(projectRoot, 'web/dist'),
      seedDemoData: true,
      demoReceiverPort: false,
    });
    const db = createDocumentClient(client);
    const api = (userId: string) => signedIn(landing!.url, userId);
    const bram = await api('u-bram');
    const created = await bram.call<{ endpoint: { id: string }; secret: string }>(
      'POST',
      '/api/corporaties/org-rijnhoven/endpoints',
      {
        url: receiver.url,
        soorten: noticeKinds.filter((k) => k !== 'test'),
      },
    );
    if (created.status !== 201 && created.status !== 200)
      throw new Error(`the endpoint was not registered: ${created.status} ${JSON.stringify(created.body)}`);
    receiver.setSecret(created.body.secret);
    const endpointId = created.body.endpoint.id;
    await settleAll(landing);
    const stamps = instrumentDeliveries();
    const sanne = await api('u-sanne');
    const context = { landing, db, tableName, sanne, receiver, stamps, endpointId, log };
    log(
      `webhook delay: DynamoDB Local and the product started in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const scenarios: WebhookScenarioResult[] = [];
    for (const scenario of ['healthy', 'half-failing'] as const) {
      log(`webhook delay: ${scenario} receiver, ${notices} changes`);
      scenarios.push(await runScenario(context, scenario, notices, intervalMs));
      const s = scenarios.at(-1)!;
      log(
        `  p50 ${human(s.delayMs.p50Ms)}, p95 ${human(s.delayMs.p95Ms)}, p99 ${human(s.delayMs.p99Ms)}; ${s.received}/${s.changes} received, ${s.missing} missing, ${s.duplicates} duplicates (${(s.realDurationMs / 1000).toFixed(1)} s)`,
      );
    }
    const healthy = scenarios[0]!;
    return {
      settings: {
        notices,
        intervalMs,
        seed,
        realTimeRetries:
          'the retry after attempt 1 in real time; later retries by moving the product clock to their due time',
        logLevel: process.env.LOG_LEVEL ?? 'info',
        retryDelaysMs: RETRY_DELAYS_MS,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        loadAverage1m: { start: round2(loadAtStart), end: round2(os.loadavg()[0]!) },
      },
      localPipeline: { streamPollIntervalMs: STREAM_POLL_MS, sweeperIntervalMs: SWEEP_MS },
      scenarios,
      target: {
        description: 'webhook delay p99 ≤ 2 s locally with a healthy receiver',
        p99Ms: healthy.delayMs.p99Ms,
        met: healthy.missing === 0 && healthy.delayMs.p99Ms <= TARGET_P99_MS,
      },
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    setClockOffset(0);
    await landing?.stop();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
    client.destroy();
    await dynamo.stop();
  }
}

interface Context {
  landing: RunningLanding;
  db: DynamoDBDocumentClient;
  tableName: string;
  sanne: Awaited<ReturnType<typeof signedIn>>;
  receiver: Receiver;
  stamps: Stamps;
  endpointId: string;
  log: (line: string) => void;
}

interface Change {
  key: string;
  ackAt: number;
  writeMs: number;
}

async function runScenario(
  ctx: Context,
  scenario: WebhookScenarioResult['scenario'],
  notices: number,
  intervalMs: number,
): Promise<WebhookScenarioResult> {
  const started = performance.now();
  const transitions = await placeableTransitions(ctx, Math.ceil(notices / NOTICES_PER_TRANSITION), scenario);
  ctx.receiver.reset(scenario === 'half-failing');
  const clockBefore = clockOffset();
  const changes: Change[] = [];

  // Round 0 accepts each transition's offer; each next round moves each move date a day: one notice a change.
  const versions = new Map(transitions.map((t) => [t.id, t.version]));
  const accepted = noticeTypes['aanbod-geaccepteerd'];
  const dated = noticeTypes['verhuisdatum-vastgelegd'];
  for (let i = 0; i < notices; i++) {
    const t = transitions[i % transitions.length]!;
    const round = Math.floor(i / transitions.length);
    const offer = t.aanbiedingen[0]!;
    const pace = performance.now() + intervalMs;
    const response =
      round === 0
        ? await ctx.sanne.call<Transition>('POST', `/api/transitions/${t.id}/aanbiedingen/${offer.id}/besluit`, {
            besluit: 'geaccepteerd',
            expectedVersion: versions.get(t.id),
          })
        : await ctx.sanne.call<Transition>('PUT', `/api/transitions/${t.id}/verhuisdatum`, {
            verhuisdatum: addDays(offer.beschikbaarVanaf, round),
            expectedVersion: versions.get(t.id),
          });
    if (response.status !== 200)
      throw new Error(`change ${i} refused: ${response.status} ${JSON.stringify(response.body)}`);
    versions.set(t.id, response.body.version);
    changes.push({
      key:
        round === 0
          ? noticeKey(accepted, t.persoonRef)
          : noticeKey(dated, t.persoonRef, addDays(offer.beschikbaarVanaf, round)),
      ackAt: response.ackAt,
      writeMs: response.ms,
    });
    await sleep(Math.max(0, pace - performance.now()));
  }

  const expected = new Set(changes.map((c) => c.key));
  const { jumps, incomplete } = await drain(ctx, () =>
    [...expected].every((key) => ctx.receiver.byKey.get(key)?.firstOkAt !== undefined),
  );
  if (incomplete) ctx.log(`  not complete within the time limit: ${incomplete}`);

  const delays: number[] = [];
  const attempts = new Map<number, number[]>();
  const fromChange: number[] = [];
  const parts = {
    changeToFanOut: [] as number[],
    fanOut: [] as number[],
    queueToSend: [] as number[],
    send: [] as number[],
  };
  let received = 0;
  for (const change of changes) {
    const notice = ctx.receiver.byKey.get(change.key);
    if (!notice?.firstOkAt) continue;
    received += 1;
    const delay = notice.firstOkAt - change.ackAt;
    delays.push(delay);
    fromChange.push(notice.firstOkAt - notice.changeAt);
    attempts.set(notice.attemptOfFirstOk, [...(attempts.get(notice.attemptOfFirstOk) ?? []), delay]);
    const stamp = ctx.stamps.get(notice.webhookId);
    if (stamp?.fanOutAt !== undefined && stamp.queuedAt !== undefined && stamp.sendAt.length) {
      parts.changeToFanOut.push(stamp.fanOutAt - notice.changeAt);
      parts.fanOut.push(stamp.queuedAt - stamp.fanOutAt);
      parts.queueToSend.push(stamp.sendAt[0]! - stamp.queuedAt);
      parts.send.push(notice.firstOkAt - stamp.sendAt.at(-1)!);
    }
  }
  const mine = [...ctx.receiver.notices.values()].filter((n) => expected.has(n.key));
  const statuses = await deliveryStatuses(ctx, new Set(mine.map((n) => n.webhookId)), changes.length);
  const requests = ctx.receiver.counters();
  return {
    scenario,
    changes: changes.length,
    received,
    missing: changes.length - received,
    duplicates: mine.filter((n) => n.oks > 1).length,
    parked: statuses.parkedOfUnreceived,
    otherNotices: ctx.receiver.notices.size - mine.length,
    receiverRequests: requests,
    delayMs: distribution(delays),
    delayFromChangeMs: distribution(fromChange),
    byAttempt: [...attempts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([attempt, values]) => ({
        attempt,
        notices: values.length,
        delayP50Ms: distribution(values).p50Ms,
        scheduledWaitMs: RETRY_DELAYS_MS.slice(0, attempt - 1).reduce((sum, d) => sum + d, 0),
      })),
    ...(scenario === 'healthy' && parts.send.length
      ? {
          breakdown: {
            changeToFanOut: distribution(parts.changeToFanOut),
            fanOut: distribution(parts.fanOut),
            queueToSend: distribution(parts.queueToSend),
            send: distribution(parts.send),
          },
        }
      : {}),
    writeLatencyMs: distribution(changes.map((c) => c.writeMs)),
    clock: { jumps, skippedMs: Math.round(clockOffset() - clockBefore) },
    realDurationMs: Math.round(performance.now() - started),
  };
}

/**
 * Waits until every expected notice arrived, or nothing is left to deliver. The first attempt and the retry
 * after it (5 s) are waited for in real time; when the next delivery due waits for a later retry (5 min and
 * longer), the product clock moves exactly to its due time and the sweeper runs, as it would have then.
 */
async function drain(ctx: Context, done: () => boolean): Promise<{ jumps: number; incomplete?: string }> {
  const deadline = performance.now() + 150_000;
  let jumps = 0;
  let quietSince: number | undefined;
  while (!done()) {
    if (performance.now() > deadline) return { jumps, incomplete: 'deadline of 150 s passed' };
    const [nextDue, pendingOutbox] = await Promise.all([earliestDue(ctx), pendingOutboxCount(ctx)]);
    if (nextDue === undefined && pendingOutbox === 0) {
      // Nothing waiting: either the stream has not handed the last notices over yet, or the rest is parked.
      quietSince ??= performance.now();
      if (performance.now() - quietSince > 5000) return { jumps, incomplete: 'nothing left to deliver' };
      await sleep(50);
      continue;
    }
    quietSince = undefined;
    const wait = nextDue === undefined ? 0 : nextDue.at - productNow();
    if (nextDue && nextDue.attempts > REAL_TIME_ATTEMPTS && wait > 0) {
      setClockOffset(clockOffset() + wait + 1);
      jumps += 1;
      await ctx.landing.sweep();
    }
    // Polling the table is load on DynamoDB Local too: not more often than needed. It does not change the
    // figures: a skipped wait jumps to the exact due time, and a real one is the product's own timers.
    await sleep(50);
  }
  return { jumps };
}

/** The delivery due first: when, and how many attempts it has had. */
async function earliestDue(ctx: Context): Promise<{ at: number; attempts: number } | undefined> {
  const { Items } = await ctx.db.send(
    new QueryCommand({
      TableName: ctx.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.deliveriesDue },
      Limit: 1,
    }),
  );
  const item = Items?.[0] as { volgendePoging?: string; pogingen?: unknown[] } | undefined;
  return item?.volgendePoging
    ? { at: Date.parse(item.volgendePoging), attempts: item.pogingen?.length ?? 0 }
    : undefined;
}

async function pendingOutboxCount(ctx: Context): Promise<number> {
  const { Count } = await ctx.db.send(
    new QueryCommand({
      TableName: ctx.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxPending },
      Select: 'COUNT',
    }),
  );
  return Count ?? 0;
}

/** The product's own record of the endpoint's deliveries: how many not received by us ended parked. */
async function deliveryStatuses(
  ctx: Context,
  receivedIds: Set<string>,
  changes: number,
): Promise<{ parkedOfUnreceived: number }> {
  if (receivedIds.size === changes) return { parkedOfUnreceived: 0 };
  const store = new DynamoDeliveryStore(ctx.db, ctx.tableName);
  let parked = 0;
  let cursor: string | undefined;
  do {
    const page = await store.log(ctx.endpointId, { limit: 100, ...(cursor ? { cursor } : {}) });
    parked += page.items.filter((d) => d.status === 'geparkeerd' && !receivedIds.has(d.eventId)).length;
    cursor = page.nextCursor;
  } while (cursor);
  return { parkedOfUnreceived: parked };
}

/**
 * Transitions in the woning phase with an open offer of Woonstichting Rijnhoven, cloned from the demo's
 * Fatima Ouali, in Sanne de Vries's caseload: each takes one acceptance and then its move dates.
 */
async function placeableTransitions(ctx: Context, count: number, label: string): Promise<Transition[]> {
  const store = new DynamoTransitionStore(ctx.db, ctx.tableName);
  const team = await store.listOfTeam('org-overstap', 'team-utrecht', { limit: 100 });
  const fatimaId = team.items.find((t) => t.persoon.voornaam === 'Fatima' && t.persoon.achternaam === 'Ouali')?.id;
  const fatima = fatimaId ? await store.get(fatimaId) : undefined;
  if (!fatima?.aanbiedingen[0]) throw new Error('the demo data has no Fatima Ouali with an offer');
  const now = new Date(productNow()).toISOString();
  const clones: Transition[] = [];
  for (let i = 0; i < count; i++) {
    const clone: Transition = {
      ...fatima,
      id: randomUUID(),
      version: 1,
      persoonRef: randomUUID(),
      persoon: { ...fatima.persoon, achternaam: `Meting ${label} ${i + 1}` },
      aanbiedingen: [
        {
          ...fatima.aanbiedingen[0],
          id: randomUUID(),
          eenheidnummer: `RH-B${label.length}${String(i + 1).padStart(4, '0')}`,
        },
      ],
      createdAt: now,
      updatedAt: now,
    };
    await store.create({
      transition: clone,
      firstEvent: {
        id: randomUUID(),
        transitionId: clone.id,
        type: 'aanmelding-geregistreerd',
        at: now,
        actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne de Vries' },
      },
    });
    clones.push(clone);
  }
  return clones;
}

type Stamps = Map<string, { fanOutAt?: number; queuedAt?: number; sendAt: number[] }>;

/**
 * Time stamps along the delivery path, for the breakdown: the webhook Lambdas share one set of dependencies
 * in this process (delivery-runtime.ts builds it once), so wrapping three of its functions sees each notice
 * being read by the fan-out, queued, and sent. It only records the time; what it wraps runs unchanged.
 */
function instrumentDeliveries(): Stamps {
  const stamps: Stamps = new Map();
  const stamp = (eventId: string) => {
    let s = stamps.get(eventId);
    if (!s) {
      s = { sendAt: [] };
      stamps.set(eventId, s);
    }
    return s;
  };
  const deps = deliveryDepsFromEnvironment();
  const { deliveries, queue, send } = deps;
  const outboxEvent = deliveries.outboxEvent.bind(deliveries);
  deliveries.outboxEvent = (eventId) => {
    // The first read of a notice is the fan-out's (the worker reads it again for every attempt).
    stamp(eventId).fanOutAt ??= productNow();
    return outboxEvent(eventId);
  };
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (refs, delaySeconds) => {
    const at = productNow();
    for (const ref of refs) stamp(ref.eventId).queuedAt ??= at;
    return enqueue(refs, delaySeconds);
  };
  deps.send = (request) => {
    const id = request.headers['webhook-id'];
    if (id) stamp(id).sendAt.push(productNow());
    return send(request);
  };
  return stamps;
}

interface ReceivedNotice {
  webhookId: string;
  key: string;
  requests: number;
  oks: number;
  firstOkAt?: number;
  attemptOfFirstOk: number;
  /** The notice's `time`: when the API made the change. */
  changeAt: number;
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/**
 * The corporation's side: verifies each request with `standardwebhooks` (a bad signature is a 401), then,
 * when failing, answers 500 to a seeded random half; otherwise 204 and the time of the first receipt.
 */
async function startReceiver(seed: number) {
  let secret: string | undefined;
  let failing = false;
  let random = mulberry32(seed);
  let notices = new Map<string, ReceivedNotice>();
  let byKey = new Map<string, ReceivedNotice>();
  let counters = { total: 0, answered2xx: 0, answered500: 0, badSignature: 0 };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const at = productNow();
      counters.total += 1;
      let event: { type?: string; subject?: string; time?: string; data?: { verhuisdatum?: string } };
      try {
        event = verifiedNotice<typeof event>(req, body, secret!);
      } catch {
        counters.badSignature += 1;
        res.writeHead(401).end();
        return;
      }
      const webhookId = String(req.headers['webhook-id']);
      let notice = notices.get(webhookId);
      if (!notice) {
        notice = {
          webhookId,
          key: noticeKey(String(event.type), String(event.subject), event.data?.verhuisdatum),
          requests: 0,
          oks: 0,
          attemptOfFirstOk: 0,
          changeAt: Date.parse(String(event.time)),
        };
        notices.set(webhookId, notice);
        byKey.set(notice.key, notice);
      }
      notice.requests += 1;
      if (failing && random() < 0.5) {
        counters.answered500 += 1;
        res.writeHead(500).end();
        return;
      }
      counters.answered2xx += 1;
      notice.oks += 1;
      if (notice.firstOkAt === undefined) {
        notice.firstOkAt = at;
        notice.attemptOfFirstOk = notice.requests;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://localhost:${(server.address() as AddressInfo).port}/webhooks/landing`,
    setSecret: (value: string) => {
      secret = value;
    },
    /** A new scenario: its own counts; the failing receiver starts its seeded sequence again. */
    reset: (fail: boolean) => {
      failing = fail;
      random = mulberry32(seed);
      notices = new Map();
      byKey = new Map();
      counters = { total: 0, answered2xx: 0, answered500: 0, badSignature: 0 };
    },
    get notices() {
      return notices;
    },
    get byKey() {
      return byKey;
    },
    counters: () => ({ ...counters }),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const noticeKey = (type: string, subject: string, verhuisdatum?: string) => `${type}|${subject}|${verhuisdatum ?? ''}`;

/** A small seeded generator: the failing receiver's choices are the same sequence every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A signed-in API client; `ackAt` is when the answer's headers arrived, on the product clock. */
async function signedIn(baseUrl: string, userId: string) {
  const signIn = await fetch(`${baseUrl}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
  const { token } = (await signIn.json()) as { token: string };
  return {
    call: async <T>(method: string, route: string, body?: unknown) => {
      const sent = performance.now();
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const ackAt = productNow();
      const ms = performance.now() - sent;
      return { status: response.status, body: (await response.json()) as T, ackAt, ms };
    },
  };
}

/** Lets the demo's first workflow runs finish before measuring. */
async function settleAll(landing: RunningLanding): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await landing.settle();
    await sleep(50);
  }
}

/** A delay in the unit a reader takes in at once. */
export function human(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

function formatResult(result: WebhookDelayResult): string {
  const lines = [
    `Webhook delay (${result.settings.notices} changes a scenario, one every ≥ ${result.settings.intervalMs} ms), ${(result.durationMs / 1000).toFixed(0)} s`,
  ];
  for (const s of result.scenarios) {
    lines.push(
      `  ${s.scenario.padEnd(13)} p50 ${human(s.delayMs.p50Ms)}  p95 ${human(s.delayMs.p95Ms)}  p99 ${human(s.delayMs.p99Ms)}  max ${human(s.delayMs.maxMs)}; received ${s.received}/${s.changes}, missing ${s.missing}, duplicates ${s.duplicates}, parked ${s.parked}` +
        (s.clock.jumps
          ? `; clock moved ${s.clock.jumps}× (${(s.clock.skippedMs / 3_600_000).toFixed(1)} h skipped)`
          : ''),
    );
  }
  const failing = result.scenarios.find((s) => s.scenario === 'half-failing');
  if (failing)
    lines.push(
      `  half-failing, by the attempt that succeeded: ${failing.byAttempt.map((a) => `#${a.attempt} ${a.notices}× (p50 ${human(a.delayP50Ms)})`).join(', ')}`,
    );
  lines.push(
    `  target p99 ≤ ${TARGET_P99_MS} ms with a healthy receiver: ${result.target.met ? 'met' : 'missed'} (${result.target.p99Ms} ms)`,
  );
  return lines.join('\n');
}

runBenchPart<WebhookDelayOptions, WebhookDelayResult>(import.meta.url, {
  measure: measureWebhookDelayHere,
  cliOptions: (argv) => {
    const notices = numberFlag(argv, '--notices');
    const intervalMs = numberFlag(argv, '--interval-ms');
    const seed = numberFlag(argv, '--seed');
    return {
      ...(notices ? { notices } : {}),
      ...(intervalMs !== undefined ? { intervalMs } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
  },
  print: (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n${formatResult(result)}\n`),
});
