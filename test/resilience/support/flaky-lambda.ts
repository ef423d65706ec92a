import type { LocalHandlerMetadata } from '../../../infra/aws/constructs/landing-function';
import { loadHandler, type LambdaContextLike } from '../../../infra/local/local-lambda';

/**
 * Task Lambdas of the workflows that crash when a test says so, for test/resilience/workflow-crash.test.ts.
 * Each export runs the real handler of one workflow function (the file CDK's metadata names) and fails the
 * invocations the test planned: before the handler runs (the Lambda service failing to invoke it), or after
 * it did its work (a container that dies before it answers). The local Step Functions runtime loads this file
 * by path in place of the real one, so the plans live on `globalThis`, shared by every copy of the module.
 */
export const flakyEntry = 'test/resilience/support/flaky-lambda.ts';

const wrapped = {
  recordTimelineEvent: 'functions/workflow/record-timeline-event.ts',
  followUpStep: 'functions/workflow/follow-up-step.ts',
  wakeupSchedule: 'functions/workflow/wakeup-schedule.ts',
} as const;
export type FlakyFunction = keyof typeof wrapped;

export interface Crash {
  fn: FlakyFunction;
  /** `before`: the handler does not run; `after`: it runs, then the invocation fails anyway. */
  moment: 'before' | 'after';
  /** Which invocations: by their input (a workflow task gets its state's payload). */
  when: (input: Record<string, unknown>) => boolean;
  error: () => Error;
  remaining: number;
}

export interface Invocation {
  fn: FlakyFunction;
  input: Record<string, unknown>;
  /** Whether the real handler ran, and how the invocation ended. */
  ran: boolean;
  outcome: 'ok' | 'crashed' | 'failed';
}

const registry = globalThis as Record<symbol, unknown>;
registry[Symbol.for('landing.test.flakyLambda')] ??= { crashes: [], invocations: [] };
const state = registry[Symbol.for('landing.test.flakyLambda')] as { crashes: Crash[]; invocations: Invocation[] };

/** Plans one crash (or `times`) of `fn` for the invocations `when` matches. */
export function crash(
  fn: FlakyFunction,
  moment: Crash['moment'],
  when: Crash['when'],
  error: () => Error,
  times = 1,
): void {
  state.crashes.push({ fn, moment, when, error, remaining: times });
}

export function invocations(fn?: FlakyFunction): Invocation[] {
  return state.invocations.filter((i) => !fn || i.fn === fn);
}

export function resetFlakyLambdas(): void {
  state.crashes.length = 0;
  state.invocations.length = 0;
}

/** The function map of a synthesized assembly with the workflow functions replaced by their flaky stand-ins. */
export function withFlakyLambdas(functions: Map<string, LocalHandlerMetadata>): Map<string, LocalHandlerMetadata> {
  const byEntry = new Map(Object.entries(wrapped).map(([exportName, entry]) => [entry as string, exportName]));
  return new Map(
    [...functions].map(([arn, metadata]) => {
      const exportName = byEntry.get(metadata.entry);
      return [arn, exportName ? { entry: flakyEntry, exportName } : metadata];
    }),
  );
}

function take(fn: FlakyFunction, moment: Crash['moment'], input: Record<string, unknown>): Crash | undefined {
  const planned = state.crashes.find((c) => c.fn === fn && c.moment === moment && c.remaining > 0 && c.when(input));
  if (planned) planned.remaining -= 1;
  return planned;
}

function flaky(fn: FlakyFunction) {
  return async (event: unknown, context: LambdaContextLike): Promise<unknown> => {
    const input = (event ?? {}) as Record<string, unknown>;
    const invocation: Invocation = { fn, input, ran: false, outcome: 'ok' };
    state.invocations.push(invocation);
    const before = take(fn, 'before', input);
    if (before) {
      invocation.outcome = 'crashed';
      throw before.error();
    }
    const real = await loadHandler({ entry: wrapped[fn], exportName: 'handler' });
    invocation.ran = true;
    let result: unknown;
    try {
      result = await real(event, context);
    } catch (error) {
      invocation.outcome = 'failed';
      throw error;
    }
    const after = take(fn, 'after', input);
    if (after) {
      invocation.outcome = 'crashed';
      throw after.error();
    }
    return result;
  };
}

export const recordTimelineEvent = flaky('recordTimelineEvent');
export const followUpStep = flaky('followUpStep');
export const wakeupSchedule = flaky('wakeupSchedule');
