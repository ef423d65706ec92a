import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('mobile-width'));
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(() => stop?.());

/**
 * What reaches past the right edge of a phone's screen on a page, its folded-away forms opened: empty when
 * nothing does.
 */
async function overflowOf(path: string): Promise<string[]> {
  await page.goto(`${landing.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  return page.evaluate((where) => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const past = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
    // Also what a box of its own would scroll sideways (a wide table): on a phone it reads as cut off.
    const culprits = [...document.querySelectorAll('main *, header *')]
      .filter((e) => e.getBoundingClientRect().width > 1 && past(e) && ![...e.children].some(past))
      .slice(0, 4)
      .map(
        (e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}: ${(e.textContent ?? '').trim().slice(0, 40)}`,
      );
    const cutLabels = [...document.querySelectorAll('svg text')]
      .filter((t) => {
        const [r, svg] = [t.getBoundingClientRect(), (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect()];
        return r.left < svg.left - 0.5 || r.right > svg.right + 0.5;
      })
      .map((t) => `label cut off in a drawing: ${t.textContent}`);
    const wide = document.documentElement.scrollWidth > window.innerWidth;
    const found = [...(wide ? [`the page is ${document.documentElement.scrollWidth} px wide`] : []), ...culprits];
    return found.length || cutLabels.length ? [where, ...found, ...cutLabels] : [];
  }, path);
}

/** Every link on the current page to a path that `pattern` matches. */
async function linksTo(path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(`${landing.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

async function overflowingPages(user: RegExp, paths: string[]): Promise<string[][]> {
  await signInAs(page, landing, user);
  const found: string[][] = [];
  for (const path of paths) {
    const overflow = await overflowOf(path);
    if (overflow.length) found.push(overflow);
  }
  return found;
}

describe('every page on a phone (390 × 844)', { timeout: 600_000 }, () => {
  it('a caseworker’s pages, every trajectory of hers included, do not scroll sideways', async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    const trajecten = await linksTo('/trajecten', /^\/trajecten\/(?!nieuw)/);
    expect(trajecten.length).toBeGreaterThan(3);
    const pages = ['/vandaag', '/trajecten', '/trajecten?scope=team', '/trajecten/nieuw', '/sociale-kaart'];
    expect(await overflowingPages(/Sanne de Vries/, [...pages, ...trajecten])).toEqual([]);
  });

  it('a team lead’s pages do not scroll sideways', async () => {
    expect(await overflowingPages(/Ingrid Visser/, ['/vandaag', '/team', '/trajecten?scope=team'])).toEqual([]);
  });

  it('a budget holder’s inbox and every request in it do not scroll sideways', async () => {
    await signInAs(page, landing, /Pieter Smit/);
    const requests = await linksTo('/regelbudget', /^\/regelbudget\/./);
    expect(requests.length).toBeGreaterThan(0);
    expect(await overflowingPages(/Pieter Smit/, ['/regelbudget', ...requests])).toEqual([]);
  });

  it('the administrator’s and the corporation’s pages, and the sign-in page, do not scroll sideways', async () => {
    expect(await overflowingPages(/Bram Koster/, ['/corporaties', '/trajecten'])).toEqual([]);
    expect(await overflowingPages(/Lotte Bos/, ['/trajecten'])).toEqual([]);
    await page.goto(`${landing.url}/inloggen`);
    await page.getByRole('button', { name: /Sanne de Vries/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
