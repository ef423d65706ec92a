import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;
/** Anouk Mulder's page, as the list links to it. */
let anouk: string;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('thumb-forms'));
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, landing, /Sanne de Vries/);
  await page.goto(`${landing.url}/trajecten`);
  await page.getByRole('link', { name: 'Anouk Mulder' }).click();
  await page.getByRole('heading', { name: 'Anouk Mulder' }).waitFor();
  anouk = new URL(page.url()).pathname;
});
afterAll(() => stop?.());

/**
 * What a thumb would miss in the part of the page `selector` names, its folded forms opened: targets under
 * 44 px high (a checkbox's or radio button's target is its label; the box itself at least 24 px), fields whose
 * text is under 16 px (the phone zooms in on focus), labels beside their field instead of above it, and a
 * submit button narrower than its form. Empty when nothing is.
 */
async function missedByThumb(selector: string): Promise<string[]> {
  const root = page.locator(selector);
  await root.waitFor();
  return root.evaluate((element) => {
    for (const d of element.querySelectorAll('details')) d.open = true;
    const found: string[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}#${e.id} ${(e.textContent ?? '').trim().slice(0, 30) || e.getAttribute('type')}`;
    const box = (e: Element) => e.getBoundingClientRect();
    const visible = (e: Element) => box(e).width > 0 && box(e).height > 0;
    for (const e of element.querySelectorAll('input, select, textarea, button, summary')) {
      if (!visible(e)) continue;
      const type = e.getAttribute('type');
      if (type === 'checkbox' || type === 'radio') {
        const label = element.querySelector(`label[for="${e.id}"]`);
        if (!label || box(label).height < 44) found.push(`${name(e)}: label ${label && box(label).height} px high`);
        if (box(e).height < 24) found.push(`${name(e)}: box ${box(e).height} px high`);
        continue;
      }
      if (box(e).height < 44) found.push(`${name(e)}: ${Math.round(box(e).height)} px high`);
      if (e.matches('input, select, textarea')) {
        const size = Number.parseFloat(getComputedStyle(e).fontSize);
        if (size < 16) found.push(`${name(e)}: text ${size} px`);
        const label = element.querySelector(`label[for="${e.id}"]`);
        if (label && box(label).bottom > box(e).top + 0.5) found.push(`${name(e)}: label not above the field`);
      }
      const form = e.closest('form');
      if (type === 'submit' && form && box(e).width < box(form).width - 1)
        found.push(`${name(e)}: ${Math.round(box(e).width)} of ${Math.round(box(form).width)} px wide`);
    }
    return found;
  });
}

describe('the home-visit forms on a phone (390 px)', { timeout: 120_000 }, () => {
  it('the contactmoment and signaal forms are made for a thumb', async () => {
    await page.goto(`${landing.url}${anouk}/ondersteuning`);
    const signalen = page.getByRole('region', { name: 'Signalen', exact: true });
    await signalen.locator('summary', { hasText: 'Contactmoment vastleggen' }).waitFor();
    expect(await missedByThumb('section[aria-labelledby="signalen-title"]')).toEqual([]);
  });

  it('the voorbereiding (readiness) checklist is made for a thumb', async () => {
    await page.goto(`${landing.url}${anouk}/wonen`);
    expect(await missedByThumb('section[aria-labelledby="gereedheid-title"]')).toEqual([]);
  });

  it('the contact note asks for a sentence and the phone’s key sends it', async () => {
    await page.goto(`${landing.url}${anouk}/ondersteuning`);
    const notitie = page.locator('#contact-notitie');
    await notitie.waitFor({ state: 'attached' });
    expect(await notitie.evaluate((e) => [e.getAttribute('enterkeyhint'), e.getAttribute('autocomplete')])).toEqual([
      'send',
      'off',
    ]);
  });
});
