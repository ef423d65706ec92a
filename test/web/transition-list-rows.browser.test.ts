import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;
/** More aanmeldingen than one page of the list holds (50), all with one word in their name to search on. */
const NEW = 70;

async function signIn(userId: string): Promise<Record<string, string>> {
  const response = await fetch(`${landing.url}/local/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ userId }),
  });
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('transition-list-rows'));
  const headers = await signIn('u-sanne');
  for (let batch = 0; batch < NEW; batch += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const i = batch + k;
        const response = await fetch(`${landing.url}/api/transitions`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            persoon: {
              voornaam: 'Lotte',
              achternaam: `Bladzijde ${i + 1}`,
              geboortedatum: `19${70 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-1${i % 9}`,
            },
            gemeenteCode: 'GM0344',
            herkomst: i % 2 ? 'BW' : 'MO',
            begeleiderIds: ['u-sanne'],
          }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
      }),
    );
  }
  await signInAs(page, landing, /Sanne/);
}, 300_000);
afterAll(() => stop?.());

const rows = () => page.getByRole('table').getByRole('row');
const names = () => page.getByRole('table').getByRole('rowheader').allTextContents();

describe('a long transition list', { timeout: 180_000 }, () => {
  it('pages with "Meer laden" until every transition is listed, newest first, and stays a table', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${landing.url}/trajecten`);
    await page.getByRole('table', { name: 'Mijn trajecten' }).waitFor();
    // The header row and one page of 50.
    await expect.poll(() => rows().count()).toBe(51);
    // Newest first: one of the last ten, made together, so in no fixed order among themselves.
    const newest = Number((await names())[0]!.replace('Lotte Bladzijde ', ''));
    expect(newest).toBeGreaterThan(NEW - 10);
    while (await page.getByRole('button', { name: 'Meer laden' }).isVisible()) {
      const before = await rows().count();
      await page.getByRole('button', { name: 'Meer laden' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length > n, before - 1);
    }
    const all = await names();
    expect(all.length).toBeGreaterThan(NEW);
    expect(all.filter((n) => n.startsWith('Lotte Bladzijde'))).toHaveLength(NEW);
    expect(new Set(all).size).toBe(all.length);
    // Columns stay announced as such: a cell knows its header.
    expect(await page.getByRole('columnheader').allTextContents()).toEqual([
      'Naam',
      'Gemeente',
      'Komt uit',
      'Fase',
      'Uitkering',
      'Volgende deadline',
      'Begeleiders',
      'Aangemeld op',
    ]);
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });

  it('leaves rows off screen unrendered, yet in the page for find-in-page and links', async () => {
    await page.goto(`${landing.url}/trajecten`);
    await page.getByRole('table', { name: 'Mijn trajecten' }).waitFor();
    const last = page.locator('main tbody tr').last();
    await last.waitFor({ state: 'attached' });
    // Chromium skips style and layout of a row's cells far below the screen; they are still in the DOM with their text.
    const cellShown = (row: Element) => row.firstElementChild!.checkVisibility({ contentVisibilityAuto: true });
    expect(await last.evaluate(cellShown)).toBe(false);
    expect(await last.textContent()).toMatch(/\S/);
    await last.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('main tbody tr');
      return rows[rows.length - 1]?.firstElementChild?.checkVisibility({ contentVisibilityAuto: true });
    });
    await last.getByRole('link').click();
    await page.waitForURL((url) => /^\/trajecten\/[\w-]+$/.test(url.pathname));
    await page.locator('main h1').waitFor();
  });

  it('searches on beyond the first page with "Verder zoeken" and sorts what it found', async () => {
    await page.goto(`${landing.url}/trajecten?zoek=bladzijde`);
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    while (await page.getByRole('button', { name: 'Verder zoeken' }).isVisible()) {
      const before = await rows().count();
      await page.getByRole('button', { name: 'Verder zoeken' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length > n, before - 1);
    }
    await page
      .getByRole('status')
      .filter({ hasText: `${NEW} trajecten gevonden.` })
      .waitFor();
    expect((await names()).filter((n) => n.startsWith('Lotte Bladzijde'))).toHaveLength(NEW);
    await page.getByLabel('Sorteren op').selectOption({ label: 'Uitkeringsrisico' });
    await page.waitForURL((url) => url.searchParams.get('sortering') === 'risico');
    expect(await rows().count()).toBe(NEW + 1);
  });

  it('stacks the rows on a phone (390 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${landing.url}/trajecten`);
    await page.getByRole('table', { name: 'Mijn trajecten' }).waitFor();
    const first = page.locator('main tbody tr').first();
    const cells = await first.locator('th, td').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    // Stacked: every cell starts at the row's left edge, one under the other.
    expect(new Set(cells.map(Math.round)).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });
});
