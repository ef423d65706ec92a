import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import * as z from 'zod';
import { lazy, requiredEnv } from '../runtime';

/**
 * The move workflow's alarm clock. Waits of weeks to years do not live in an execution: one EventBridge
 * Scheduler one-time schedule per transition starts the workflow again on the day (07:00 Amsterdam time).
 * A new date (a changed move date) overwrites the schedule; nothing left to wait for deletes it.
 */
export const WakeupInput = z.object({ transitionId: z.string().min(1), tot: z.iso.date().optional() });

export interface WakeupConfig {
  groupName: string;
  roleArn: string;
  workflowArn: string;
}

export const scheduleName = (transitionId: string) => `verhuizing-${transitionId}`;

export function createWakeupSchedule(scheduler: () => SchedulerClient, config: () => WakeupConfig) {
  return async (input: unknown) => {
    const { transitionId, tot } = WakeupInput.parse(input);
    const { groupName, roleArn, workflowArn } = config();
    const Name = scheduleName(transitionId);
    if (!tot) {
      await scheduler()
        .send(new DeleteScheduleCommand({ Name, GroupName: groupName }))
        .catch((error: unknown) => {
          if (!(error instanceof ResourceNotFoundException)) throw error;
        });
      return { transitionId, wekker: null };
    }
    const schedule: CreateScheduleCommandInput = {
      Name,
      GroupName: groupName,
      ScheduleExpression: `at(${tot}T07:00:00)`,
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: workflowArn, RoleArn: roleArn, Input: JSON.stringify({ transitionId }) },
    };
    try {
      await scheduler().send(new UpdateScheduleCommand(schedule));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await scheduler().send(new CreateScheduleCommand(schedule));
    }
    return { transitionId, wekker: tot };
  };
}

export const handler = createWakeupSchedule(
  lazy(() => new SchedulerClient({})),
  lazy(() => ({
    groupName: requiredEnv('SCHEDULE_GROUP'),
    roleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
    workflowArn: requiredEnv('MOVE_WORKFLOW_ARN'),
  })),
);
