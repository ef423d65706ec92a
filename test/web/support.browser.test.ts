import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('support-ui'));
});
afterAll(() => stop?.());

describe('Ambulant support in the browser', { timeout: 60_000 }, () => {
  it('scales up temporarily and sees the level and the chart change, with a review planned', async () => {
    await page.goto(landing.url);
    await page.getByRole('button', { name: /Marieke Jansen/ }).click();
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Ruud Hendriks' }).click();
    const panel = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => panel.innerText()).toContain('Nu: Verhoogd');

    const today = landing.clock.state().today;
    await panel.locator('summary', { hasText: 'Ondersteuning wijzigen' }).click();
    await panel.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Intensief (24/7 bereikbaar)' });
    await panel.getByLabel('Ondersteuning op afstand, 24/7').check();
    await panel
      .getByLabel('Tijdelijk, tot en met (optioneel)')
      .fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await panel.getByLabel('Reden').fill('Slaapt slecht sinds de sleuteloverdracht');
    await panel.getByRole('button', { name: 'Ondersteuning vastleggen' }).click();

    await expect.poll(() => panel.innerText()).toContain('Nu: Intensief (24/7 bereikbaar)');
    expect(await panel.getByRole('list', { name: 'Niveaus in de tijd' }).innerText()).toContain(
      'Intensief (24/7 bereikbaar)',
    );
    expect(await panel.innerText()).toContain('Evaluatie van de opschaling');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
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

  it('registers a rood signal, sees the task, picks it up, scales up and sees the chart change', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    const support = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => support.innerText()).toContain('Nu: Licht');

    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    const omschrijving = 'Anouk belt de nachtdienst: ze is haar sleutels kwijt en slaapt buiten';
    await signals.locator('summary', { hasText: 'Signaal registreren' }).click();
    await signals.getByLabel('Van wie').selectOption({ label: 'Ondersteuning op afstand' });
    await signals.getByLabel('Wat is er opgemerkt').fill(omschrijving);
    for (const part of ['Veiligheid', 'Gezondheid', 'Welzijn', 'Omvang', 'Duur'])
      await signals.getByLabel(part, { exact: true }).selectOption({ index: 2 });
    await signals.getByRole('button', { name: 'Signaal registreren' }).click();

    // The follow-up workflow gives the duo a task and proposes a temporary scale-up with a logeerplek.
    const item = signals
      .getByRole('list', { name: 'Open signalen' })
      .getByRole('listitem')
      .filter({ hasText: omschrijving });
    await expect.poll(() => item.innerText()).toContain('Taak voor het duo');
    expect(await item.innerText()).toMatch(/Oppakken vóór/);
    await expect.poll(() => item.innerText()).toContain('Voorstel: tijdelijk intensief (24/7 bereikbaar)');

    // The task is on the caseworker's "vandaag", with its deadline.
    await page.getByRole('link', { name: 'Vandaag' }).click();
    const tasks = page.getByRole('list', { name: 'Taken' });
    await expect.poll(() => tasks.innerText()).toContain('Anouk Mulder');
    expect(await tasks.innerText()).toContain(omschrijving);
    await tasks.getByRole('link', { name: 'Anouk Mulder' }).click();

    await item.getByRole('button', { name: 'Signaal oppakken' }).click();
    await expect.poll(() => item.innerText()).toContain('Opgepakt door Marieke Jansen');

    await item.locator('summary', { hasText: 'Signaal afhandelen' }).click();
    await item.getByLabel('Wat is er gedaan').fill('Logeerplek geregeld voor vannacht; twee weken intensief');
    expect(await item.getByLabel('Tijdelijk opschalen vanaf vandaag').isChecked()).toBe(true);
    await item.getByRole('button', { name: 'Afhandelen en opschalen' }).click();

    await expect.poll(() => support.innerText()).toContain('Nu: Intensief (24/7 bereikbaar)');
    expect(await support.getByRole('list', { name: 'Niveaus in de tijd' }).innerText()).toMatch(
      /Intensief \(24\/7 bereikbaar\): \d+ \w+ \d{4} tot en met/,
    );
    expect(await support.innerText()).toContain('Signalen in deze periode: 1 rood');
    await expect.poll(() => signals.innerText()).not.toContain(omschrijving);
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Opgeschaald na een rood signaal');

    await page.getByRole('link', { name: 'Vandaag' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Signalen om op te pakken' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain(omschrijving);
  });

  it('records a contactmoment', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    await signals.getByLabel('Hoe').selectOption({ label: 'Op afstand (video, telefoon)' });
    await signals.getByLabel('Korte notitie (optioneel)').fill('Even gebeld, gaat redelijk');
    await signals.getByRole('button', { name: 'Contact vastleggen' }).click();
    await expect
      .poll(() => signals.getByRole('list', { name: 'Recente contactmomenten' }).innerText())
      .toContain('Even gebeld, gaat redelijk');
  });
});
