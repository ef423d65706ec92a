import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import * as z from 'zod';
import { correlationIdOfInput, currentCorrelationId, observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, requiredEnv } from '../runtime';

/**
 * The workflows' alarm clock. Waits of hours to years do not live in an execution: one EventBridge Scheduler
 * one-time schedule per transition and process starts that process's workflow again when due — on a day at
 * 07:00 Amsterdam time (`tot`, the move workflow), or at an instant (`om`, a signal's deadline). A new time
 * overwrites the schedule; nothing left to wait for deletes it. The alarm carries the correlation id of the
 * execution that set it, so what it wakes (an escalation, the move day) is found with the change that caused it.
 */
export const processes = ['verhuizing', 'signalen'] as const;
export type Process = (typeof processes)[number];

export const WakeupInput = z.object({
  transitionId: z.string().min(1),
  proces: z.enum(processes).default('verhuizing'),
  tot: z.iso.date().optional(),
  om: z.iso.datetime().optional(),
});

export interface WakeupConfig {
  groupName: string;
  roleArn: string;
  workflowArns: Record<Process, string>;
  /** Where the scheduler puts an alarm it could not deliver after its retries (an SQS queue, watched by an alarm). */
  deadLetterArn: string;
}

/**
 * A wake-up that Step Functions refuses (throttled, briefly unavailable) is tried again for up to a day, the
 * longest the scheduler allows; one that still fails lands in the dead-letter queue instead of vanishing.
 */
export const wakeupRetryPolicy = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 } as const;

export const scheduleName = (proces: Process, transitionId: string) => `${proces}-${transitionId}`;

export function createWakeupSchedule(scheduler: () => SchedulerClient, config: () => WakeupConfig) {
  return async (input: unknown) => {
    const { transitionId, proces, tot, om } = WakeupInput.parse(input);
    const { groupName, roleArn, workflowArns, deadLetterArn } = config();
    const Name = scheduleName(proces, transitionId);
    if (!tot && !om) {
      await scheduler()
        .send(new DeleteScheduleCommand({ Name, GroupName: groupName }))
        .catch((error: unknown) => {
          if (!(error instanceof ResourceNotFoundException)) throw error;
        });
      logger.info('workflow alarm cleared', { transitionId, proces });
      return { transitionId, wekker: null };
    }
    const correlationId = currentCorrelationId();
    const schedule: CreateScheduleCommandInput = {
      Name,
      GroupName: groupName,
      // `at()` takes a wall-clock time in the given zone: a day's morning in Amsterdam, or an instant in UTC.
      ScheduleExpression: tot ? `at(${tot}T07:00:00)` : `at(${wholeSecondAfter(om!)})`,
      ScheduleExpressionTimezone: tot ? 'Europe/Amsterdam' : 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: workflowArns[proces],
        RoleArn: roleArn,
        Input: JSON.stringify({ transitionId, ...(correlationId ? { correlationId } : {}) }),
        RetryPolicy: wakeupRetryPolicy,
        DeadLetterConfig: { Arn: deadLetterArn },
      },
    };
    try {
      await scheduler().send(new UpdateScheduleCommand(schedule));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await scheduler().send(new CreateScheduleCommand(schedule));
    }
    logger.info('workflow alarm set', { transitionId, proces, wekker: tot ?? om });
    return { transitionId, wekker: tot ?? om };
  };
}

export const handler = observed(
  createWakeupSchedule(
    lazy(() => new SchedulerClient({})),
    lazy(() => ({
      groupName: requiredEnv('SCHEDULE_GROUP'),
      roleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
      workflowArns: { verhuizing: requiredEnv('MOVE_WORKFLOW_ARN'), signalen: requiredEnv('SIGNAL_WORKFLOW_ARN') },
      deadLetterArn: requiredEnv('SCHEDULER_DLQ_ARN'),
    })),
  ),
  correlationIdOfInput,
);

/** `at()` counts whole seconds: round up, so an alarm never goes off before what it waits for. */
function wholeSecondAfter(instant: string): string {
  return new Date(Math.ceil(Date.parse(instant) / 1000) * 1000).toISOString().slice(0, 19);
}
