import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { lazy } from '../environment';
import { currentCorrelationId } from '../observability/context';
import type { TransitionWorkflow } from '../transitions/ports';

/** An execution's input: the transition, and the correlation id of the change that started it (its tasks log with it). */
export function executionInput(transitionId: string): string {
  const correlationId = currentCorrelationId();
  return JSON.stringify({ transitionId, ...(correlationId ? { correlationId } : {}) });
}

/** The Step Functions client of a Lambda that starts workflows (only those load it). */
export const stepFunctionsClient = lazy(() => new SFNClient({}));

/**
 * Starts a transition's state machine. The execution is named after the transition, which makes starting
 * idempotent: Step Functions refuses a second execution of the same name (and locally, so does the emulator).
 */
export class StepFunctionsTransitionWorkflow implements TransitionWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly arns: { transition: string; move: string; signals: string },
  ) {}

  evaluateMove(transitionId: string): Promise<void> {
    return this.look(this.arns.move, transitionId);
  }

  evaluateSignals(transitionId: string): Promise<void> {
    return this.look(this.arns.signals, transitionId);
  }

  /** Every look is its own short execution; the steps themselves are idempotent, so two at once are harmless. */
  private async look(stateMachineArn: string, transitionId: string): Promise<void> {
    await this.sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: `${transitionId}-${Date.now()}-${randomUUID().slice(0, 8)}`,
        input: executionInput(transitionId),
      }),
    );
  }

  async start(transitionId: string): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.arns.transition,
          name: transitionId,
          input: executionInput(transitionId),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
