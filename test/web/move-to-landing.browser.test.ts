import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { addDays, datumInWoorden, firstOfNextMonth } from '../../shared/domain/common/calendar';
import { openSection, productInBrowser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('move-ui'));
});
afterAll(() => stop?.());

const panel = (name: string) => page.getByRole('region', { name, exact: true });

describe('A caseworker takes Fatima from an offered woning to her new home', { timeout: 90_000 }, () => {
  it('accepts the woning, records the contract, fixes the move date and the uitkering, and moves her', async () => {
    const today = landing.clock.state().today;
    const available = firstOfNextMonth(addDays(today, 20)); // as the demo data offers it

    await page.goto(landing.url);
    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Fatima Ouali' }).click();
    await page.getByRole('heading', { name: 'Fatima Ouali' }).waitFor();
    await openSection(page, 'Wonen & verhuizing');

    await panel('Woning').getByRole('button', { name: 'Woning accepteren' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Woning accepteren' }).click();
    await expect.poll(() => panel('Woning').innerText()).toContain('Geaccepteerd');

    const move = panel('Contract, verhuizing en uitkering');
    // Dates as people type them, in the form the label asks for or in words.
    await move.getByLabel('Ingangsdatum (dd-mm-jjjj)', { exact: true }).fill(datumInWoorden(available));
    const [y, m, d] = today.split('-').map(Number);
    await move.getByLabel('Getekend op (dd-mm-jjjj)').fill(`${d}-${m}-${y}`);
    await move.getByRole('button', { name: 'Contract vastleggen' }).click();
    await expect.poll(() => move.innerText()).toContain('Omklap op');

    // A mid-month move date: the product warns about huurtoeslag and offers the 1st.
    await move.getByLabel('Verhuisdatum').fill(addDays(available, 2));
    await move.getByRole('button', { name: 'Verhuisdatum vastleggen' }).click();
    await expect.poll(() => move.innerText()).toContain('kost de huurtoeslag');
    // The move workflow answers the new date (the uitkering is not arranged: a task); its own steps do not
    // make the caseworker's view stale.
    await openSection(page, 'Tijdlijn');
    const timeline = page.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
    await expect.poll(() => timeline.innerText()).toContain('Taak voor de begeleider');
    await openSection(page, 'Wonen & verhuizing');
    await move.getByRole('button', { name: /^Verhuisdatum naar/ }).click();
    await expect.poll(() => move.innerText()).not.toContain('kost de huurtoeslag');

    // Not applied yet: red. Applied today, with 8 weeks to decide, the decision still lands after the move.
    expect(await move.innerText()).toContain('Rood');
    await move.getByLabel('Aangevraagd op').fill(today);
    await move.getByRole('button', { name: 'Uitkering bijwerken' }).click();
    await expect.poll(() => move.innerText()).toContain('Aangevraagd, maar het besluit wordt pas');
    // Korte lijnen with Werk & Inkomen: granted from the move date on. Green.
    await move.getByLabel('Besluit op').fill(today);
    await move.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Toegekend' });
    await move.getByLabel('Ingangsdatum uitkering').fill(available);
    await move.getByRole('button', { name: 'Uitkering bijwerken' }).click();
    await expect.poll(() => move.innerText()).toContain('Groen');
    expect(await move.innerText()).not.toContain('verhuisd op');

    await openSection(page, 'Overzicht');

    await panel('Fase: Wachten op woning').getByRole('button', { name: 'Naar verhuizing' }).click();
    await page.getByLabel('Reden voor verhuizing').fill('Woning, contract en datum rond');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('heading', { name: 'Fase: Verhuizing' }).waitFor();

    // A year passes in the demo: the move workflow asks the duo to confirm the move; it does not record it.
    await page.getByText(/Ontwikkelaarsmenu/).click();
    await page.getByRole('button', { name: 'Klok +1 jaar' }).click();
    // The jump answers once the woken workflows are done (the move and the contact watch write the same
    // transition; a step that meets the other's write is retried), and the page then reloads.
    await page.waitForEvent('load');
    const decisions = panel('Bevestigen en besluiten');
    await expect.poll(() => decisions.innerText()).toContain('Bevestig dat de persoon is verhuisd');
    await decisions.getByLabel('Verhuisd op').fill(available);
    await decisions.getByRole('button', { name: 'Verhuizing bevestigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verhuizing bevestigen' }).click();
    await expect.poll(() => decisions.innerText()).toContain('Verhuizing bevestigd');
    await openSection(page, 'Wonen & verhuizing');
    await expect.poll(() => move.innerText()).toContain('verhuisd op');
    await openSection(page, 'Overzicht');

    await panel('Fase: Verhuizing').getByRole('button', { name: 'Naar landing' }).click();
    await page.getByLabel('Reden voor landing').fill('Verhuisd en gesettled');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('heading', { name: 'Fase: Landing' }).waitFor();
  });

  it('shows a rule that blocks a phase change in words, and changes nothing', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Kees van Dijk' }).click();
    await page.getByRole('heading', { name: 'Fase: Voorbereiding' }).waitFor();
    await panel('Fase: Voorbereiding').getByRole('button', { name: 'Naar wachten op woning' }).click();
    await page.getByLabel('Reden voor wachten op woning').fill('Graag snel');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fase wijzigen' }).click();
    await expect.poll(() => panel('Fase: Voorbereiding').innerText()).toContain('verplichte punten staan nog open');
  });
});
