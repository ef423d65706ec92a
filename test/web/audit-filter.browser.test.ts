import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('audit-filter'));
});
afterAll(() => stop?.());

describe('filtering the audit trail of a record', () => {
  it('filters by who, what and a period typed the Dutch way; the filter is in the URL and survives a reload', async () => {
    // Sanne opens Kees's record: her look is in his trail.
    await signInAs(page, landing, /Sanne/);
    await page.goto(`${landing.url}/trajecten`);
    await page.getByRole('link', { name: 'Kees van Dijk' }).click();
    await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
    const url = page.url();

    await signInAs(page, landing, /Ingrid Visser/);
    await page.goto(url);
    await openSection(page, 'Dossier');
    const trail = page.getByRole('list', { name: 'Auditlog van dit dossier' });
    await expect.poll(() => trail.innerText()).toContain('Sanne de Vries');
    const filters = page.getByRole('form', { name: 'Auditlog van dit dossier filteren' });

    await filters.getByLabel('Wie').selectOption({ label: 'Sanne de Vries' });
    await filters.getByLabel('Wat').selectOption({ label: 'Ingezien' });
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL((u) => u.searchParams.get('auditWie') === 'u-sanne');
    await expect.poll(() => trail.innerText()).not.toContain('Ingrid Visser');
    expect(await trail.innerText()).toContain('Sanne de Vries');

    await page.reload();
    await expect.poll(() => trail.innerText()).toContain('Sanne de Vries');
    expect(await filters.getByLabel('Wie').inputValue()).toBe('u-sanne');
    expect(await filters.getByLabel('Wat').inputValue()).toBe('lezen');

    // A period far ahead: nothing, and the trail says so.
    await filters.getByLabel('Van (dd-mm-jjjj)').fill('1-1-2099');
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL((u) => u.searchParams.get('auditVan') === '2099-01-01');
    await expect.poll(() => trail.innerText()).toContain('Niets gevonden met dit filter.');
    expect(await filters.getByLabel('Van (dd-mm-jjjj)').inputValue()).toBe('01-01-2099');

    // A date that does not exist is refused in Dutch; the filter stays as it was.
    await filters.getByLabel('Tot en met (dd-mm-jjjj)').fill('31-2-2099');
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Vul de datums in als dag-maand-jaar').waitFor();
    expect(new URL(page.url()).searchParams.has('auditTot')).toBe(false);

    await page.getByRole('button', { name: 'Filter wissen' }).click();
    await expect.poll(() => trail.innerText()).toContain('Ingrid Visser');
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Two users' sessions and several reloads: longer than one page's test on a busy machine.
  }, 120_000);
});
