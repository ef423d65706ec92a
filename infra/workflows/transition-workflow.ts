import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  JitterType,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';

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
        type: 'traject-gestart',
        eventId: JsonPath.format('{}-traject-gestart', JsonPath.stringAt('$$.Execution.Name')),
        at: JsonPath.stringAt('$$.Execution.StartTime'),
      }),
      payloadResponseOnly: true,
      resultPath: JsonPath.DISCARD,
      retryOnServiceExceptions: true,
    });
    // Bad input will not get better by retrying; anything else (throttling, a network blip) may.
    recordStart.addRetry({ errors: ['ZodError'], maxAttempts: 0 });
    recordStart.addRetry({
      errors: ['States.ALL'],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 5,
      jitterStrategy: JitterType.FULL,
    });

    const definition = recordStart.next(new Succeed(this, 'Done', { stateName: transitionWorkflowStates.done }));

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: props.stage.workflowTimeout,
      tracingEnabled: props.stage.tracing,
      logs: {
        destination: new LogGroup(this, 'Logs', {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: props.stage.removalPolicy,
        }),
        level: LogLevel.ALL,
        // Execution data holds only ids here, but keep payloads out of logs as a rule.
        includeExecutionData: false,
      },
    });
  }
}
