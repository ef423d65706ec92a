import { Duration } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  type IChainable,
  JitterType,
  JsonPath,
  LogLevel,
  type LogOptions,
  Pass,
  type StateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { logGroupNames } from '../config/log-groups';
import type { StageConfig } from '../config/stages';
import { acknowledge, wildcardResource } from '../guard-rails';

/**
 * How every Lambda task of Landing's workflows retries: bad input (a ZodError) never, because retrying cannot
 * fix it; anything else (throttling, a network blip, a stale version) with backoff and jitter.
 */
export function withTaskRetries(task: LambdaInvoke): LambdaInvoke {
  task.addRetry({ errors: ['ZodError'], maxAttempts: 0 });
  task.addRetry({
    errors: ['States.ALL'],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 5,
    jitterStrategy: JitterType.FULL,
  });
  return task;
}

/** Every execution logged, without execution data: payloads stay out of logs. */
export function workflowLogs(scope: Construct, stage: StageConfig): LogOptions {
  return {
    destination: new LogGroup(scope, 'Logs', {
      logGroupName: logGroupNames.workflow(stage.name, scope.node.id),
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: stage.removalPolicy,
    }),
    level: LogLevel.ALL,
    includeExecutionData: false,
  };
}

/** What every Lambda task passes on besides its own fields: the correlation id the step logs with. */
export const correlationIdField = { correlationId: JsonPath.stringAt('$.correlationId') };

/**
 * The first states of every workflow: an execution started by the API (or by an alarm the API's change set)
 * carries the correlation id of that change in its input; one started without (an alarm set before
 * correlation ids existed, a start from the console) takes its own name as a new one. The workflows' input is
 * `{ transitionId, correlationId }`.
 */
export function withCorrelationId(scope: Construct, first: IChainable): Choice {
  const fromExecutionName = new Pass(scope, 'NewCorrelationId', {
    stateName: 'Nieuw correlatie-id',
    parameters: {
      transitionId: JsonPath.stringAt('$.transitionId'),
      correlationId: JsonPath.stringAt('$$.Execution.Name'),
    },
  });
  return new Choice(scope, 'HasCorrelationId', { stateName: 'Correlatie-id meegegeven?' })
    .when(Condition.isPresent('$.correlationId'), first)
    .otherwise(fromExecutionName.next(first));
}

/**
 * The guard-rail findings every Landing state machine has by design (see infra/aws/guard-rails.ts): its role may
 * invoke each task's Lambda in any version (`<fn>:*`, what LambdaInvoke grants), and deliver logs (and
 * traces) with the actions that take no resource ARN. Without tracing on the stage, no X-Ray.
 */
export function acknowledgeWorkflowGuardRails(
  stateMachine: StateMachine,
  stage: StageConfig,
  tasks: IFunction[],
): void {
  acknowledge(
    stateMachine.role,
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery, logs:PutResourcePolicy, …) and X-Ray (xray:PutTraceSegments, …) take no resource ARN; test/infra/nag.test.ts allows no other action on "*".',
    },
    ...[...new Set(tasks)].map((fn) => ({
      id: wildcardResource(stateMachine, `${fn.functionArn}:*`),
      reason: 'LambdaInvoke grants the task’s own function in every version and alias (`:*`); no other function.',
    })),
  );
  if (!stage.tracing) {
    acknowledge(stateMachine, {
      id: 'AwsSolutions-SF2',
      reason: `The ${stage.name} stage traces nothing (tracing: false in infra/aws/config/stages.ts); acc and prod trace every workflow and Lambda with X-Ray.`,
    });
  }
}
