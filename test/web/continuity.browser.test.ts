import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('continuity-ui'));
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => stop?.());

const panel = () => page.getByRole('region', { name: 'Verblijf en nazorg', exact: true });
const noSidewaysScroll = () =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const open = async (user: RegExp, person: string) => {
  await page.goto(landing.url);
  await page.getByRole('button', { name: user }).click();
  await page.getByRole('link', { name: 'Mijn trajecten' }).click();
  await page.getByRole('link', { name: person }).click();
  await page
    .getByRole('navigation', { name: 'Onderdelen van het traject' })
    .getByRole('link', { name: 'Dossier' })
    .click();
};
/** The phase as the summary at the top of every section shows it. */
const fase = () => page.getByRole('region', { name: 'Samenvatting' }).getByRole('definition').first().innerText();

describe('Continuity in the browser', { timeout: 60_000 }, () => {
  it('shows Ruud at a logeerplek with his woning kept and his phase going on, and brings him home', async () => {
    await open(/Marieke Jansen/, 'Ruud Hendriks');
    await expect.poll(() => panel().innerText()).toContain('Tijdelijk elders sinds');
    const text = await panel().innerText();
    expect(text).toContain('(logeerplek); de woning blijft');
    expect(text).toContain('Fase, ondersteuning, signalen en opvolging gaan door');
    expect(await fase()).toBe('Verhuizing');
    expect(await noSidewaysScroll()).toBe(true);

    await panel().getByRole('button', { name: 'Weer thuis' }).click();
    await expect
      .poll(() => panel().getByRole('status').innerText())
      .toMatch(/Ruud Hendriks is weer thuis sinds \d+ \w+/);
    expect(await fase()).toBe('Verhuizing');
  });

  it('ends a transition only by its own decision, asking first', async () => {
    await panel().locator('summary', { hasText: 'Traject beëindigen' }).click();
    await panel().getByLabel('Reden').selectOption({ label: 'Verhuisd buiten de regio' });
    await panel().getByRole('button', { name: 'Traject beëindigen' }).click();
    const question = page.getByRole('dialog', { name: 'Traject van Ruud Hendriks beëindigen?' });
    const asked = await question.innerText();
    expect(asked).toContain('Dit is definitief');
    expect(asked).toContain('De corporatie hoort dat de begeleiding stopt, niet waarom');
    await question.getByRole('button', { name: 'Annuleren' }).click();
    // Declined: nothing happened.
    expect(await fase()).toBe('Verhuizing');
    await panel().getByRole('button', { name: 'Traject beëindigen' }).click();
    await question.getByRole('button', { name: 'Traject beëindigen' }).click();
    await expect.poll(() => panel().innerText()).toContain('Beëindigd op');
    expect(await fase()).toBe('Beëindigd');
    await expect.poll(() => panel().getByRole('status').innerText()).toContain('Het traject is beëindigd');
  });

  it('shows Wim in nazorg at waakvlam, hands him over warmly to the buurtteam and picks him up again', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await open(/Noor Hoekstra/, 'Wim Verbeek');
    await expect.poll(() => panel().innerText()).toContain('Nazorg op waakvlam sinds');
    expect(await noSidewaysScroll()).toBe(true);

    await panel().locator('summary', { hasText: 'Warme overdracht' }).click();
    await panel().getByLabel('Aan').selectOption({ label: 'Buurtteam' });
    await panel().getByLabel('Contactpersoon').fill('Fatima Ouali');
    await panel().getByLabel('Wat is overgedragen').fill('Signaleringsplan en netwerkkaart; samen kennisgemaakt');
    await panel().getByRole('button', { name: 'Overdracht vastleggen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Overdracht vastleggen' }).click();
    await expect.poll(() => panel().innerText()).toContain('Warm overgedragen aan Fatima Ouali (buurtteam)');
    expect(await panel().innerText()).toContain('Signaleringsplan en netwerkkaart');

    await panel().getByLabel('Waarom weer oppakken').fill('Buurtteam belt: het gaat minder met Wim');
    await panel().getByRole('button', { name: 'Weer oppakken' }).click();
    await expect.poll(() => panel().getByRole('status').innerText()).toContain('de nazorg loopt weer, op waakvlam');
    await expect.poll(() => panel().innerText()).toContain('Nazorg op waakvlam sinds');
  });
});
