import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../infra/aws/constructs/landing-function';

/**
 * Runs one benchmark part in a fresh Node process and hands back its result. A part that starts the local
 * product (startLanding) leaves state behind in its process: the handlers' clients are built once from the
 * environment (the DynamoDB endpoint, the queue's URL), and the product clock may have been moved. A part
 * in its own process starts clean and leaves nothing for the next one.
 *
 * The child is the part's own module run with `--bench-child <options as JSON>` (see `runBenchPart`).
 */
const CHILD_FLAG = '--bench-child';

type ChildMessage = { log: string } | { result: unknown } | { error: string };

export function inChildProcess<T>(moduleUrl: string, options: unknown, log?: (line: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(moduleUrl), [CHILD_FLAG, JSON.stringify(options ?? {})], {
      cwd: projectRoot,
      execArgv: ['--import', 'tsx'],
      // The product's own log lines are not the benchmark's output; keep the tail of stderr for a failure.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let result: { value: T } | undefined;
    let failure: string | undefined;
    child.on('message', (message: ChildMessage) => {
      if ('log' in message) log?.(message.log);
      else if ('result' in message) result = { value: message.result as T };
      else failure = message.error;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result) resolve(result.value);
      else
        reject(
          new Error(
            failure ?? `benchmark child exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`,
          ),
        );
    });
  });
}

/**
 * A part's entry point, at the bottom of its module. In the child `inChildProcess` started, it measures with
 * the options the parent sent and reports back; run as a script (`npx tsx test/bench/<part>.ts …`), it
 * measures with the command line's options and prints the result. Imported by the orchestrator, it does nothing.
 */
export function runBenchPart<O, T>(
  moduleUrl: string,
  part: {
    measure: (options: O & { log: (line: string) => void }) => Promise<T>;
    cliOptions: (argv: string[]) => O;
    print: (result: T, options: O) => void;
  },
): void {
  if (process.argv[2] === CHILD_FLAG && typeof process.send === 'function') {
    void runAsChild<O, T>((options, log) => part.measure({ ...options, log }));
  } else if (isMain(moduleUrl)) {
    const options = part.cliOptions(process.argv.slice(2));
    part
      .measure({ ...options, log: (line) => process.stderr.write(`${line}\n`) })
      .then((result) => {
        part.print(result, options);
        process.exit(0);
      })
      .catch((error: Error) => {
        process.stderr.write(`${error.stack}\n`);
        process.exit(1);
      });
  }
}

/** The number after `flag` on the command line, if given. */
export function numberFlag(argv: readonly string[], flag: string): number | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : undefined;
}

async function runAsChild<O, T>(measure: (options: O, log: (line: string) => void) => Promise<T>): Promise<void> {
  const options = JSON.parse(process.argv[3] ?? '{}') as O;
  const send = (message: ChildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  try {
    const result = await measure(options, (line) => void send({ log: line }));
    await send({ result });
    process.exit(0);
  } catch (error) {
    await send({ error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}

function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && fileURLToPath(moduleUrl) === path.resolve(process.argv[1]!);
}

/** Nearest-rank percentile of a sample (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Distribution {
  count: number;
  minMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export function distribution(values: readonly number[]): Distribution {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: values.length,
    minMs: round(Math.min(...values)),
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    p99Ms: round(percentile(values, 99)),
    maxMs: round(Math.max(...values)),
    meanMs: round(values.reduce((sum, v) => sum + v, 0) / (values.length || 1)),
  };
}
