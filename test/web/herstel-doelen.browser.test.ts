import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { localClient } from '../../infra/local/dynamodb-local';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { DynamoHerstelStore } from '../../functions/storage/dynamo-herstel-store';
import { addDays } from '../../shared/domain/common/calendar';
import { openSection, productInBrowser, seriousAxeViolations } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('herstel-doelen'));
});
afterAll(() => stop?.());

/** A member of Kees's network, stored as the network part stores one (its core fields). */
async function seedNetworkMember(transitionId: string): Promise<void> {
  const store = new DynamoHerstelStore(
    createDocumentClient(localClient(inject('dynamoEndpoint'))),
    process.env.TABLE_NAME!,
  );
  await store.write({
    transitionId,
    item: {
      part: 'netwerk',
      id: 'lid-buurman',
      data: {
        naam: 'Henk (buurman)',
        relatie: 'buren',
        soort: 'natuurlijk-netwerk',
        band: 'steunend',
        toestemmingBereikbaar: false,
        sinds: '2026-01-01',
      },
    },
    event: {
      id: randomUUID(),
      transitionId,
      type: 'netwerk-bijgewerkt',
      at: new Date().toISOString(),
      actor: { soort: 'medewerker', id: 'u-sanne', naam: 'Sanne de Vries' },
    },
  });
}

describe('Doelen and the Plan van Aanpak in the browser', { timeout: 120_000 }, () => {
  it('chooses the best option, plans a step with a network member, evaluates on the due date from Vandaag', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(landing.url);
    await page.getByRole('button', { name: /Sanne de Vries/ }).click();
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Kees van Dijk' }).click();
    await page.waitForURL(/\/trajecten\/[^/]+$/);
    const transitionId = new URL(page.url()).pathname.split('/').pop()!;
    await seedNetworkMember(transitionId);
    await page.reload();
    await openSection(page, 'Plan & netwerk');

    const doelen = page.getByRole('region', { name: 'Doelen en Plan van Aanpak' });
    await expect.poll(() => doelen.innerText()).toContain('Nog geen doelen gesteld.');
    await doelen.locator('summary', { hasText: 'Doel stellen' }).click();
    await doelen.getByLabel('Levensdomein').selectOption({ label: 'Sociale contacten' });
    await doelen.getByLabel('Wens', { exact: true }).fill('Minder alleen zijn');
    await doelen.getByLabel('Te bereiken resultaat (doel)').fill('Elke week iets met anderen doen');
    await doelen.getByRole('button', { name: 'Doel stellen' }).click();
    await expect.poll(() => doelen.innerText()).toContain('Het doel is gesteld.');

    const doel = doelen.getByRole('article', { name: 'Elke week iets met anderen doen' });
    await doel.locator('summary', { hasText: 'Opties wegen' }).click();
    await doel.getByRole('button', { name: 'Optie toevoegen' }).click();
    await doel.getByRole('button', { name: 'Optie toevoegen' }).click();
    const optie = (i: number) => doel.getByRole('group', { name: `Optie ${i}` });
    await optie(1).getByLabel('Optie', { exact: true }).fill('Wandelgroep van het buurthuis');
    await optie(1).getByLabel('Voordelen').fill('Dichtbij');
    await optie(1).getByLabel('Nadelen').fill('Vroeg');
    await optie(2).getByLabel('Optie', { exact: true }).fill('Koor');
    await optie(1).getByLabel('Beste optie', { exact: true }).check();
    await optie(2).getByLabel('Op één na beste optie').check();
    await doel.getByRole('button', { name: 'Werkblad opslaan' }).click();
    await expect.poll(() => doel.innerText()).toContain('Beste optie: Wandelgroep van het buurthuis.');
    expect(await doel.innerText()).toContain('Op één na beste optie: Koor.');

    const today = landing.clock.state().today;
    const due = addDays(today, 14);
    await doel.locator('summary', { hasText: 'Plan maken of bijwerken' }).click();
    await doel.getByRole('button', { name: 'Stap toevoegen' }).click();
    const stap = doel.getByRole('group', { name: 'Stap 1' });
    await stap.getByLabel('Concrete stap of activiteit').fill('Gaat de eerste keer mee wandelen');
    await stap.getByLabel('Wie doet het').selectOption({ label: 'Iemand uit het netwerk' });
    await stap.getByLabel('Wie uit het netwerk').selectOption('lid-buurman');
    await doel.getByLabel('Datum evaluatie').fill(due);
    await doel.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => doel.innerText()).toContain('Het Plan van Aanpak is opgeslagen.');
    expect(await doel.getByRole('list', { name: /Stappen voor/ }).innerText()).toContain(
      'Gaat de eerste keer mee wandelen — iemand uit het netwerk: Henk (buurman)',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Not due this week yet: not on Vandaag.
    await page.getByRole('link', { name: 'Vandaag' }).click();
    const lijst = () => page.getByRole('main').innerText();
    await expect.poll(lijst).toContain('Doelen evalueren');
    expect(await lijst()).not.toMatch(/Kees van Dijk: 1 doel/);

    // Two weeks on in the demo: the evaluation date has come, and Vandaag says so.
    for (let week = 0; week < 2; week++) {
      await page.getByText(/Ontwikkelaarsmenu/).click();
      await page.getByRole('button', { name: 'Klok +1 week' }).click();
      await page.waitForEvent('load');
    }
    const evalueren = page.getByRole('list', { name: 'Doelen evalueren' });
    await expect.poll(() => evalueren.innerText()).toMatch(/Kees van Dijk: 1 doel evalueren, uiterlijk/);
    // The person's name leads to the goals in the Plan & netwerk section, where the evaluation is done.
    await evalueren.getByRole('link', { name: 'Kees van Dijk' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/plan') && u.hash === '#doelen');

    await expect.poll(() => doel.innerText()).toContain('nu te evalueren');
    await doel.locator('summary', { hasText: 'Evalueren' }).click();
    await doel.getByLabel('Hoe gaat het? In de woorden van de persoon').fill('Twee keer gewandeld, Henk was erbij');
    await doel.getByLabel('Dichterbij').check();
    await doel.getByLabel('Volgende evaluatie').fill(addDays(due, 42));
    await doel.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await expect.poll(() => doel.innerText()).toContain('De evaluatie is vastgelegd.');
    expect(await doel.getByRole('list', { name: /Evaluaties van/ }).innerText()).toContain(
      'Dichterbij — “Twee keer gewandeld, Henk was erbij”',
    );

    await page.getByRole('link', { name: 'Vandaag' }).click();
    await expect.poll(lijst).toContain('Doelen evalueren');
    await expect.poll(lijst).not.toMatch(/Kees van Dijk: 1 doel/);
  });

  it('has no serious accessibility violation on Vandaag (axe)', async () => {
    await expect.poll(() => page.getByRole('list', { name: 'Doelen evalueren' }).count()).toBe(1);
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  });

  it('links a step to a partner in the wijk of Dewi’s woning, shown “via” that partner', async () => {
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Dewi Kartosen' }).click();
    await openSection(page, 'Plan & netwerk');
    const doel = page.getByRole('article', { name: /^Mijn eigen plek houden/ });
    await expect.poll(() => doel.count()).toBe(1);
    await doel.locator('summary', { hasText: 'Plan maken of bijwerken' }).click();
    await doel.getByRole('button', { name: 'Stap toevoegen' }).click();
    const stap = doel.getByRole('group', { name: 'Stap 3' });
    await stap.getByLabel('Concrete stap of activiteit').fill('Gaat mee naar de kookgroep');
    await stap.getByLabel('Wie doet het').selectOption({ label: 'Een algemene voorziening' });
    const partner = stap.getByLabel('Partner in de wijk (optioneel)');
    await expect.poll(() => partner.locator('option', { hasText: 'Buurthuis De Boog' }).count()).toBe(1);
    await partner.selectOption({ label: 'Buurthuis De Boog' });
    // An empty name takes the partner's.
    expect(await stap.getByLabel(/^Naam \(voorziening/).inputValue()).toBe('Buurthuis De Boog');
    await doel.getByRole('button', { name: 'Plan opslaan' }).click();
    await expect.poll(() => doel.innerText()).toContain('Het Plan van Aanpak is opgeslagen.');
    await expect
      .poll(() => doel.getByRole('list', { name: /Stappen voor/ }).innerText())
      .toContain('Gaat mee naar de kookgroep — een algemene voorziening: via Buurthuis De Boog');
  });

  it('has no serious accessibility violation in the doelen panel, forms open (axe)', async () => {
    expect(await seriousAxeViolations(page, 'section[aria-labelledby="doelen-title"]', { openDetails: true })).toEqual(
      [],
    );
  });
});
