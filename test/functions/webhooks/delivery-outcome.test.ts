import { describe, expect, it } from 'vitest';
import { afterAttempt } from '../../../functions/webhooks/delivery-outcome';
import { noticeTypes } from '../../../shared/domain/notices/notices';
import { Delivery, type Attempt } from '../../../shared/domain/notices/webhook-schemas';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const now = new Date('2027-03-05T16:00:00.000Z');
const noJitter = () => 0.5;
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();

/** A delivery a worker has just claimed: due now, leased for 30 seconds. */
function claimed(overrides: Partial<Delivery> = {}): Delivery {
  return {
    endpointId: 'ep-1',
    corporatieId: 'corp-rijnhoven',
    providerId: 'org-overstap',
    eventId: 'evt-1',
    at: '2027-03-05T15:59:00.000Z',
    soort: 'verhuisd',
    type: noticeTypes.verhuisd,
    status: 'wachtend',
    pogingen: [],
    rondeStart: 0,
    volgendePoging: now.toISOString(),
    leaseTot: later(30 * SECOND),
    ...overrides,
  };
}

const failed = (n: number): Attempt[] =>
  Array.from({ length: n }, (_, i) => ({
    op: new Date(now.getTime() - (n - i) * MINUTE).toISOString(),
    status: 500,
    latencyMs: 40,
  }));

describe('afterAttempt', () => {
  it('delivers on a 2xx and records the attempt', () => {
    // Prepare
    const delivery = claimed();

    // Act
    const ok = afterAttempt(delivery, { status: 200, latencyMs: 123 }, now, noJitter);
    const noContent = afterAttempt(delivery, { status: 204, latencyMs: 80 }, now, noJitter);

    // Assess
    expect(ok.effect).toBe('succeeded');
    expect(ok.after.status).toBe('afgeleverd');
    expect(ok.after.afgeleverdOp).toBe(now.toISOString());
    expect(ok.after.pogingen).toEqual([{ op: now.toISOString(), status: 200, latencyMs: 123 }]);
    expect(noContent.after.status).toBe('afgeleverd');
    expect(Delivery.parse(ok.after)).toEqual(ok.after);
  });

  it('waits after a 500 by the schedule: 5 seconds after the first attempt, 5 minutes after the second', () => {
    // Prepare
    const first = claimed();
    const second = claimed({ pogingen: failed(1) });

    // Act
    const afterFirst = afterAttempt(first, { status: 500, latencyMs: 40 }, now, noJitter);
    const afterSecond = afterAttempt(second, { status: 500, latencyMs: 40 }, now, noJitter);

    // Assess
    expect(afterFirst).toEqual({
      after: expect.objectContaining({ status: 'wachtend', volgendePoging: later(5 * SECOND) }),
      effect: 'failed',
    });
    expect(afterSecond.after.volgendePoging).toBe(later(5 * MINUTE));
    expect(afterSecond.after.pogingen).toHaveLength(2);
    expect(afterSecond.after.pogingen[1]).toEqual({ op: now.toISOString(), status: 500, latencyMs: 40 });
    expect(afterFirst.after.afgeleverdOp).toBeUndefined();
  });

  it('counts attempts from the start of the round, so a replayed delivery gets the whole schedule again', () => {
    // Prepare
    const replayed = claimed({ pogingen: failed(10), rondeStart: 10 });
    const replayedOnce = claimed({ pogingen: failed(11), rondeStart: 10 });

    // Act
    const first = afterAttempt(replayed, { status: 500, latencyMs: 40 }, now, noJitter);
    const second = afterAttempt(replayedOnce, { status: 500, latencyMs: 40 }, now, noJitter);

    // Assess
    expect(first.after).toEqual(
      expect.objectContaining({ status: 'wachtend', volgendePoging: later(5 * SECOND), rondeStart: 10 }),
    );
    expect(first.after.pogingen).toHaveLength(11);
    expect(second.after.volgendePoging).toBe(later(5 * MINUTE));
  });

  it('parks the delivery at the 10th failure of a round', () => {
    // Prepare
    const ninthDone = claimed({ pogingen: failed(9) });

    // Act
    const { after, effect } = afterAttempt(ninthDone, { status: 500, latencyMs: 40 }, now, noJitter);

    // Assess
    expect(after.status).toBe('geparkeerd');
    expect(after.pogingen).toHaveLength(10);
    expect(after.volgendePoging).toBeUndefined();
    expect(effect).toBe('failed');
  });

  it('parks on 410 Gone, with the effect that disables the endpoint', () => {
    // Prepare
    const delivery = claimed();

    // Act
    const { after, effect } = afterAttempt(delivery, { status: 410, latencyMs: 55 }, now, noJitter);

    // Assess
    expect(effect).toBe('gone');
    expect(after.status).toBe('geparkeerd');
    expect(after.pogingen).toEqual([{ op: now.toISOString(), status: 410, latencyMs: 55 }]);
    expect(after.volgendePoging).toBeUndefined();
  });

  it('waits as long as a 429 asks with Retry-After, when that is longer than the schedule', () => {
    // Prepare
    const delivery = claimed();

    // Act
    const { after, effect } = afterAttempt(
      delivery,
      { status: 429, latencyMs: 12, retryAfterHeader: '120' },
      now,
      noJitter,
    );

    // Assess
    expect(effect).toBe('failed');
    expect(after.status).toBe('wachtend');
    expect(after.volgendePoging).toBe(later(120 * SECOND));
  });

  it('parks a delivery to an endpoint that is switched off, recording why without a status', () => {
    // Prepare
    const delivery = claimed({ pogingen: failed(1) });

    // Act
    const { after, effect } = afterAttempt(delivery, { latencyMs: 0, error: 'endpoint-uit' }, now, noJitter);

    // Assess
    expect(effect).toBe('failed');
    expect(after.status).toBe('geparkeerd');
    expect(after.pogingen[1]).toEqual({ op: now.toISOString(), fout: 'endpoint-uit', latencyMs: 0 });
    expect(after.volgendePoging).toBeUndefined();
  });

  it('retries a timeout by the schedule, recording the error', () => {
    // Prepare
    const delivery = claimed();

    // Act
    const { after } = afterAttempt(delivery, { latencyMs: 10_000, error: 'timeout' }, now, noJitter);

    // Assess
    expect(after.status).toBe('wachtend');
    expect(after.volgendePoging).toBe(later(5 * SECOND));
    expect(after.pogingen).toEqual([{ op: now.toISOString(), fout: 'timeout', latencyMs: 10_000 }]);
  });

  it('removes the lease and the previous due time from every result', () => {
    // Prepare
    const delivery = claimed({ volgendePoging: '2027-03-05T15:00:00.000Z' });
    const outcomes = [
      { status: 200, latencyMs: 1 },
      { status: 410, latencyMs: 1 },
      { latencyMs: 0, error: 'endpoint-uit' as const },
    ];

    // Act
    const results = outcomes.map((o) => afterAttempt(delivery, o, now, noJitter).after);
    const retried = afterAttempt(delivery, { status: 503, latencyMs: 1 }, now, noJitter).after;

    // Assess
    for (const after of results) {
      expect(after).not.toHaveProperty('leaseTot');
      expect(after).not.toHaveProperty('volgendePoging');
    }
    expect(retried).not.toHaveProperty('leaseTot');
    expect(retried.volgendePoging).toBe(later(5 * SECOND));
    expect(delivery.leaseTot).toBeDefined();
    expect(delivery.pogingen).toEqual([]);
  });
});
