import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditEntry, RefusedRequest } from '../../shared/domain/audit/audit';
import { isTemporaryFailure } from '../aws-failures';
import { logger } from '../observability/logger';
import {
  UnprocessedAuditEntriesError,
  type AuditLog,
  type AuditParking,
  type ParkedAudit,
  type WriteOptions,
} from './ports';

/**
 * How audit writes are retried, on top of the SDK's own attempts (functions/runtime.ts): under load a table
 * throttles or times out for longer than those ride out. Exponential backoff with full jitter, a bounded number
 * of rounds, and never past the Lambda's time: what is left is kept back (`reserveMs`) to answer or to park.
 */
export const auditRetry = {
  attempts: 4,
  firstDelayMs: 100,
  maxDelayMs: 1_000,
  reserveMs: 1_500,
  minimumMs: 1_000,
} as const;

/** The moment audit writes must be done by: the Lambda's time, less the reserve. */
export function auditDeadline(context?: { getRemainingTimeInMillis?: () => number }): number {
  const remaining = context?.getRemainingTimeInMillis?.() ?? 10_000;
  return Date.now() + Math.max(remaining - auditRetry.reserveMs, auditRetry.minimumMs);
}

const retryable = (error: unknown) => error instanceof UnprocessedAuditEntriesError || isTemporaryFailure(error);

/** Runs an audit write until it succeeds, fails for good, runs out of rounds or would pass the deadline. */
export async function withAuditRetries(
  write: (options: WriteOptions) => Promise<void>,
  deadline: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The write itself is cut off at the deadline: a silent socket does not use up the Lambda.
      await write({ signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 1)) });
      return;
    } catch (error) {
      const delay = Math.random() * Math.min(auditRetry.maxDelayMs, auditRetry.firstDelayMs * 2 ** (attempt - 1));
      if (attempt >= auditRetry.attempts || !retryable(error) || Date.now() + delay >= deadline) throw error;
      await sleep(delay);
    }
  }
}

/** Where a refusal's entry went: into the audit table, or parked for the replay. */
export type RefusalRecorded = 'geschreven' | 'geparkeerd';

/**
 * A refusal's entries: written (with retries), or else parked where `npm run replay-audit` writes them later.
 * Throws only when they could be neither written nor parked.
 */
export async function recordRefusal(
  audit: AuditLog,
  parking: AuditParking | undefined,
  parked: ParkedAudit,
  deadline: number,
): Promise<RefusalRecorded> {
  const count = parked.soort === 'toegang' ? parked.entries.length : parked.refusals.length;
  if (!count) return 'geschreven';
  try {
    await withAuditRetries((options) => write(audit, parked, options), deadline);
    return 'geschreven';
  } catch (error) {
    if (!parking) throw error;
    await parking.park(parked);
    logger.warn('audit entries parked', { count, soort: parked.soort, errorName: (error as Error).name });
    return 'geparkeerd';
  }
}

/** Writes what was parked (the replay); the same entries written twice are one record each. */
export function write(audit: AuditLog, parked: ParkedAudit, options: WriteOptions = {}): Promise<void> {
  return parked.soort === 'toegang'
    ? audit.append(parked.entries, options)
    : audit.appendRefusedRequests(parked.refusals, options);
}

export const parkedEntries = (entries: AuditEntry[]): ParkedAudit => ({ soort: 'toegang', entries });
export const parkedRefusals = (refusals: RefusedRequest[]): ParkedAudit => ({ soort: 'weigering', refusals });
