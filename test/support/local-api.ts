import type { RunningLanding } from '../../infra/local/landing';

/** A signed-in client of the locally running product, for tests that drive it over HTTP. */
export async function localApi(landing: RunningLanding, userId: string) {
  const signIn = await fetch(`${landing.url}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
  const { token } = (await signIn.json()) as { token: string };
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${landing.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    call,
    /** Moves the product's clock forward and lets every workflow it wakes finish. */
    advanceDays: (days: number) => advance(landing, { advanceDays: days }),
    advanceHours: (hours: number) => advance(landing, { advanceHours: hours }),
  };
}

async function advance(landing: RunningLanding, step: { advanceDays: number } | { advanceHours: number }): Promise<void> {
  const response = await fetch(`${landing.url}/local/clock`, { method: 'POST', body: JSON.stringify(step) });
  if (!response.ok) throw new Error(`the clock did not move: ${response.status}`);
  await settle(landing);
}

/** Waits until nothing is in flight: workflow executions, the table stream, deliveries (each may start others). */
export async function settle(landing: RunningLanding): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await landing.settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
