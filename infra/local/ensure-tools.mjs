#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm's prestart/pretest): installs what is missing, so a fresh clone
// needs nothing but these two commands. Plain Node, no dependencies: it runs before node_modules exists.
//   node infra/local/ensure-tools.mjs [java] [chromium]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wanted = new Set(process.argv.slice(2));
const say = (line) => process.stdout.write(`${line}\n`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`"${command} ${args.join(' ')}" failed (exit ${result.status}).`);
}

/** node_modules is current when npm's own record of the install is newer than the lock file. */
function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules/.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Node-pakketten installeren (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

let aptUpdated = false;
function aptInstall(pkg, why) {
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    fail(
      `${why} ontbreekt. Installeer het Debian-pakket "${pkg}" (sudo apt-get install -y ${pkg}) en probeer opnieuw.`,
    );
  }
  say(`${why} ontbreekt: Debian-pakket ${pkg} installeren…`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg]);
}

function javaMajorVersion() {
  // `java -version` prints to stderr.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = `${result.stderr ?? ''}${result.stdout ?? ''}`.match(/version "(\d+)/);
  return match ? parseInt(match[1], 10) : 0;
}

function ensureJava() {
  // DynamoDB Local 3.x needs Java 17 or newer.
  if (javaMajorVersion() >= 17) return;
  aptInstall('default-jre-headless', 'Java 17 (voor DynamoDB Local)');
  if (javaMajorVersion() < 17) fail('Java 17 of nieuwer is nodig voor DynamoDB Local.');
}

function ensureChromium() {
  if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
  aptInstall('chromium', 'Chromium (voor de browsertests)');
}

ensureNodeModules();
if (wanted.has('java')) ensureJava();
if (wanted.has('chromium')) ensureChromium();
for (const tool of wanted) if (!['java', 'chromium'].includes(tool)) fail(`unknown tool ${tool}`);
