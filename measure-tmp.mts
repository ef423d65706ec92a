import { build } from 'esbuild';
import { lambdaBundling } from './infra/constructs/landing-function';
for (const root of process.argv.slice(2)) for (const entry of ['functions/transitions/api.ts']) {
  const r = await build({ entryPoints: [`${root}/${entry}`], write: false, bundle: true, platform: 'node', format: 'esm', target: lambdaBundling.target, minify: lambdaBundling.minify, mainFields: [...lambdaBundling.mainFields], banner: { js: lambdaBundling.banner }, external: [...lambdaBundling.external], logLevel: 'silent' , metafile: true});
  console.log(root, entry, (r.outputFiles[0]!.contents.length / 1024).toFixed(2));
  for (const [k, v] of Object.entries(r.metafile!.outputs)) for (const [i, b] of Object.entries(v.inputs)) if (/free-text|person-identity|traject-schemas|transition.ts/.test(i)) console.log(i, b.bytesInOutput);
}
