import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('housing-first-ui'));
});
afterAll(() => stop?.());

const panel = (name: string) => page.getByRole('region', { name, exact: true });

describe('Housing First: Dewi gets a woning with schulden still open', { timeout: 90_000 }, () => {
  it('shows readiness by moment, the move-date advice beside the uitkering, and records bijzondere bijstand', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(landing.url);
    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).click();
    await page.getByRole('heading', { name: 'Dewi Kartosen' }).waitFor();
    await openSection(page, 'Wonen & verhuizing');

    const voorbereiding = panel('Voorbereiding');
    await voorbereiding.getByRole('heading', { name: 'Vóór de woning' }).waitFor();
    expect(await voorbereiding.getByLabel(/Garantstelling van de gemeente/).isChecked()).toBe(true);
    expect(await voorbereiding.getByLabel(/Schulden gestabiliseerd/).isChecked()).toBe(false);
    expect(await voorbereiding.innerText()).toContain('verplicht: Signalen van terugval');
    // The woning is known: items about the new wijk can be ticked off now, and the panel says so.
    await voorbereiding.getByLabel(/Daginvulling in de buurt/).check();
    await expect
      .poll(() => voorbereiding.innerText())
      .toContain('Daginvulling in de buurt van de nieuwe woning geregeld: gedaan.');

    const move = panel('Contract, verhuizing en uitkering');
    const advies = move.getByRole('status', { name: 'Advies verhuisdatum' });
    await expect.poll(() => advies.innerText()).toContain('eigen bijdrage');
    expect(await advies.innerText()).toContain('De uitkering heeft nog geen ingangsdatum');
    expect(await move.getByRole('status', { name: 'Participatiewet voor jongeren' }).innerText()).toContain(
      'jongerennorm',
    );
    expect(await move.innerText()).toContain('Contact bij Werk & Inkomen: Els Jansen');

    await move.getByLabel('Besluit bijzondere bijstand').selectOption({ label: 'Toegekend' });
    await move.getByLabel(/Toegekend bedrag/).fill('1.500,00');
    await move.getByRole('button', { name: 'Bijzondere bijstand bijwerken' }).click();
    await expect.poll(() => move.innerText()).toContain('Bijzondere bijstand bijgewerkt.');
    expect(await move.innerText()).toMatch(/toegekend: €\s1\.500,00/);

    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 391)
        .map(
          (e) =>
            `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.textContent?.slice(0, 60)}`,
        )
        .slice(0, 15),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join('\n')).toBeLessThanOrEqual(390);
  });
});
