import { createHash } from 'node:crypto';

/**
 * Re-driving failed workflow executions of a stage (docs/RECOVERY.md): list what failed, timed out or was
 * aborted since a time, and run each again — with Step Functions' redrive (it continues from the failed
 * state, within 14 days of the stop), or, when Step Functions refuses that, as a new execution with the same
 * input. Running a step twice is safe: every step re-checks with its rule and writes conditionally
 * (docs/ARCHITECTURE.md, Workflows). Inputs are read, never printed.
 */

export const processes = ['transitie', 'verhuizing', 'signalen'] as const;
export type Proces = (typeof processes)[number];

/** How long Step Functions keeps a stopped Standard execution redrivable. */
export const REDRIVE_WINDOW_DAYS = 14;
/**
 * Executions are listed newest start first, and they stop within minutes of starting (the workflows' timeout
 * is five minutes): once one started this long before `since`, no later page can hold one that stopped after.
 */
const LISTING_MARGIN_MS = 24 * 3_600_000;

export interface StoppedExecution {
  arn: string;
  name: string;
  stateMachineArn: string;
  status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  startDate: Date;
  stopDate?: Date;
}

export interface ExecutionDetail {
  /** The error's name (States.Timeout, Lambda.Unknown, ZodError…); its cause is not read: it may quote data. */
  error?: string;
  input?: string;
  redriveStatus?: string;
  redriveCount: number;
}

export interface WorkflowPort {
  stateMachines(stage: string): Promise<{ proces: Proces; arn: string }[]>;
  /** A page of the state machine's executions in one status, newest start first. */
  listStopped(
    stateMachineArn: string,
    status: StoppedExecution['status'],
    nextToken?: string,
  ): Promise<{ executions: StoppedExecution[]; nextToken?: string }>;
  describe(executionArn: string): Promise<ExecutionDetail>;
  redrive(executionArn: string, clientToken: string): Promise<void>;
  /** `bestond-al` when an execution of that name exists (a run before started it). */
  start(stateMachineArn: string, name: string, input: string | undefined): Promise<'gestart' | 'bestond-al'>;
}

/** Every execution of the state machine that stopped without success since `since`. */
export async function stoppedSince(
  port: WorkflowPort,
  stateMachineArn: string,
  since: Date,
): Promise<StoppedExecution[]> {
  const found: StoppedExecution[] = [];
  for (const status of ['FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
    let nextToken: string | undefined;
    do {
      const page = await port.listStopped(stateMachineArn, status, nextToken);
      found.push(...page.executions.filter((e) => (e.stopDate ?? e.startDate) >= since));
      const oldest = page.executions.at(-1)?.startDate;
      nextToken = oldest && oldest.getTime() < since.getTime() - LISTING_MARGIN_MS ? undefined : page.nextToken;
    } while (nextToken);
  }
  return found.sort((a, b) => (a.stopDate ?? a.startDate).getTime() - (b.stopDate ?? b.startDate).getTime());
}

/** Redrive while Step Functions allows it; otherwise a new execution. */
export function chooseAction(execution: StoppedExecution, detail: ExecutionDetail, now: Date): 'redrive' | 'nieuw' {
  const stopped = execution.stopDate ?? execution.startDate;
  const withinWindow = now.getTime() - stopped.getTime() < REDRIVE_WINDOW_DAYS * 86_400_000;
  return withinWindow && detail.redriveStatus !== 'NOT_REDRIVABLE' ? 'redrive' : 'nieuw';
}

/**
 * The name of the new execution that replaces a failed one: fixed, so a second run of the tool finds it
 * exists instead of starting another (execution names stay taken for 90 days). At most 80 characters.
 */
export function replacementName(name: string): string {
  const match = /^(.*)-opnieuw(\d*)$/.exec(name);
  const next = match ? `${match[1]}-opnieuw${Number(match[2] || 1) + 1}` : `${name}-opnieuw`;
  if (next.length <= 80) return next;
  const suffix = next.slice(next.lastIndexOf('-opnieuw'));
  return `${next.slice(0, 80 - suffix.length)}${suffix}`;
}

/** Redrive's idempotency token: the same execution and redrive count give the same token (a retried call is one redrive). */
export function redriveToken(executionArn: string, redriveCount: number): string {
  return createHash('sha256').update(`${executionArn}#${redriveCount}`).digest('hex').slice(0, 64);
}

export interface RedriveLine {
  proces: Proces;
  name: string;
  status: StoppedExecution['status'];
  stopDate?: Date;
  error?: string;
  action: 'redrive' | 'nieuw';
  /** What happened: `droogloop`, `opnieuw gestart (redrive)`, `nieuw gestart als …`, `al eerder nieuw gestart als …`, `mislukt: …`. */
  outcome: string;
}

export interface RedriveOptions {
  stage: string;
  since: Date;
  workflows: readonly Proces[];
  dryRun: boolean;
  now: Date;
}

export async function redriveFailed(
  port: WorkflowPort,
  options: RedriveOptions,
  progress: (line: RedriveLine) => void = () => {},
): Promise<RedriveLine[]> {
  const machines = (await port.stateMachines(options.stage)).filter((m) => options.workflows.includes(m.proces));
  const lines: RedriveLine[] = [];
  for (const machine of machines) {
    for (const execution of await stoppedSince(port, machine.arn, options.since)) {
      const detail = await port.describe(execution.arn);
      const action = chooseAction(execution, detail, options.now);
      const line: RedriveLine = {
        proces: machine.proces,
        name: execution.name,
        status: execution.status,
        ...(execution.stopDate ? { stopDate: execution.stopDate } : {}),
        ...(detail.error ? { error: detail.error } : {}),
        action,
        outcome: options.dryRun ? 'droogloop' : await runAgain(port, machine.arn, execution, detail, action),
      };
      lines.push(line);
      progress(line);
    }
  }
  return lines;
}

async function runAgain(
  port: WorkflowPort,
  stateMachineArn: string,
  execution: StoppedExecution,
  detail: ExecutionDetail,
  action: 'redrive' | 'nieuw',
): Promise<string> {
  try {
    if (action === 'redrive') {
      try {
        await port.redrive(execution.arn, redriveToken(execution.arn, detail.redriveCount));
        return 'opnieuw gestart (redrive)';
      } catch (error) {
        // Step Functions decides: history too long, redriven too often, older than it allows. Then a new one.
        if ((error as Error).name !== 'ExecutionNotRedrivable') throw error;
      }
    }
    const name = replacementName(execution.name);
    const started = await port.start(stateMachineArn, name, detail.input);
    return started === 'gestart' ? `nieuw gestart als ${name}` : `al eerder nieuw gestart als ${name}`;
  } catch (error) {
    return `mislukt: ${(error as Error).name}`;
  }
}
