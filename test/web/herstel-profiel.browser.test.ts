import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('herstel-profiel-ui'));
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => stop?.());

const profiel = () => page.getByRole('region', { name: 'Persoonlijk Profiel', exact: true });
const kwaliteit = () => page.getByRole('region', { name: 'Kwaliteit van bestaan', exact: true });
/** No sideways scrolling at 390 px; the message names what is too wide. */
async function expectNoSidewaysScroll() {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 391)
      .map(
        (e) =>
          `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.textContent?.slice(0, 60)}`,
      )
      .slice(0, 10),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join('\n')).toBeLessThanOrEqual(390);
}

describe('Persoonlijk Profiel and kwaliteit van bestaan in the browser', { timeout: 90_000 }, () => {
  it("shows Anouk's agreed profile, writes a new version with her, and records her agreement", async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Plan & netwerk');
    await expect.poll(() => profiel().innerText()).toContain('Versie 2, opgesteld met Anouk en Sanne');
    expect(await profiel().innerText()).toMatch(/De persoon gaf akkoord op \d+ \w+ \d{4}\./);
    expect(await profiel().getByRole('table', { name: 'Persoonlijk Profiel, versie 2' }).innerText()).toContain(
      'Drie ochtenden bij de kringloop.',
    );
    await expectNoSidewaysScroll();

    await profiel().locator('summary', { hasText: 'Profiel bijwerken (nieuwe versie)' }).click();
    const werken = profiel().getByRole('group', { name: 'Werken' });
    // Prefilled from the latest version.
    expect(await werken.getByLabel('Wensen').inputValue()).toBe('Een vaste baan bij de kringloop.');
    await werken.getByLabel('Wensen').fill('Een vast contract bij de kringloop, vier dagen.');
    await profiel().getByLabel('Wens 1, in de woorden van de persoon').fill('Een vast contract bij de kringloop');
    await profiel().getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
    await expect
      .poll(() => profiel().getByRole('status').innerText())
      .toBe('Versie 3 van het Persoonlijk Profiel is vastgelegd.');
    await expect.poll(() => profiel().innerText()).toContain('Nog geen akkoord van de persoon.');
    await expect
      .poll(() => profiel().getByRole('table', { name: 'Persoonlijk Profiel, versie 3' }).innerText())
      .toContain('Een vast contract bij de kringloop, vier dagen.');
    expect(await profiel().locator('summary', { hasText: 'Eerdere versies (2)' }).count()).toBe(1);

    await profiel().getByRole('button', { name: 'Akkoord van de persoon vastleggen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect
      .poll(() => profiel().getByRole('status').innerText())
      .toBe('Het akkoord van de persoon op versie 3 is vastgelegd.');
    await expect.poll(() => profiel().innerText()).toMatch(/Versie 3,[^\n]*De persoon gaf akkoord op \d+ \w+ \d{4}\./);
    expect(await profiel().getByRole('button', { name: 'Akkoord van de persoon vastleggen' }).count()).toBe(0);
    await expectNoSidewaysScroll();
  });

  it('shows her scores over time with the change in words, and records a new KvB scoring', async () => {
    const tabel = () => kwaliteit().getByRole('table', { name: /Kwaliteit van bestaan: scores per moment/ });
    await expect
      .poll(() =>
        tabel()
          .getByRole('row', { name: /Sociale inclusie/ })
          .innerText(),
      )
      .toContain('1 → 3, hoger');
    expect(
      await kwaliteit()
        .getByRole('table', { name: /Zelfredzaamheid-Matrix/ })
        .innerText(),
    ).toContain('2 → 5, hoger');

    await kwaliteit().locator('summary', { hasText: 'Scoring vastleggen' }).click();
    await kwaliteit().getByLabel('Moment').selectOption({ label: 'Tussendoor' });
    await kwaliteit().getByLabel('Sociale inclusie').selectOption('5');
    await kwaliteit().getByLabel('Emotioneel welbevinden').selectOption('3');
    await kwaliteit().getByRole('button', { name: 'Scoring vastleggen' }).click();
    await expect
      .poll(() => kwaliteit().getByRole('status').innerText())
      .toBe('De scoring (Kwaliteit van bestaan, tussendoor) is vastgelegd.');
    await expect
      .poll(() =>
        tabel()
          .getByRole('row', { name: /Sociale inclusie/ })
          .innerText(),
      )
      .toContain('1 → 5, hoger');
    expect(
      await tabel()
        .getByRole('row', { name: /Emotioneel welbevinden/ })
        .innerText(),
    ).toContain('2 → 3, hoger');
    await expectNoSidewaysScroll();
  });

  it('has no serious accessibility violation in the profile and kwaliteit panels, forms open (axe)', async () => {
    for (const titel of ['Persoonlijk Profiel', 'Kwaliteit van bestaan']) {
      const id = await page.getByRole('region', { name: titel, exact: true }).getAttribute('aria-labelledby');
      expect(await seriousAxeViolations(page, `section[aria-labelledby="${id}"]`, { openDetails: true })).toEqual([]);
    }
  });
});
