import './promise-with-resolvers';
import { StateMachine } from 'aws-local-stepfunctions';
import type { LocalHandlerMetadata } from '../constructs/landing-function';
import type { LocalStateMachine } from './cloud-assembly';
import { lambdaContext, loadHandler } from './local-lambda';

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

type StateDefinition = { Type: string; Resource?: string; Parameters?: Record<string, unknown>; Branches?: Definition[]; Iterator?: Definition; ItemProcessor?: Definition };
type Definition = { States: Record<string, StateDefinition> };

/**
 * Runs the state machine definitions CDK synthesized with aws-local-stepfunctions, each Lambda task wired to
 * the handler its function runs on AWS. Execution names are unique per state machine, as on AWS, which is
 * what makes starting a transition's workflow idempotent.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, { machine: StateMachine; tasks: Record<string, (input: unknown) => Promise<unknown>> }>();
  private readonly executions = new Map<string, LocalExecution>();

  constructor(
    stateMachines: LocalStateMachine[],
    functions: Map<string, LocalHandlerMetadata>,
  ) {
    for (const sm of stateMachines) {
      const definition = sm.definition as unknown as Definition;
      this.machines.set(sm.arn, {
        machine: new StateMachine(definition as never, { validationOptions: { checkArn: false } }),
        tasks: taskHandlers(definition, functions),
      });
    }
  }

  startExecution(stateMachineArn: string, name: string, input: string): LocalExecution {
    const entry = this.machines.get(stateMachineArn);
    if (!entry) throw new StateMachineDoesNotExistError(`State machine does not exist: ${stateMachineArn}`);
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // AWS: same name and input while running returns the running execution; anything else is refused.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ExecutionAlreadyExistsError(`Execution already exists: ${executionArn}`);
    }
    const run = entry.machine.run(JSON.parse(input), {
      overrides: { taskResourceLocalHandlers: entry.tasks as never },
      context: { Execution: { Id: executionArn, Name: name, RoleArn: 'arn:aws:iam::000000000000:role/local' } } as never,
    });
    const execution: LocalExecution = {
      executionArn,
      stateMachineArn,
      name,
      input,
      status: 'RUNNING',
      startDate: new Date(),
      done: run.result.then(
        (output) => {
          Object.assign(execution, { status: 'SUCCEEDED', output: JSON.stringify(output), stopDate: new Date() });
        },
        (error: Error) => {
          Object.assign(execution, { status: 'FAILED', error: error.name, stopDate: new Date() });
        },
      ),
    };
    this.executions.set(executionArn, execution);
    return execution;
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
