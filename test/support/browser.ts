import { createServer } from 'node:net';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startLanding, type RunningLanding, type StartLandingOptions } from '../../infra/local/landing';

/** Debian's Chromium, headless, with nothing that would reach for the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a test may set on the product it starts: a fixed port, the sign-in secret, the SPA's config. */
export type LandingOverrides = Partial<Pick<StartLandingOptions, 'port' | 'authSecret' | 'appConfig'>>;

/**
 * The whole product started locally (DynamoDB Local, demo data) with a Chromium page in Dutch and Amsterdam
 * time: what every browser test starts from. Each gets its own table.
 */
export async function productInBrowser(
  name: string,
  pageOptions: { acceptDownloads?: boolean } = {},
  overrides: LandingOverrides = {},
): Promise<{ landing: RunningLanding; page: Page; stop: () => Promise<void> }> {
  const [landing, browser] = await Promise.all([
    startLanding({
      port: 0,
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: `landing-${name}-${Date.now()}`,
      webRoot: 'web/dist',
      seedDemoData: true,
      ...overrides,
    }),
    launchChromium(),
  ]);
  const page = await browser.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...pageOptions });
  return {
    landing,
    page,
    stop: async () => {
      await browser.close();
      await landing.stop();
    },
  };
}

/**
 * Signs in as one of the demo users and waits until the SPA has left the sign-in page, so that the next
 * navigation runs with the new session (a `goto` right after the click could still carry the previous one).
 */
export async function signInAs(page: Page, landing: RunningLanding, name: RegExp): Promise<void> {
  await page.goto(`${landing.url}/inloggen`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL((url) => url.pathname !== '/inloggen');
}

/**
 * A port nobody listens on now, for a product whose address must be known before it starts (a registered
 * callback URL in its config).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The axe-core violations (axe's default run, best practices included) inside the element `selector` names, as
 * `{id, impact, targets}`. axe is added to the page when it is not there yet (after a navigation it is gone).
 * `openDetails` opens every <details> inside first, so the forms folded away are checked too. Given `html`, the
 * page-level rules (landmarks, one main, a first-level heading) run as well.
 */
export async function axeViolations(
  page: Page,
  selector: string,
  options: { openDetails?: boolean } = {},
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  if (options.openDetails) {
    // Opening loads what a panel shows only when opened (an audit trail): wait until it is there.
    await page.evaluate((sel) => {
      for (const d of document.querySelector(sel)?.querySelectorAll('details') ?? []) d.open = true;
    }, selector);
    await page.waitForLoadState('networkidle');
  }
  return page.evaluate(async (sel) => {
    const element = document.querySelector(sel);
    if (!element) throw new Error(`Nothing on the page matches ${sel}`);
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] };
    const engine = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
    const result = await engine.run(element, {});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, selector);
}

/** The serious and critical axe-core violations inside `selector`, as `{id, impact}` (what a failing test reads). */
export async function seriousAxeViolations(
  page: Page,
  selector: string,
  options: { openDetails?: boolean } = {},
): Promise<{ id: string; impact: string }[]> {
  const violations = await axeViolations(page, selector, options);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, impact }) => ({ id, impact }));
}

/** The moderate, serious and critical axe-core violations inside `selector`: what a page may not have. */
export async function moderateAxeViolations(
  page: Page,
  selector: string,
  options: { openDetails?: boolean } = {},
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  const violations = await axeViolations(page, selector, options);
  return violations.filter((v) => v.impact !== 'minor');
}

/** Opens a section of the transition page shown (Overzicht, Wonen & verhuizing, …) by its section link. */
export async function openSection(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Onderdelen van het traject' });
  await nav.getByRole('link', { name, exact: true }).click();
  await nav.locator('a[aria-current="page"]', { hasText: name }).waitFor();
}
