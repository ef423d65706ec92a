import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { moderateAxeViolations, productInBrowser, signInAs } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('axe-every-page'));
});
afterAll(() => stop?.());

/** The sections of the transition page, each at its own address, and the print view. */
const sections = ['', '/wonen', '/geld', '/ondersteuning', '/plan', '/tijdlijn', '/dossier', '/afdrukken'];

async function opened(path: string): Promise<void> {
  await page.goto(`${landing.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Every link on the current page to a path that `pattern` matches. */
async function linksTo(path: string, pattern: RegExp): Promise<string[]> {
  await opened(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

/** What axe finds (moderate and worse) on each of `paths` as `user` sees them, folded-away forms opened. */
async function findings(user: RegExp, paths: string[]): Promise<string[]> {
  await signInAs(page, landing, user);
  const found: string[] = [];
  for (const path of paths) {
    await opened(path);
    for (const v of await moderateAxeViolations(page, 'html', { openDetails: true }))
      found.push(`${path} ${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
  }
  return found;
}

describe.each([
  { screen: 'a laptop', width: 1280, height: 800 },
  { screen: 'a phone', width: 390, height: 844 },
])('axe on every page, on $screen', { timeout: 900_000 }, ({ width, height }) => {
  beforeAll(() => page.setViewportSize({ width, height }));

  it('finds nothing moderate or worse on a caseworker’s pages, every section of a trajectory included', async () => {
    await signInAs(page, landing, /Sanne de Vries/);
    const trajecten = await linksTo('/trajecten', /^\/trajecten\/(?!nieuw)/);
    expect(trajecten.length).toBeGreaterThan(3);
    const [first, ...others] = trajecten;
    const pages = ['/vandaag', '/trajecten', '/trajecten?scope=team', '/trajecten/nieuw', '/sociale-kaart'];
    // Every trajectory once, on the laptop; the phone's layout is the same for each, so one stands for all there.
    const onEveryTrajectory = width > 400 ? others : [];
    const ownPages = [
      ...sections.map((s) => `${first}${s}`),
      ...onEveryTrajectory,
      `/regelbudget/${first!.split('/')[2]}`,
    ];
    expect(await findings(/Sanne de Vries/, [...pages, ...ownPages])).toEqual([]);
  });

  it('finds nothing moderate or worse on a team lead’s pages, the audit trails opened', async () => {
    expect(await findings(/Ingrid Visser/, ['/vandaag', '/team', '/trajecten?scope=team'])).toEqual([]);
  });

  it('finds nothing moderate or worse on a budget holder’s inbox and requests', async () => {
    await signInAs(page, landing, /Pieter Smit/);
    const requests = await linksTo('/regelbudget', /^\/regelbudget\/./);
    expect(requests.length).toBeGreaterThan(0);
    expect(await findings(/Pieter Smit/, ['/vandaag', '/regelbudget', ...requests])).toEqual([]);
  });

  it('finds nothing moderate or worse on the administrator’s, the corporation’s and the sign-in page', async () => {
    expect(await findings(/Bram Koster/, ['/vandaag', '/corporaties'])).toEqual([]);
    expect(await findings(/Lotte Bos/, ['/vandaag', '/trajecten'])).toEqual([]);
    await page.goto(`${landing.url}/inloggen`);
    await page.getByRole('button', { name: /Sanne de Vries/ }).waitFor();
    const signIn = await moderateAxeViolations(page, 'html');
    expect(signIn.map((v) => `/inloggen ${v.id} (${v.impact}): ${v.targets.join(' | ')}`)).toEqual([]);
  });
});
