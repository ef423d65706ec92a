import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, signInAs as signInAsDemoUser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('budget-ui', { acceptDownloads: true }));
});
afterAll(() => stop?.());

const budgetPanel = () => page.getByRole('region', { name: 'Regelbudget', exact: true });

const signInAs = (name: RegExp) => signInAsDemoUser(page, landing, name);

describe('Regelbudget in the browser: propose, approve, pay, export', { timeout: 60_000 }, () => {
  it('a caseworker proposes moving costs above the threshold: they are reserved', async () => {
    await signInAs(/Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Kees van Dijk' }).click();
    await openSection(page, 'Geld');
    await expect.poll(() => budgetPanel().innerText()).toContain('Toegekend');
    await budgetPanel().locator('summary', { hasText: 'Uitgave voorstellen' }).click();
    await budgetPanel().getByLabel('Categorie', { exact: true }).selectOption({ label: 'Verhuiskosten' });
    await page.getByLabel('Bedrag (euro)').fill('450,00');
    await page.getByLabel('Aan wie').fill('Verhuisbedrijf De Zwaan');
    await page.getByLabel('Waarom (in gewone woorden)').fill('Twee verhuizers en een bus');
    await page.getByRole('button', { name: 'Uitgave voorstellen' }).click();
    // Intl writes "€ 450,00" with a no-break space: \s matches it.
    await expect
      .poll(() => budgetPanel().innerText())
      .toMatch(/€\s450,00 — Verhuiskosten, aan Verhuisbedrijf De Zwaan/);
    expect(await budgetPanel().innerText()).toMatch(/Gereserveerd\s*€\s1\.090,00/); // 640 from the demo + 450
  });

  it('the budget holder finds it in the inbox, approves and pays it', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(/Pieter Smit/);
    await page.getByRole('heading', { name: 'Regelbudget: te beoordelen' }).waitFor();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Verhuisbedrijf De Zwaan');
    const item = page.getByRole('listitem').filter({ hasText: 'Verhuisbedrijf De Zwaan' });
    await item.getByRole('link', { name: 'Beoordelen' }).click();
    const spend = () => budgetPanel().getByRole('listitem').filter({ hasText: 'Verhuisbedrijf De Zwaan' });
    await spend().getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Goedkeuren' }).click();
    await expect.poll(() => spend().innerText()).toContain('Goedgekeurd');
    await spend().getByRole('button', { name: 'Markeer als betaald' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Markeer als betaald' }).click();
    await expect.poll(() => spend().innerText()).toContain('Betaald');
    await expect.poll(() => budgetPanel().innerText()).toMatch(/Betaald\s*€\s450,00/);
    // Health details are not on this page: only the budget.
    expect(await page.getByRole('main').innerText()).not.toContain('Geboortedatum');
  });

  it('exports the ledger as CSV with euro amounts a Dutch spreadsheet reads', async () => {
    await page.getByRole('link', { name: 'Regelbudget: te beoordelen' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Grootboek downloaden (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffdatum;tijd;traject;uitgave;soort;categorie;bedrag_euro;door;reden');
    expect(csv).toMatch(/;betaald;verhuiskosten;450,00;"Pieter Smit";/);
  });
});
