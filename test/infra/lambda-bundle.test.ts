import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { lambdaBuildOptions } from '../../infra/aws/constructs/lambda-build-options';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { mapStackTrace } from '../../infra/ops/diagnostics/stack-trace';

/** Bundles a few lines as CDK bundles a Lambda, and runs the bundle as Lambda does (a fresh Node, no options). */
const dir = mkdtempSync(path.join(tmpdir(), 'landing-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(name: string, contents: string) {
  const outfile = path.join(dir, name, 'index.mjs');
  const { metafile } = await build({
    ...lambdaBuildOptions(outfile),
    stdin: { contents, resolveDir: projectRoot, sourcefile: `functions/${name}.ts`, loader: 'ts' },
  });
  const run = (env: Record<string, string>) =>
    execFileSync(process.execPath, [outfile], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
  return { outfile, inputs: Object.keys(metafile.inputs), run };
}

describe('a Lambda bundle', () => {
  it('reaches DynamoDB with the credentials Lambda puts in its environment, without the rest of the chain', async () => {
    const { inputs, run } = await bundle(
      'probe',
      `import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
       import { createDocumentClient } from './functions/storage/dynamo-client';
       const db = createDocumentClient();
       const { TableNames } = await db.send(new ListTablesCommand({}));
       const { accessKeyId } = await db.config.credentials();
       process.stdout.write(JSON.stringify({ listed: Array.isArray(TableNames), accessKeyId }));`,
    );
    // SSO, profiles, STS, web identity, container and instance metadata: never the source on Lambda.
    expect(inputs.filter((file) => /credential-provider-(?!env)|nested-clients|token-providers/.test(file))).toEqual(
      [],
    );
    const answer = run({
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
      AWS_ACCESS_KEY_ID: 'AKIDLAMBDA',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
    });
    expect(JSON.parse(answer)).toEqual({ listed: true, accessKeyId: 'AKIDLAMBDA' });
  });

  it('of the refused-requests reader carries no schema of the contract: it serves no operation', async () => {
    const outfile = path.join(dir, 'refused-requests', 'index.mjs');
    const { metafile } = await build({
      ...lambdaBuildOptions(outfile),
      entryPoints: [path.join(projectRoot, 'functions/audit/refused-requests.ts')],
    });
    expect(Object.keys(metafile.inputs).filter((file) => file.startsWith('shared/api/'))).toEqual([]);
  });

  it.each(['worker-handler', 'fan-out-handler', 'sweeper-handler'])(
    'of the webhook %s carries no schema of the transition: it delivers notices, it reads no transition',
    async (name) => {
      const outfile = path.join(dir, name, 'index.mjs');
      const { metafile } = await build({
        ...lambdaBuildOptions(outfile),
        entryPoints: [path.join(projectRoot, `functions/webhooks/${name}.ts`)],
      });
      // Hundreds of zod schemas built at import, a large part of the cold start.
      expect(
        Object.keys(metafile.inputs).filter((file) =>
          /shared\/domain\/transition\/(transition|traject-schemas)\.ts$/.test(file),
        ),
      ).toEqual([]);
    },
  );

  it('keeps its source map beside it, unread at init, and `npm run stack` maps a logged trace back', async () => {
    const { outfile, run } = await bundle(
      'thrower',
      `function rejectAanmelding(reason: string): never {
         throw new Error(reason);
       }
       try {
         rejectAanmelding('no');
       } catch (error) {
         process.stdout.write((error as Error).stack ?? '');
       }`,
    );
    const trace = run({ NODE_OPTIONS: '' });
    // As Lambda logs it: a position in the minified bundle, not the source.
    expect(trace).toMatch(/index\.mjs:\d+:\d+/);
    expect(trace).not.toContain('thrower.ts');
    const logged = trace.replaceAll(`file://${outfile}`, 'file:///var/task/index.mjs');
    const mapped = mapStackTrace(logged, JSON.parse(readFileSync(`${outfile}.map`, 'utf8')));
    expect(mapped).toContain('at t (functions/thrower.ts:2:16)');
    expect(mapped).toContain('at functions/thrower.ts:5:10');
  });
});
