import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { LandingFunction } from '../constructs/landing-function';
import { acknowledge } from '../guard-rails';
import {
  DELIVERY_VISIBILITY_TIMEOUT_SECONDS,
  WORKER_TIMEOUT_SECONDS,
  workerBudget,
} from '../../../functions/webhooks/worker-budget';

export interface WebhookStackProps extends StackProps {
  stage: StageConfig;
  table: ITableV2;
}

/**
 * Notices to housing corporations: the outbox in the table is read from DynamoDB Streams by a fan-out
 * function that puts one delivery per endpoint on a queue; a worker sends each, signed, and records the
 * attempt; a sweeper every minute picks up what is due (long retry waits, a crashed worker) and what the
 * stream did not fan out. Webhook secrets are sealed with this stack's KMS key; ops hear of a disabled
 * endpoint on its topic.
 */
export class WebhookStack extends Stack {
  readonly secretsKey: Key;
  readonly queue: Queue;
  readonly opsTopic: Topic;
  /** Reads the table's stream: its iterator age is watched. */
  readonly fanOut: LandingFunction;

  constructor(scope: Construct, id: string, props: WebhookStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    this.secretsKey = new Key(this, 'WebhookSecrets', {
      description: `Landing ${stage.name}: seals webhook secrets at rest`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    // The ops topic is encrypted with a key of its own, which CloudWatch alarms that notify the topic may use.
    const opsTopicKey = new Key(this, 'OpsAlertsKey', {
      description: `Landing ${stage.name}: encrypts the ops topic at rest`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    opsTopicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.opsTopic = new Topic(this, 'OpsAlerts', {
      displayName: `Landing ${stage.name}: meldingen voor beheer`,
      enforceSSL: true,
      masterKey: opsTopicKey,
    });
    // Messages that fail to be processed ten times land here; the deliveries themselves stay due in the table.
    const unprocessable = new Queue(this, 'DeliveriesDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Deliveries', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout (AWS's guidance), so a message is not handed out again mid-batch.
      visibilityTimeout: Duration.seconds(DELIVERY_VISIBILITY_TIMEOUT_SECONDS),
      deadLetterQueue: { queue: unprocessable, maxReceiveCount: 10 },
    });

    const environment = {
      DELIVERY_QUEUE_URL: this.queue.queueUrl,
      WEBHOOK_KMS_KEY_ID: this.secretsKey.keyArn,
      OPS_TOPIC_ARN: this.opsTopic.topicArn,
      API_BASE_URL: stage.publicBaseUrl,
    };

    const fanOut = new LandingFunction(this, 'WebhookFanOut', {
      stage,
      entry: 'functions/webhooks/fan-out-handler.ts',
      description: 'Webhooks: turns each new notice in the outbox into deliveries on the queue',
      environment,
    }).bindTable(table, 'RW');
    this.fanOut = fanOut;
    fanOut.live.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 10,
        bisectBatchOnError: true,
        // The consumer reports the records that failed; Lambda hands the stream again from the first of them.
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(unprocessable),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('OutboxEvent') } } },
          }),
        ],
      }),
    );
    this.queue.grantSendMessages(fanOut);

    const worker = new LandingFunction(this, 'WebhookWorker', {
      stage,
      entry: 'functions/webhooks/worker-handler.ts',
      description: 'Webhooks: sends one signed notice to one endpoint and records the attempt',
      // The batch's sends go side by side: one send, the bookkeeping around it, and time to answer the batch.
      timeout: Duration.seconds(WORKER_TIMEOUT_SECONDS),
      environment,
    }).bindTable(table, 'RW');
    worker.live.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: workerBudget.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: 20,
      }),
    );
    this.queue.grantSendMessages(worker);
    this.secretsKey.grantDecrypt(worker);
    this.opsTopic.grantPublish(worker);
    acknowledge(worker.role!, {
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        'Publishing to the encrypted ops topic: SNS needs kms:GenerateDataKey* and kms:Decrypt of the publisher, on the topic’s own key only.',
    });

    const sweeper = new LandingFunction(this, 'WebhookSweeper', {
      stage,
      entry: 'functions/webhooks/sweeper-handler.ts',
      description: 'Webhooks: every minute, queues due deliveries and fans out notices the stream missed',
      timeout: Duration.seconds(60),
      environment,
    }).bindTable(table, 'RW');
    this.queue.grantSendMessages(sweeper);
    const schedulerRole = new Role(this, 'SweepRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler run the webhook sweeper',
    });
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [sweeper.live.functionArn] }),
    );
    new CfnSchedule(this, 'SweepEveryMinute', {
      scheduleExpression: 'rate(1 minute)',
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn: sweeper.live.functionArn, roleArn: schedulerRole.roleArn },
    });
  }
}
