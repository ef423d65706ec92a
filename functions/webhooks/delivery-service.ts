import { toCloudEvent } from '../../shared/domain/notices/cloud-event';
import type { OutboxEvent } from '../../shared/domain/notices/outbox-event';
import { refOf, type Delivery, type DeliveryRef, type Endpoint } from '../../shared/domain/notices/webhook-schemas';
import { currentCorrelationId, withCorrelation } from '../observability/context';
import { logger } from '../observability/logger';
import { countBusinessEvent } from '../observability/metrics';
import type { OrganisationDirectory } from '../organisation/ports';
import { afterAttempt } from './delivery-outcome';
import type { WebhookResponse } from './http-sender';
import type { DeliveryQueue, DeliveryStore, EndpointStore, OpsNotifier, SecretVault } from './ports';
import { shouldDisableForSustainedFailure } from './retry-schedule';
import { MAX_QUEUE_DELAY_SECONDS } from './sqs-delivery-queue';
import { webhookHeaders } from './standard-webhooks';
import { LEASE_MS } from './worker-budget';

/** Notices the stream has not fanned out after this long are fanned out by the sweeper. */
const OUTBOX_GRACE_MS = 30_000;

export interface DeliveryDeps {
  deliveries: DeliveryStore;
  endpoints: EndpointStore;
  organisations: Pick<OrganisationDirectory, 'organisation'>;
  vault: SecretVault;
  queue: DeliveryQueue;
  notifier: OpsNotifier;
  /** Sends one signed request (functions/webhooks/http-sender.ts). */
  send: (request: { url: string; headers: Record<string, string>; body: string }) => Promise<WebhookResponse>;
  /** Refuses URLs that must not be reached (SSRF on AWS); undefined when the URL may be used. */
  refuse: (url: string) => Promise<string | undefined>;
  /** The product's time: when attempts are due. */
  now: () => Date;
  /** Real time, for `webhook-timestamp`: receivers compare it with their own clock. */
  wallClock: () => Date;
  random?: () => number;
  /** Where `dataref` points: this API's public base URL. */
  apiBaseUrl: string;
}

/**
 * Fans a notice out to its corporation's endpoints that subscribe to its kind: one delivery each, keyed by
 * the notice, so a second fan-out of the same notice (the stream and the sweeper both) writes nothing new.
 * A disabled endpoint gets its delivery parked, so re-enabling it and replaying delivers what it missed.
 */
export function fanOut(deps: DeliveryDeps, event: OutboxEvent): Promise<DeliveryRef[]> {
  // Under the correlation id of the change that wrote the notice: its queue messages carry it on.
  return withCorrelation(event.correlationId, () => fanOutNow(deps, event));
}

async function fanOutNow(deps: DeliveryDeps, event: OutboxEvent): Promise<DeliveryRef[]> {
  const endpoints = event.endpointId
    ? [await deps.endpoints.get(event.corporatieId, event.providerId, event.endpointId)].filter((e): e is Endpoint =>
        Boolean(e),
      )
    : await deps.endpoints.ofCorporation(event.corporatieId, event.providerId);
  const now = deps.now().toISOString();
  const deliveries: Delivery[] = endpoints
    .filter((e) => event.endpointId || e.soorten.includes(event.soort))
    .map((e) => ({
      endpointId: e.id,
      corporatieId: e.corporatieId,
      providerId: e.providerId,
      eventId: event.id,
      at: event.time,
      soort: event.soort,
      type: event.type,
      status: e.actief ? 'wachtend' : 'geparkeerd',
      pogingen: [],
      rondeStart: 0,
      ...(e.actief ? { volgendePoging: now } : {}),
    }));
  await deps.deliveries.fanOut(event, deliveries);
  const waiting = deliveries.filter((d) => d.status === 'wachtend').map(refOf);
  await deps.queue.enqueue(waiting);
  const parked = deliveries.length - waiting.length;
  for (let i = 0; i < parked; i++) countBusinessEvent('WebhookDeliveryParked');
  logger.info('webhook fan-out', { eventId: event.id, soort: event.soort, deliveries: deliveries.length, parked });
  return waiting;
}

/** One attempt of one delivery, if it is due and nobody else holds it. */
export async function attempt(deps: DeliveryDeps, ref: DeliveryRef): Promise<Delivery['status'] | 'niet-aan-de-beurt'> {
  const now = deps.now();
  const claimed = await deps.deliveries.claim(ref, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
  if (!claimed) return 'niet-aan-de-beurt';
  const [endpoint, event] = await Promise.all([
    deps.endpoints.get(ref.corporatieId, ref.providerId, ref.endpointId),
    deps.deliveries.outboxEvent(ref.eventId),
  ]);
  // The attempt logs (and queues its retry) under the notice's correlation id, whoever queued it (the sweeper,
  // a replay); who queued it, when that was someone else, is on the line as `queuedBy`.
  const queuedBy = currentCorrelationId();
  const by = queuedBy && event?.correlationId && queuedBy !== event.correlationId ? { queuedBy } : {};
  return withCorrelation(event?.correlationId, async () => {
    if (!endpoint?.actief || !event) {
      const { after } = afterAttempt(claimed, { latencyMs: 0, error: 'endpoint-uit' }, now);
      await deps.deliveries.settle(claimed, after);
      logger.info('webhook attempt', {
        endpointId: ref.endpointId,
        eventId: ref.eventId,
        status: 'endpoint-uit',
        outcome: after.status,
        ...by,
      });
      if (after.status === 'geparkeerd') countBusinessEvent('WebhookDeliveryParked');
      return after.status;
    }
    const outcome = await send(deps, endpoint, event);
    const { after, effect } = afterAttempt(claimed, outcome, now, deps.random);
    await deps.deliveries.settle(claimed, after);
    await reportHealth(deps, endpoint, effect, now);
    logger.info('webhook attempt', {
      endpointId: ref.endpointId,
      eventId: ref.eventId,
      status: outcome.status ?? outcome.error,
      outcome: after.status,
      ...by,
    });
    countOutcome(after.status, effect);
    if (after.status === 'wachtend' && after.volgendePoging) {
      const delaySeconds = (Date.parse(after.volgendePoging) - now.getTime()) / 1000;
      // Short waits ride the queue's delay; longer ones are found by the sweeper when due.
      if (delaySeconds <= MAX_QUEUE_DELAY_SECONDS) await deps.queue.enqueue([ref], delaySeconds);
    }
    return after.status;
  });
}

/** Delivered, or a failed attempt (and parked when it was the last one or the endpoint is off). */
function countOutcome(status: Delivery['status'], effect: 'succeeded' | 'failed' | 'gone'): void {
  if (effect === 'succeeded') {
    countBusinessEvent('WebhookDelivered');
    return;
  }
  countBusinessEvent('WebhookDeliveryFailed');
  if (status === 'geparkeerd') countBusinessEvent('WebhookDeliveryParked');
}

async function send(
  deps: DeliveryDeps,
  endpoint: Endpoint,
  event: OutboxEvent,
): Promise<Parameters<typeof afterAttempt>[1]> {
  const refused = await deps.refuse(endpoint.url);
  if (refused) return { latencyMs: 0, error: 'blocked-address' };
  const provider = await deps.organisations.organisation(event.providerId);
  if (!provider?.kvkNummer) throw new Error('the provider has no KvK number: its notices cannot name their source');
  const body = JSON.stringify(toCloudEvent(event, { kvkNummer: provider.kvkNummer, apiBaseUrl: deps.apiBaseUrl }));
  const wall = deps.wallClock().getTime();
  // During a rotation the old secret signs too, until it expires.
  const secrets = await Promise.all(
    endpoint.secrets
      .filter((s) => !s.verlooptOp || Date.parse(s.verlooptOp) > wall)
      .map((s) => deps.vault.open(s.sealed)),
  );
  const headers = webhookHeaders({ id: event.id, timestamp: Math.floor(wall / 1000), body, secrets });
  return deps.send({ url: endpoint.url, headers, body });
}

async function reportHealth(
  deps: DeliveryDeps,
  endpoint: Endpoint,
  effect: 'succeeded' | 'failed' | 'gone',
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (effect === 'succeeded') return deps.endpoints.recordSuccess(endpoint, at);
  const failing = await deps.endpoints.recordFailure(endpoint, at);
  const reden =
    effect === 'gone'
      ? 'gone'
      : shouldDisableForSustainedFailure(failing?.faaltSinds, now)
        ? 'aanhoudend-falen'
        : undefined;
  if (!reden || !failing?.actief) return;
  await deps.endpoints.disable(endpoint, at, reden);
  countBusinessEvent('WebhookEndpointDisabled');
  await deps.notifier.endpointDisabled({ corporatieId: endpoint.corporatieId, endpointId: endpoint.id, reden });
}

/**
 * The safety net, every minute on AWS: notices the stream did not fan out, and deliveries that are due
 * (a wait longer than the queue's delay, a worker that crashed between sending and recording).
 */
export async function sweep(deps: DeliveryDeps, limit = 200): Promise<{ fannedOut: number; queued: number }> {
  const now = deps.now();
  const stale = await deps.deliveries.pendingOutbox(new Date(now.getTime() - OUTBOX_GRACE_MS).toISOString(), limit);
  for (const event of stale) await fanOut(deps, event);
  const due = await deps.deliveries.due(now.toISOString(), limit);
  await deps.queue.enqueue(due);
  return { fannedOut: stale.length, queued: due.length };
}
