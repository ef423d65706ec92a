/**
 * Time to first render of the transition list with 1,000 rows, in headless Chromium (Debian's `chromium`,
 * launched as the browser tests do).
 *
 * What runs is the real thing: the local product (DynamoDB Local, the demo data, the gateway) serving the
 * built SPA (web/dist), signed in as Sanne de Vries, opening /trajecten. One thing is arranged: the API pages
 * its lists (50 a page by default, at most 100), so no single answer holds 1,000 rows. The list request is
 * therefore answered by Playwright with one page of 1,000 rows in the contract's shape (checked against the
 * `TransitionPage` schema), made from the real first page of Sanne's list, so the SPA renders 1,000 rows at
 * once. That answer is prepared before the runs and given at once, so the figures hold the SPA's own work.
 *
 * Measured in the page (performance.now(), from navigation start): when the list's answer arrived and was
 * parsed, when the 1,000th row was in the DOM (a MutationObserver), and when that frame was painted (the
 * next animation frame, then a message after it: the frame with the rows has been produced). Each run opens
 * a new browser context (cold cache, new session storage).
 *
 *   npx tsx test/bench/spa-render.ts [--rows 1000] [--runs 5]
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { freePort } from '../../infra/local/ports';
import { TransitionPage } from '../../shared/api/contract';
import { launchChromium } from '../support/browser';
import { inChildProcess, numberFlag, percentile, runBenchPart } from './isolated';

export interface SpaRenderOptions {
  rows?: number;
  runs?: number;
  log?: (line: string) => void;
}

/** One page load, ms from navigation start (performance.timeOrigin of the page). */
export interface SpaRenderRun {
  /** The SPA's script and styles have loaded and run: DOMContentLoaded. */
  domContentLoadedMs: number;
  /** The list's answer arrived (fetch resolved). */
  listResponseMs: number;
  /** Its JSON is parsed: the data is in the SPA's hands. */
  listDataMs: number;
  /** The last row is in the DOM. */
  rowsInDomMs: number;
  /** The frame holding the rows has been painted. */
  paintedMs: number;
  /** The render part alone: data parsed → rows painted. */
  renderMs: number;
  rowsRendered: number;
  /**
   * Chromium's own account of the page load up to the paint (CDP Performance metrics, cumulative): time in
   * script, style recalculation and layout, and all main-thread tasks.
   */
  chromium: { scriptMs: number; recalcStyleMs: number; layoutMs: number; taskMs: number };
}

export interface SpaRenderFigure {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export interface SpaRenderResult {
  settings: {
    rows: number;
    runs: number;
    viewport: { width: number; height: number };
    browser: string;
    listAnswer: string;
  };
  machine: { cpus: number; cpuModel: string | undefined; node: string; loadAverage1m: { start: number; end: number } };
  runs: SpaRenderRun[];
  /** Navigation start → 1,000 rows painted: loading the SPA, signing in from the session, the list, the render. */
  total: SpaRenderFigure;
  /** List data parsed → 1,000 rows painted: what the SPA's rendering of the rows costs. */
  render: SpaRenderFigure;
  /** Navigation start → the list data parsed. */
  toData: SpaRenderFigure;
  /** The render split in two: data parsed → rows in the DOM (the SPA's script), rows in the DOM → painted (style, layout, paint). */
  renderParts: { script: SpaRenderFigure; styleLayoutPaint: SpaRenderFigure };
  /**
   * Medians of Chromium's main-thread CPU time for the whole page load (CDP Performance metrics in thread
   * time): less sensitive than wall time to other work on the machine.
   */
  chromiumCpuMedianMs: { script: number; recalcStyle: number; layout: number; allTasks: number };
  target: {
    description: string;
    limitMs: number;
    renderMedianMs: number;
    renderMet: boolean;
    totalMedianMs: number;
    totalMet: boolean;
  };
  durationMs: number;
}

const TARGET_MS = 200;
const VIEWPORT = { width: 1280, height: 800 };

/** Runs the measurement in its own process (see isolated.ts); the default for the orchestrator. */
export function measureSpaRender(options: SpaRenderOptions = {}): Promise<SpaRenderResult> {
  const { log, ...rest } = options;
  return inChildProcess<SpaRenderResult>(import.meta.url, rest, log);
}

export async function measureSpaRenderHere(options: SpaRenderOptions = {}): Promise<SpaRenderResult> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const rows = options.rows ?? 1000;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  process.env.LOG_LEVEL ??= 'warn';
  const webRoot = path.join(projectRoot, 'web/dist');
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    log('spa render: building the SPA (npm run build:web)');
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
        tableName: `landing-bench-spa-${Date.now()}`,
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
    const session = (await signIn.json()) as { token: string; principal: unknown };
    const body = await thousandRows(landing.url, session.token, rows);
    log(
      `spa render: DynamoDB Local, the product and Chromium started in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const measured: SpaRenderRun[] = [];
    // One run first, not counted: Chromium's first start of a page (its caches, the SPA's first compile).
    for (let i = 0; i <= runs; i++) {
      const run = await onePageLoad(browser, landing.url, session, body, rows);
      if (i === 0) {
        log(`spa render: warm-up ${run.paintedMs.toFixed(0)} ms`);
        continue;
      }
      measured.push(run);
      log(
        `spa render: run ${i}: data at ${run.listDataMs.toFixed(0)} ms, ${run.rowsRendered} rows painted at ${run.paintedMs.toFixed(0)} ms (render ${run.renderMs.toFixed(0)} ms)`,
      );
    }
    const figure = (values: number[]): SpaRenderFigure => ({
      medianMs: round(percentile(values, 50)),
      p95Ms: round(percentile(values, 95)),
      minMs: round(Math.min(...values)),
      maxMs: round(Math.max(...values)),
    });
    const total = figure(measured.map((r) => r.paintedMs));
    const render = figure(measured.map((r) => r.renderMs));
    return {
      settings: {
        rows,
        runs,
        viewport: VIEWPORT,
        browser: `Chromium ${browser.version()} headless`,
        listAnswer: `GET /api/transitions answered by Playwright with one page of ${rows} rows (the contract's TransitionPage), built from the real first page of the signed-in user's list; everything else from the local product`,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        loadAverage1m: { start: round(loadAtStart), end: round(os.loadavg()[0]!) },
      },
      runs: measured,
      total,
      render,
      toData: figure(measured.map((r) => r.listDataMs)),
      renderParts: {
        script: figure(measured.map((r) => r.rowsInDomMs - r.listDataMs)),
        styleLayoutPaint: figure(measured.map((r) => r.paintedMs - r.rowsInDomMs)),
      },
      chromiumCpuMedianMs: {
        script: round(
          percentile(
            measured.map((r) => r.chromium.scriptMs),
            50,
          ),
        ),
        recalcStyle: round(
          percentile(
            measured.map((r) => r.chromium.recalcStyleMs),
            50,
          ),
        ),
        layout: round(
          percentile(
            measured.map((r) => r.chromium.layoutMs),
            50,
          ),
        ),
        allTasks: round(
          percentile(
            measured.map((r) => r.chromium.taskMs),
            50,
          ),
        ),
      },
      target: {
        description: `first render of a ${rows}-row list ≤ ${TARGET_MS} ms in headless Chromium (median of the runs): the render part (data → painted) and the whole page load (navigation → painted)`,
        limitMs: TARGET_MS,
        renderMedianMs: render.medianMs,
        renderMet: render.medianMs <= TARGET_MS,
        totalMedianMs: total.medianMs,
        totalMet: total.medianMs <= TARGET_MS,
      },
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await browser?.close();
    await landing?.stop();
    await dynamo.stop();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * One page of `rows` transitions in the contract's shape: the real first page of the user's list, repeated
 * with new ids, numbered names and creation times an hour apart (so sorting has work to do).
 */
async function thousandRows(baseUrl: string, token: string, rows: number): Promise<string> {
  const response = await fetch(`${baseUrl}/api/transitions?scope=mine&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const real = TransitionPage.parse(await response.json());
  if (!real.items.length) throw new Error('the signed-in user has no transitions to repeat');
  const newest = Date.parse(real.items[0]!.createdAt);
  const items = Array.from({ length: rows }, (_, i) => {
    const item = real.items[i % real.items.length]!;
    return {
      ...item,
      id: randomUUID(),
      persoon: { ...item.persoon, achternaam: `${item.persoon.achternaam} ${i + 1}` },
      createdAt: new Date(newest - i * 3_600_000).toISOString(),
    };
  });
  return JSON.stringify(TransitionPage.parse({ items }));
}

/** Installed before the SPA's own scripts: marks the list's answer and watches for the last row. */
function instrumentation(rows: number) {
  const bench = { listResponse: NaN, listData: NaN, rowsInDom: NaN, painted: NaN, rowsRendered: 0 };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await originalFetch(input, init);
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    if (url.pathname === '/api/transitions' && (init?.method ?? 'GET') === 'GET') {
      bench.listResponse = performance.now();
      const json = response.json.bind(response);
      response.json = async () => {
        const data: unknown = await json();
        bench.listData = performance.now();
        return data;
      };
    }
    return response;
  };
  const observer = new MutationObserver(() => {
    const count = document.querySelector('table tbody')?.childElementCount ?? 0;
    if (count < rows) return;
    observer.disconnect();
    bench.rowsInDom = performance.now();
    bench.rowsRendered = count;
    // The frame after this change is styled, laid out and painted; a message posted from its animation
    // frame callback runs once that frame has been produced.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.painted = performance.now());
      channel.port2.postMessage(undefined);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function onePageLoad(
  browser: Browser,
  baseUrl: string,
  session: { token: string; principal: unknown },
  body: string,
  rows: number,
): Promise<SpaRenderRun> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: VIEWPORT });
  try {
    // Signed in as the SPA keeps it: the session in this tab's sessionStorage.
    await context.addInitScript((value) => sessionStorage.setItem('landing.session', value), JSON.stringify(session));
    await context.addInitScript(instrumentation, rows);
    await context.route(
      (url) => url.pathname === '/api/transitions',
      (route) =>
        route.request().method() === 'GET'
          ? route.fulfill({ status: 200, contentType: 'application/json', body })
          : route.fallback(),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${baseUrl}/trajecten`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => !Number.isNaN((window as unknown as { __bench: { painted: number } }).__bench.painted),
      undefined,
      { timeout: 30_000 },
    );
    const marks = await page.evaluate(() => {
      const bench = (
        window as unknown as {
          __bench: { listResponse: number; listData: number; rowsInDom: number; painted: number; rowsRendered: number };
        }
      ).__bench;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { ...bench, domContentLoaded: navigation?.domContentLoadedEventEnd ?? NaN };
    });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
    return {
      domContentLoadedMs: round(marks.domContentLoaded),
      listResponseMs: round(marks.listResponse),
      listDataMs: round(marks.listData),
      rowsInDomMs: round(marks.rowsInDom),
      paintedMs: round(marks.painted),
      renderMs: round(marks.painted - marks.listData),
      rowsRendered: marks.rowsRendered,
      chromium: {
        scriptMs: metric('ScriptDuration'),
        recalcStyleMs: metric('RecalcStyleDuration'),
        layoutMs: metric('LayoutDuration'),
        taskMs: metric('TaskDuration'),
      },
    };
  } finally {
    await context.close();
  }
}

function formatResult(result: SpaRenderResult): string {
  const f = (x: SpaRenderFigure) => `median ${x.medianMs} ms, p95 ${x.p95Ms} ms (${x.minMs}–${x.maxMs})`;
  return [
    `SPA: first render of the transition list with ${result.settings.rows} rows, ${result.settings.runs} runs, ${result.settings.browser}, ${(result.durationMs / 1000).toFixed(0)} s`,
    `  navigation → data parsed   ${f(result.toData)}`,
    `  data parsed → rows painted ${f(result.render)}`,
    `    of which script (data → rows in DOM)   ${f(result.renderParts.script)}`,
    `    of which style, layout, paint          ${f(result.renderParts.styleLayoutPaint)}`,
    `  navigation → rows painted  ${f(result.total)}`,
    `  Chromium main-thread CPU for the page load (medians): script ${result.chromiumCpuMedianMs.script} ms, style ${result.chromiumCpuMedianMs.recalcStyle} ms, layout ${result.chromiumCpuMedianMs.layout} ms, all tasks ${result.chromiumCpuMedianMs.allTasks} ms`,
    `  target ≤ ${result.target.limitMs} ms (median): render part ${result.target.renderMet ? 'met' : 'missed'}, whole page load ${result.target.totalMet ? 'met' : 'missed'}`,
  ].join('\n');
}

runBenchPart<SpaRenderOptions, SpaRenderResult>(import.meta.url, {
  measure: measureSpaRenderHere,
  cliOptions: (argv) => {
    const rows = numberFlag(argv, '--rows');
    const runs = numberFlag(argv, '--runs');
    return { ...(rows ? { rows } : {}), ...(runs ? { runs } : {}) };
  },
  print: (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n${formatResult(result)}\n`),
});
