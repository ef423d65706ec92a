/**
 * Largest contentful paint of Vandaag and a transition page on a phone, in headless Chromium (Debian's
 * `chromium`, launched as the browser tests do): a 390×844 screen, the CPU slowed 4× (CDP
 * Emulation.setCPUThrottlingRate) and a slow 4G network (CDP Network.emulateNetworkConditions: 150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up), against the local product (DynamoDB Local, the demo data, the built SPA).
 *
 * Each run opens a new browser context, signed in as Sanne de Vries (the session in sessionStorage, as the SPA
 * keeps it): the first load has a cold cache (a phone that has not opened the product today), then the same
 * page again in that tab (the HTTP cache warm, as the second visit of the day). LCP is Chromium's own
 * `largest-contentful-paint` entry, read once the page has loaded and its requests have settled.
 * The pages load as they would on AWS: there `/local/*` (the sign-in of demo users, the demo clock and its
 * developer menu) does not exist, and CloudFront answers such a path with the SPA's index.html; the bench
 * answers it the same way, so the developer menu is not shown and its paint is not measured.
 * Target: ≤ 2.5 s, Web Vitals' "good", judged as they are at the 75th percentile of the cold loads.
 *
 *   npx tsx test/bench/phone-lcp.ts [--runs 5]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { freePort } from '../../infra/local/ports';
import { TransitionPage } from '../../shared/api/contract';
import { launchChromium } from '../support/browser';
import { inChildProcess, numberFlag, percentile, runBenchPart } from './isolated';

export const phoneProfile = {
  viewport: { width: 390, height: 844 },
  cpuSlowdown: 4,
  roundTripMs: 150,
  downloadKbps: 1600,
  uploadKbps: 750,
} as const;
export const LCP_TARGET_MS = 2500;

export interface PhoneLcpOptions {
  runs?: number;
  log?: (line: string) => void;
}

export interface PhonePageFigure {
  page: string;
  path: string;
  /** LCP of each cold load, ms from navigation start. */
  coldMs: number[];
  /** LCP of each second load in the same tab. */
  repeatMs: number[];
  cold: { p50Ms: number; p75Ms: number; maxMs: number };
  repeat: { p50Ms: number; p75Ms: number; maxMs: number };
  /** What the largest paint was, on the last cold load (tag and the start of its text). */
  element: string;
  met: boolean;
}

export interface PhoneLcpResult {
  settings: { runs: number; profile: typeof phoneProfile; browser: string; targetMs: number };
  pages: PhonePageFigure[];
  durationMs: number;
}

/** Runs the measurement in its own process (see isolated.ts); the default for the orchestrator. */
export function measurePhoneLcp(options: PhoneLcpOptions = {}): Promise<PhoneLcpResult> {
  const { log, ...rest } = options;
  return inChildProcess<PhoneLcpResult>(import.meta.url, rest, log);
}

export async function measurePhoneLcpHere(options: PhoneLcpOptions = {}): Promise<PhoneLcpResult> {
  const started = performance.now();
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  process.env.LOG_LEVEL ??= 'warn';
  const webRoot = path.join(projectRoot, 'web/dist');
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    execFileSync('npm', ['run', 'build:web'], { cwd: projectRoot, stdio: 'ignore' });
  }
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  let landing: RunningLanding | undefined;
  let browser: Browser | undefined;
  try {
    [landing, browser] = await Promise.all([
      startLanding({
        port: 0,
        dynamoEndpoint: dynamo.endpoint,
        tableName: `landing-bench-phone-${Date.now()}`,
        webRoot,
        seedDemoData: true,
        demoReceiverPort: false,
      }),
      launchChromium(),
    ]);
    const signIn = await fetch(`${landing.url}/local/sign-in`, {
      method: 'POST',
      body: JSON.stringify({ userId: 'u-sanne' }),
    });
    const session = (await signIn.json()) as { token: string };
    const list = await fetch(`${landing.url}/api/transitions?scope=mine&limit=100`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    // Kees van Dijk's page: a transition in full swing (a woning, a budget with spends, a timeline).
    const { items } = TransitionPage.parse(await list.json());
    const transition = items.find((t) => t.persoon.voornaam === 'Kees') ?? items[0];
    if (!transition) throw new Error('the signed-in user has no transitions');
    const pages = [
      { page: 'Vandaag', path: '/vandaag' },
      { page: 'a transition page', path: `/trajecten/${transition.id}` },
    ];

    const figures: PhonePageFigure[] = [];
    for (const { page, path: pagePath } of pages) {
      const coldMs: number[] = [];
      const repeatMs: number[] = [];
      let element = '';
      // One run first, not counted: Chromium's first start of a page.
      for (let i = 0; i <= runs; i++) {
        const run = await oneRun(browser, `${landing.url}${pagePath}`, JSON.stringify(session));
        if (i === 0) continue;
        coldMs.push(run.cold.lcpMs);
        repeatMs.push(run.repeat.lcpMs);
        element = run.cold.element;
        log(
          `phone: ${page} run ${i}: LCP cold ${run.cold.lcpMs.toFixed(0)} ms, repeat ${run.repeat.lcpMs.toFixed(0)} ms`,
        );
      }
      const figure = (values: number[]) => ({
        p50Ms: round(percentile(values, 50)),
        p75Ms: round(percentile(values, 75)),
        maxMs: round(Math.max(...values)),
      });
      const cold = figure(coldMs);
      figures.push({
        page,
        path: pagePath.replace(transition.id, '<id>'),
        coldMs,
        repeatMs,
        cold,
        repeat: figure(repeatMs),
        element,
        met: cold.p75Ms <= LCP_TARGET_MS,
      });
    }
    return {
      settings: {
        runs,
        profile: phoneProfile,
        browser: `Chromium ${browser.version()} headless`,
        targetMs: LCP_TARGET_MS,
      },
      pages: figures,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await browser?.close();
    await landing?.stop();
    await dynamo.stop();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Keeps the latest largest-contentful-paint entry where the bench can read it; installed before the SPA. */
function observeLcp() {
  const state = { lcp: Number.NaN, element: '' };
  (window as unknown as { __lcp: typeof state }).__lcp = state;
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
    if (!last) return;
    state.lcp = last.startTime;
    const text = last.element?.textContent?.trim().slice(0, 40) ?? '';
    state.element = last.element ? `<${last.element.tagName.toLowerCase()}> ${text}` : '';
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function oneRun(browser: Browser, url: string, session: string) {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: phoneProfile.viewport,
    isMobile: true,
    hasTouch: true,
  });
  try {
    await context.addInitScript((value) => sessionStorage.setItem('landing.session', value), session);
    await context.addInitScript(observeLcp);
    const indexHtml = await (await fetch(new URL('/index.html', url))).text();
    await context.route(
      (u) => u.pathname.startsWith('/local/'),
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml }),
    );
    const page = await context.newPage();
    await throttle(context, page);
    const cold = await loadAndReadLcp(page, url);
    const repeat = await loadAndReadLcp(page, url);
    return { cold, repeat };
  } finally {
    await context.close();
  }
}

async function throttle(context: BrowserContext, page: Parameters<BrowserContext['newCDPSession']>[0]) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: phoneProfile.cpuSlowdown });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: phoneProfile.roundTripMs,
    downloadThroughput: (phoneProfile.downloadKbps * 1000) / 8,
    uploadThroughput: (phoneProfile.uploadKbps * 1000) / 8,
  });
}

async function loadAndReadLcp(page: Awaited<ReturnType<BrowserContext['newPage']>>, url: string) {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // The page's data has arrived and rendered: its requests have settled (Vandaag polls, but seconds apart).
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.locator('main h1').first().waitFor({ timeout: 120_000 });
  const { lcp, element } = await page.evaluate(
    () => (window as unknown as { __lcp: { lcp: number; element: string } }).__lcp,
  );
  return { lcpMs: round(lcp), element };
}

function formatResult(result: PhoneLcpResult): string {
  const { profile } = result.settings;
  return [
    `Phone LCP (${profile.viewport.width} px, CPU ${profile.cpuSlowdown}× slower, ${profile.roundTripMs} ms RTT, ${profile.downloadKbps / 1000} Mbit/s down, ${profile.uploadKbps} kbit/s up), ${result.settings.runs} runs, ${result.settings.browser}, ${(result.durationMs / 1000).toFixed(0)} s`,
    ...result.pages.map(
      (p) =>
        `  ${p.page} (${p.path}): cold p50 ${p.cold.p50Ms} ms, p75 ${p.cold.p75Ms} ms, max ${p.cold.maxMs} ms; repeat p50 ${p.repeat.p50Ms} ms; largest: ${p.element}; target ≤ ${result.settings.targetMs} ms ${p.met ? 'met' : 'missed'}`,
    ),
  ].join('\n');
}

runBenchPart<PhoneLcpOptions, PhoneLcpResult>(import.meta.url, {
  measure: measurePhoneLcpHere,
  cliOptions: (argv) => {
    const runs = numberFlag(argv, '--runs');
    return runs ? { runs } : {};
  },
  print: (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n${formatResult(result)}\n`),
});
