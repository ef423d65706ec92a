import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, seriousAxeViolations, signInAs as signInAsDemoUser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('roles-ui'));
});
afterAll(() => stop?.());

const signInAs = (name: RegExp) => signInAsDemoUser(page, landing, name);
const menu = async () =>
  (await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts()).map((t) => t.trim());

describe('Each role its own menu and start', { timeout: 60_000 }, () => {
  it('gives a budget holder only what works for them, and a Vandaag with their work', async () => {
    await signInAs(/Pieter Smit/);
    expect(await menu()).toEqual(['Vandaag', 'Regelbudget: te beoordelen']);
    await page.goto(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Uitgaven om te beoordelen' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/op jouw besluit/);
    expect(await seriousAxeViolations(page, 'body')).toEqual([]);
  });

  it('gives an administrator only what works for them, and a Vandaag with their work', async () => {
    await signInAs(/Bram Koster/);
    expect(await menu()).toEqual(['Vandaag', 'Corporaties']);
    await page.goto(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Koppelingen met corporaties' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/corporaties werken met Landing/);
  });

  it('says "Geen toegang" and who may, on a page the role cannot use', async () => {
    await signInAs(/Bram Koster/);
    await page.goto(`${landing.url}/trajecten`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Deze pagina is voor begeleiders en teamleiders');
    expect(await seriousAxeViolations(page, 'body')).toEqual([]);
    await signInAs(/Sanne de Vries/);
    await page.goto(`${landing.url}/regelbudget`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Deze pagina is voor budgethouders');
  });
});
