import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { TransitionWorkflow } from '../transitions/ports';

/**
 * Starts a transition's state machine. The execution is named after the transition, which makes starting
 * idempotent: Step Functions refuses a second execution of the same name (and locally, so does the emulator).
 */
export class StepFunctionsTransitionWorkflow implements TransitionWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
    private readonly moveWorkflowArn: string,
  ) {}

  async evaluateMove(transitionId: string): Promise<void> {
    // Every look is its own short execution; the steps themselves are idempotent, so two at once are harmless.
    await this.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: this.moveWorkflowArn,
        name: `${transitionId}-${Date.now()}`,
        input: JSON.stringify({ transitionId }),
      }),
    );
  }

  async start(transitionId: string): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: transitionId,
          input: JSON.stringify({ transitionId }),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
