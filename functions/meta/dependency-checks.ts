import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetScheduleGroupCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { DescribeStateMachineCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { HealthCheck } from './health';

/** The checks of what the product depends on, each one read-only call. */

export const tableActive =
  (dynamo: DynamoDBClient, tableName: string): HealthCheck =>
  async () =>
    (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus === 'ACTIVE';

export const stateMachinesActive =
  (sfn: SFNClient, arns: readonly string[]): HealthCheck =>
  async () =>
    (await Promise.all(arns.map((arn) => sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))))).every(
      (m) => m.status === 'ACTIVE',
    );

export const scheduleGroupActive =
  (scheduler: SchedulerClient, name: string): HealthCheck =>
  async () =>
    (await scheduler.send(new GetScheduleGroupCommand({ Name: name }))).State === 'ACTIVE';

/**
 * Webhook delivery is healthy when its queue answers and nothing sits in the dead-letter queue: a message
 * there is a notice the worker could not handle at all (docs/OPERATIONS.md says what to do).
 */
export const deliveryHealthy =
  (sqs: SQSClient, queueUrl: string, deadLetterQueueUrl: string): HealthCheck =>
  async () => {
    const depth = async (url: string) =>
      Number(
        (
          await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
          )
        ).Attributes?.ApproximateNumberOfMessages ?? NaN,
      );
    const [, dead] = await Promise.all([depth(queueUrl), depth(deadLetterQueueUrl)]);
    return dead === 0;
  };
