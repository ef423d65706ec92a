import { expect } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { addDays, type IsoDate } from '../../shared/domain/common/calendar';
import type { Transition } from '../../shared/domain/transition/transition';

export type ApiCall = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/** A client of the local product at `baseUrl`, signed in as one of its seeded users. */
export async function signedIn(baseUrl: string, userId: string): Promise<ApiCall> {
  const signIn = await fetch(`${baseUrl}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
  const { token } = (await signIn.json()) as { token: string };
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}

/** One change of a transition over the API, on the version the caller last saw; answers the new version. */
export async function changeTransition(
  call: ApiCall,
  t: Transition,
  method: string,
  route: string,
  body: Record<string, unknown>,
): Promise<Transition> {
  const response = await call<Transition>(method, `/api/transitions/${t.id}${route}`, {
    ...body,
    expectedVersion: t.version,
  });
  expect(response.status, `${route}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/**
 * As a caseworker takes it: the voorbereiding done, a woning of Rijnhoven offered (available in 30 days) and
 * accepted or declined. Answers the transition as the last change left it.
 */
export async function decideOnAWoning(
  call: ApiCall,
  t: Transition,
  options: { today: IsoDate; straat: string; huisnummer: string; besluit?: 'geaccepteerd' | 'afgewezen' },
): Promise<Transition> {
  const { today, besluit = 'geaccepteerd' } = options;
  const change = (current: Transition, method: string, route: string, body: Record<string, unknown>) =>
    changeTransition(call, current, method, route, body);
  t = await change(t, 'POST', '/fase', { naar: 'voorbereiding', reden: 'Intake' });
  for (const item of ['schulden-stabiel', 'budgetbeheer', 'overdrachtsformulier', 'signaleringsplan'])
    t = await change(t, 'PUT', `/gereedheid/${item}`, { gedaan: true });
  t = await change(t, 'POST', '/fase', { naar: 'woning', reden: 'Klaar voor een woning' });
  t = await change(t, 'POST', '/aanbiedingen', {
    corporatieId: 'org-rijnhoven',
    adres: { straat: options.straat, huisnummer: options.huisnummer, postcode: '3526 EP', plaats: 'Utrecht' },
    wijk: 'Kanaleneiland',
    huurPerMaandCent: 61_500,
    beschikbaarVanaf: addDays(today, 30),
    reactieUiterlijk: addDays(today, 10),
  });
  return change(t, 'POST', `/aanbiedingen/${t.aanbiedingen.at(-1)!.id}/besluit`, {
    besluit,
    ...(besluit === 'afgewezen' ? { reden: 'Te ver van de dagbesteding' } : {}),
  });
}

/** A signed-in client of the locally running product, for tests that drive it over HTTP. */
export async function localApi(landing: RunningLanding, userId: string) {
  const call = await signedIn(landing.url, userId);
  return {
    call,
    /** Moves the product's clock forward and lets every workflow it wakes finish. */
    advanceDays: (days: number) => advance(landing, { advanceDays: days }),
    advanceHours: (hours: number) => advance(landing, { advanceHours: hours }),
  };
}

async function advance(
  landing: RunningLanding,
  step: { advanceDays: number } | { advanceHours: number },
): Promise<void> {
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
