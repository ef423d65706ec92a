import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('herstel-netwerk-ui'));
});
afterAll(() => stop?.());

describe('the steunsysteem in the browser', { timeout: 120_000 }, () => {
  it('shows Anouk’s network as a picture and, grouped by ring, as a list', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, landing, /Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Plan & netwerk');
    const panel = page.getByRole('region', { name: 'Steunsysteem', exact: true });
    await expect.poll(() => panel.innerText()).toContain('Lotte');
    const svg = panel.getByTestId('netwerk-tekening');
    expect(await svg.textContent()).toContain('Henk');
    const natuurlijk = panel.getByRole('list', { name: 'Natuurlijk netwerk' });
    expect(await natuurlijk.innerText()).toContain('Henk — Buren');
    expect(await natuurlijk.innerText()).toContain('Overbelast'.toLowerCase());
    expect(await panel.getByRole('list', { name: 'Niet meer in het netwerk' }).innerText()).toContain('oud-huisgenoot');
    // 390 px wide, no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('adds a member with consent, sees them in the list and the picture, and ends one', async () => {
    const panel = page.getByRole('region', { name: 'Steunsysteem', exact: true });
    await panel.locator('summary', { hasText: 'Iemand toevoegen aan het steunsysteem' }).click();
    await panel.getByLabel('Naam, of alleen de rol (bijvoorbeeld buurman)').fill('Fenna');
    await panel.getByLabel('Relatie').selectOption({ label: 'Vriend of vriendin' });
    await panel.getByLabel('Steunend').check();
    const bereikbaar = panel.getByLabel('Bereikbaar via (telefoon of e-mail)');
    expect(await bereikbaar.isDisabled()).toBe(true);
    await panel.getByLabel(/stemt ermee in dat we bewaren hoe deze persoon te bereiken is/).check();
    expect(await bereikbaar.isDisabled()).toBe(false);
    await bereikbaar.fill('06-55554444');
    await panel.getByRole('button', { name: 'Toevoegen' }).click();

    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toContain('Fenna is toegevoegd aan het steunsysteem.');
    const natuurlijk = panel.getByRole('list', { name: 'Natuurlijk netwerk' });
    await expect.poll(() => natuurlijk.innerText()).toContain('Fenna — Vriend of vriendin');
    expect(await natuurlijk.innerText()).toContain('Bereikbaar: 06-55554444');
    expect(await panel.getByTestId('netwerk-tekening').textContent()).toContain('Fenna');

    await panel.getByRole('button', { name: 'Niet meer in het netwerk (Fenna)' }).click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toContain('Fenna staat nu als niet meer in het netwerk');
    // The status says what happened once the write answered; the reloaded plan follows.
    await expect
      .poll(() => panel.getByRole('list', { name: 'Niet meer in het netwerk' }).innerText())
      .toContain('Fenna');
    await expect.poll(() => natuurlijk.innerText()).not.toContain('Fenna');
    expect(await panel.getByTestId('netwerk-tekening').textContent()).not.toContain('Fenna');
  });

  it('offers the network as “wie handelt” in the signaleringsplan', async () => {
    const options = await page
      .locator('#teken-wie-netwerk option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['Lotte', 'Henk']));
    expect(options).not.toContain('oud-huisgenoot');
  });

  it('has no serious accessibility violation in the panel (axe)', async () => {
    expect(await seriousAxeViolations(page, 'section[aria-labelledby="netwerk-title"]')).toEqual([]);
  });

  it('links a member to a partner in the wijk of Dewi’s woning, shown “via” that partner', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).click();
    await openSection(page, 'Plan & netwerk');
    const panel = page.getByRole('region', { name: 'Steunsysteem', exact: true });
    await expect.poll(() => panel.getByRole('list', { name: 'Algemene voorzieningen' }).count()).toBe(1);
    await panel.locator('summary', { hasText: 'Iemand toevoegen aan het steunsysteem' }).click();
    await panel.getByLabel('Naam, of alleen de rol (bijvoorbeeld buurman)').fill('Marian (opbouwwerker)');
    await panel.getByLabel('Relatie').selectOption({ label: 'Sleutelpersoon' });
    await panel.getByLabel('Steunend').check();
    const partner = panel.getByLabel('Via een partner in de wijk (optioneel)');
    await expect.poll(() => partner.locator('option', { hasText: 'Buurthuis De Boog' }).count()).toBe(1);
    await partner.selectOption({ label: 'Buurthuis De Boog' });
    await panel.getByRole('button', { name: 'Toevoegen' }).click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toContain('Marian (opbouwwerker) is toegevoegd aan het steunsysteem.');
    await expect.poll(() => panel.innerText()).toMatch(/Marian \(opbouwwerker\)[^\n]*Via Buurthuis De Boog\./);
    expect(await seriousAxeViolations(page, 'section[aria-labelledby="netwerk-title"]', { openDetails: true })).toEqual(
      [],
    );
  });
});
