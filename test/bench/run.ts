/**
 * `npm run bench`: figures that matter, measured and reported, never asserted by a test.
 * Step 1: Lambda bundle sizes and cold init, SPA size. Step 8 adds API latency, items read per request,
 * concurrency throughput and webhook delay.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../infra/constructs/landing-function';
import { synthesizeForLocal } from '../../infra/local/cloud-assembly';
import { measureLambdaBundles, measureSpa } from './bundles';

const RUNS = 5;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  execFileSync('npm', ['run', 'build:web'], { cwd: projectRoot, stdio: 'ignore' });
  const assembly = synthesizeForLocal();
  const lambdas = await measureLambdaBundles(assembly, RUNS);
  const spa = measureSpa();
  const initial = spa.filter((f) => f.initial);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { coldInitRuns: RUNS },
    lambdas: lambdas.map((l) => ({ ...l, coldInitMedianMs: median(l.coldInitMs) })),
    spa: {
      files: spa,
      initialJsGzipBytes: initial.filter((f) => f.kind === 'js').reduce((sum, f) => sum + f.gzipBytes, 0),
      initialCssGzipBytes: initial.filter((f) => f.kind === 'css').reduce((sum, f) => sum + f.gzipBytes, 0),
    },
  };
  mkdirSync(path.join(projectRoot, 'test/.results'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'test/.results/bench.json'), `${JSON.stringify(results, null, 2)}\n`);

  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Landing benchmark, ${results.date}, ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}`);
  out('\nLambda bundles (minified ESM, no source map; cold init = median of fresh-process imports)');
  for (const l of results.lambdas) {
    out(`  ${l.entry.padEnd(46)} ${kb(l.minifiedBytes).padStart(9)}  gzip ${kb(l.gzipBytes).padStart(8)}  init ${l.coldInitMedianMs.toFixed(0).padStart(4)} ms`);
  }
  out('\nSPA (web/dist)');
  for (const f of spa) out(`  ${f.file.padEnd(46)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}${f.initial ? '  initial' : ''}`);
  out(`  initial JS ${kb(results.spa.initialJsGzipBytes)} gzip, CSS ${kb(results.spa.initialCssGzipBytes)} gzip`);
  out('\nWritten to test/.results/bench.json');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
