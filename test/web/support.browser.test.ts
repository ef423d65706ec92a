import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { openSection, productInBrowser } from '../support/browser';

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
    await openSection(page, 'Ondersteuning & signalen');
    const panel = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => panel.innerText()).toContain('Nu: Verhoogd');

    const today = landing.clock.state().today;
    await panel.locator('summary', { hasText: 'Ondersteuning wijzigen' }).click();
    await panel.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Intensief (24/7 bereikbaar)' });
    await panel.getByLabel('Ondersteuning op afstand, 24/7').check();
    await panel
      .getByLabel('Tijdelijk, tot en met (dd-mm-jjjj; optioneel)')
      .fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await panel.getByLabel('Reden').fill('Slaapt slecht sinds de sleuteloverdracht');
    await panel.getByRole('button', { name: 'Ondersteuning vastleggen' }).click();

    await expect.poll(() => panel.innerText()).toContain('Nu: Intensief (24/7 bereikbaar)');
    expect(await panel.getByRole('list', { name: 'Niveaus in de tijd' }).innerText()).toContain(
      'Intensief (24/7 bereikbaar)',
    );
    expect(await panel.innerText()).toContain('Evaluatie van de opschaling');
    await openSection(page, 'Tijdlijn');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Slaapt slecht sinds de sleuteloverdracht');
  });

  it('writes a signaleringsplan with the person and records their agreement', async () => {
    await openSection(page, 'Plan & netwerk');
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
    await page.getByRole('dialog').getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect.poll(() => plan.innerText()).toContain('Akkoord van de persoon op');
  });

  it('registers a rood signal, sees the task, picks it up, scales up and sees the chart change', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Ondersteuning & signalen');
    const support = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => support.innerText()).toContain('Nu: Licht');

    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    const omschrijving = 'Anouk belt de nachtdienst: ze is haar sleutels kwijt en slaapt buiten';
    await signals.locator('summary', { hasText: 'Signaal registreren' }).click();
    await signals.getByLabel('Van wie').selectOption({ label: 'Ondersteuning op afstand' });
    await signals.getByLabel('Wat is er opgemerkt').fill(omschrijving);
    // Remote support knows Anouk: it chooses the urgency itself; the thermometer is for the neighbourhood.
    expect(await signals.getByLabel('Veiligheid', { exact: true }).count()).toBe(0);
    // Nothing is preselected: sent without an urgency, the form asks for one instead of saving groen.
    await signals.getByRole('button', { name: 'Signaal registreren' }).click();
    const urgentie = signals.getByRole('group', { name: 'Urgentie' });
    await expect.poll(() => urgentie.innerText()).toContain('Kies de urgentie: rood, oranje of groen.');
    await signals.getByLabel(/Rood: crisis dreigt/).check();
    await signals.getByLabel('Waarom deze urgentie').fill('Buiten slapen in de kou kan niet tot morgen wachten');
    await signals.getByRole('button', { name: 'Signaal registreren' }).click();

    // The follow-up workflow gives the duo a task and proposes a temporary scale-up with a logeerplek.
    const item = signals
      .getByRole('list', { name: 'Open signalen' })
      .getByRole('listitem')
      .filter({ hasText: omschrijving });
    expect(await item.innerText()).toContain('waarom rood: Buiten slapen in de kou kan niet tot morgen wachten');
    await expect.poll(() => item.innerText()).toContain('Taak voor het duo');
    expect(await item.innerText()).toMatch(/Oppakken vóór/);
    await expect.poll(() => item.innerText()).toContain('Voorstel: tijdelijk intensief (24/7 bereikbaar)');

    // The task is on the caseworker's "vandaag", with its deadline.
    await page.getByRole('link', { name: 'Vandaag' }).click();
    const tasks = page.getByRole('list', { name: 'Taken' });
    await expect.poll(() => tasks.innerText()).toContain('Anouk Mulder');
    expect(await tasks.innerText()).toContain(omschrijving);
    await tasks.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Ondersteuning & signalen');

    await item.getByRole('button', { name: 'Signaal oppakken' }).click();
    await expect.poll(() => item.innerText()).toContain('Opgepakt door Marieke Jansen');

    // The page reloads the signals when the workflow answers the pick-up; the item (and its open form) stays.
    await item.locator('summary', { hasText: 'Signaal afhandelen' }).click();
    const notitie = item.getByLabel('Wat is er gedaan');
    await notitie.fill('Logeerplek geregeld voor vannacht; twee weken intensief');
    expect(await item.getByLabel('Tijdelijk opschalen vanaf vandaag').isChecked()).toBe(true);
    await item.getByRole('button', { name: 'Afhandelen en opschalen' }).click();

    await expect.poll(() => support.innerText()).toContain('Nu: Intensief (24/7 bereikbaar)');
    expect(await support.getByRole('list', { name: 'Niveaus in de tijd' }).innerText()).toMatch(
      /Intensief \(24\/7 bereikbaar\): \d+ \w+ \d{4} tot en met/,
    );
    expect(await support.innerText()).toContain('Signalen in deze periode: 1 rood');
    // Handled, it leaves the open signals and stays on the transition as history.
    const afgehandeld = signals.getByRole('list', { name: 'Afgehandelde signalen' });
    await expect.poll(() => afgehandeld.innerText().catch(() => '')).toContain(omschrijving);
    const stillOpen = signals.getByRole('list', { name: 'Open signalen' }).getByRole('listitem');
    expect(await stillOpen.filter({ hasText: omschrijving }).count()).toBe(0);
    await openSection(page, 'Tijdlijn');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Opgeschaald na een rood signaal');

    await page.getByRole('link', { name: 'Vandaag' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Signalen om op te pakken' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain(omschrijving);
  });

  it('scores a signal from the neighbourhood with the thermometer, nothing preselected', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Ondersteuning & signalen');
    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    await signals.locator('summary', { hasText: 'Signaal registreren' }).click();
    await signals.getByLabel('Van wie').selectOption({ label: 'Buur of medebewoner' });
    const veiligheid = signals.getByLabel('Veiligheid', { exact: true });
    expect(await veiligheid.inputValue()).toBe('');
    expect(await signals.getByRole('group', { name: 'Urgentie' }).count()).toBe(0);
    await signals.getByLabel('Van wie').selectOption({ label: 'Begeleider' });
  });

  it('asks the review whether a step down fits after long on intensief, instead of warning', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Sven de Jong' }).click();
    await openSection(page, 'Ondersteuning & signalen');
    const support = page.getByRole('region', { name: 'Ondersteuning', exact: true });
    await expect.poll(() => support.innerText()).toMatch(/Vraag voor de evaluatie: Al \d+ dagen intensief\./);
    expect(await support.innerText()).toContain('Het tempo van de deelnemer is leidend.');
    expect(await support.innerText()).not.toContain('Let op');
  });

  it('records a contactmoment', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Anouk Mulder' }).click();
    await openSection(page, 'Ondersteuning & signalen');
    const signals = page.getByRole('region', { name: 'Signalen', exact: true });
    await signals.locator('summary', { hasText: 'Contactmoment vastleggen' }).click();
    await signals.getByLabel('Hoe').selectOption({ label: 'Op afstand (video, telefoon)' });
    await signals.getByLabel('Korte notitie (optioneel)').fill('Even gebeld, gaat redelijk');
    await signals.getByRole('button', { name: 'Contact vastleggen' }).click();
    await expect
      .poll(() => signals.getByRole('list', { name: 'Recente contactmomenten' }).innerText())
      .toContain('Even gebeld, gaat redelijk');
  });

  it('shows the team lead the caseload of the team and how its capacity is counted', async () => {
    await page.goto(`${landing.url}/aanmelden`);
    await page.getByRole('button', { name: /Ingrid Visser/ }).click();
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Caseload van het team');
    // Sanne, Youssef and Marieke: three begeleiders, room for fifteen.
    expect(await main.innerText()).toMatch(/\d+ van 15 deelnemers/);
    const uitleg = page.locator('details', { hasText: 'Hoe de capaciteit is berekend' });
    expect(await uitleg.innerText()).toContain('“voor 2 begeleiders 10 cliënten”');
    expect(await uitleg.innerText()).toContain('3 ÷ 2 × 10 = 15 deelnemers');
    expect(await uitleg.innerText()).toContain('Elke deelnemer telt één keer mee, ook op intensief');
    expect(await main.innerText()).not.toContain('Lang op intensief');
    expect(await main.innerText()).not.toContain('plan het afschalen');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
