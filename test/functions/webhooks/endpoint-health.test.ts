import { describe, expect, it } from 'vitest';
import { healthOf } from '../../../functions/webhooks/endpoint-health';
import { noticeTypes } from '../../../shared/domain/notices/notices';
import type { Attempt, Delivery } from '../../../shared/domain/notices/webhook-schemas';

let n = 0;
function delivery(
  status: Delivery['status'],
  pogingen: Array<Pick<Attempt, 'status' | 'fout' | 'latencyMs'>>,
): Delivery {
  n++;
  return {
    endpointId: 'ep-1',
    corporatieId: 'corp-rijnhoven',
    providerId: 'org-overstap',
    eventId: `evt-${n}`,
    at: '2027-03-05T16:00:00.000Z',
    soort: 'verhuisd',
    type: noticeTypes.verhuisd,
    status,
    pogingen: pogingen.map((p) => ({ op: '2027-03-05T16:00:01.000Z', ...p })),
    rondeStart: 0,
  };
}

describe('healthOf', () => {
  it('counts deliveries by status, the share of attempts that succeeded, and the median latency of the answers', () => {
    // Prepare
    const recent = [
      delivery('afgeleverd', [
        { status: 500, latencyMs: 900 },
        { status: 200, latencyMs: 120 },
      ]),
      delivery('afgeleverd', [{ status: 204, latencyMs: 80 }]),
      delivery('wachtend', [
        { status: 503, latencyMs: 300 },
        { fout: 'timeout', latencyMs: 10_000 },
      ]),
      delivery('wachtend', []),
      delivery('geparkeerd', [{ status: 410, latencyMs: 60 }]),
    ];

    // Act
    const health = healthOf(recent);

    // Assess: 2 of 6 attempts succeeded; latencies of the 5 answers 60, 80, 120, 300, 900 (a timeout is no answer).
    expect(health).toEqual({ afgeleverd: 2, wachtend: 2, geparkeerd: 1, succesPercentage: 33, mediaanLatencyMs: 120 });
  });

  it('gives 100 percent when every attempt succeeded', () => {
    expect(healthOf([delivery('afgeleverd', [{ status: 200, latencyMs: 50 }])])).toEqual({
      afgeleverd: 1,
      wachtend: 0,
      geparkeerd: 0,
      succesPercentage: 100,
      mediaanLatencyMs: 50,
    });
  });

  it('gives zeros and no percentage or latency for no deliveries', () => {
    // Act
    const health = healthOf([]);

    // Assess
    expect(health).toEqual({ afgeleverd: 0, wachtend: 0, geparkeerd: 0 });
    expect(health).not.toHaveProperty('succesPercentage');
    expect(health).not.toHaveProperty('mediaanLatencyMs');
  });

  it('gives no percentage for deliveries not attempted yet, and no latency when nothing answered', () => {
    expect(healthOf([delivery('wachtend', [])])).toEqual({ afgeleverd: 0, wachtend: 1, geparkeerd: 0 });
    expect(healthOf([delivery('wachtend', [{ fout: 'network', latencyMs: 5 }])])).toEqual({
      afgeleverd: 0,
      wachtend: 1,
      geparkeerd: 0,
      succesPercentage: 0,
    });
  });
});
