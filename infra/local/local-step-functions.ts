import { StateMachine } from 'aws-local-stepfunctions';
import { existsSync, readFileSync } from 'node:fs';
import type { LocalHandlerMetadata } from '../aws/constructs/landing-function';
import type { LocalStateMachine } from './cloud-assembly';
import { lambdaContext, loadHandler } from './local-lambda';
import { writeStateFile } from './state-file';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface LocalExecution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  done: Promise<void>;
}

export class ExecutionAlreadyExistsError extends Error {
  override readonly name = 'ExecutionAlreadyExists';
}
export class StateMachineDoesNotExistError extends Error {
  override readonly name = 'StateMachineDoesNotExist';
}

type StateDefinition = {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Branches?: Definition[];
  Iterator?: Definition;
  ItemProcessor?: Definition;
};
type Definition = { States: Record<string, StateDefinition> };

/** An execution that was running when the process stopped, as the journal keeps it. */
interface JournalEntry {
  stateMachineArn: string;
  name: string;
  input: string;
  startDate: string;
}

/**
 * Runs the state machine definitions CDK synthesized with aws-local-stepfunctions, each Lambda task wired to
 * the handler its function runs on AWS. Execution names are unique per state machine, as on AWS, which is
 * what makes starting a transition's workflow idempotent.
 *
 * On AWS a started execution outlives anything that happens to its caller; here it lives in this process.
 * With a journal file, every running execution is written down until it ends, and the next start runs the
 * ones a killed process left unfinished again, from the start, under the same name and start time: every
 * step is idempotent (it re-checks what is due, its writes are conditional or keyed by the execution), so
 * what the first run did is not done twice and what it did not get to is done now.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<
    string,
    { machine: StateMachine; tasks: Record<string, (input: unknown) => Promise<unknown>> }
  >();
  private readonly executions = new Map<string, LocalExecution>();
  private readonly running = new Map<string, JournalEntry>();
  private readonly unfinished: JournalEntry[];

  constructor(
    stateMachines: LocalStateMachine[],
    functions: Map<string, LocalHandlerMetadata>,
    private readonly options: { journal?: string } = {},
  ) {
    for (const sm of stateMachines) {
      const definition = sm.definition as unknown as Definition;
      this.machines.set(sm.arn, {
        machine: new StateMachine(withOwnStartTime(definition) as never, { validationOptions: { checkArn: false } }),
        tasks: taskHandlers(definition, functions),
      });
    }
    this.unfinished =
      options.journal && existsSync(options.journal)
        ? (JSON.parse(readFileSync(options.journal, 'utf8')) as JournalEntry[])
        : [];
  }

  startExecution(stateMachineArn: string, name: string, input: string): LocalExecution {
    return this.run(stateMachineArn, name, input);
  }

  /** Runs again what the journal says was still running when the previous process stopped. */
  resumeUnfinished(): LocalExecution[] {
    const resumed = this.unfinished.splice(0).flatMap((e) => {
      try {
        return [this.run(e.stateMachineArn, e.name, e.input, new Date(e.startDate))];
      } catch (error) {
        if (error instanceof ExecutionAlreadyExistsError || error instanceof StateMachineDoesNotExistError) return [];
        throw error;
      }
    });
    this.persist();
    return resumed;
  }

  private run(stateMachineArn: string, name: string, input: string, resumedFrom?: Date): LocalExecution {
    const entry = this.machines.get(stateMachineArn);
    if (!entry) throw new StateMachineDoesNotExistError(`State machine does not exist: ${stateMachineArn}`);
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // AWS: same name and input while running returns the running execution; anything else is refused.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ExecutionAlreadyExistsError(`Execution already exists: ${executionArn}`);
    }
    const parsedInput = JSON.parse(input) as Parameters<StateMachine['run']>[0];
    const startDate = resumedFrom ?? new Date();
    // Written down before its first step runs, so no step can have happened without it being in the journal.
    this.running.set(executionArn, { stateMachineArn, name, input, startDate: startDate.toISOString() });
    this.persist();
    const run = entry.machine.run(parsedInput, {
      overrides: { taskResourceLocalHandlers: entry.tasks as never },
      context: {
        Execution: {
          Id: executionArn,
          Name: name,
          RoleArn: 'arn:aws:iam::000000000000:role/local',
          [START_TIME]: startDate.toISOString(),
        },
      } as never,
    });
    const ended = () => {
      this.running.delete(executionArn);
      this.persist();
    };
    const execution: LocalExecution = {
      executionArn,
      stateMachineArn,
      name,
      input,
      status: 'RUNNING',
      startDate,
      done: run.result.then(
        (output) => {
          Object.assign(execution, { status: 'SUCCEEDED', output: JSON.stringify(output), stopDate: new Date() });
          ended();
        },
        (error: Error) => {
          Object.assign(execution, { status: 'FAILED', error: error.name, stopDate: new Date() });
          ended();
        },
      ),
    };
    this.executions.set(executionArn, execution);
    return execution;
  }

  private persist(): void {
    if (this.options.journal)
      writeStateFile(this.options.journal, JSON.stringify([...this.unfinished, ...this.running.values()], null, 2));
  }

  /** Whether a state machine of the synthesized app runs here (DescribeStateMachine). */
  hasStateMachine(stateMachineArn: string): boolean {
    return this.machines.has(stateMachineArn);
  }

  describeExecution(executionArn: string): LocalExecution | undefined {
    return this.executions.get(executionArn);
  }

  /** Waits for every running execution (tests, clean shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.executions.values()].map((e) => e.done));
  }

  /**
   * Waits until nothing runs, including executions started meanwhile (a step that starts another process),
   * or until `ms` passed; says whether it got quiet. A step retried after a conflict (2, 4, 8 s) is waited for.
   */
  async quiet(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      const running = [...this.executions.values()].filter((e) => e.status === 'RUNNING');
      if (running.length === 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(running.map((e) => e.done)),
        new Promise((resolve) => (timer = setTimeout(resolve, left))),
      ]);
      clearTimeout(timer);
    }
  }
}

const START_TIME = 'LocalStartTime';

/**
 * aws-local-stepfunctions sets `$$.Execution.StartTime` to the moment it starts running, which a resumed
 * execution must not change (the transition workflow derives its first event's time from it): the definition
 * reads the start time this class keeps, and journals, instead.
 */
function withOwnStartTime(definition: Definition): Definition {
  const replace = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(replace);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key.endsWith('.$') && inner === '$$.Execution.StartTime' ? `$$.Execution.${START_TIME}` : replace(inner),
      ]),
    );
  };
  return replace(definition) as Definition;
}

/** Maps every Task state (also inside Parallel and Map) to the local handler of the Lambda it invokes. */
function taskHandlers(definition: Definition, functions: Map<string, LocalHandlerMetadata>) {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  const visit = (d: Definition) => {
    for (const [stateName, state] of Object.entries(d.States)) {
      if (state.Type === 'Task') {
        const invokesByArn = state.Resource ? functions.get(state.Resource) : undefined;
        const functionName = state.Parameters?.FunctionName;
        const invoked = invokesByArn ?? (typeof functionName === 'string' ? functions.get(functionName) : undefined);
        if (!invoked) throw new Error(`Task "${stateName}" calls ${state.Resource}, which has no local handler`);
        const payloadResponseOnly = Boolean(invokesByArn);
        handlers[stateName] = async (input) => {
          const handler = await loadHandler(invoked);
          // With lambda:invoke the task gets {FunctionName, Payload} and returns the Lambda's response shape.
          if (payloadResponseOnly) return handler(input, lambdaContext(invoked.entry));
          const payload = (input as { Payload?: unknown }).Payload;
          return { StatusCode: 200, Payload: await handler(payload, lambdaContext(invoked.entry)) };
        };
      }
      for (const branch of state.Branches ?? []) visit(branch);
      const inner = state.ItemProcessor ?? state.Iterator;
      if (inner) visit(inner);
    }
  };
  visit(definition);
  return handlers;
}
