import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { opsAlarmAnchors } from '../constructs/ops-alarms';

export interface EdgeAlarmsStackProps extends StackProps {
  stage: StageConfig;
  /** The Web stack's CloudFront distribution (carried across regions by CDK). */
  distributionId: string;
}

/** Below this many requests in five minutes a 5xx share says little. */
export const CDN_5XX_MIN_REQUESTS = 20;
export const CDN_5XX_MAX_PERCENT = 5;

/**
 * What can only be watched in us-east-1: CloudFront publishes its metrics there, and an alarm notifies a topic
 * of its own region only. So the stage's CloudFront 5xx alarm has its own small ops topic here (encrypted, the
 * same e-mail recipients as the stage's ops topic).
 */
export class EdgeAlarmsStack extends Stack {
  readonly alarm: Alarm;
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const key = new Key(this, 'EdgeOpsAlertsKey', {
      description: `Landing ${stage.name}: encrypts the us-east-1 ops topic at rest`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'EdgeOpsAlerts', {
      displayName: `Landing ${stage.name}: meldingen voor beheer (CloudFront)`,
      enforceSSL: true,
      masterKey: key,
    });
    stage.alarmEmails.forEach((email, i) => {
      new Subscription(this, `AlarmEmail${i}`, {
        topic: this.topic,
        protocol: SubscriptionProtocol.EMAIL,
        endpoint: email,
      });
    });
    const cdnMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/CloudFront',
        metricName,
        dimensionsMap: { DistributionId: props.distributionId, Region: 'Global' },
        statistic,
        period: Duration.minutes(5),
        region: 'us-east-1',
      });
    this.alarm = new Alarm(this, 'Cdn5xx', {
      alarmName: `Landing-${stage.name}-cloudfront-5xx-rate`,
      alarmDescription: `More than ${CDN_5XX_MAX_PERCENT}% of CloudFront's answers in five minutes were 5xx, with at least ${CDN_5XX_MIN_REQUESTS} requests: the site or the API is unreachable for people. What to do: docs/OPERATIONS.md#${opsAlarmAnchors.cdn5xx}.`,
      metric: new MathExpression({
        expression: `IF(requests >= ${CDN_5XX_MIN_REQUESTS}, rate, 0)`,
        usingMetrics: { requests: cdnMetric('Requests', 'Sum'), rate: cdnMetric('5xxErrorRate', 'Average') },
        label: 'CloudFront 5xx (%)',
        period: Duration.minutes(5),
      }),
      threshold: CDN_5XX_MAX_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const notify = new SnsAction(this.topic);
    this.alarm.addAlarmAction(notify);
    this.alarm.addOkAction(notify);
  }
}
