/**
 * When to try a delivery again, and what a receiver's answer means. Pure: the caller passes the time.
 *
 * The schedule is the one the Standard Webhooks specification recommends: attempt 1 at once, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h. Ten attempts over about three days, so a
 * corporation's weekend outage costs no events; after the tenth the delivery is parked for a person.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The wait after attempt n is `RETRY_DELAYS_MS[n - 1]`; after the last one there is none. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Spreads retries so that deliveries that failed together (one outage) do not return together. */
const JITTER = 0.1;
/** A receiver may ask for a longer pause (Retry-After), but not for more than a day per step. */
const MAX_RETRY_AFTER_MS = DAY;

export interface NextAttemptInput {
  /** Attempts made so far, the one that just failed included (≥ 1). */
  attempt: number;
  now: Date;
  /** In [0, 1); injectable so tests can switch the jitter off (0.5) or pin it. */
  random?: () => number;
  /** From the receiver's Retry-After (429 or 503). */
  retryAfterSeconds?: number;
}

/** When to make the next attempt, or undefined when the attempts are used up (park the delivery). */
export function nextAttemptAt(input: NextAttemptInput): Date | undefined {
  const { attempt, now, random = Math.random, retryAfterSeconds } = input;
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a whole number ≥ 1, got ${attempt}`);
  const scheduled = RETRY_DELAYS_MS[attempt - 1];
  if (scheduled === undefined) return undefined;
  const jittered = scheduled * (1 + (random() * 2 - 1) * JITTER);
  const asked =
    retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0
      ? Math.min(retryAfterSeconds * SECOND, MAX_RETRY_AFTER_MS)
      : 0;
  return new Date(now.getTime() + Math.round(Math.max(jittered, asked)));
}

export interface DeliveryOutcome {
  status?: number;
  /** `blocked-address`: the host resolved to an address we do not deliver to (see address-guard.ts). */
  error?: 'timeout' | 'network' | 'blocked-address';
  retryAfterHeader?: string | null;
}

export type Classification = { kind: 'delivered' } | { kind: 'retry'; retryAfterSeconds?: number } | { kind: 'gone' };

/**
 * Only a 2xx is a delivery. A redirect is not followed (it could point anywhere, inside our network
 * included), so it counts as a failure like any other status; 410 Gone is the receiver telling us the
 * endpoint no longer exists, and disables it. A blocked address is retried too: DNS may be corrected, and
 * if it is not the sustained-failure rule disables the endpoint.
 *
 * `now` is only used for a Retry-After given as an HTTP date. It defaults to the real time, not the
 * local runtime's shifted clock: the receiver's date is real time.
 */
export function classifyResponse(outcome: DeliveryOutcome, now: Date = new Date()): Classification {
  const { status, error } = outcome;
  if (error !== undefined || status === undefined) return { kind: 'retry' };
  if (status >= 200 && status <= 299) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (status === 429 || status === 503) {
    const retryAfterSeconds = parseRetryAfter(outcome.retryAfterHeader, now);
    return retryAfterSeconds === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterSeconds };
  }
  return { kind: 'retry' };
}

const HTTP_DATE_SHAPE = /^[A-Za-z]{3,9},? .*\b\d{2}:\d{2}:\d{2}\b/;

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // Date.parse alone takes '-5' or '7' for a year; an HTTP date (IMF-fixdate, RFC 850 or asctime) starts
  // with the day's name and holds a time of day.
  if (!HTTP_DATE_SHAPE.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / SECOND));
}

/**
 * An endpoint that has failed every delivery for `days` days is disabled, so a corporation that moved
 * its receiver does not keep a queue growing for ever. `failingSince` is the ISO instant of the first
 * failure since the last success; an unreadable one never disables.
 */
export function shouldDisableForSustainedFailure(failingSince: string | undefined, now: Date, days = 5): boolean {
  if (failingSince === undefined) return false;
  const since = Date.parse(failingSince);
  if (Number.isNaN(since)) return false;
  return now.getTime() - since >= days * DAY;
}
