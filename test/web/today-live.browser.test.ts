import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('today-live'));
});
afterAll(() => stop?.());

interface Summary {
  id: string;
  persoon: { voornaam: string; achternaam: string };
  begeleiders: { id: string }[];
}

/** Signs a demo user in as the SPA does, for calls to the API directly. */
async function signIn(userId: string): Promise<Record<string, string>> {
  const response = await fetch(`${landing.url}/local/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ userId }),
  });
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** The duo partner: their transitions, as the API lists them. */
async function asYoussef() {
  const headers = await signIn('u-youssef');
  const list = await fetch(`${landing.url}/api/transitions?scope=mine`, { headers });
  const { items } = (await list.json()) as { items: Summary[] };
  return { headers, items };
}

const roodCount = (title: string) => Number(/^\((\d+)\) /.exec(title)?.[1] ?? 0);

describe('Vandaag keeps up', { timeout: 120_000 }, () => {
  it('shows a rood signal the duo partner registers while Vandaag is open, announces it and counts it', async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    await page.goto(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Signalen om op te pakken' }).waitFor();
    const before = roodCount(await page.title());
    expect(await page.title()).toMatch(/Vandaag – Landing$/);

    const { headers, items } = await asYoussef();
    const shared = items.find((t) => t.begeleiders.some((b) => b.id === 'u-sanne'))!;
    const who = `${shared.persoon.voornaam} ${shared.persoon.achternaam}`;
    const registered = await fetch(`${landing.url}/api/transitions/${shared.id}/signalen`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        bron: 'begeleider',
        omschrijving: 'Buren horen geschreeuw, de deur blijft dicht',
        fase: 'rood',
        reden: 'Kan niet tot morgen wachten',
      }),
    });
    expect(registered.status).toBe(201);
    // The follow-up workflow gives the duo their tasks: wait until Sanne's Vandaag has hers.
    await landing.settle();
    const sanne = await signIn('u-sanne');
    await expect
      .poll(async () => {
        const today = await fetch(`${landing.url}/api/vandaag`, { headers: sanne });
        const { taken } = (await today.json()) as { taken: { transitionId: string; fase: string }[] };
        return taken.filter((t) => t.fase === 'rood').map((t) => t.transitionId);
      })
      .toContain(shared.id);

    // The tab comes back into view: Vandaag asks at once (otherwise it would on its next poll).
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const status = page.getByRole('status').filter({ hasText: 'Nieuw rood signaal' });
    // The same answer may carry the signal's other new task (its follow-up): announced after the rood one.
    await expect
      .poll(() => status.innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`^Nieuw rood signaal: ${who}\\.`));
    expect(await page.getByRole('status').filter({ hasText: 'Nieuw rood signaal' }).getAttribute('aria-live')).toBe(
      'polite',
    );
    await expect.poll(() => page.getByRole('list', { name: 'Taken' }).innerText()).toContain(who);
    expect(await page.title()).toBe(`(${before + 1}) Vandaag – Landing`);
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });
});
