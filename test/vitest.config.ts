import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; every test file makes its own table in it.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // expect.poll waits for what the product does eventually (a workflow's answer on a loaded machine); it
    // never judges how long that took (timings are the benchmark's).
    expect: { poll: { timeout: 10_000 } },
    // No EMF metric lines on the console (test/functions/metrics.test.ts switches them on where it reads them).
    env: { LOG_LEVEL: 'warn', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
