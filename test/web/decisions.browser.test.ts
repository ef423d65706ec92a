import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { addMonths } from '../../shared/domain/common/calendar';
import { productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('decisions-ui'));
});
afterAll(() => stop?.());

const panel = (name: string) => page.getByRole('region', { name, exact: true });

describe('The duo decides what the workflow only asks', { timeout: 90_000 }, () => {
  it('shows Ilse’s omklap question on Vandaag and her page, and asks before telling the corporation', async () => {
    const today = landing.clock.state().today;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(landing.url);
    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('link', { name: 'Vandaag' }).click();
    const vragen = page.getByRole('list', { name: 'Vragen aan het duo' });
    await expect.poll(() => vragen.innerText()).toContain('Besluit over de omklap: omklap, uitstel of niet');
    await vragen.getByRole('link', { name: 'Ilse Bakker' }).click();
    await page.getByRole('heading', { name: 'Ilse Bakker' }).waitFor();

    const decisions = panel('Bevestigen en besluiten');
    await expect.poll(() => decisions.innerText()).toContain('Besluit over de omklap: omklap, uitstel of niet');
    const form = page.getByRole('form', { name: 'Besluit over de omklap' });
    await form.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Uitstel naar een nieuwe datum' });
    await form.getByLabel('Nieuwe omklapdatum').fill(addMonths(today, 6));
    await form.getByLabel('Reden').fill('Eerst een vaste daginvulling');
    await form.getByLabel(/Besloten door/).fill('Sanne, Vechtvaart en Ilse');

    // Cancelled at the question (Escape): nothing is recorded.
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const question = page.getByRole('dialog', { name: 'Uitstel van de omklap vastleggen?' });
    expect(await question.innerText()).toContain('De corporatie krijgt de nieuwe omklapdatum');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(await decisions.innerText()).not.toContain('Uitstel vastgelegd');

    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await question.getByRole('button', { name: 'Uitstel vastleggen' }).click();
    await expect.poll(() => decisions.innerText()).toContain('Uitstel vastgelegd');
    // The question stays open for the new date: only omklap or niet ends it.
    expect(await decisions.innerText()).toContain('Besluit over de omklap: omklap, uitstel of niet');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
