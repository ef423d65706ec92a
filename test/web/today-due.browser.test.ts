import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('today-due'));
});
afterAll(() => stop?.());

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: '390 px', width: 390, height: 844 },
];

const fitsTheWidth = () =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

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

describe('Vandaag: everything due, in one list', { timeout: 180_000 }, () => {
  it("shows the begeleider a workflow task with its due date and one link to where it is done; done, it's gone", async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    for (const size of widths) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${landing.url}/vandaag`);
      const vragen = page.getByRole('list', { name: 'Vragen aan het duo' });
      const omklap = vragen.getByRole('listitem').filter({ hasText: 'Besluit over de omklap' });
      await omklap.waitFor();
      expect(await omklap.innerText()).toMatch(/Uiterlijk \d{1,2} \w+ \d{4}/);
      const link = omklap.getByRole('link', { name: 'Ilse Bakker' });
      expect(await link.getAttribute('href')).toMatch(/^\/trajecten\/[\w-]+#besluiten$/);
      expect(await fitsTheWidth(), size.name).toBe(true);
      expect(await seriousAxeViolations(page, 'main'), size.name).toEqual([]);
    }

    const omklapLink = page
      .getByRole('list', { name: 'Vragen aan het duo' })
      .getByRole('listitem')
      .filter({ hasText: 'Besluit over de omklap' })
      .getByRole('link');
    const href = (await omklapLink.getAttribute('href'))!;
    await omklapLink.click();
    await page.locator('#besluiten').getByRole('heading', { name: 'Bevestigen en besluiten' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#besluiten');

    // The duo decides (through the API, as the page's form does): the question leaves Vandaag.
    const transitionId = href.split('/')[2]!.split('#')[0]!;
    const headers = await signIn('u-sanne');
    const t = (await (await fetch(`${landing.url}/api/transitions/${transitionId}`, { headers })).json()) as {
      version: number;
    };
    const decided = await fetch(`${landing.url}/api/transitions/${transitionId}/omklap/besluit`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        besluit: 'niet',
        reden: 'Ilse wil liever een woning van een andere corporatie',
        genomenDoor: 'Sanne en Vechtvaart',
        expectedVersion: t.version,
      }),
    });
    expect(decided.status).toBe(200);
    await page.goto(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Bevestigen en besluiten' }).waitFor();
    await page.getByRole('heading', { name: 'Deadlines' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Besluit over de omklap');
  });

  it('shows a teamleider the stalled transition with its begeleiders, and no own caseload', async () => {
    await signInAs(page, landing, /Ingrid Visser/);
    for (const size of widths) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${landing.url}/vandaag`);
      const stalled = page.getByRole('list', { name: 'Stilstand' }).getByRole('listitem').filter({
        hasText: 'Kees van Dijk',
      });
      await stalled.waitFor();
      const text = await stalled.innerText();
      expect(text).toContain('Voorbereiding duurt langer dan 90 dagen');
      expect(text).toMatch(/In deze fase sinds \d{1,2} \w+ \d{4}/);
      expect(text).toContain('Sanne de Vries en Youssef El Amrani');
      expect(await stalled.getByRole('link', { name: 'Kees van Dijk' }).getAttribute('href')).toMatch(
        /^\/trajecten\/[\w-]+$/,
      );
      expect(await page.locator('main').innerText()).not.toContain('Mijn caseload');
      expect(await fitsTheWidth(), size.name).toBe(true);
      expect(await seriousAxeViolations(page, 'main'), size.name).toEqual([]);
    }
  });
});
