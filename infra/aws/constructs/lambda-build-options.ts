import type { BuildOptions } from 'esbuild';
import { lambdaBundling, projectRoot } from './landing-function';

/**
 * esbuild's options for a Lambda bundle as CDK passes them (`lambdaBundling`), for the tools that bundle the
 * same way outside CDK: the benchmark and `npm run stack`. The entry is the caller's.
 */
export function lambdaBuildOptions(outfile: string, external: string[] = []) {
  return {
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    external,
    alias: { ...lambdaBundling.alias },
    absWorkingDir: projectRoot,
    metafile: true,
    logLevel: 'silent',
  } satisfies BuildOptions;
}
