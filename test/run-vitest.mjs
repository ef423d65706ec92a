#!/usr/bin/env node
// Runs the whole vitest suite and ends with the plain line CI reads: "N passed, N failed".
// The counts come from vitest's own JSON report, not from parsing its console output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test/.results');
const report = path.join(resultsDir, 'vitest.json');
const logFile = path.join(resultsDir, 'logs.jsonl');
mkdirSync(resultsDir, { recursive: true });
rmSync(report, { force: true });
rmSync(logFile, { force: true });

const vitest = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, LOG_FILE: logFile } },
);

// Every log line the suite wrote, scanned for the people of the demo and the tests (see test/privacy).
const scan = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'test/privacy/scan-logs.ts'), logFile],
  { cwd: root, stdio: 'inherit' },
);
const privacyFailed = scan.status === 0 ? 0 : 1;

if (!existsSync(report)) {
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(vitest.status || 1);
}
const result = JSON.parse(readFileSync(report, 'utf8'));
// A file that fails to load counts as a failure even though it ran no test.
const failedFiles = result.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
const failed = result.numFailedTests + failedFiles + privacyFailed;
process.stdout.write(`${result.numPassedTests} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : (vitest.status ?? 1));
