import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdkContext } from '../../infra/aws/config/cdk-context';
import { stageConfig } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';
import { runbookAnchors } from '../../infra/aws/stacks/monitoring-stack';
import { fixed } from '../../infra/ops/commands/cost-model';

/**
 * Nothing fails quietly: the workflows' alarms are retried and kept when undeliverable, their group survives a
 * deploy, and the alarms against quiet failures (scheduler, streams, deliveries, sign-in, a canary, a budget)
 * exist on every stage, each with its runbook entry.
 */
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
function synth(stage: 'dev' | 'prod') {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createLandingStacks(app, stageConfig(stage));
  return {
    stacks,
    workflows: Template.fromStack(stacks.workflows),
    monitoring: Template.fromStack(stacks.monitoring),
    edgeAlarms: Template.fromStack(stacks.edgeAlarms),
    producers: [stacks.workflows, stacks.webhooks, stacks.api, stacks.web].map((s) => Template.fromStack(s)),
  };
}
let dev: ReturnType<typeof synth>;
let prod: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
}, 300_000);

const resources = (t: Template, type: string) => Object.entries(t.findResources(type)) as [string, Resource][];
const alarmNamed = (t: Template, name: string) =>
  resources(t, 'AWS::CloudWatch::Alarm').find(([, a]) => a.Properties.AlarmName === name)?.[1];
const text = (value: unknown) => JSON.stringify(value);
/**
 * A monitoring fragment as text, each weak reference (the stack parameter that reads an SSM parameter) replaced
 * by what the producing stack wrote to that parameter: so a test sees which resource an alarm watches.
 */
function resolved(stage: ReturnType<typeof synth>, value: unknown): string {
  const parameters = (stage.monitoring.toJSON().Parameters ?? {}) as Record<string, { Default?: string }>;
  const published = (name: string) =>
    stage.producers
      .flatMap((t) => Object.values(t.findResources('AWS::SSM::Parameter')) as Resource[])
      .find((p) => p.Properties.Name === name)?.Properties.Value;
  return text(value).replace(/\{"Ref":"(SsmParameterValue[^"]+)"\}/g, (ref, id: string) => {
    const name = parameters[id]?.Default;
    return name ? text(published(name) ?? `(nothing published as ${name})`) : ref;
  });
}

describe('the workflows’ alarm schedules', () => {
  it('keep the schedule group and its dead-letter queue (encrypted, 14 days) on acc/prod, not on dev', () => {
    for (const [stage, expected] of [
      [prod, 'Retain'],
      [dev, 'Delete'],
    ] as const) {
      const [group] = resources(stage.workflows, 'AWS::Scheduler::ScheduleGroup');
      expect(group![1].DeletionPolicy).toBe(expected);
      const dlq = resources(stage.workflows, 'AWS::SQS::Queue').find(([id]) => id.startsWith('AlarmsDlq'))!;
      expect(dlq[1].DeletionPolicy).toBe(expected);
      expect(dlq[1].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    }
  });

  it('give the wake-up task the dead-letter queue, and the scheduler’s role the right to send to it', () => {
    const { workflows } = prod;
    const dlqId = resources(workflows, 'AWS::SQS::Queue').find(([id]) => id.startsWith('AlarmsDlq'))![0];
    const wakeup = resources(workflows, 'AWS::Lambda::Function').find(
      ([, f]) => f.Properties.Environment?.Variables?.SCHEDULE_GROUP,
    )![1];
    expect(wakeup.Properties.Environment.Variables.SCHEDULER_DLQ_ARN).toEqual({ 'Fn::GetAtt': [dlqId, 'Arn'] });
    const roleId = resources(workflows, 'AWS::IAM::Role').find(([id]) => id.startsWith('SchedulerRole'))![0];
    const sends = resources(workflows, 'AWS::IAM::Policy').filter(
      ([, p]) =>
        text(p.Properties.Roles).includes(roleId) &&
        text(p.Properties.PolicyDocument).includes('sqs:SendMessage') &&
        text(p.Properties.PolicyDocument).includes(dlqId),
    );
    expect(sends).toHaveLength(1);
    const outputs = Object.keys(workflows.toJSON().Outputs ?? {});
    for (const key of ['AlarmScheduleGroup', 'AlarmSchedulerRoleArn', 'AlarmDeadLetterArn', 'MoveWorkflowArn'])
      expect(outputs).toContain(key);
  });

  it('alarm on alarms dropped or dead-lettered by the scheduler, and on the dead-letter queue’s depth', () => {
    const failed = alarmNamed(prod.monitoring, 'Landing-prod-scheduler-alarms-failed')!;
    for (const metric of [
      'InvocationDroppedCount',
      'InvocationsSentToDeadLetterCount',
      'InvocationsFailedToBeSentToDeadLetterCount',
    ])
      expect(text(failed.Properties.Metrics)).toContain(metric);
    expect(text(failed.Properties.Metrics)).toContain('"Name":"ScheduleGroup","Value":"landing-prod"');
    expect(failed.Properties.Threshold).toBe(1);
    const depth = alarmNamed(prod.monitoring, 'Landing-prod-scheduler-dead-letters')!;
    expect(depth.Properties).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(resolved(prod, depth.Properties.Dimensions)).toContain('AlarmsDlq');
  });
});

describe('alarms against quiet failures', () => {
  it('watch how far each stream consumer is behind, and the age of the oldest delivery', () => {
    for (const name of ['webhook-fan-out', 'new-signal', 'outcome-counters']) {
      const alarm = alarmNamed(prod.monitoring, `Landing-prod-stream-iterator-age-${name}`)!;
      expect(alarm.Properties).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'IteratorAge',
        Statistic: 'Maximum',
        Threshold: 300_000,
      });
    }
    expect(
      resolved(prod, alarmNamed(prod.monitoring, 'Landing-prod-stream-iterator-age-new-signal')!.Properties),
    ).toContain('NewSignal');
    expect(
      resolved(prod, alarmNamed(prod.monitoring, 'Landing-prod-stream-iterator-age-outcome-counters')!.Properties),
    ).toContain('CountOutcomes');
    const age = alarmNamed(prod.monitoring, 'Landing-prod-delivery-queue-age')!;
    expect(age.Properties).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 900 });
    expect(resolved(prod, age.Properties.Dimensions)).toContain('Deliveries');
  });

  it('count the access log’s 401s and alarm on their share of the requests', () => {
    const [filter] = resources(prod.monitoring, 'AWS::Logs::MetricFilter');
    expect(filter![1].Properties.FilterPattern).toBe('{ $.status = "401" }');
    expect(resolved(prod, filter![1].Properties.LogGroupName)).toContain('AccessLog');
    const alarm = alarmNamed(prod.monitoring, 'Landing-prod-sign-in-broken')!;
    const metrics = alarm.Properties.Metrics as { Expression?: string; ReturnData?: boolean }[];
    expect(metrics.find((m) => m.ReturnData !== false)!.Expression).toBe(
      'IF(requests >= 20, 100 * FILL(unauthorized, 0) / requests, 0)',
    );
    expect(text(metrics)).toContain('ApiUnauthorized-prod');
    expect(alarm.Properties.Threshold).toBe(25);
  });

  it('run a canary on the health check and the sign-in pages every five minutes, with an alarm', () => {
    for (const stage of [dev, prod]) {
      const [canary] = resources(stage.monitoring, 'AWS::Synthetics::Canary');
      expect(canary![1].Properties).toMatchObject({
        RuntimeVersion: 'syn-nodejs-puppeteer-9.1',
        Schedule: { Expression: 'rate(5 minutes)' },
        StartCanaryAfterCreation: true,
      });
      const variables = text(canary![1].Properties.RunConfig.EnvironmentVariables);
      expect(variables).toContain('/api/health');
      expect(variables).toContain('/inloggen');
      expect(variables).toContain('amazoncognito.com/login');
      expect(canary![1].Properties.Code.Script).toContain('response.status !== 200');
    }
    // Without a certificate the stage has only the distribution's own name: the canary goes there.
    expect(resolved(dev, resources(dev.monitoring, 'AWS::Synthetics::Canary')[0]![1].Properties.RunConfig)).toMatch(
      /"Fn::GetAtt":\["Cdn[^"]*","DomainName"\]/,
    );
    const alarm = alarmNamed(prod.monitoring, 'Landing-prod-canary-failed')!;
    expect(alarm.Properties).toMatchObject({ Threshold: 50, EvaluationPeriods: 2 });
    expect(text(alarm.Properties.Metrics)).toContain('SuccessPercent');
  });

  it('set a monthly budget per stage from its config, mailed to the alarm e-mails at 80% and on the forecast', () => {
    for (const [stage, name] of [
      [dev, 'dev'],
      [prod, 'prod'],
    ] as const) {
      const [budget] = resources(stage.monitoring, 'AWS::Budgets::Budget');
      const config = stageConfig(name);
      expect(budget![1].Properties.Budget).toMatchObject({
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: config.monthlyBudgetUsd, Unit: 'USD' },
        CostFilters: { TagKeyValue: [`user:stage$${name}`] },
      });
      const notifications = budget![1].Properties.NotificationsWithSubscribers as {
        Notification: { NotificationType: string; Threshold: number };
        Subscribers: { Address: string }[];
      }[];
      expect(notifications.map((n) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([
        ['ACTUAL', 80],
        ['FORECASTED', 100],
      ]);
      for (const n of notifications) expect(n.Subscribers.map((s) => s.Address)).toEqual(config.alarmEmails);
    }
  });

  it('alarm on CloudFront’s 5xx share in us-east-1, where its metrics are, to a topic of that region', () => {
    const { stacks, edgeAlarms } = prod;
    expect(stacks.edgeAlarms.region).toBe('us-east-1');
    const alarm = alarmNamed(edgeAlarms, 'Landing-prod-cloudfront-5xx-rate')!;
    const metrics = text(alarm.Properties.Metrics);
    expect(metrics).toContain('"MetricName":"5xxErrorRate","Namespace":"AWS/CloudFront"');
    expect(metrics).toContain('"Name":"DistributionId"');
    expect(metrics).toContain('"Name":"Region","Value":"Global"');
    const topicId = resources(edgeAlarms, 'AWS::SNS::Topic')[0]![0];
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(alarm.Properties.AlarmDescription).toMatch(/What to do: docs\/OPERATIONS\.md#alarm-cloudfront-5xx\.$/);
    const emails = resources(edgeAlarms, 'AWS::SNS::Subscription').map(([, s]) => s.Properties.Endpoint);
    expect(emails).toEqual(stageConfig('prod').alarmEmails);
    // Priced in the cost model with the metrics it watches.
    expect((alarm.Properties.Metrics as { MetricStat?: unknown }[]).filter((m) => m.MetricStat)).toHaveLength(
      fixed.edgeAlarmMetrics,
    );
  });

  it('each have a runbook entry in docs/OPERATIONS.md', () => {
    const runbook = readFileSync('docs/OPERATIONS.md', 'utf8');
    for (const anchor of Object.values(runbookAnchors)) expect(runbook, anchor).toContain(`<a id="${anchor}"></a>`);
  });
});
