import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type AwsSdkBundling,
  awsSdkBundlingOf,
  externalModulesOf,
  projectRoot,
} from '../../infra/aws/constructs/landing-function';
import { lambdaBuildOptions } from '../../infra/aws/constructs/lambda-build-options';
import type { LocalAssembly } from '../../infra/local/cloud-assembly';

/** One way of bundling a function: its size and its init times. */
export interface BundleVariant {
  minifiedBytes: number;
  gzipBytes: number;
  sourceMapBytes: number;
  /** Module init of the bundle in a fresh Node process, ms, one per run (wall clock). */
  coldInitMs: number[];
  /** The CPU time the process spent on that init, ms, one per run: steadier than the wall clock on a busy machine. */
  coldInitCpuMs: number[];
  /** What fills the bundle: the largest packages (or our folders), bytes in the output (esbuild's metafile). */
  largest: { part: string; bytes: number }[];
}

export interface BundleFigure {
  entry: string;
  /** How the function is deployed (infra/aws/constructs/landing-function.ts); the figures below are of that one. */
  awsSdk: AwsSdkBundling;
  minifiedBytes: number;
  gzipBytes: number;
  /** The bundle without the AWS SDK (the external variant's size): what our code and its other packages weigh. */
  withoutSdkBytes: number;
  coldInitMs: number[];
  coldInitCpuMs: number[];
  /** Both ways, measured run by run side by side, so a busy moment of the machine falls on both. */
  variants: Record<AwsSdkBundling, BundleVariant>;
}

const variantsMeasured: AwsSdkBundling[] = ['external', 'bundled'];

/**
 * Bundles every Lambda exactly as CDK does (same esbuild settings and source map, run as the Lambda runs it),
 * once with the AWS SDK external and once bundled, and times each one's init in a fresh process.
 */
export async function measureLambdaBundles(assembly: LocalAssembly, runs: number): Promise<BundleFigure[]> {
  const outDir = path.join(projectRoot, '.local/bench/bundles');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = [...new Set([...assembly.functions.values()].map((f) => f.entry))].sort();
  const figures: BundleFigure[] = [];
  for (const entry of entries) {
    const built = await Promise.all(
      variantsMeasured.map(async (variant) => {
        const outfile = path.join(outDir, `${entry.replace(/[/.]/g, '_')}.${variant}.mjs`);
        const { metafile } = await build({
          ...lambdaBuildOptions(outfile, externalModulesOf(variant)),
          entryPoints: [path.join(projectRoot, entry)],
        });
        return { variant, outfile, largest: largestParts(metafile) };
      }),
    );
    const times = new Map(built.map((b) => [b.variant, { wall: [] as number[], cpu: [] as number[] }]));
    for (let run = 0; run < runs; run++) {
      for (const b of built) {
        const { wallMs, cpuMs } = coldInit(b.outfile);
        times.get(b.variant)!.wall.push(wallMs);
        times.get(b.variant)!.cpu.push(cpuMs);
      }
    }
    const variants = Object.fromEntries(
      built.map((b) => {
        const code = readFileSync(b.outfile);
        const variant: BundleVariant = {
          minifiedBytes: code.length,
          gzipBytes: gzipSync(code).length,
          sourceMapBytes: statSync(`${b.outfile}.map`).size,
          coldInitMs: times.get(b.variant)!.wall,
          coldInitCpuMs: times.get(b.variant)!.cpu,
          largest: b.largest,
        };
        return [b.variant, variant];
      }),
    ) as Record<AwsSdkBundling, BundleVariant>;
    const awsSdk = awsSdkBundlingOf(entry);
    const chosen = variants[awsSdk];
    figures.push({
      entry,
      awsSdk,
      minifiedBytes: chosen.minifiedBytes,
      gzipBytes: chosen.gzipBytes,
      withoutSdkBytes: variants.external.minifiedBytes,
      coldInitMs: chosen.coldInitMs,
      coldInitCpuMs: chosen.coldInitCpuMs,
      variants,
    });
  }
  return figures;
}

/** The largest parts of a bundle: a package by its name, our own code by its top two folders. */
function largestParts(metafile: Metafile, count = 6): { part: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const part = pkg ?? file.split('/').slice(0, 2).join('/');
      bytes.set(part, (bytes.get(part) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([part, n]) => ({ part, bytes: n }));
}

/**
 * Time to import the bundle (and the SDK modules it loads) in a new Node process, as Lambda's init does (no
 * NODE_OPTIONS, as on the Lambdas: the source map beside the bundle is not read).
 */
function coldInit(file: string): { wallMs: number; cpuMs: number } {
  const script = `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(file)});const w=performance.now()-t;const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1000}));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: projectRoot,
    env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-1' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { wallMs: number; cpuMs: number };
}

export interface SpaFigure {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
  /** Loaded by index.html itself, as opposed to a lazily loaded chunk. */
  initial: boolean;
}

export function measureSpa(): SpaFigure[] {
  const dist = path.join(projectRoot, 'web/dist');
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = path.join(dist, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const content = readFileSync(path.join(assets, file));
      return {
        file,
        kind: file.endsWith('.js') ? ('js' as const) : ('css' as const),
        bytes: statSync(path.join(assets, file)).size,
        gzipBytes: gzipSync(content).length,
        initial: index.includes(file),
      };
    });
}
