import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import type { Transition } from '../../shared/domain/transition/transition';
import { openSection, productInBrowser, seriousAxeViolations, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('confirm-ui'));
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => stop?.());

const panel = (name: string) => page.getByRole('region', { name, exact: true });

/** The API as the signed-in user of `on` calls it: what is stored, not what the page shows. */
const callApi = <T>(on: Page, method: string, path: string, body?: unknown) =>
  on.evaluate(
    async ({ method, path, body }) => {
      const { token } = JSON.parse(sessionStorage.getItem('landing.session')!) as { token: string };
      const response = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;

const transitionId = () => new URL(page.url()).pathname.split('/')[2]!;
const stored = async () => (await callApi<Transition>(page, 'GET', `/api/transitions/${transitionId()}`)).body;

describe('Consequential actions ask first and say what happened', { timeout: 120_000 }, () => {
  it('asks before accepting a woning, says who hears it; Escape and Annuleren write nothing', async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await page.getByRole('link', { name: 'Fatima Ouali' }).click();
    await page.getByRole('heading', { name: 'Fatima Ouali' }).waitFor();
    await openSection(page, 'Wonen & verhuizing');
    const woning = panel('Woning');

    // Declining tells the corporation too: asked first, and Escape leaves the offer open.
    await woning.getByRole('button', { name: 'Woning afwijzen' }).click();
    await woning.getByLabel('Reden van afwijzen').fill('Te ver van haar werk');
    await woning.getByRole('button', { name: 'Afwijzing vastleggen' }).click();
    const decline = page.getByRole('dialog', { name: 'Woning Batauplein 17 afwijzen?' });
    expect(await decline.innerText()).toContain('de reden blijft bij jullie');
    await page.keyboard.press('Escape');
    await decline.waitFor({ state: 'hidden' });
    expect((await stored()).aanbiedingen[0]?.status).toBe('open');

    await woning.getByRole('button', { name: 'Woning accepteren' }).click();
    const question = page.getByRole('dialog', { name: 'Woning Batauplein 17 accepteren?' });
    await question.waitFor();
    expect(await question.innerText()).toContain('krijgt bericht dat de persoon de woning aanneemt');
    // The safe choice has the focus: Enter does nothing that tells the corporation.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Annuleren');
    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);

    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect((await stored()).aanbiedingen[0]?.status).toBe('open');

    await woning.getByRole('button', { name: 'Woning accepteren' }).click();
    await question.getByRole('button', { name: 'Annuleren' }).click();
    await question.waitFor({ state: 'hidden' });
    expect((await stored()).aanbiedingen[0]?.status).toBe('open');

    await woning.getByRole('button', { name: 'Woning accepteren' }).click();
    await question.getByRole('button', { name: 'Woning accepteren' }).click();
    await expect
      .poll(() => woning.getByRole('status').innerText())
      .toMatch(/^Woning Batauplein 17 geaccepteerd; .+ is op de hoogte gebracht\.$/);
    expect((await stored()).aanbiedingen[0]?.status).toBe('geaccepteerd');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('on a change by someone else meanwhile: names who, keeps the typed text, shows the new state', async () => {
    // Opened afresh: the page has not yet seen what Youssef is about to change.
    await page.goto(`${landing.url}/trajecten/${transitionId()}`);
    await page.getByRole('heading', { name: 'Fatima Ouali' }).waitFor();
    const fase = page.getByRole('group', { name: 'Volgende fase' });
    await fase.getByRole('button').first().click();
    const reden = page.getByLabel(/^Reden voor /);
    await reden.fill('Alles rond, zo besproken met Fatima');

    const other = await page.context().browser()!.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await signInAs(other, landing, /Youssef El Amrani/);
    const seen = (await callApi<Transition>(other, 'GET', `/api/transitions/${transitionId()}`)).body;
    const stay = await callApi(other, 'POST', `/api/transitions/${transitionId()}/tijdelijk-verblijf`, {
      soort: 'logeerplek',
      sinds: landing.clock.state().today,
      woningBehouden: true,
      expectedVersion: seen.version,
    });
    expect(stay.status).toBe(200);
    await other.close();

    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fase wijzigen' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Youssef El Amrani heeft dit traject op');
    const said = await alert.innerText();
    expect(said).toContain('wat je invulde staat er nog');
    expect(said).not.toMatch(/laad/i);
    expect(await reden.inputValue()).toBe('Alles rond, zo besproken met Fatima');
    // The page shows what Youssef recorded without being reloaded by hand.
    await expect
      .poll(() => panel('Samenvatting').innerText())
      .toMatch(/Tijdelijk elders\s*Logeerplek sinds .+, woning behouden/);
  });
});
