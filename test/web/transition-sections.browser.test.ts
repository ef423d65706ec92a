import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;
/** Anouk Mulder's page, as the list links to it. */
let anouk: string;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('transition-sections'));
  await signInAs(page, landing, /Sanne de Vries/);
  await page.getByRole('link', { name: 'Mijn trajecten' }).click();
  await page.getByRole('link', { name: 'Anouk Mulder' }).click();
  await page.getByRole('heading', { name: 'Anouk Mulder' }).waitFor();
  anouk = new URL(page.url()).pathname;
});
afterAll(() => stop?.());

const nav = () => page.getByRole('navigation', { name: 'Onderdelen van het traject' });
const current = () => nav().locator('a[aria-current="page"]').allInnerTexts();
const region = (name: string) => page.getByRole('region', { name, exact: true });

describe('the transition page in sections', { timeout: 120_000 }, () => {
  it('opens a section at its own address, with only its panels and its link marked current', async () => {
    await page.goto(`${landing.url}${anouk}/ondersteuning`);
    await region('Signalen').waitFor();
    expect(await current()).toEqual(['Ondersteuning & signalen']);
    expect(await region('Ondersteuning').count()).toBe(1);
    expect(await region('Plan & netwerk').count()).toBe(0);
    expect(await region('Tijdlijn').count()).toBe(0);
    expect(await page.title()).toBe('Anouk Mulder – Ondersteuning & signalen – Landing');
    // The contact form opens where it is used, not with the page.
    const notitie = region('Signalen').getByLabel('Korte notitie (optioneel)');
    expect(await notitie.isVisible()).toBe(false);
    await region('Signalen').locator('summary', { hasText: 'Contactmoment vastleggen' }).click();
    expect(await notitie.isVisible()).toBe(true);
  });

  it('keeps the old address as Overzicht, and the back button goes to the section before', async () => {
    await page.goto(`${landing.url}${anouk}`);
    await nav().waitFor();
    expect(await current()).toEqual(['Overzicht']);
    await openSection(page, 'Plan & netwerk');
    expect(new URL(page.url()).pathname).toBe(`${anouk}/plan`);
    await region('Steunsysteem').waitFor();
    await openSection(page, 'Tijdlijn');
    await page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' }).waitFor();
    await page.goBack();
    await region('Steunsysteem').waitFor();
    expect(await current()).toEqual(['Plan & netwerk']);
    expect(await page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' }).count()).toBe(0);
  });

  it('sends an unknown section to Overzicht', async () => {
    await page.goto(`${landing.url}${anouk}/bestaat-niet`);
    await page.waitForURL((url) => url.pathname === anouk);
    await expect.poll(current).toEqual(['Overzicht']);
  });

  it('sums up where Anouk stands at the top: phase, deadline, signals, support and what to do next', async () => {
    await page.goto(`${landing.url}${anouk}/geld`);
    const summary = region('Samenvatting');
    await expect.poll(() => summary.innerText()).not.toContain('laden…');
    const text = await summary.innerText();
    expect(text).toMatch(/Fase\s+Landing/);
    expect(text).toMatch(/Volgende deadline\s+(Geen|\d{1,2} \p{L}+ \d{4}: .+)/u);
    expect(text).toMatch(/Open signalen\s+(Geen|\d+)/);
    expect(text).toMatch(/Ondersteuning\s+\p{L}/u);
    expect(text).toMatch(/Nu te doen\s+.+ — naar /);
    const next = summary.getByRole('link', { name: /^naar / });
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(await current()).toHaveLength(1);
    // Where the next step is done, the summary does not link to itself.
    expect(await summary.getByRole('link', { name: /^naar / }).count()).toBe(0);
  });

  it('fits every section on a phone, its folded-away forms opened, with no serious axe violation', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, panel] of [
      ['', 'Samenvatting'],
      ['/wonen', 'Voorbereiding'],
      ['/geld', 'Regelbudget'],
      ['/ondersteuning', 'Signalen'],
      ['/plan', 'Steunsysteem'],
      ['/tijdlijn', 'Tijdlijn'],
      ['/dossier', 'Verblijf en nazorg'],
      ['/afdrukken', 'Tijdlijn'],
    ]) {
      await page.goto(`${landing.url}${anouk}${path}`);
      await region(panel!).waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        return document.documentElement.scrollWidth;
      });
      expect([path, width]).toEqual([path, 390]);
      expect([path, await seriousAxeViolations(page, 'main')]).toEqual([path, []]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints the dossier: the summary, plan, signaleringsplan, netwerk and timeline, no forms or buttons', async () => {
    await page.goto(`${landing.url}${anouk}/dossier`);
    await page.getByRole('link', { name: 'Dossier afdrukken' }).click();
    await page.getByRole('heading', { name: 'Dossier Anouk Mulder', level: 1 }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const main = page.locator('main');
    const text = await main.innerText();
    for (const heading of ['Samenvatting', 'Plan van Aanpak', 'Signaleringsplan', 'Netwerk', 'Tijdlijn'])
      expect(await page.getByRole('heading', { name: heading, level: 2 }).count()).toBe(1);
    expect(text).toContain('Meldt zich aan bij de wandelgroep');
    expect(text).toContain('Lotte');
    expect(text).toMatch(/Geboortedatum\s+30 juni 1995/);
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, oudste eerst' });
    expect(await timeline.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await timeline.innerText()).toMatch(/\d{1,2} \p{L}+ \d{4}/u);
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('button, form, nav, input, select, textarea, summary')]
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').trim().slice(0, 40)}`),
    );
    expect(visible).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
  });
});
