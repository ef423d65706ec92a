import type { Attempt, Delivery } from '../../shared/domain/notices/webhook-schemas';
import { classifyResponse, nextAttemptAt } from './retry-schedule';

export type EndpointEffect = 'succeeded' | 'failed' | 'gone';

/**
 * What an attempt makes of a delivery, as a pure rule: delivered on a 2xx; otherwise waiting for the next
 * attempt of the Standard Webhooks schedule (counted from the start of the current round, so a replay gets
 * the whole schedule again), or parked when the schedule is used up or the receiver said 410 Gone.
 */
export function afterAttempt(
  claimed: Delivery,
  outcome: {
    status?: number | undefined;
    latencyMs: number;
    error?: Attempt['fout'];
    retryAfterHeader?: string | null | undefined;
  },
  now: Date,
  random: () => number = Math.random,
): { after: Delivery; effect: EndpointEffect } {
  const { leaseTot: _lease, volgendePoging: _due, ...rest } = claimed;
  const attempt: Attempt = {
    op: now.toISOString(),
    latencyMs: outcome.latencyMs,
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    ...(outcome.error ? { fout: outcome.error } : {}),
  };
  const pogingen = [...claimed.pogingen, attempt];
  if (outcome.error === 'endpoint-uit') return { after: { ...rest, pogingen, status: 'geparkeerd' }, effect: 'failed' };
  const verdict = classifyResponse({
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    retryAfterHeader: outcome.retryAfterHeader ?? null,
  });
  if (verdict.kind === 'delivered')
    return { after: { ...rest, pogingen, status: 'afgeleverd', afgeleverdOp: attempt.op }, effect: 'succeeded' };
  if (verdict.kind === 'gone') return { after: { ...rest, pogingen, status: 'geparkeerd' }, effect: 'gone' };
  const next = nextAttemptAt({
    attempt: pogingen.length - claimed.rondeStart,
    now,
    random,
    ...(verdict.retryAfterSeconds !== undefined ? { retryAfterSeconds: verdict.retryAfterSeconds } : {}),
  });
  return next
    ? { after: { ...rest, pogingen, status: 'wachtend', volgendePoging: next.toISOString() }, effect: 'failed' }
    : { after: { ...rest, pogingen, status: 'geparkeerd' }, effect: 'failed' };
}
