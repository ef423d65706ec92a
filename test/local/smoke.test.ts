import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import { localSignIn } from '../../infra/ops/smoke/sign-in';
import { runSmoke, stepNames } from '../../infra/ops/smoke/smoke-walk';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let landing: RunningLanding;

beforeAll(async () => {
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `landing-smoke-${Date.now()}`,
    webRoot: 'web/dist',
    seedDemoData: true,
    demoReceiverPort: false,
  });
});
afterAll(() => landing?.stop());

/** `npm run smoke -- …` as a child (asynchronously: the product it walks runs in this process). */
function smoke(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS' && !name.startsWith('VITEST')),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'infra/ops/commands/smoke.ts', ...args],
      { cwd: projectRoot, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const apiKeysOfRijnhoven = async () => {
  const token = await localSignIn(landing.url, 'u-bram');
  const response = await fetch(`${landing.url}/api/corporaties/org-rijnhoven/api-sleutels`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { items: { prefix: string }[] }).items.map((k) => k.prefix).sort();
};

/** A port nothing listens on: taken from the system, then given back. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run smoke: the post-deploy smoke test', () => {
  it('walks health, sign-in, a read and a write it undoes, prints each step, and exits 0', {
    timeout: 90_000,
  }, async () => {
    const before = await apiKeysOfRijnhoven();
    const run = await smoke('--base', landing.url, '--corporatie', 'org-rijnhoven');
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const lines = run.stdout.split('\n');
    const stepLine = (step: string) => lines.find((l) => l.trim().startsWith(`✓ ${step} `));
    expect(stepLine('gezondheid')).toMatch(/200 +\d+ ms {2}status ok/);
    expect(stepLine('inloggen')).toMatch(/200 +\d+ ms {2}u-bram \(beheerder, Stichting De Overstap\)/);
    expect(stepLine('lezen')).toMatch(/200 +\d+ ms {2}2 corporaties; de sleutel komt bij org-rijnhoven/);
    expect(stepLine('schrijven')).toMatch(/201 +\d+ ms {2}API-sleutel [a-z0-9]{8} gemaakt/);
    expect(stepLine('sleutel')).toMatch(/200 +\d+ ms/);
    expect(stepLine('terugdraaien')).toMatch(/200 +\d+ ms {2}API-sleutel [a-z0-9]{8} ingetrokken/);
    expect(run.stdout).toContain('Rooktest geslaagd: 6 stappen');
    // Nothing printed that opens anything: no token, no API key.
    expect(run.stdout).not.toMatch(/lnd_|eyJ/);
    // The write is undone: the corporation's keys are what they were.
    expect(await apiKeysOfRijnhoven()).toEqual(before);
  });

  it('fails with exit 1 and says why when nothing answers at the address', { timeout: 60_000 }, async () => {
    const base = `http://127.0.0.1:${await deadPort()}`;
    const run = await smoke('--base', base);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`✗ gezondheid +- +\\d+ ms {2}geen antwoord van GET ${base}/api/health \\(ECONNREFUSED\\)`),
    );
    expect(run.stdout).toMatch(/✗ inloggen +- +0 ms {2}overgeslagen/);
    expect(run.stderr).toContain('Rooktest MISLUKT bij gezondheid: geen antwoord van GET');
  });

  it('fails a step whose answer is wrong, and still revokes the key it made', async () => {
    const before = await apiKeysOfRijnhoven();
    // The corporations' API refuses the new key (as a broken API-key authorizer would).
    const brokenAuthorizer: typeof fetch = (input, init) =>
      String(input).endsWith('/api/corporatie/signalen')
        ? Promise.resolve(new Response('{"message":"Forbidden"}', { status: 403 }))
        : fetch(input, init);
    const report = await runSmoke({
      base: landing.url,
      signIn: () => localSignIn(landing.url, 'u-bram'),
      corporatieId: 'org-rijnhoven',
      fetch: brokenAuthorizer,
    });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual(stepNames.map((s) => [s, s !== 'sleutel']));
    expect(report.steps.find((s) => s.step === 'sleutel')).toMatchObject({
      status: 403,
      detail: expect.stringContaining('antwoordde 403, verwacht 200 (Forbidden)'),
    });
    expect(await apiKeysOfRijnhoven()).toEqual(before);
  });

  it('fails the sign-in step for a user who may not do the write, and skips the rest', async () => {
    const report = await runSmoke({ base: landing.url, signIn: () => localSignIn(landing.url, 'u-sanne') });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok, s.detail])).toEqual([
      ['gezondheid', true, expect.stringContaining('status ok')],
      ['inloggen', false, 'de rooktestgebruiker moet beheerder zijn, maar is begeleider'],
      ['lezen', false, 'overgeslagen'],
      ['schrijven', false, 'overgeslagen'],
      ['sleutel', false, 'overgeslagen'],
      ['terugdraaien', false, 'overgeslagen'],
    ]);
  });
});
