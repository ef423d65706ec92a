/**
 * `npm run bench`: the figures that matter, measured and reported, never asserted by a test.
 *
 * Runs every part against the local stack (DynamoDB Local, the real handlers, the local workflows and
 * webhook worker), each part that starts the product in its own Node process (see isolated.ts), one after
 * the other so they do not measure each other. Writes `bench/results.json` (every figure) and
 * `bench/RESULTS.md` (the targets of the issue, met or not, and the tables).
 *
 *   npm run bench                       everything (about 7 minutes on 2 cores)
 *   npm run bench -- --quick            smaller sizes and fewer samples, to try it (not for the record)
 *   npm run bench -- --only api,spa     some parts: api, webhooks, lambdas, spa, phone
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { synthesizeForLocal } from '../../infra/local/cloud-assembly';
import { measureApi, type ApiBenchResult } from './api-latency';
import type { AwsSdkBundling } from '../../infra/aws/constructs/landing-function';
import { measureLambdaBundles, measureSpa, type BundleFigure, type SpaFigure } from './bundles';
import { distribution } from './isolated';
import {
  kb,
  ms,
  percentileCells,
  renderMarkdown,
  type BenchReport,
  type ReportTable,
  type TargetCheck,
} from './report';
import { LCP_TARGET_MS, measurePhoneLcp, type PhoneLcpResult } from './phone-lcp';
import { measureSpaRender, type SpaRenderResult } from './spa-render';
import { measureWebhookDelay, type WebhookDelayResult } from './webhook-delay';

const parts = ['api', 'webhooks', 'lambdas', 'spa', 'phone'] as const;
type Part = (typeof parts)[number];

/** The issue's limits for the bundles and the SPA (the API and webhook parts judge their own). */
export const limits = {
  bundleBytes: 200 * 1024,
  coldInitMs: 150,
  spaInitialJsGzipBytes: 80 * 1024,
  firstRenderMs: 200,
} as const;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench' },
  },
});
const selected = new Set<Part>(args.only ? (args.only.split(',') as Part[]).filter((p) => parts.includes(p)) : parts);
const settings = args.quick
  ? {
      api: { sizes: [1000, 10_000], samples: 50, warmup: 10 },
      webhooks: { notices: 40 },
      coldInitRuns: 3,
      spa: { rows: 1000, runs: 3 },
      phoneRuns: 2,
    }
  : {
      api: { sizes: [1000, 100_000], samples: 200, warmup: 50 },
      webhooks: { notices: 200 },
      coldInitRuns: 9,
      spa: { rows: 1000, runs: 7 },
      phoneRuns: 5,
    };

const out = (line: string) => process.stdout.write(`${line}\n`);
const step = (part: string) => (line: string) => out(`  [${part}] ${line}`);

interface Results {
  api?: ApiBenchResult;
  webhooks?: WebhookDelayResult;
  lambdas?: (BundleFigure & {
    coldInit: ReturnType<typeof distribution>;
    coldInitCpu: ReturnType<typeof distribution>;
    coldInitOf: Record<AwsSdkBundling, { wall: ReturnType<typeof distribution>; cpu: ReturnType<typeof distribution> }>;
  })[];
  spa?: { files: SpaFigure[]; initialJsGzipBytes: number; initialCssGzipBytes: number; render: SpaRenderResult };
  phone?: PhoneLcpResult;
}

async function main() {
  const started = Date.now();
  const results: Results = {};
  out(`Landing benchmark${args.quick ? ' (quick)' : ''}: ${[...selected].join(', ')}`);

  if (selected.has('lambdas') || selected.has('spa') || selected.has('phone')) {
    out('Building the web app');
    execFileSync('npm', ['run', 'build:web'], { cwd: projectRoot, stdio: 'ignore' });
  }
  // Sizes and cold starts first, on a machine nothing else of ours is loading yet.
  if (selected.has('lambdas')) {
    out('Lambda bundles and cold init');
    const figures = await measureLambdaBundles(synthesizeForLocal(), settings.coldInitRuns);
    results.lambdas = figures.map((f) => ({
      ...f,
      coldInit: distribution(f.coldInitMs),
      coldInitCpu: distribution(f.coldInitCpuMs),
      coldInitOf: {
        external: {
          wall: distribution(f.variants.external.coldInitMs),
          cpu: distribution(f.variants.external.coldInitCpuMs),
        },
        bundled: {
          wall: distribution(f.variants.bundled.coldInitMs),
          cpu: distribution(f.variants.bundled.coldInitCpuMs),
        },
      },
    }));
  }
  if (selected.has('api')) {
    out('API latency, items read and throughput');
    results.api = await measureApi({ ...settings.api, log: step('api') });
  }
  if (selected.has('webhooks')) {
    out('Webhook delay');
    results.webhooks = await measureWebhookDelay({ ...settings.webhooks, log: step('webhooks') });
  }
  if (selected.has('spa')) {
    out('SPA size and first render');
    const files = measureSpa();
    const initial = files.filter((f) => f.initial);
    results.spa = {
      files,
      initialJsGzipBytes: initial.filter((f) => f.kind === 'js').reduce((sum, f) => sum + f.gzipBytes, 0),
      initialCssGzipBytes: initial.filter((f) => f.kind === 'css').reduce((sum, f) => sum + f.gzipBytes, 0),
      render: await measureSpaRender({ ...settings.spa, log: step('spa') }),
    };
  }

  if (selected.has('phone')) {
    out('Largest contentful paint on a phone (CPU 4× slower, slow 4G)');
    results.phone = await measurePhoneLcp({ runs: settings.phoneRuns, log: step('phone') });
  }

  const report: BenchReport = {
    date: new Date(started).toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.arch()}`,
    },
    durationSeconds: (Date.now() - started) / 1000,
    settings: {
      mode: args.quick ? 'quick' : 'full',
      'API sizes': settings.api.sizes,
      'API samples': settings.api.samples,
      'webhook notices': settings.webhooks.notices,
      'cold-init runs': settings.coldInitRuns,
      'SPA rows': settings.spa.rows,
      'SPA runs': settings.spa.runs,
      'phone runs': settings.phoneRuns,
    },
    targets: targetsOf(results),
    tables: tablesOf(results),
  };
  const dir = path.join(projectRoot, args.out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify({ ...report, results }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'RESULTS.md'), renderMarkdown(report));

  out(`\nTargets (${Math.round(report.durationSeconds)} s):`);
  for (const t of report.targets) out(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.figure}`);
  out(`\nWritten to ${args.out}/results.json and ${args.out}/RESULTS.md`);
}

function targetsOf(r: Results): TargetCheck[] {
  const targets: TargetCheck[] = [...(r.api?.targets ?? [])];
  if (r.webhooks) {
    const healthy = r.webhooks.scenarios.find((s) => s.scenario === 'healthy');
    targets.push({
      target: 'webhook delay p99 ≤ 2 s locally with a healthy receiver',
      figure: `p99 ${ms(r.webhooks.target.p99Ms)}${healthy ? `, ${healthy.received} of ${healthy.changes} notices received, ${healthy.missing} missing` : ''}`,
      met: r.webhooks.target.met,
      ...(r.webhooks.target.met
        ? {}
        : {
            why: 'the local stream poller pauses 200 ms between reads and the API, workflows and webhook Lambdas share one event loop; on AWS the stream is read continuously and each function has its own CPU.',
          }),
    });
  }
  if (r.lambdas) {
    // Our code and its packages; a bundled AWS SDK comes on top (its size is in the table).
    const largest = [...r.lambdas].sort((a, b) => b.withoutSdkBytes - a.withoutSdkBytes)[0]!;
    const over = r.lambdas.filter((l) => l.withoutSdkBytes > limits.bundleBytes);
    targets.push({
      target: 'each Lambda bundle ≤ 200 KB minified without the AWS SDK (without source map)',
      figure: `largest ${kb(largest.withoutSdkBytes)} (${largest.entry}); ${r.lambdas.length - over.length} of ${r.lambdas.length} within`,
      met: over.length === 0,
      ...(over.length
        ? {
            why: `over: ${over.map((l) => `${l.entry} ${kb(l.withoutSdkBytes)}`).join(', ')}. About 95 KB of every bundle is zod (its classic API does not tree-shake); zod/mini would take it to about 15 KB.`,
          }
        : {}),
    });
    const slowest = [...r.lambdas].sort((a, b) => b.coldInit.p50Ms - a.coldInit.p50Ms)[0]!;
    const slow = r.lambdas.filter((l) => l.coldInit.p50Ms > limits.coldInitMs);
    targets.push({
      target: 'cold init ≤ 150 ms in a fresh Node process (median of the runs)',
      figure: `slowest ${ms(slowest.coldInit.p50Ms)} (${slowest.entry}); ${r.lambdas.length - slow.length} of ${r.lambdas.length} within`,
      met: slow.length === 0,
      ...(slow.length
        ? {
            why: 'see the table: the init of each way of bundling the AWS SDK, wall clock and CPU time (on a machine busy with other work the wall clock is several times the CPU time).',
          }
        : {}),
    });
  }
  if (r.spa) {
    targets.push({
      target: 'SPA initial JS ≤ 80 KB gzip',
      figure: `${kb(r.spa.initialJsGzipBytes)} gzip (CSS ${kb(r.spa.initialCssGzipBytes)})`,
      met: r.spa.initialJsGzipBytes <= limits.spaInitialJsGzipBytes,
    });
    const { render } = r.spa.render;
    targets.push({
      target: `first render of a ${r.spa.render.settings.rows}-row transition list ≤ 200 ms in headless Chromium`,
      figure: `data to rows painted: median ${ms(render.medianMs)} (p95 ${ms(render.p95Ms)}); from navigation: median ${ms(r.spa.render.total.medianMs)}`,
      met: render.medianMs <= limits.firstRenderMs,
      ...(render.medianMs <= limits.firstRenderMs
        ? {}
        : {
            why: 'style and layout of a table of that many rows dominate (see Chromium CPU in the table); the list shows 50 rows a page, which render well within the limit.',
          }),
    });
  }
  for (const p of r.phone?.pages ?? []) {
    targets.push({
      target: `${p.page}: largest contentful paint ≤ ${LCP_TARGET_MS / 1000} s on a phone (CPU 4× slower, slow 4G; p75 of cold loads)`,
      figure: `p75 ${ms(p.cold.p75Ms)} (p50 ${ms(p.cold.p50Ms)}, max ${ms(p.cold.maxMs)}); second visit p50 ${ms(p.repeat.p50Ms)}`,
      met: p.met,
      ...(p.met
        ? {}
        : {
            why: 'see the phone table: the cold load fetches the SPA over a slow 4G link before any API call; on this machine the CPU slowdown also stacks on other work.',
          }),
    });
  }
  return targets;
}

function tablesOf(r: Results): ReportTable[] {
  const tables: ReportTable[] = [];
  if (r.api) {
    for (const size of r.api.sizes) {
      tables.push({
        title: `API latency at ${size.transitionsInTable.toLocaleString('en')} transitions`,
        how: `${size.samples} requests per call through the local gateway over HTTP (after a warm-up), each against its floor: the DynamoDB round trips the call must make, sent directly to the same DynamoDB Local in the same run.`,
        columns: [
          'call',
          'API p50',
          'API p95',
          'API p99',
          'floor p50',
          'floor p95',
          'floor p99',
          'p99 ratio',
          'floor',
          'met',
        ],
        rows: size.latency.map((l) => [
          l.call,
          ...percentileCells(l.api),
          ...percentileCells(l.floor),
          `${l.ratioP99}×`,
          l.floorComposition.join(' + '),
          l.met ? 'yes' : 'no',
        ]),
      });
      tables.push({
        title: `Items read per request at ${size.transitionsInTable.toLocaleString('en')} transitions`,
        how: 'Counted by the read meter on the handlers’ own DynamoDB client (Query ScannedCount, GetItem 0 or 1), with the capacity DynamoDB Local reports.',
        columns: ['call', 'requests', 'items read', 'read capacity', 'reads'],
        rows: size.itemsRead.map((f) => [
          f.call,
          String(f.requests),
          String(f.itemsRead),
          f.readCapacityUnits ? String(f.readCapacityUnits[0]) : '–',
          f.reads.join(', '),
        ]),
      });
    }
    const { createTransition, proposeSpendOneBudget } = r.api.throughput;
    tables.push({
      title: `Throughput under ${createTransition.concurrency} concurrent clients`,
      how: `Spends on one budget are checked afterwards: ${proposeSpendOneBudget.invariant.checks.map((c) => `${c.check} (${c.ok ? 'ok' : 'FAILED'})`).join('; ')}.`,
      columns: ['what', 'requests', 'per second', 'p50', 'p95', 'p99', 'answers'],
      rows: [createTransition, proposeSpendOneBudget].map((t) => [
        t.what,
        String(t.requests),
        t.requestsPerSecond.toFixed(1),
        ...percentileCells(t.latency),
        Object.entries(t.statuses)
          .map(([status, n]) => `${n}× ${status}`)
          .join(', '),
      ]),
    });
  }
  if (r.webhooks) {
    tables.push({
      title: 'Webhook delay: domain change answered → receiver has the notice',
      how: `${r.webhooks.settings.notices} changes per scenario, each causing one notice, to a receiver that verifies every signature. The half-failing receiver answers 500 to a seeded half of its requests: its delay is the retry schedule (5 s, then 5 min, 30 min, …; retries after the first run on the product clock). Local stream poll interval ${r.webhooks.localPipeline.streamPollIntervalMs} ms.`,
      columns: ['receiver', 'p50', 'p95', 'p99', 'received', 'missing', 'duplicates'],
      rows: r.webhooks.scenarios.map((s) => [
        s.scenario,
        ...percentileCells(s.delayMs),
        `${s.received} of ${s.changes}`,
        String(s.missing),
        String(s.duplicates),
      ]),
    });
  }
  if (r.lambdas) {
    const sdk = sdkLoadFigure(settings.coldInitRuns);
    const init = (d: { wall: { p50Ms: number }; cpu: { p50Ms: number } }) =>
      `${ms(d.wall.p50Ms)} (CPU ${ms(d.cpu.p50Ms)})`;
    tables.push({
      title: 'Lambda bundles',
      how: `Each function bundled exactly as CDK does (minified ESM, source map without the sources' text), once with the AWS SDK external (loaded from node_modules, as the runtime loads its copy) and once bundled; the function is deployed the way the SDK column says (infra/aws/constructs/landing-function.ts), and its size and "met" are of that way. Cold init = importing the bundle in a fresh Node process as the Lambda runs it (its source map beside it, not read), ${settings.coldInitRuns} runs of each way side by side, median wall clock (and the process's CPU time). For reference, loading the AWS SDK's DynamoDB clients alone from node_modules: median ${ms(sdk.p50Ms)}.`,
      columns: [
        'function',
        'SDK',
        'minified',
        'without SDK',
        'gzip',
        'init, SDK external',
        'init, SDK bundled',
        'init max (deployed)',
        'met',
      ],
      rows: r.lambdas.map((l) => [
        l.entry,
        l.awsSdk,
        kb(l.minifiedBytes),
        kb(l.withoutSdkBytes),
        kb(l.gzipBytes),
        init(l.coldInitOf.external),
        init(l.coldInitOf.bundled),
        ms(l.coldInit.maxMs),
        l.withoutSdkBytes <= limits.bundleBytes && l.coldInit.p50Ms <= limits.coldInitMs ? 'yes' : 'no',
      ]),
    });
    tables.push({
      title: 'What fills each Lambda bundle',
      how: "The largest parts of the deployed bundle by esbuild's metafile (bytes in the minified output): a package by name, our code by folder.",
      columns: ['function', 'largest parts'],
      rows: r.lambdas.map((l) => [
        l.entry,
        l.variants[l.awsSdk].largest.map((p) => `${p.part} ${kb(p.bytes)}`).join(', '),
      ]),
    });
  }
  if (r.spa) {
    const { render } = r.spa;
    tables.push({
      title: 'SPA',
      how: `Built by Vite (web/dist), gzip sizes; first render in headless Chromium with ${render.settings.rows} rows in the list answer, ${render.settings.runs} runs after a warm-up, ${render.settings.viewport.width}×${render.settings.viewport.height}.`,
      columns: ['figure', 'value'],
      rows: [
        ['initial JS (gzip)', kb(r.spa.initialJsGzipBytes)],
        ['initial CSS (gzip)', kb(r.spa.initialCssGzipBytes)],
        ['list data → rows painted (median / p95)', `${ms(render.render.medianMs)} / ${ms(render.render.p95Ms)}`],
        [
          'of which script / style, layout and paint (median)',
          `${ms(render.renderParts.script.medianMs)} / ${ms(render.renderParts.styleLayoutPaint.medianMs)}`,
        ],
        ['navigation → rows painted (median / p95)', `${ms(render.total.medianMs)} / ${ms(render.total.p95Ms)}`],
        [
          'Chromium CPU: script / style / layout (median)',
          `${ms(render.chromiumCpuMedianMs.script)} / ${ms(render.chromiumCpuMedianMs.recalcStyle)} / ${ms(render.chromiumCpuMedianMs.layout)}`,
        ],
      ],
    });
  }
  if (r.phone) {
    const { profile, runs, browser } = r.phone.settings;
    tables.push({
      title: 'Phone: largest contentful paint',
      how: `${browser}, ${profile.viewport.width}×${profile.viewport.height} mobile, CPU ${profile.cpuSlowdown}× slower (Emulation.setCPUThrottlingRate), network ${profile.roundTripMs} ms round trip, ${profile.downloadKbps / 1000} Mbit/s down, ${profile.uploadKbps} kbit/s up (Network.emulateNetworkConditions); signed in as Sanne de Vries on the demo data. ${runs} runs after a warm-up, each in a new context: a cold load, then the same page again in that tab (HTTP cache warm). LCP from Chromium's largest-contentful-paint entry once the page's requests settled.`,
      columns: ['page', 'cold p50', 'cold p75', 'cold max', 'second visit p50', 'largest element', 'met'],
      rows: r.phone.pages.map((p) => [
        `${p.page} (${p.path})`,
        ms(p.cold.p50Ms),
        ms(p.cold.p75Ms),
        ms(p.cold.maxMs),
        ms(p.repeat.p50Ms),
        p.element,
        p.met ? 'yes' : 'no',
      ]),
    });
  }
  return tables;
}

/** Loading the SDK's DynamoDB clients alone in a fresh process: the part of every cold init we do not bundle. */
function sdkLoadFigure(runs: number) {
  const script = `const t=performance.now();await import('@aws-sdk/client-dynamodb');await import('@aws-sdk/lib-dynamodb');process.stdout.write(String(performance.now()-t));`;
  return distribution(
    Array.from({ length: runs }, () =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' }),
      ),
    ),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
