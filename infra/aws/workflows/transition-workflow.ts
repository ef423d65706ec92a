import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  DefinitionBody,
  JsonPath,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import {
  acknowledgeWorkflowGuardRails,
  correlationIdField,
  withCorrelationId,
  withTaskRetries,
  workflowLogs,
} from './workflow-defaults';

export interface TransitionWorkflowProps {
  stage: StageConfig;
  recordTimelineEvent: IFunction;
}

/** State names double as the local runtime's task keys and as what ops read in the console. */
export const transitionWorkflowStates = {
  recordStart: 'Registreer start traject',
  done: 'Aanmelding verwerkt',
} as const;

/**
 * The transition's process as a state machine, one execution per transition (named after it).
 * Step 1: the first step records on the timeline that the process has started. Later steps add the
 * woning, uitkering timing, move and omklap; timers longer than a year go to EventBridge Scheduler.
 */
export class TransitionWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: TransitionWorkflowProps) {
    super(scope, id);

    const recordStart = new LambdaInvoke(this, 'RecordStart', {
      stateName: transitionWorkflowStates.recordStart,
      lambdaFunction: props.recordTimelineEvent,
      // Stable id and time from the execution: a retried task writes the same event, once.
      payload: TaskInput.fromObject({
        transitionId: JsonPath.stringAt('$.transitionId'),
        ...correlationIdField,
        type: 'traject-gestart',
        eventId: JsonPath.format('{}-traject-gestart', JsonPath.stringAt('$$.Execution.Name')),
        at: JsonPath.stringAt('$$.Execution.StartTime'),
      }),
      payloadResponseOnly: true,
      resultPath: JsonPath.DISCARD,
      retryOnServiceExceptions: true,
    });
    withTaskRetries(recordStart);

    const definition = withCorrelationId(
      this,
      recordStart.next(new Succeed(this, 'Done', { stateName: transitionWorkflowStates.done })),
    );

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: props.stage.workflowTimeout,
      tracingEnabled: props.stage.tracing,
      logs: workflowLogs(this, props.stage),
    });
    acknowledgeWorkflowGuardRails(this.stateMachine, props.stage, [props.recordTimelineEvent]);
  }
}
