import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { type Alarm, type IMetric, MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Canary, Code, Runtime, Schedule, Test } from 'aws-cdk-lib/aws-synthetics';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { acknowledge, wildcardResource } from '../guard-rails';

/** The runbook sections (docs/OPERATIONS.md) of the alarms made here. */
export const opsAlarmAnchors = {
  schedulerFailed: 'alarm-scheduler-failed',
  schedulerDlq: 'alarm-scheduler-dlq',
  streamAge: 'alarm-stream-iterator-age',
  deliveryAge: 'alarm-delivery-queue-age',
  signInBroken: 'alarm-sign-in-broken',
  canary: 'alarm-canary',
  cdn5xx: 'alarm-cloudfront-5xx',
} as const;

const FIVE_MINUTES = Duration.minutes(5);
/** A stream consumer this far behind hands out webhooks and signal follow-ups late enough to notice. */
export const STREAM_MAX_AGE_MINUTES = 5;
/** The worker takes a delivery within seconds; this old, the worker is not taking them (failing, throttled). */
export const DELIVERY_MAX_AGE_MINUTES = 15;
/** Share of API answers that are 401, with at least this many requests, that means signing in broke. */
export const SIGN_IN_MIN_REQUESTS = 20;
export const SIGN_IN_MAX_UNAUTHORIZED_PERCENT = 25;
/** The namespace of the stage's own metrics from logs (not the business metrics of the functions). */
export const OPS_METRICS_NAMESPACE = 'Landing/Ops';

export type AlarmFactory = (
  id: string,
  options: {
    name: string;
    description: string;
    metric: IMetric;
    threshold: number;
    evaluationPeriods?: number;
  },
) => Alarm;

export interface OpsAlarmsProps {
  stage: StageConfig;
  /** The monitoring stack's way of making an alarm (its name, the ops topic, missing data not breaching). */
  alarm: AlarmFactory;
  runbook: (anchor: keyof typeof opsAlarmAnchors) => string;
  /** The group of the workflows' alarm schedules, and the queue of those the scheduler could not deliver. */
  scheduleGroupName: string;
  alarmDeadLetters: IQueue;
  /** The functions that read the table's stream, by the name ops know them. */
  streamConsumers: Record<string, IFunction>;
  deliveries: IQueue;
  apiId: string;
  accessLog: ILogGroup;
  /** Where the canary finds the product: the stage's domain, or the distribution's own name before a certificate. */
  siteDomainName: string;
  userPoolClientId: string;
}

/**
 * The alarms that make failures loud which would otherwise pass quietly: workflow alarms the scheduler could
 * not deliver, stream consumers falling behind, deliveries no worker takes, signing in broken for everyone,
 * the product unreachable from outside (a canary), and the month's spend (a budget, by e-mail).
 */
export class OpsAlarms extends Construct {
  readonly canary: Canary;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    const { stage, alarm, runbook } = props;

    // Scheduler: a wake-up dropped after its retries, or put in (or failing to reach) its dead-letter queue.
    const schedulerMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Scheduler',
        metricName,
        dimensionsMap: { ScheduleGroup: props.scheduleGroupName },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    alarm('SchedulerFailed', {
      name: 'scheduler-alarms-failed',
      description: `A workflow alarm (a move day, a signal's deadline) could not start its workflow after the scheduler's retries: it was dropped or put in the alarms' dead-letter queue. A step of a transition did not happen. What to do: ${runbook('schedulerFailed')}.`,
      metric: new MathExpression({
        expression: 'dropped + deadLettered + notDeadLettered',
        usingMetrics: {
          dropped: schedulerMetric('InvocationDroppedCount'),
          deadLettered: schedulerMetric('InvocationsSentToDeadLetterCount'),
          notDeadLettered: schedulerMetric('InvocationsFailedToBeSentToDeadLetterCount'),
        },
        label: 'alarms not delivered',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
    });
    alarm('SchedulerDeadLetters', {
      name: 'scheduler-dead-letters',
      description: `Workflow alarms wait in their dead-letter queue: the scheduler could not start their workflow for a day. What to do: ${runbook('schedulerDlq')}.`,
      metric: props.alarmDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      }),
      threshold: 1,
    });

    // Streams: how far behind each consumer of the table's stream is (a failing batch holds up its shard).
    for (const [name, fn] of Object.entries(props.streamConsumers)) {
      alarm(`StreamAge${name}`, {
        name: `stream-iterator-age-${name}`,
        description: `The ${name} function is more than ${STREAM_MAX_AGE_MINUTES} minutes behind on the table's stream: its notices or signal follow-ups are late, and records older than 24 hours are lost from the stream. What to do: ${runbook('streamAge')}.`,
        metric: fn.metric('IteratorAge', { statistic: 'Maximum', period: FIVE_MINUTES }),
        threshold: STREAM_MAX_AGE_MINUTES * 60_000,
      });
    }

    // Webhooks: a delivery that waits on the queue this long is not being taken by the worker.
    alarm('DeliveryAge', {
      name: 'delivery-queue-age',
      description: `The oldest webhook delivery on the queue waited more than ${DELIVERY_MAX_AGE_MINUTES} minutes: the worker is not taking deliveries. What to do: ${runbook('deliveryAge')}.`,
      metric: props.deliveries.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: DELIVERY_MAX_AGE_MINUTES * 60,
    });

    // Sign-in: the share of 401s in the access log. API Gateway's 4xx counts every 400, 404 and 409 of normal
    // use, and 403 is also a caseworker refused a record; a 401 is a token (or API key) not accepted at all.
    // A few come from expired sessions; when signing in breaks (issuer, audience, user pool) nearly all do.
    // (A metric filter's dimensions can only be fields of the line: the stage is in the metric's name.)
    const unauthorized = new MetricFilter(this, 'Unauthorized', {
      logGroup: props.accessLog,
      filterPattern: FilterPattern.stringValue('$.status', '=', '401'),
      metricNamespace: OPS_METRICS_NAMESPACE,
      metricName: `ApiUnauthorized-${stage.name}`,
      metricValue: '1',
    }).metric({ statistic: 'Sum', period: FIVE_MINUTES });
    const requests = new Metric({
      namespace: 'AWS/ApiGateway',
      metricName: 'Count',
      dimensionsMap: { ApiId: props.apiId },
      statistic: 'Sum',
      period: FIVE_MINUTES,
    });
    alarm('SignInBroken', {
      name: 'sign-in-broken',
      description: `More than ${SIGN_IN_MAX_UNAUTHORIZED_PERCENT}% of the API's answers in five minutes were 401 (token or API key not accepted), with at least ${SIGN_IN_MIN_REQUESTS} requests: signing in is probably broken for everyone. What to do: ${runbook('signInBroken')}.`,
      metric: new MathExpression({
        expression: `IF(requests >= ${SIGN_IN_MIN_REQUESTS}, 100 * FILL(unauthorized, 0) / requests, 0)`,
        usingMetrics: { requests, unauthorized },
        label: '401 (% of requests)',
        period: FIVE_MINUTES,
      }),
      threshold: SIGN_IN_MAX_UNAUTHORIZED_PERCENT,
    });

    // The canary: from outside, every five minutes, the health check (503 when degraded) and the sign-in pages.
    const artifacts = new Bucket(this, 'CanaryArtifacts', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      lifecycleRules: [{ expiration: Duration.days(30) }],
      // Logs of public pages only, but a non-empty bucket cannot be deleted with its stack (emptying it would take
      // one more Lambda): it stays behind, and its lifecycle rule empties it within 30 days.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(artifacts, {
      id: 'AwsSolutions-S1',
      reason:
        'The canary’s own results (its logs and HAR files of public pages), kept 30 days; access logging them would log a log.',
    });
    // The canary's own role: CDK's default one also lists every bucket of the account (s3:ListAllMyBuckets on
    // `*`), which it does not need to write its results into its own bucket.
    const canaryName = `landing-${stage.name}`;
    const role = new Role(this, 'CanaryRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'The canary: writes its results, its logs and its metrics',
    });
    const canaryLogs = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      resourceName: `/aws/lambda/cwsyn-${canaryName}-*`,
    });
    const results = artifacts.arnForObjects('*');
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [artifacts.bucketArn] }));
    role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [results] }));
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:PutLogEvents'],
        resources: [canaryLogs],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': 'CloudWatchSynthetics' } },
      }),
    );
    acknowledge(
      role,
      {
        id: wildcardResource(this, results),
        reason:
          'The canary writes one result object per run (logs, a HAR file) under keys it names itself, in its own bucket only.',
      },
      {
        id: wildcardResource(this, canaryLogs),
        reason:
          'Synthetics names the canary’s Lambda cwsyn-<canary>-<id> when it creates it; the wildcard stays inside this canary’s name.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudwatch:PutMetricData takes no resource ARN; the condition keeps it to the CloudWatchSynthetics namespace.',
      },
    );
    const signIn = `https://${stage.cognitoDomainPrefix}.auth.${stage.region}.amazoncognito.com/login`;
    const callback = `https://${props.siteDomainName}/inloggen/terug`;
    this.canary = new Canary(this, 'Canary', {
      canaryName,
      role,
      runtime: Runtime.SYNTHETICS_NODEJS_PUPPETEER_9_1,
      schedule: Schedule.rate(FIVE_MINUTES),
      test: Test.custom({ handler: 'index.handler', code: Code.fromInline(canaryScript) }),
      environmentVariables: {
        HEALTH_URL: `https://${props.siteDomainName}/api/health`,
        SIGN_IN_PAGE_URL: `https://${props.siteDomainName}/inloggen`,
        HOSTED_SIGN_IN_URL: Stack.of(this).toJsonString({ signIn, clientId: props.userPoolClientId, callback }),
      },
      artifactsBucketLocation: { bucket: artifacts },
      successRetentionPeriod: Duration.days(7),
      failureRetentionPeriod: Duration.days(30),
      provisionedResourceCleanup: true,
    });
    alarm('CanaryFailed', {
      name: 'canary-failed',
      description: `The canary could not reach the product from outside twice in a row: /api/health did not answer 200 (503 is degraded), or a sign-in page did not load. What to do: ${runbook('canary')}.`,
      metric: new MathExpression({
        expression: '100 - success',
        usingMetrics: { success: this.canary.metricSuccessPercent({ period: FIVE_MINUTES, statistic: 'Average' }) },
        label: 'canary failed (%)',
        period: FIVE_MINUTES,
      }),
      threshold: 50,
      evaluationPeriods: 2,
    });

    // The month's spend: the account's costs for this stage's tag, to the alarm e-mails (a budget cannot
    // publish to an encrypted topic without a key policy for it, and a mail is what ops act on).
    new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `landing-${stage.name}`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: stage.monthlyBudgetUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:stage$${stage.name}`] },
      },
      notificationsWithSubscribers: [
        { notificationType: 'ACTUAL', threshold: 80 },
        { notificationType: 'FORECASTED', threshold: 100 },
      ].map((notification) => ({
        notification: { ...notification, comparisonOperator: 'GREATER_THAN', thresholdType: 'PERCENTAGE' },
        subscribers: stage.alarmEmails.map((address) => ({ subscriptionType: 'EMAIL', address })),
      })),
    });
  }
}

/**
 * The canary's check (Node, CloudWatch Synthetics): every URL must answer 200; the health check's body is read
 * to name the failing parts in the canary's log. No credentials, no person's data: public pages only.
 */
const canaryScript = `
const synthetics = require('Synthetics');
const log = require('SyntheticsLogger');

async function expectOk(name, url) {
  const response = await fetch(url, { redirect: 'follow' });
  if (response.status !== 200) {
    const body = await response.text();
    let failing = '';
    try { failing = Object.entries(JSON.parse(body).checks || {}).filter(([, s]) => s !== 'ok').map(([p]) => p).join(', '); } catch {}
    throw new Error(name + ' answered ' + response.status + (failing ? ' (failing: ' + failing + ')' : ''));
  }
  log.info(name + ' answered 200');
}

exports.handler = async () => {
  const hosted = JSON.parse(process.env.HOSTED_SIGN_IN_URL);
  const signIn = hosted.signIn + '?client_id=' + encodeURIComponent(hosted.clientId) +
    '&response_type=code&scope=openid&redirect_uri=' + encodeURIComponent(hosted.callback);
  await synthetics.executeStep('health', () => expectOk('health', process.env.HEALTH_URL));
  await synthetics.executeStep('sign-in page', () => expectOk('sign-in page', process.env.SIGN_IN_PAGE_URL));
  await synthetics.executeStep('hosted sign-in', () => expectOk('hosted sign-in', signIn));
};
`;
