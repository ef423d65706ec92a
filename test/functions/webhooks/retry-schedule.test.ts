import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
  classifyResponse,
  nextAttemptAt,
  parseRetryAfter,
  shouldDisableForSustainedFailure,
} from '../../../functions/webhooks/retry-schedule';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const start = new Date('2027-03-05T16:00:00Z');
const noJitter = () => 0.5;

describe('retry schedule', () => {
  it('follows the Standard Webhooks schedule and parks the delivery after the 10th attempt, about 3 days in', () => {
    const waits: number[] = [];
    let at: Date | undefined = start;
    let attempt = 1;
    for (; ; attempt++) {
      const next = nextAttemptAt({ attempt, now: at, random: noJitter });
      if (!next) break;
      waits.push(next.getTime() - at.getTime());
      at = next;
    }

    expect(attempt).toBe(10);
    expect(MAX_ATTEMPTS).toBe(10);
    expect(waits).toEqual([
      5 * SECOND,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      14 * HOUR,
      20 * HOUR,
      24 * HOUR,
    ]);
    expect(at.getTime() - start.getTime()).toBe(75 * HOUR + 35 * MINUTE + 5 * SECOND);
  });

  it('refuses an attempt count below 1', () => {
    expect(() => nextAttemptAt({ attempt: 0, now: start })).toThrow(RangeError);
    expect(() => nextAttemptAt({ attempt: 1.5, now: start })).toThrow(RangeError);
  });

  it('keeps the jitter within ±10 % of every step (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const wait = nextAttemptAt({ attempt, now: start, random: () => r })!.getTime() - start.getTime();
          const step = RETRY_DELAYS_MS[attempt - 1]!;
          return wait >= Math.floor(step * 0.9) && wait <= Math.ceil(step * 1.1);
        },
      ),
    );
    expect(nextAttemptAt({ attempt: 4, now: start, random: () => 0 })!.getTime() - start.getTime()).toBe(1.8 * HOUR);
    expect(nextAttemptAt({ attempt: 4, now: start, random: () => 0.999999 })!.getTime() - start.getTime()).toBeCloseTo(
      2.2 * HOUR,
      -2,
    );
  });

  it("honours a receiver's Retry-After that asks for longer than the schedule", () => {
    const at = nextAttemptAt({ attempt: 1, now: start, random: noJitter, retryAfterSeconds: 120 });
    expect(at).toEqual(new Date(start.getTime() + 120 * SECOND));
  });

  it('keeps the schedule when Retry-After asks for less', () => {
    const at = nextAttemptAt({ attempt: 3, now: start, random: noJitter, retryAfterSeconds: 60 });
    expect(at).toEqual(new Date(start.getTime() + 30 * MINUTE));
  });

  it('caps Retry-After at 24 hours', () => {
    const at = nextAttemptAt({ attempt: 2, now: start, random: noJitter, retryAfterSeconds: 7 * 24 * 3600 });
    expect(at).toEqual(new Date(start.getTime() + 24 * HOUR));
  });

  it('parks the delivery after the 10th attempt whatever Retry-After says', () => {
    expect(nextAttemptAt({ attempt: 10, now: start, retryAfterSeconds: 60 })).toBeUndefined();
  });
});

describe('classifying a response', () => {
  const now = new Date('2027-03-05T16:00:00Z');

  it.each([
    [200, { kind: 'delivered' }],
    [204, { kind: 'delivered' }],
    [301, { kind: 'retry' }],
    [302, { kind: 'retry' }],
    [400, { kind: 'retry' }],
    [404, { kind: 'retry' }],
    [410, { kind: 'gone' }],
    [500, { kind: 'retry' }],
  ])('%i is %o', (status, expected) => {
    expect(classifyResponse({ status }, now)).toEqual(expected);
  });

  it('reads Retry-After in seconds on 429 and 503', () => {
    expect(classifyResponse({ status: 429, retryAfterHeader: '120' }, now)).toEqual({
      kind: 'retry',
      retryAfterSeconds: 120,
    });
    expect(classifyResponse({ status: 503, retryAfterHeader: ' 3600 ' }, now)).toEqual({
      kind: 'retry',
      retryAfterSeconds: 3600,
    });
  });

  it('reads Retry-After as an HTTP date', () => {
    expect(classifyResponse({ status: 429, retryAfterHeader: 'Fri, 05 Mar 2027 16:30:00 GMT' }, now)).toEqual({
      kind: 'retry',
      retryAfterSeconds: 1800,
    });
    expect(parseRetryAfter('Friday, 05-Mar-27 16:30:00 GMT', now)).toBe(1800);
    expect(parseRetryAfter('Fri, 05 Mar 2027 15:00:00 GMT', now)).toBe(0);
  });

  it('retries without a pause of its own when Retry-After is missing or unreadable', () => {
    expect(classifyResponse({ status: 503 }, now)).toEqual({ kind: 'retry' });
    expect(classifyResponse({ status: 503, retryAfterHeader: null }, now)).toEqual({ kind: 'retry' });
    expect(classifyResponse({ status: 429, retryAfterHeader: 'soon' }, now)).toEqual({ kind: 'retry' });
    expect(classifyResponse({ status: 429, retryAfterHeader: '-5' }, now)).toEqual({ kind: 'retry' });
    expect(classifyResponse({ status: 429, retryAfterHeader: '2027' }, now)).toEqual({
      kind: 'retry',
      retryAfterSeconds: 2027,
    });
  });

  it('ignores Retry-After on other statuses', () => {
    expect(classifyResponse({ status: 500, retryAfterHeader: '120' }, now)).toEqual({ kind: 'retry' });
  });

  it.each(['timeout', 'network', 'blocked-address'] as const)('retries after a %s', (error) => {
    expect(classifyResponse({ error }, now)).toEqual({ kind: 'retry' });
  });
});

describe('sustained failure', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('disables an endpoint that has failed for 5 days', () => {
    expect(shouldDisableForSustainedFailure('2027-03-05T12:00:00Z', now)).toBe(true);
    expect(shouldDisableForSustainedFailure('2027-03-01T00:00:00Z', now)).toBe(true);
  });

  it('keeps an endpoint that has failed for less than 5 days, or is not failing', () => {
    expect(shouldDisableForSustainedFailure('2027-03-05T12:00:01Z', now)).toBe(false);
    expect(shouldDisableForSustainedFailure(undefined, now)).toBe(false);
    expect(shouldDisableForSustainedFailure('not a date', now)).toBe(false);
  });

  it('takes another number of days', () => {
    expect(shouldDisableForSustainedFailure('2027-03-08T12:00:00Z', now, 2)).toBe(true);
    expect(shouldDisableForSustainedFailure('2027-03-08T12:00:00Z', now, 3)).toBe(false);
  });
});
