import { Duration } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { JitterType, LogLevel, type LogOptions, type StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { acknowledge, wildcardResource } from '../guard-rails';

/**
 * How every Lambda task of Landing's workflows retries: bad input (a ZodError) never, because retrying cannot
 * fix it; anything else (throttling, a network blip, a stale version) with backoff and jitter.
 */
export function withTaskRetries(task: LambdaInvoke): LambdaInvoke {
  task.addRetry({ errors: ['ZodError'], maxAttempts: 0 });
  task.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 5, jitterStrategy: JitterType.FULL });
  return task;
}

/** Every execution logged, without execution data: payloads stay out of logs. */
export function workflowLogs(scope: Construct, stage: StageConfig): LogOptions {
  return {
    destination: new LogGroup(scope, 'Logs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: stage.removalPolicy }),
    level: LogLevel.ALL,
    includeExecutionData: false,
  };
}

/**
 * The guard-rail findings every Landing state machine has by design (see infra/guard-rails.ts): its role may
 * invoke each task's Lambda in any version (`<fn>:*`, what LambdaInvoke grants), and deliver logs (and
 * traces) with the actions that take no resource ARN. Without tracing on the stage, no X-Ray.
 */
export function acknowledgeWorkflowGuardRails(stateMachine: StateMachine, stage: StageConfig, tasks: IFunction[]): void {
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
      reason: `The ${stage.name} stage traces nothing (tracing: false in infra/config/stages.ts); acc and prod trace every workflow and Lambda with X-Ray.`,
    });
  }
}
