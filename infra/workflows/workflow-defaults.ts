import { Duration } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { JitterType, LogLevel, type LogOptions } from 'aws-cdk-lib/aws-stepfunctions';
import type { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';

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
