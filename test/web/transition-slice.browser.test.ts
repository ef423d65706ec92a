import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('browser'));
});
afterAll(() => stop?.());

describe('A caseworker in the browser', { timeout: 60_000 }, () => {
  it('signs in as a seeded begeleider and sees their transitions', async () => {
    await page.goto(landing.url);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    // A caseworker starts at what asks for them today; their transitions are one click away.
    await page.getByRole('heading', { name: 'Vandaag' }).waitFor();
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Kees van Dijk');
    // Another organisation's person never shows.
    expect(await page.getByRole('table').innerText()).not.toContain('Postma');
  });

  it('gets a message per field for an empty aanmelding, linked to the field', async () => {
    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).first().click();
    await page.getByRole('heading', { name: 'Nieuwe aanmelding' }).waitFor();
    await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de aanmelding' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Vul de voornaam in.');
    expect(await page.getByLabel('Voornaam').getAttribute('aria-invalid')).toBe('true');
    // The summary links to the field it names.
    await summary.getByRole('link', { name: 'Vul de voornaam in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('voornaam');
  });

  it('registers a transition with the keyboard and sees the workflow start it on the timeline', async () => {
    await page.getByLabel('Voornaam').fill('Marloes');
    await page.getByLabel('Achternaam').fill('van den Berg');
    await page.getByLabel('Geboortedatum').fill('1990-04-12');
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Utrecht' });
    await page.getByLabel('Maatschappelijke Opvang').check();
    expect(await page.getByLabel('Sanne de Vries').isChecked()).toBe(true);
    // Submit with Enter from a text field, as a keyboard user would.
    await page.getByLabel('Achternaam').press('Enter');

    await page.getByRole('heading', { name: 'Marloes van den Berg' }).waitFor();
    expect(await page.getByText('12 april 1990').count()).toBe(1);
    await openSection(page, 'Tijdlijn');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Aanmelding geregistreerd');
    await expect.poll(() => timeline.innerText(), { timeout: 10_000 }).toContain('Traject gestart');
  });

  it('shows the newest event first and loads older ones on request', async () => {
    // The product's own first page, told there is more; the older page is made up here (the API's paging
    // through a long timeline is tested in test/functions/long-timeline.test.ts).
    const older = {
      id: 'oud-1',
      transitionId: 'x',
      type: 'taak-aangemaakt',
      at: '2020-01-02T09:00:00.000Z',
      actor: { soort: 'werkproces', naam: 'Werkproces verhuizing' },
      omschrijving: 'Een heel oude taak',
    };
    const timelineRoute = '**/api/transitions/*/timeline*';
    await page.route(timelineRoute, async (route) => {
      if (new URL(route.request().url()).searchParams.get('cursor') === 'ouder')
        return route.fulfill({ json: { items: [older] } });
      const real = await route.fetch();
      return route.fulfill({ response: real, json: { ...((await real.json()) as object), nextCursor: 'ouder' } });
    });
    await page.reload();
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Traject gestart');
    expect((await timeline.getByRole('listitem').allInnerTexts())[0]).toContain('Traject gestart');

    await page.getByRole('button', { name: 'Oudere gebeurtenissen' }).click();

    await expect.poll(() => timeline.innerText()).toContain('Een heel oude taak');
    expect((await timeline.getByRole('listitem').allInnerTexts()).at(-1)).toContain('Een heel oude taak');
    expect(await page.getByRole('button', { name: 'Oudere gebeurtenissen' }).count()).toBe(0);
    await page.unroute(timelineRoute);
  });

  it('finds the new person in "Mijn trajecten", newest first', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    await expect.poll(() => firstRow.innerText()).toContain('Marloes van den Berg');
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Naar de inhoud');
  });
});
