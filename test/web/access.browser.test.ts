import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, signInAs as signInAsDemoUser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('access-ui'));
});
afterAll(() => stop?.());

const signInAs = (name: RegExp) => signInAsDemoUser(page, landing, name);

/** Opens a section of the record shown, by its link in the section navigation. */
const section = (name: string) =>
  page.getByRole('navigation', { name: 'Onderdelen van het traject' }).getByRole('link', { name }).click();

/** Kees van Dijk's record, as the Utrecht team sees it: its address in the SPA. */
async function keesUrl(): Promise<string> {
  await signInAs(/Sanne de Vries/);
  await page.getByRole('link', { name: 'Mijn trajecten' }).click();
  await page.getByRole('link', { name: 'Kees van Dijk' }).click();
  await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
  return page.url();
}

describe('Who sees what, in the browser', { timeout: 60_000 }, () => {
  it('shows each team its own transitions', async () => {
    await signInAs(/Fleur Kok/);
    await page.getByRole('link', { name: 'Trajecten van het team' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.innerText()).toContain('Ilse Brouwer');
    expect(await table.innerText()).not.toContain('Kees van Dijk');
  });

  it('lets a member of another team in only with a reason, and shows it to the team lead', async () => {
    const url = await keesUrl();
    await signInAs(/Daan Smit/);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Traject van een ander team' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Kees');
    await page
      .getByLabel('Reden voor noodtoegang')
      .fill('Crisisdienst: Kees belt in paniek, zijn begeleiders zijn onbereikbaar');
    await page.getByRole('button', { name: 'Noodtoegang gebruiken' }).click();
    await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'noodtoegang' }).count()).toBeGreaterThan(0);
    // Emergency access is for looking: the record's forms are there but disabled, the audit trail is not shown.
    const nextFase = page.getByRole('group', { name: 'Volgende fase' }).getByRole('button').first();
    expect(await nextFase.isDisabled()).toBe(true);
    await section('Dossier');
    await page.getByRole('heading', { name: 'Verblijf en nazorg' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Inzage en wijzigingen' }).count()).toBe(0);
    await section('Ondersteuning & signalen');
    await page.locator('summary', { hasText: 'Contactmoment vastleggen' }).click();
    expect(await page.getByRole('button', { name: 'Contact vastleggen' }).isDisabled()).toBe(true);
    // On a phone the page does not scroll sideways: the ledger table scrolls in its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await signInAs(/Ingrid Visser/);
    await page.goto(`${url}/dossier`);
    const trail = page.getByRole('list', { name: 'Auditlog van dit dossier' });
    await expect.poll(() => trail.innerText()).toContain('Daan Smit');
    expect(await trail.innerText()).toContain('Crisisdienst: Kees belt in paniek');
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Noodtoegang' }).innerText()).toContain('Daan Smit');
    // What one member of the team looked at, opened on demand.
    await page.getByText('Wat Sanne de Vries inzag en wijzigde').click();
    const sannes = page.getByRole('list', { name: 'Auditlog van Sanne de Vries' });
    await expect.poll(() => sannes.innerText()).toContain('Ingezien');
    // Her one visit to Kees's page (the record and the parts the page read with it) is one "ingezien" line.
    const keesLooks = sannes
      .getByRole('listitem')
      .filter({ hasText: 'Ingezien' })
      .filter({ has: page.locator(`a[href="${new URL(url).pathname}"]`) });
    expect(await keesLooks.count()).toBe(1);
    expect(await sannes.getByRole('link', { name: 'dossier' }).first().getAttribute('href')).toBe(
      new URL(url).pathname,
    );
  });

  it('asks for noodtoegang once per record in the session, shows until when, and not for the next user', async () => {
    const url = await keesUrl();
    await signInAs(/Daan Smit/);
    await page.goto(url);
    await page.getByLabel('Reden voor noodtoegang').fill('Huisbezoek: Kees is in crisis en zijn duo is onbereikbaar');
    await page.getByRole('button', { name: 'Noodtoegang gebruiken' }).click();
    await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
    const until = page.getByRole('status').filter({ hasText: /Noodtoegang tot \d{1,2}:\d{2}/ });
    expect(await until.count()).toBe(1);
    // A reload and a walk through the menu and back: the record opens again without asking.
    await page.reload();
    await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
    expect(await until.count()).toBe(1);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('heading', { name: 'Mijn trajecten' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Kees van Dijk' }).waitFor();
    expect(await page.getByLabel('Reden voor noodtoegang').count()).toBe(0);
    // Still only for looking.
    await section('Ondersteuning & signalen');
    await page.locator('summary', { hasText: 'Contactmoment vastleggen' }).click();
    expect(await page.getByRole('button', { name: 'Contact vastleggen' }).isDisabled()).toBe(true);
    // Someone else signing in in this tab does not inherit it.
    await signInAs(/Fleur Kok/);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Traject van een ander team' }).waitFor();
  });

  it('gives the team lead the person’s access report as a download, and a begeleider not', async () => {
    const url = await keesUrl();
    await section('Dossier');
    await page.getByRole('heading', { name: 'Verblijf en nazorg' }).waitFor();
    expect(await page.getByRole('button', { name: /Inzageverslag voor de persoon downloaden/ }).count()).toBe(0);
    await signInAs(/Ingrid Visser/);
    await page.goto(`${url}/dossier`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Inzageverslag voor de persoon downloaden/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('inzageverslag.csv');
  });
});
