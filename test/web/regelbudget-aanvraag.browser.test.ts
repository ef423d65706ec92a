import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs as signInAsDemoUser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('budget-aanvraag'));
  // On the phone a begeleider carries on home visits.
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => stop?.());

const budgetPanel = () => page.getByRole('region', { name: 'Regelbudget', exact: true });
const signInAs = (name: RegExp) => signInAsDemoUser(page, landing, name);
const fitsThePhone = async () =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('Requesting a regelbudget in the browser, at 390 px', { timeout: 90_000 }, () => {
  it('a begeleider requests a budget for a transition that has none', async () => {
    await signInAs(/Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).first().click();
    await openSection(page, 'Geld');
    await expect.poll(() => budgetPanel().innerText()).toContain('Nog geen regelbudget');
    await budgetPanel().getByLabel('Bedrag (euro, bijvoorbeeld 1.500,00)').fill('1.500,00');
    await budgetPanel().getByLabel('Waarvoor (in gewone woorden)').fill('Inrichting van de eerste eigen woning');
    await budgetPanel().getByLabel('Geldig van').fill('1-1-2026');
    await budgetPanel().getByLabel('Geldig tot en met').fill('31 december 2027');
    await budgetPanel().getByRole('button', { name: 'Regelbudget aanvragen' }).click();
    await expect.poll(() => budgetPanel().innerText()).toContain('Het regelbudget is aangevraagd');
    await expect.poll(() => budgetPanel().innerText()).toMatch(/€\s1\.500,00 aangevraagd door Sanne de Vries/);
    await fitsThePhone();
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });

  it('the budget holder sees the request by name, and grants a changed amount after being asked', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(/Pieter Smit/);
    await page.getByRole('heading', { name: 'Regelbudget: te beoordelen' }).waitFor();
    const line = page.getByRole('listitem').filter({ hasText: 'Inrichting van de eerste eigen woning' });
    await expect.poll(() => line.innerText()).toMatch(/D\. Kartosen: €\s1\.500,00 aangevraagd/);
    // Every line names the person, spends too (Kees van Dijk's demo spend waits for a decision).
    expect(await page.getByRole('main').innerText()).toContain('K. van Dijk');
    await fitsThePhone();
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
    await line.getByRole('link', { name: /Beoordelen/ }).click();
    await page.getByRole('heading', { name: 'Regelbudget van D. Kartosen' }).waitFor();
    const amount = budgetPanel().getByLabel('Toe te kennen bedrag (euro)');
    await expect.poll(() => amount.inputValue()).toBe('1.500,00');
    await amount.fill('1.200,00');
    await budgetPanel().getByRole('button', { name: 'Regelbudget toekennen' }).click();
    // Money moves: the question names the person and the amount before anything is written.
    const question = page.getByRole('dialog', { name: 'Regelbudget voor D. Kartosen toekennen?' });
    expect(await question.innerText()).toMatch(/€\s1\.200,00 wordt het regelbudget van D\. Kartosen/);
    await question.getByRole('button', { name: 'Regelbudget toekennen' }).click();
    await expect.poll(() => budgetPanel().innerText()).toMatch(/Regelbudget van €\s1\.200,00 toegekend/);
    await fitsThePhone();
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });

  it('the begeleider sees the outcome', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(/Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).first().click();
    await openSection(page, 'Geld');
    await expect.poll(() => budgetPanel().innerText()).toContain('Toegekend door Pieter Smit');
    expect(await budgetPanel().innerText()).toMatch(/aangevraagd: €\s1\.500,00/);
    expect(await budgetPanel().innerText()).toMatch(/Vrij\s*€\s1\.200,00/);
    await fitsThePhone();
  });
});
