import type { Delivery } from '../../shared/domain/notices/webhook-schemas';

/** A summary of an endpoint's recent deliveries: counts by status, the share of attempts that succeeded, median latency. */
export function healthOf(recent: readonly Delivery[]) {
  const count = (status: Delivery['status']) => recent.filter((d) => d.status === status).length;
  const attempts = recent.flatMap((d) => d.pogingen);
  const succeeded = attempts.filter((a) => a.status !== undefined && a.status >= 200 && a.status < 300).length;
  const latencies = attempts
    .filter((a) => a.status !== undefined)
    .map((a) => a.latencyMs)
    .sort((a, b) => a - b);
  return {
    afgeleverd: count('afgeleverd'),
    wachtend: count('wachtend'),
    geparkeerd: count('geparkeerd'),
    ...(attempts.length ? { succesPercentage: Math.round((succeeded / attempts.length) * 100) } : {}),
    ...(latencies.length ? { mediaanLatencyMs: latencies[Math.floor(latencies.length / 2)]! } : {}),
  };
}
