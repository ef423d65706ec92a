import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `npm start` as a child process: infra/local/main.ts under tsx, in one Node process (so a SIGKILL of it is the
 * product dying, not a wrapper), in its own process group (so the test can also kill its DynamoDB Local, and
 * clean up everything it started by group id).
 */
export interface LocalProduct {
  pid: number;
  url: string;
  /** What it printed, for the failure message. */
  output(): string;
  exited: Promise<void>;
}

export interface StartOptions {
  stateDir: string;
  port: number;
  dynamoPort: number;
  /** How long it may take to answer /api/health: generous, a loaded machine synthesizes CDK and starts Java. */
  timeoutMs?: number;
}

const started = new Set<number>();

export async function startProduct(options: StartOptions): Promise<LocalProduct> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS' && !name.startsWith('VITEST')),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'infra/local/main.ts',
      '--port',
      String(options.port),
      '--dynamodb-port',
      String(options.dynamoPort),
      '--state-dir',
      options.stateDir,
      '--no-build',
    ],
    { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, LOG_LEVEL: 'warn' } },
  );
  const pid = child.pid!;
  started.add(pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  for (;;) {
    if (gone) throw new Error(`the product stopped while starting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the product did not answer /api/health in time:\n${output}`);
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    // Up once main.ts says so: its own health check (and the demo data, on a first start) come before that line.
    if (health?.ok && output.includes('Landing draait op')) break;
    await sleep(250);
  }
  return { pid, url, output: () => output, exited };
}

/**
 * test/resilience/support/dynamodb-child.ts as a child process: DynamoDB Local started on `dataDir` by a Node
 * process the test can kill, in a process group of its own.
 */
export async function startDynamoDbChild(
  port: number,
  dataDir: string,
): Promise<{ pid: number; endpoint: string; exited: Promise<void> }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS' && !name.startsWith('VITEST')),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/resilience/support/dynamodb-child.ts', String(port), dataDir],
    {
      cwd: projectRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  started.add(child.pid!);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`DynamoDB Local's parent stopped while starting:\n${output}`)));
  });
  return { pid: child.pid!, endpoint, exited };
}

/** The product's Node process dies at once (its DynamoDB Local, a child of its own, lives on as an orphan). */
export async function killProduct(product: LocalProduct): Promise<void> {
  process.kill(product.pid, 'SIGKILL');
  await product.exited;
}

/** Everything dies at once: the product and its DynamoDB Local (the machine losing power, as far as a test can). */
export async function killEverything(product: LocalProduct): Promise<void> {
  killGroup(product.pid);
  await product.exited;
}

/** Cleanup: every process group this module started, whatever state the test left them in. */
export function killAllStarted(): void {
  for (const pid of started) killGroup(pid);
  started.clear();
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Whether a process is still there (signal 0 only asks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
