import { CreateScheduleCommand, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { ResourceNotFoundException } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createWakeupSchedule } from '../../functions/workflow/wakeup-schedule';

/** The workflows' alarm clock: an alarm the scheduler cannot deliver is retried, then kept, never dropped. */
describe('wake-up schedule', () => {
  const scheduler = mockClient(SchedulerClient);
  afterEach(() => scheduler.reset());
  const config = {
    groupName: 'landing-test',
    roleArn: 'arn:aws:iam::000000000000:role/scheduler',
    workflowArns: { verhuizing: 'arn:move', signalen: 'arn:signals' },
    deadLetterArn: 'arn:aws:sqs:eu-west-1:000000000000:alarms-dlq',
  };

  it('sets each alarm with a retry policy of a day and the dead-letter queue, new or overwritten', async () => {
    scheduler
      .on(UpdateScheduleCommand)
      .rejectsOnce(new ResourceNotFoundException({ Message: 'gone', message: 'gone', $metadata: {} }))
      .resolves({});
    scheduler.on(CreateScheduleCommand).resolves({});
    const wakeup = createWakeupSchedule(
      () => new SchedulerClient({ region: 'eu-west-1' }),
      () => config,
    );
    await wakeup({ transitionId: 't1', proces: 'verhuizing', tot: '2027-03-01' });
    await wakeup({ transitionId: 't1', proces: 'signalen', om: '2027-03-01T10:00:00.000Z' });
    const sent = [
      ...scheduler.commandCalls(CreateScheduleCommand),
      ...scheduler.commandCalls(UpdateScheduleCommand),
    ].map((c) => c.args[0].input);
    expect(sent).toHaveLength(3);
    for (const input of sent) {
      expect(input.Target).toMatchObject({
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        DeadLetterConfig: { Arn: config.deadLetterArn },
      });
    }
  });
});
