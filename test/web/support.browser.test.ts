import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { launchChromium } from '../support/browser';

let landing: RunningLanding;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [landing, browser] = await Promise.all([
    startLanding({ port: 0, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `landing-support-ui-${Date.now()}`, webRoot: 'web/dist', seedDemoData: true }),
    launchChromium(),
  ]);
  page = await browser.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
});
afterAll(async () => {
  await browser?.close();
  await landing?.stop();
});

describe('Ambulant support in the browser', { timeout: 60_000 }, () => {
  it('scales up temporarily and sees the level and the chart change, with a review planned', async () => {
    await page.goto(landing.url);
    await page.getByRole('button', { name: /Marieke Jansen/ }).click();
    await page.getByRole('link', { name: 'Ruud Hendriks' }).click();
    const panel = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => panel.innerText()).toContain('Nu: Verhoogd');

    const today = landing.clock.state().today;
    await panel.locator('summary', { hasText: 'Ondersteuning wijzigen' }).click();
    await panel.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Intensief (24/7 bereikbaar)' });
    await panel.getByLabel('Ondersteuning op afstand, 24/7').check();
    await panel.getByLabel('Tijdelijk, tot en met (optioneel)').fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await panel.getByLabel('Reden').fill('Slaapt slecht sinds de sleuteloverdracht');
    await panel.getByRole('button', { name: 'Ondersteuning vastleggen' }).click();

    await expect.poll(() => panel.innerText()).toContain('Nu: Intensief (24/7 bereikbaar)');
    expect(await panel.getByRole('list', { name: 'Niveaus in de tijd' }).innerText()).toContain('Intensief (24/7 bereikbaar)');
    expect(await panel.innerText()).toContain('Evaluatie van de opschaling');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, oudste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Slaapt slecht sinds de sleuteloverdracht');
  });

  it('writes a signaleringsplan with the person and records their agreement', async () => {
    const plan = page.getByRole('region', { name: 'Signaleringsplan', exact: true });
    await plan.locator('summary', { hasText: 'Teken toevoegen' }).click();
    await plan.getByLabel('Fase').selectOption({ label: 'Rood: crisis dreigt' });
    await plan.getByLabel('Teken, in de woorden van de persoon').fill('Ik doe de deur niet meer open');
    await plan.getByLabel('Afgesproken actie').fill('Duo gaat samen langs; logeerplek bespreken');
    await plan.getByLabel('Wie handelt').fill('Marieke');
    await plan.getByLabel('Opgesteld met (de persoon en wie uit het netwerk)').fill('Ruud en zijn broer');
    await plan.getByRole('button', { name: 'Teken toevoegen' }).click();
    await expect.poll(() => plan.innerText()).toContain('Versie 1, opgesteld met Ruud en zijn broer');
    expect(await plan.innerText()).toContain('“Ik doe de deur niet meer open”');
    await plan.getByRole('button', { name: /Akkoord van de persoon vastleggen/ }).click();
    await expect.poll(() => plan.innerText()).toContain('Akkoord van de persoon op');
  });

  it('registers a rood signal that matches the plan, sees its deadline, and picks it up', async () => {
    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    await signals.locator('summary', { hasText: 'Signaal registreren' }).click();
    await signals.getByLabel('Van wie').selectOption({ label: 'Buur of medebewoner' });
    await signals.getByLabel('Wat is er opgemerkt').fill('Buurman: Ruud doet al twee dagen niet open');
    await signals.getByLabel('Past bij teken uit het signaleringsplan').selectOption({ label: 'rood: Ik doe de deur niet meer open' });
    await signals.getByRole('button', { name: 'Signaal registreren' }).click();
    const open = signals.getByRole('list', { name: 'Open signalen' });
    await expect.poll(() => open.innerText()).toContain('Buurman: Ruud doet al twee dagen niet open');
    expect(await open.innerText()).toContain('oppakken vóór');
    await open.getByRole('button', { name: 'Signaal oppakken' }).click();
    await expect.poll(() => signals.innerText()).toContain('Geen open signalen');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, oudste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Signaal opgepakt');
  });

  it('records a contactmoment', async () => {
    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    await signals.getByLabel('Hoe').selectOption({ label: 'Op afstand (video, telefoon)' });
    await signals.getByLabel('Korte notitie (optioneel)').fill('Even gebeld, gaat redelijk');
    await signals.getByRole('button', { name: 'Contact vastleggen' }).click();
    await expect.poll(() => signals.getByRole('list', { name: 'Recente contactmomenten' }).innerText()).toContain('Even gebeld, gaat redelijk');
  });
});
