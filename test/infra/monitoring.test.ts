import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig, stageNames, type StageName } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';
import { runbookAnchors } from '../../infra/aws/stacks/monitoring-stack';
import { businessMetrics } from '../../functions/observability/metrics';
import { fixed } from '../../infra/ops/commands/cost-model';
import { cdkContext } from '../../infra/aws/config/cdk-context';

/**
 * The monitoring stack of every stage: each alarm ops rely on exists and notifies the stage's ops topic, every
 * Lambda function of every other stack has its error (and throttle) alarm, and the dashboard shows the
 * business metrics under the names the functions emit them.
 */
type Resource = { Type: string; Properties: Record<string, any> };
interface StageTemplates {
  stacks: ReturnType<typeof createLandingStacks>;
  monitoring: Template;
  others: { stack: Stack; template: Template }[];
}

let stages: Record<StageName, StageTemplates>;
beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const built = stageNames.map((name) => [name, createLandingStacks(app, stageConfig(name))] as const);
  stages = Object.fromEntries(
    built.map(([name, stacks]) => {
      const { monitoring, ...rest } = stacks;
      return [
        name,
        {
          stacks,
          monitoring: Template.fromStack(monitoring),
          others: Object.values(rest).map((stack) => ({ stack, template: Template.fromStack(stack) })),
        },
      ];
    }),
  ) as unknown as typeof stages;
});

const alarmsOf = (t: Template) => Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const alarmNamed = (t: Template, name: string) => alarmsOf(t).find((a) => a.Properties.AlarmName === name);
/** What an alarm watches, as text: its metric's dimensions, or those of every metric of its math expression. */
const watched = (alarm: Resource) => JSON.stringify(alarm.Properties.Metrics ?? alarm.Properties.Dimensions);
/**
 * How the monitoring stack refers to what another stack published for it (a weak reference): the `Ref` of its
 * stack parameter that reads the SSM parameter of that name, as text.
 */
const observedRef = (monitoring: Template, parameterName: string) => {
  const parameters = (monitoring.toJSON().Parameters ?? {}) as Record<string, { Type: string; Default?: string }>;
  const found = Object.entries(parameters).find(
    ([, p]) => p.Default === parameterName && p.Type.startsWith('AWS::SSM::Parameter::Value'),
  );
  return found ? JSON.stringify({ Ref: found[0] }) : `(no stack parameter reads ${parameterName})`;
};
/** The name of the SSM parameter in which a stack publishes `value` (an intrinsic of its own) for the monitoring stack. */
const publishedAs = (producer: Template, value: unknown) =>
  (Object.values(producer.findResources('AWS::SSM::Parameter')) as Resource[]).find(
    (p) => JSON.stringify(p.Properties.Value) === JSON.stringify(value),
  )?.Properties.Name as string | undefined;
const templateOf = (stage: StageTemplates, stack: Stack) => stage.others.find((o) => o.stack === stack)!.template;
const refOf = (stack: Stack, construct: unknown) => ({ Ref: stack.getLogicalId(construct as never) });

describe('Monitoring stack', () => {
  it('only observes the other stacks: no exports it imports, so they can add, replace or remove what it watches', () => {
    for (const name of stageNames) {
      const { monitoring, stacks } = stages[name];
      const imports = JSON.stringify(monitoring.toJSON()).match(/"Fn::ImportValue":\s*"?[^,}]*/g) ?? [];
      expect(imports, name).toEqual([]);
      // It still deploys after them (a dependency, without an export).
      const dependencies = stacks.monitoring.dependencies.map((s) => s.stackName);
      for (const other of [stacks.data, stacks.workflows, stacks.webhooks, stacks.api, stacks.web])
        expect(dependencies, `${name}: ${other.stackName}`).toContain(other.stackName);
    }
  });

  it('has the alarms ops rely on for every stage, each telling what to do in docs/OPERATIONS.md and notifying the ops topic', () => {
    for (const name of stageNames) {
      const { monitoring, stacks } = stages[name];
      const webhooks = templateOf(stages[name], stacks.webhooks);
      const topicRef = observedRef(
        monitoring,
        publishedAs(webhooks, refOf(stacks.webhooks, stacks.webhooks.opsTopic.node.defaultChild))!,
      );
      const expected = [
        'api-5xx-rate',
        'workflow-failed-transition',
        'workflow-failed-move',
        'workflow-failed-follow-up',
        'webhook-dead-letters',
        'audit-parked',
        'dynamodb-throttles-main',
        'dynamodb-throttles-audit',
      ].map((alarm) => `Landing-${name}-${alarm}`);
      for (const alarmName of expected) expect(alarmNamed(monitoring, alarmName), alarmName).toBeDefined();
      for (const alarm of alarmsOf(monitoring)) {
        const label = alarm.Properties.AlarmName as string;
        expect(label.startsWith(`Landing-${name}-`), label).toBe(true);
        expect(JSON.stringify(alarm.Properties.AlarmActions), label).toBe(`[${topicRef}]`);
        expect(JSON.stringify(alarm.Properties.OKActions), label).toBe(`[${topicRef}]`);
        expect(alarm.Properties.AlarmDescription, label).toMatch(
          new RegExp(`What to do: docs/OPERATIONS\\.md#(${Object.values(runbookAnchors).join('|')})\\.$`),
        );
        expect(alarm.Properties.TreatMissingData, label).toBe('notBreaching');
      }
    }
  });

  it('alarms on a 5xx share above 1% over five minutes, only with at least 20 requests', () => {
    const alarm = alarmNamed(stages.prod.monitoring, 'Landing-prod-api-5xx-rate')!;
    const expression = (alarm.Properties.Metrics as { Expression?: string; ReturnData: boolean }[]).find(
      (m) => m.ReturnData,
    )!.Expression;
    expect(expression).toBe('IF(requests >= 20, 100 * errors / requests, 0)');
    expect(alarm.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    });
    expect(watched(alarm)).toContain('"MetricName":"5xx"');
  });

  it('covers every Lambda function of every stack with an error and a throttle alarm', () => {
    for (const name of stageNames) {
      const { monitoring, others } = stages[name];
      const lambdaAlarms = (metricName: string) =>
        alarmsOf(monitoring).filter(
          (a) => a.Properties.Namespace === 'AWS/Lambda' && a.Properties.MetricName === metricName,
        );
      const errorAlarms = lambdaAlarms('Errors');
      const throttleAlarms = lambdaAlarms('Throttles');
      let functions = 0;
      for (const { stack, template } of others) {
        for (const logicalId of Object.keys(template.findResources('AWS::Lambda::Function'))) {
          // CDK's carriers of the web ACL's ARN from us-east-1 run only in a deploy, which fails if they do.
          if (logicalId.startsWith('CustomCrossRegionExport')) continue;
          functions += 1;
          // The monitoring stack names the function by the SSM parameter the other stack writes its name to.
          const parameter = publishedAs(template, { Ref: logicalId });
          expect(parameter, `${stack.stackName}/${logicalId}: published`).toBeDefined();
          const covered = (alarms: Resource[]) =>
            alarms.some((a) => watched(a).includes(observedRef(monitoring, parameter!)));
          expect(covered(errorAlarms), `${stack.stackName}/${logicalId}: error alarm`).toBe(true);
          expect(covered(throttleAlarms), `${stack.stackName}/${logicalId}: throttle alarm`).toBe(true);
        }
      }
      expect(functions).toBeGreaterThanOrEqual(18);
      expect(errorAlarms).toHaveLength(functions);
      expect(throttleAlarms).toHaveLength(functions);
    }
  });

  it('is priced in the cost model with as many alarm metrics as it watches', () => {
    const metricsWatched = (alarm: Resource) =>
      (alarm.Properties.Metrics as { MetricStat?: unknown }[] | undefined)?.filter((m) => m.MetricStat).length ?? 1;
    const watchedBy = (name: StageName) =>
      alarmsOf(stages[name].monitoring).reduce((sum, alarm) => sum + metricsWatched(alarm), 0);
    expect(watchedBy('prod')).toBe(fixed.alarmMetrics);
    expect(watchedBy('acc')).toBe(fixed.alarmMetrics);
    // dev empties its web bucket on removal: one more (CDK's) Lambda, two more alarms.
    expect(watchedBy('dev')).toBe(fixed.alarmMetrics + 2);
  });

  it('watches the webhook dead-letter queue and every state machine', () => {
    const { monitoring, stacks } = stages.dev;
    const dlq = alarmNamed(monitoring, 'Landing-dev-webhook-dead-letters')!;
    expect(dlq.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
    const dlqQueue = stacks.webhooks.queue.deadLetterQueue!.queue;
    const dlqName = { 'Fn::GetAtt': [stacks.webhooks.getLogicalId(dlqQueue.node.defaultChild as never), 'QueueName'] };
    expect(watched(dlq)).toContain(
      observedRef(monitoring, publishedAs(templateOf(stages.dev, stacks.webhooks), dlqName)!),
    );
    for (const machine of [
      stacks.workflows.transitionWorkflow,
      stacks.workflows.moveWorkflow,
      stacks.workflows.followUpWorkflow,
    ]) {
      const arn = observedRef(
        monitoring,
        publishedAs(templateOf(stages.dev, stacks.workflows), refOf(stacks.workflows, machine.node.defaultChild))!,
      );
      const alarm = alarmsOf(monitoring).find(
        (a) => a.Properties.AlarmName.startsWith('Landing-dev-workflow-failed-') && watched(a).includes(arn),
      );
      expect(alarm, machine.node.path).toBeDefined();
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])
        expect(watched(alarm!)).toContain(metric);
    }
  });

  it('alarms on the first parked audit entry, whose queue every function that records refusals may send to', () => {
    for (const name of stageNames) {
      const { monitoring, stacks, others } = stages[name];
      const alarm = alarmNamed(monitoring, `Landing-${name}-audit-parked`)!;
      expect(alarm.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 1,
        Statistic: 'Maximum',
      });
      const parkedName = {
        'Fn::GetAtt': [refOf(stacks.api, stacks.api.auditParked.node.defaultChild).Ref, 'QueueName'],
      };
      expect(watched(alarm)).toContain(
        observedRef(monitoring, publishedAs(templateOf(stages[name], stacks.api), parkedName)!),
      );
      expect(alarm.Properties.AlarmDescription).toContain('docs/OPERATIONS.md#alarm-audit-parked');

      const api = others.find((o) => o.stack === stacks.api)!.template;
      const queueId = stacks.api.getLogicalId(stacks.api.auditParked.node.defaultChild as never);
      // The access log's Lambda: its batch goes to the same queue when Lambda's own retries fail.
      const refused = Object.values(api.findResources('AWS::Lambda::Function')).find((f) =>
        JSON.stringify(f).includes('functions/audit/refused-requests.ts'),
      )!;
      expect(refused.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
      const writers = Object.values(api.findResources('AWS::Lambda::Function')).filter(
        (f) => f.Properties.Environment?.Variables?.AUDIT_TABLE_NAME,
      );
      expect(writers.length).toBeGreaterThanOrEqual(10);
      for (const fn of writers)
        expect(fn.Properties.Environment.Variables.AUDIT_PARKED_QUEUE_URL, JSON.stringify(fn.Metadata)).toEqual({
          Ref: queueId,
        });
    }
  });

  it('subscribes the stage’s alarm e-mails to the ops topic', () => {
    for (const name of stageNames) {
      const subscriptions = Object.values(
        stages[name].monitoring.findResources('AWS::SNS::Subscription'),
      ) as Resource[];
      expect(subscriptions.map((s) => s.Properties.Endpoint).sort()).toEqual([...stageConfig(name).alarmEmails].sort());
      for (const s of subscriptions) expect(s.Properties.Protocol).toBe('email');
    }
  });

  it('has a dashboard per stage with the API, Lambda, workflow, webhook, DynamoDB and business graphs', () => {
    for (const name of stageNames) {
      const dashboards = Object.values(
        stages[name].monitoring.findResources('AWS::CloudWatch::Dashboard'),
      ) as Resource[];
      expect(dashboards).toHaveLength(1);
      expect(dashboards[0]!.Properties.DashboardName).toBe(`Landing-${name}`);
      const source = dashboards[0]!.Properties.DashboardBody as string | { 'Fn::Join': [string, unknown[]] };
      const body =
        typeof source === 'string'
          ? source
          : source['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<ref>')).join('');
      for (const title of [
        'API: requests',
        'API: 4xx and 5xx',
        'API: latency',
        'Lambda: errors per function',
        'Lambda: throttles per function',
        'Lambda: duration p99 per function',
        'Workflows: executions started',
        'Workflows: executions failed',
        'Webhooks: queue',
        'Webhooks: dead-letter queue',
        'DynamoDB: consumed capacity',
        'DynamoDB: throttled',
      ]) {
        expect(body, title).toContain(title);
      }
      for (const metric of Object.keys(businessMetrics)) expect(body, metric).toContain(metric);
      // The business metrics under the stage's own dimension value (fixed, or in the search of the fase graphs).
      expect(body).toContain(`"stage","${name}"`);
      expect(body).toContain(`stage=\\"${name}\\"`);
    }
  });
});
