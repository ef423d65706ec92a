import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { lambdaBundling, projectRoot } from '../../infra/aws/constructs/landing-function';
import type { LocalAssembly } from '../../infra/local/cloud-assembly';

export interface BundleFigure {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Module init of the bundle in a fresh Node process, ms: median of the runs. */
  coldInitMs: number[];
}

/** Bundles every Lambda exactly as CDK does (same esbuild settings) and times its init in a fresh process. */
export async function measureLambdaBundles(assembly: LocalAssembly, runs: number): Promise<BundleFigure[]> {
  const outDir = path.join(projectRoot, '.local/bench/bundles');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = [...new Set([...assembly.functions.values()].map((f) => f.entry))].sort();
  const figures: BundleFigure[] = [];
  for (const entry of entries) {
    const outfile = path.join(outDir, `${entry.replace(/[/.]/g, '_')}.mjs`);
    await build({
      entryPoints: [path.join(projectRoot, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: lambdaBundling.target,
      minify: lambdaBundling.minify,
      mainFields: [...lambdaBundling.mainFields],
      banner: { js: lambdaBundling.banner },
      external: [...lambdaBundling.external],
      logLevel: 'silent',
    });
    const code = readFileSync(outfile);
    const coldInitMs = Array.from({ length: runs }, () => coldInit(outfile));
    figures.push({ entry, minifiedBytes: code.length, gzipBytes: gzipSync(code).length, coldInitMs });
  }
  return figures;
}

/** Time to import the bundle (and the SDK modules it loads) in a new Node process, as Lambda's init does. */
function coldInit(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: projectRoot,
    env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-1' },
    encoding: 'utf8',
  });
  return Number(out);
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
