import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;
const searchUrls: string[] = [];

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('transition-search'));
  page.on('request', (r) => {
    if (r.url().includes('/api/transitions')) searchUrls.push(r.url());
  });
  await signInAs(page, landing, /Sanne/);
});
afterAll(() => stop?.());

const names = () => page.locator('main table tbody th').allTextContents();
const search = async (text: string) => {
  await page.getByLabel('Zoek op naam of geboortedatum').fill(text);
  await page.getByRole('button', { name: 'Zoeken' }).click();
};

describe('finding people on the list', () => {
  it('finds by name and keeps the search in the URL query through a reload and the back button', async () => {
    await page.goto(`${landing.url}/trajecten`);
    await page.locator('main table').waitFor();
    expect((await names()).length).toBeGreaterThan(1);
    await search('van dijk KEES');
    await page.getByRole('status').filter({ hasText: '1 traject gevonden' }).waitFor();
    expect(await names()).toEqual(['Kees van Dijk']);
    expect(new URL(page.url()).searchParams.get('zoek')).toBe('van dijk KEES');

    await page.reload();
    await page.getByRole('status').filter({ hasText: '1 traject gevonden' }).waitFor();
    expect(await names()).toEqual(['Kees van Dijk']);
    expect(await page.getByLabel('Zoek op naam of geboortedatum').inputValue()).toBe('van dijk KEES');

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('zoek'));
    await page.locator('main table tbody tr').nth(1).waitFor();
    expect(await page.getByLabel('Zoek op naam of geboortedatum').inputValue()).toBe('');
  });

  it('finds by date of birth typed the Dutch way, and says when nobody is found', async () => {
    await page.goto(`${landing.url}/trajecten`);
    await search('14-3-1968');
    await page.getByRole('status').filter({ hasText: '1 traject gevonden' }).waitFor();
    expect(await names()).toEqual(['Kees van Dijk']);
    await search('14-03-1968');
    await page.getByRole('status').filter({ hasText: '1 traject gevonden' }).waitFor();
    expect(await names()).toEqual(['Kees van Dijk']);
    // Ruud is Marieke's, not in Sanne's own list.
    await search('Ruud');
    await page.getByRole('status').filter({ hasText: 'Niemand gevonden' }).waitFor();
    expect(await names()).toEqual([]);
  });

  it('filters by phase and begeleider in the team list; the filters survive a reload', async () => {
    await page.goto(`${landing.url}/trajecten?scope=team`);
    await page.locator('main table').waitFor();
    await page.getByLabel('Begeleider').selectOption({ label: 'Marieke Jansen' });
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    expect(await names()).toContain('Ruud Hendriks');
    expect(await names()).not.toContain('Kees van Dijk');
    await page.getByLabel('Fase').selectOption({ label: 'Verhuizing' });
    await page.waitForURL((url) => url.searchParams.get('fase') === 'verhuizing');
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    expect(await page.getByLabel('Begeleider').inputValue()).toBe('u-marieke');
    expect(await page.getByLabel('Fase').inputValue()).toBe('verhuizing');
    expect(await names()).toContain('Ruud Hendriks');
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });

  it('never puts a name or a date of birth in an API URL', () => {
    expect(searchUrls.some((u) => u.endsWith('/api/transitions/search'))).toBe(true);
    expect(searchUrls.filter((u) => /dijk|kees|1968|ruud/i.test(u))).toEqual([]);
  });

  it('fits a phone (390 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${landing.url}/trajecten?scope=team&zoek=van%20dijk`);
    await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
