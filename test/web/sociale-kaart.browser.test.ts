import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('sociale-kaart-ui'));
});
afterAll(() => stop?.());

const main = () => page.locator('main');
const card = (naam: string) => page.getByRole('listitem', { name: naam, exact: true });
/** No sideways scrolling; when there is, the elements that stick out (to read in the failure). */
const tooWide = () =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= document.documentElement.clientWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
          .slice(0, 10),
  );

describe('Sociale kaart in the browser: a wijk’s partners on the bindingsladder', { timeout: 90_000 }, () => {
  it('shows Overvecht’s six partners by rung, adds a partner and moves it up a rung, on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, landing, /Sanne de Vries/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sociale kaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Wijken' })
      .getByRole('link', { name: 'Overvecht', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Partners in Overvecht' }).waitFor();

    const duurzaam = page.getByRole('list', { name: 'Trede 5: Duurzame contacten' });
    await expect.poll(() => duurzaam.getByRole('listitem', { name: /./ }).count()).toBe(2);
    expect(await duurzaam.innerText()).toContain('Buurtteam Overvecht');
    expect(await duurzaam.innerText()).toContain('Buurthuis De Boog');
    for (const [naam, trede] of [
      ['Herstelacademie Utrecht, locatie Overvecht', 4],
      ['Moskee Al Houda', 3],
      ['Sportvereniging Overvecht Vooruit', 2],
      ['Stichting Samen Sterk Overvecht', 1],
    ] as const) {
      const ladder = card(naam).getByRole('list', {
        name: new RegExp(`^Bindingsladder van .+: trede ${trede} van 5$`),
      });
      expect(await ladder.locator('[aria-current="step"]').innerText()).toContain('(nu)');
    }
    expect(await tooWide()).toEqual([]);

    // A new partner: without a rung the form says so at the field, with one it is on the kaart.
    await page.getByLabel('Naam van de organisatie').fill('Inloophuis De Schakel');
    await page.getByLabel('Soort').selectOption({ label: 'Inloop' });
    await page.getByLabel('Wat biedt de partner').fill('Inloop op werkdagen, warme maaltijd op woensdag');
    await page.getByLabel('Contactpersoon (naam)').fill('Gerda Mulder');
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    await expect.poll(() => main().innerText()).toContain('Kies een trede van de bindingsladder');
    await page
      .getByRole('group', { name: 'Trede op de bindingsladder' })
      .getByLabel(/^1\. Vertrouwen winnen/)
      .check();
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toBe('Inloophuis De Schakel staat op de sociale kaart van Overvecht, op trede 1: vertrouwen winnen.');
    await expect.poll(() => card('Inloophuis De Schakel').count()).toBe(1);
    const wijken = page.getByRole('navigation', { name: 'Wijken' });
    await expect.poll(() => wijken.getByRole('listitem').innerText()).toBe('Overvecht (7 partners)');

    // One rung up, with the reason: the card moves to rung 2 and its history says who and why.
    const schakel = card('Inloophuis De Schakel');
    await schakel.getByText('Trede wijzigen').click();
    await schakel.getByLabel(/^2\. Individuele zelforganisaties versterken/).check();
    await schakel.getByLabel('Toelichting').fill('Samen een inloopmiddag voor nieuwe bewoners gehouden');
    await schakel.getByRole('button', { name: 'Trede opslaan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toBe('Inloophuis De Schakel staat nu op trede 2: versterken.');
    const tweede = page.getByRole('list', { name: 'Trede 2: Versterken' });
    await expect.poll(() => tweede.innerText()).toContain('Inloophuis De Schakel');
    const moved = card('Inloophuis De Schakel');
    expect(await moved.locator('[aria-current="step"]').innerText()).toContain('Versterken');
    await moved.getByText('Geschiedenis op de bindingsladder').click();
    expect(await moved.innerText()).toContain(
      'Trede 2: Versterken, door Sanne de Vries. Samen een inloopmiddag voor nieuwe bewoners gehouden',
    );
    expect(await tooWide()).toEqual([]);
    // The whole kaart page, its folded forms open, has no serious accessibility violation.
    expect(await seriousAxeViolations(page, 'main', { openDetails: true })).toEqual([]);
  });

  it('lists the wijk’s partners on the transition page of someone whose woning is there', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).click();
    await openSection(page, 'Wonen & verhuizing');
    const inDeWijk = page.getByRole('region', { name: 'In de wijk Overvecht' });
    await expect.poll(() => inDeWijk.innerText()).toContain('Buurtteam Overvecht');
    expect(await inDeWijk.innerText()).toContain('Inloophuis De Schakel');
    await inDeWijk.getByRole('link', { name: 'Sociale kaart van Overvecht' }).click();
    await page.getByRole('heading', { name: 'Partners in Overvecht' }).waitFor();
  });

  it('has no Sociale kaart for a budgethouder', async () => {
    await signInAs(page, landing, /Pieter Smit/);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(0);
    expect(await nav.getByRole('link', { name: 'Sociale kaart' }).count()).toBe(0);
  });
});
