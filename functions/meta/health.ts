import type { Health } from '../../shared/api/contract';

/** One dependency's check: resolves true when it answers as it should; false, a throw or no answer in time is failing. */
export type HealthCheck = () => Promise<boolean>;

/**
 * Runs every check at once, each bounded by `timeoutMs`, so a hanging dependency makes the answer say so
 * rather than make it late. The answer names the parts and says ok or failing: nothing more leaves (no error
 * texts, no names of tables or queues).
 */
export async function checkHealth(checks: Record<string, HealthCheck>, timeoutMs = 1500): Promise<Health> {
  const results = await Promise.all(
    Object.entries(checks).map(
      async ([part, check]) =>
        [
          part,
          (await withTimeout(Promise.resolve().then(check), timeoutMs).catch(() => false)) ? 'ok' : 'failing',
        ] as const,
    ),
  );
  return { status: results.every(([, r]) => r === 'ok') ? 'ok' : 'degraded', checks: Object.fromEntries(results) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
