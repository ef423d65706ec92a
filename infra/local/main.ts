/**
 * `npm start`: the whole product locally, no AWS account. DynamoDB Local (data under .local/, kept across
 * restarts), the API and workflow Lambdas, the SPA, demo data on first start. One Ctrl-C stops it all.
 *   npm start -- --port 3001    another port
 *   npm start -- --reset        start with an empty database (and fresh demo data)
 *   npm start -- --state-dir <folder>
 *                               keep the database, the clock, the alarms and the keys in another folder
 *                               than .local/ (a second instance; the resilience tests' restarts)
 *   npm start -- --dynamodb-port <port>
 *                               DynamoDB Local's port (default 8000, any free one when that is taken)
 *   npm run reset               only empty the database
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { projectRoot } from '../aws/constructs/landing-function';
import { startDynamoDbLocal, stopLeftoverDynamoDb, type RunningDynamoDb } from './dynamodb-local';
import { PortInUseError, startLanding, type RunningLanding } from './landing';
import { freePort, isPortFree } from './ports';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: '8000' },
    reset: { type: 'boolean', default: false },
    'no-serve': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'state-dir': { type: 'string', default: path.join(projectRoot, '.local') },
  },
});

const localDir = path.resolve(args['state-dir']);
const dataDir = path.join(localDir, 'dynamodb');
const tableName = 'landing-local';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  // A DynamoDB Local a killed run left behind holds the data folder (and its port): it goes first.
  await stopLeftoverDynamoDb(dataDir);
  if (args.reset) {
    rmSync(dataDir, { recursive: true, force: true });
    // The clock, the schedules and the running workflows belong to the data: a fresh database starts today,
    // with nothing planned.
    for (const file of ['clock.json', 'schedules.json', 'executions.json'])
      rmSync(path.join(localDir, file), { force: true });
    say('Lokale database leeggemaakt.');
    if (args['no-serve']) return;
  }
  const port = Number(args.port);
  // Fail fast, before starting anything, when the port for the app is taken.
  if (!(await isPortFree(port))) throw new PortInUseError(port);
  const dynamoPort = (await isPortFree(Number(args['dynamodb-port'])))
    ? Number(args['dynamodb-port'])
    : await freePort();

  say('Landing start lokaal…');
  const build = args['no-build'] ? Promise.resolve() : buildWeb();
  let dynamo: RunningDynamoDb | undefined;
  let landing: RunningLanding | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nLanding stopt…');
    await landing?.stop().catch(() => undefined);
    await dynamo?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    dynamo = await startDynamoDbLocal({ port: dynamoPort, dataDir });
    say(`  ✓ database     DynamoDB Local op ${dynamo.endpoint} (gegevens in ${shown(dataDir)})  [${elapsed()}]`);
    await build;
    if (!args['no-build']) say(`  ✓ webapp       gebouwd naar web/dist  [${elapsed()}]`);
    landing = await startLanding({
      port,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      webRoot: path.join(projectRoot, 'web/dist'),
      seedDemoData: true,
      authSecret: authSecret(),
      stateDir: localDir,
      // The demo corporation's receiver next to the app (any free port when that one is taken).
      demoReceiverPort: (await isPortFree(port + 1)) ? port + 1 : 0,
    });
    say(
      `  ✓ werkprocessen Step Functions-definities uit CDK, lokaal uitgevoerd; wekkers in ${shown(path.join(localDir, 'schedules.json'))}`,
    );
    const { today, offsetDays } = landing.clock.state();
    if (offsetDays > 0)
      say(`  ✓ klok        ${offsetDays} dagen vooruitgezet: het is ${today} (npm start -- --reset zet hem terug)`);
    say(`  ✓ api          dezelfde Lambda-handlers achter een lokale gateway`);
    say(
      `  ✓ webhooks     outbox via de DynamoDB-stream, wachtrij, bezorger en veger; ondertekend volgens Standard Webhooks`,
    );
    if (landing.receiver) say(`  ✓ ontvanger    demo-ontvanger van Woonstichting Rijnhoven op ${landing.receiver.url}`);
    if (landing.demoApiKey)
      say(
        `  ✓ api-sleutel  van Woonstichting Rijnhoven (signalen melden) staat in ${shown(path.join(localDir, 'demo-corporatie.json'))}`,
      );
    if (landing.tableCreated) say('  ✓ demodata     aangemaakt (npm start -- --reset begint opnieuw)');
    // The same health check the stage answers on AWS, against the embedded parts.
    const health = (await (await fetch(`${landing.url}/api/health`)).json()) as {
      status: string;
      checks: Record<string, string>;
    };
    say(
      `  ${health.status === 'ok' ? '✓' : '✗'} gezondheid   ${Object.entries(health.checks)
        .map(([part, state]) => `${part} ${state === 'ok' ? 'ok' : 'FAALT'}`)
        .join(' · ')}  (${landing.url}/api/health)`,
    );
    say(`\nLanding draait op ${landing.url}  (klaar in ${elapsed()}; Ctrl-C stopt alles)`);
    say(`API-beschrijving: ${landing.url}/api/openapi.json (na inloggen), leesbaar in docs/API.md`);
    // After the health check: the history's load in the background must not slow down what it checks.
    say('  … historie     drie jaar verzonnen trajecten worden op de achtergrond geladen');
    landing
      .loadDemoHistory()
      .then((loaded) =>
        say(
          loaded
            ? `  ✓ historie     ${loaded.transitions} verzonnen trajecten van drie jaar geladen  [${elapsed()}]`
            : '  ✓ historie     was al geladen',
        ),
      )
      .catch((error: Error) => say(`  ✗ historie     niet geladen: ${error.message}`));
  } catch (error) {
    process.stderr.write(`\nLanding kon niet starten: ${(error as Error).message}\n`);
    await stop(1);
  }
}

/** A path as the developer typed it: relative to the project when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function buildWeb(): Promise<void> {
  return promisify(execFile)(process.execPath, [
    path.join(projectRoot, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    path.join(projectRoot, 'web/vite.config.ts'),
    '--logLevel',
    'warn',
  ]).then(() => undefined);
}

/** The local token secret persists with the data, so a restart keeps you signed in. */
function authSecret(): Uint8Array {
  const file = path.join(localDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(localDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
