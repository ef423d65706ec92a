import { CfnResource, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  PeriodOverride,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type ILogGroup, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { type IStateMachine, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct, IConstruct } from 'constructs';
import {
  businessMetrics,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  type BusinessMetric,
} from '../../../functions/observability/metrics';
import type { StageConfig } from '../config/stages';
import { observedValue } from '../constructs/observed-value';
import { OpsAlarms, opsAlarmAnchors } from '../constructs/ops-alarms';

/** Where each alarm's description sends ops: a section of docs/OPERATIONS.md. */
export const runbookAnchors = {
  dashboard: 'dashboard',
  api5xx: 'alarm-api-5xx',
  lambdaErrors: 'alarm-lambda-errors',
  lambdaThrottles: 'alarm-lambda-throttles',
  workflowFailed: 'alarm-workflow-failed',
  webhookDlq: 'alarm-webhook-dlq',
  newSignalDlq: 'alarm-new-signal-dlq',
  outcomeDlq: 'alarm-outcome-dlq',
  auditParked: 'alarm-audit-parked',
  dynamoThrottles: 'alarm-dynamodb-throttles',
  ...opsAlarmAnchors,
} as const;

/** The names of the alarms a deploy's gradual rollout rolls back on (constructs/gradual-rollout.ts). */
export const alarmNames = {
  api5xx: (stageName: string) => `Landing-${stageName}-api-5xx-rate`,
  lambdaErrors: (stageName: string, label: string) => `Landing-${stageName}-lambda-errors-${label}`,
};

const runbook = (anchor: keyof typeof runbookAnchors) => `docs/OPERATIONS.md#${runbookAnchors[anchor]}`;

/** A Lambda function of one of the stage's stacks, found in its template (Landing's own and CDK's helpers alike). */
export interface ObservedFunction {
  /** `<stack>-<construct>`, e.g. `Api-TransitionsApi`: what the alarm's name and the graphs show. */
  label: string;
  functionName: string;
  /** The stack the function is in, and the construct that made it (a LandingFunction, or CDK's own). */
  stack: Stack;
  construct: IConstruct;
}

export interface MonitoringStackProps extends StackProps {
  stage: StageConfig;
  api: HttpApi;
  /** Every state machine, by the name ops know it. */
  stateMachines: Record<string, IStateMachine>;
  deliveries: IQueue;
  deliveriesDeadLetters: IQueue;
  /** Stream batches of new signals the follow-up workflow was never asked to look at. */
  newSignalDeadLetters: IQueue;
  /** Stream batches the outcome counters gave up on. */
  outcomeDeadLetters: IQueue;
  /** Refusals whose audit entries wait to be replayed. */
  auditParked: IQueue;
  tables: Record<string, ITableV2>;
  /** Every other stack of the stage: each Lambda function in them gets an error and a throttle alarm. */
  observedStacks: Stack[];
  /** The stage's one ops topic (the webhook stack's): alarms and webhook health notices, to `stage.alarmEmails`. */
  alarmTopic: ITopic;
  /** What the alarms against quiet failures watch (infra/aws/constructs/ops-alarms.ts), observed like the rest. */
  ops: {
    scheduleGroupName: string;
    alarmDeadLetters: IQueue;
    streamConsumers: Record<string, IFunction>;
    accessLog: ILogGroup;
    distribution: IDistribution;
    userPoolClient: IUserPoolClient;
  };
}

const FIVE_MINUTES = Duration.minutes(5);
/** Below this many requests in five minutes a 5xx rate says little (one failed request of three is not an outage). */
export const API_5XX_MIN_REQUESTS = 20;
export const API_5XX_MAX_PERCENT = 1;

/**
 * The stage's operations view: one CloudWatch dashboard (API, Lambdas, workflows, webhooks, DynamoDB and the
 * business metrics of functions/observability/metrics.ts) and alarms on what needs a person, all to the
 * stage's one ops topic, whose e-mail subscribers come from the stage's `alarmEmails`. Every alarm's
 * description says what to do, in the docs/OPERATIONS.md section it names.
 */
export class MonitoringStack extends Stack {
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  readonly functions: ObservedFunction[];

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const prefix = `Landing-${stage.name}`;
    // Everything below only observes the other stacks: weak references (SSM parameters), never exports.
    const observed = (of: IConstruct, key: string, value: string) =>
      observedValue(this, Stack.of(of), stage.name, key, value);
    this.functions = lambdaFunctionsOf(props.observedStacks).map((fn) => ({
      ...fn,
      functionName: observed(fn.stack, `function-${fn.label}`, fn.functionName),
    }));
    const apiId = observed(props.api, 'api-id', props.api.apiId);
    const alarmTopic = Topic.fromTopicArn(
      this,
      'OpsTopic',
      observed(props.alarmTopic, 'ops-topic-arn', props.alarmTopic.topicArn),
    );
    const queueName = (queue: IQueue, key: string) => observed(queue, `queue-${key}`, queue.queueName);
    const deliveries = queueName(props.deliveries, 'deliveries');
    const deliveriesDeadLetters = queueName(props.deliveriesDeadLetters, 'deliveries-dead-letters');
    const newSignalDeadLetters = queueName(props.newSignalDeadLetters, 'new-signal-dead-letters');
    const outcomeDeadLetters = queueName(props.outcomeDeadLetters, 'outcome-dead-letters');
    const auditParked = queueName(props.auditParked, 'audit-parked');

    props.stage.alarmEmails.forEach((email, i) => {
      new Subscription(this, `AlarmEmail${i}`, {
        topic: alarmTopic,
        protocol: SubscriptionProtocol.EMAIL,
        endpoint: email,
      });
    });
    const notify = new SnsAction(alarmTopic);
    const alarm = (
      alarmId: string,
      options: { name: string; description: string; metric: IMetric; threshold: number; evaluationPeriods?: number },
    ) => {
      const created = new Alarm(this, alarmId, {
        alarmName: `${prefix}-${options.name}`,
        alarmDescription: options.description,
        metric: options.metric,
        threshold: options.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: options.evaluationPeriods ?? 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms.push(created);
      return created;
    };

    // API: the share of 5xx answers, once there is traffic enough to speak of a share.
    const apiMetric = (metricName: string, statistic = 'Sum') =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: apiId },
        statistic,
        period: FIVE_MINUTES,
      });
    const requests = apiMetric('Count');
    const serverErrors = apiMetric('5xx');
    const clientErrors = apiMetric('4xx');
    alarm('Api5xxRate', {
      name: 'api-5xx-rate',
      description: `More than ${API_5XX_MAX_PERCENT}% of the API's answers in five minutes were server errors (5xx), with at least ${API_5XX_MIN_REQUESTS} requests. Caseworkers see failures. What to do: ${runbook('api5xx')}.`,
      metric: new MathExpression({
        expression: `IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * errors / requests, 0)`,
        usingMetrics: { requests, errors: serverErrors },
        label: '5xx (% of requests)',
        period: FIVE_MINUTES,
      }),
      threshold: API_5XX_MAX_PERCENT,
    });

    // Lambda: any unhandled error or throttle. Handlers answer expected failures themselves (problem+json, a
    // partial batch response, a skipped workflow step), so an error here is something nobody handled.
    const lambdaMetric = (fn: ObservedFunction, metricName: string, statistic = 'Sum') =>
      new Metric({
        namespace: 'AWS/Lambda',
        metricName,
        dimensionsMap: { FunctionName: fn.functionName },
        statistic,
        period: FIVE_MINUTES,
      });
    this.functions.forEach((fn, i) => {
      alarm(`LambdaErrors${i}`, {
        name: `lambda-errors-${fn.label}`,
        description: `The Lambda function ${fn.label} failed with an unhandled error (or timed out) in the last five minutes. What to do: ${runbook('lambdaErrors')}.`,
        metric: lambdaMetric(fn, 'Errors'),
        threshold: 1,
      });
      alarm(`LambdaThrottles${i}`, {
        name: `lambda-throttles-${fn.label}`,
        description: `The Lambda function ${fn.label} was throttled (no concurrency left) in the last five minutes: requests or events were refused or delayed. What to do: ${runbook('lambdaThrottles')}.`,
        metric: lambdaMetric(fn, 'Throttles'),
        threshold: 1,
      });
    });

    // Step Functions: an execution that failed, timed out or was aborted left a step of a person's process undone.
    const stateMachines = Object.entries(props.stateMachines).map(
      ([name, machine]) =>
        [
          name,
          StateMachine.fromStateMachineArn(
            this,
            `StateMachine-${name}`,
            observed(machine, `state-machine-${name}`, machine.stateMachineArn),
          ),
        ] as const,
    );
    for (const [name, machine] of stateMachines) {
      alarm(`WorkflowFailed${name}`, {
        name: `workflow-failed-${name}`,
        description: `An execution of the ${name} workflow failed, timed out or was aborted (after its task retries): a step of a transition's process did not happen. What to do: ${runbook('workflowFailed')}.`,
        metric: new MathExpression({
          expression: 'failed + timedOut + aborted',
          usingMetrics: {
            failed: machine.metricFailed({ period: FIVE_MINUTES }),
            timedOut: machine.metricTimedOut({ period: FIVE_MINUTES }),
            aborted: machine.metricAborted({ period: FIVE_MINUTES }),
          },
          label: `${name}: failed`,
          period: FIVE_MINUTES,
        }),
        threshold: 1,
      });
    }

    // Webhooks: a queue message that failed ten times, or a stream batch the fan-out gave up on.
    alarm('WebhookDeadLetters', {
      name: 'webhook-dead-letters',
      description: `Messages are waiting in the webhook dead-letter queue: a delivery message failed ten times, or the fan-out gave up on a batch of the table's stream. The deliveries stay due in the table. What to do: ${runbook('webhookDlq')}.`,
      metric: queueMetric(deliveriesDeadLetters, 'ApproximateNumberOfMessagesVisible'),
      threshold: 1,
    });

    // Signals: a new signal the follow-up was never asked to look at has no task for the duo yet.
    alarm('NewSignalDeadLetters', {
      name: 'new-signal-dead-letters',
      description: `New signals were not handed to the follow-up workflow after ten attempts: their duo may have no task and a rood signal no escalation. What to do: ${runbook('newSignalDlq')}.`,
      metric: queueMetric(newSignalDeadLetters, 'ApproximateNumberOfMessagesVisible'),
      threshold: 1,
    });

    // Outcomes: a change the counters never took is missing from what policy reads until it is counted.
    alarm('OutcomeDeadLetters', {
      name: 'outcome-dead-letters',
      description: `The outcome counters gave up on a batch of the table's stream after ten attempts: what policy reads under Uitkomsten misses those changes. What to do: ${runbook('outcomeDlq')}.`,
      metric: queueMetric(outcomeDeadLetters, 'ApproximateNumberOfMessagesVisible'),
      threshold: 1,
    });

    // Audit: a refusal whose entry is not in the audit trail yet; NEN 7513 wants every attempt recorded.
    alarm('AuditParked', {
      name: 'audit-parked',
      description: `Refused requests are parked: the audit table did not take their entries after retries, so they are not in the audit trail yet (kept 14 days). What to do: ${runbook('auditParked')}.`,
      metric: queueMetric(auditParked, 'ApproximateNumberOfMessagesVisible'),
      threshold: 1,
    });

    // DynamoDB: on-demand tables throttle too (a hot key, a sudden burst beyond twice the previous peak).
    const tables = Object.entries(props.tables).map(
      ([name, table]) => [name, observed(table, `table-${name}`, table.tableName)] as const,
    );
    for (const [name, table] of tables) {
      alarm(`DynamoThrottles${name}`, {
        name: `dynamodb-throttles-${name}`,
        description: `Requests to the DynamoDB table ${name} were throttled in the last five minutes: the functions retried or failed. What to do: ${runbook('dynamoThrottles')}.`,
        metric: new MathExpression({
          expression: 'reads + writes',
          usingMetrics: {
            reads: tableMetric(table, 'ReadThrottleEvents'),
            writes: tableMetric(table, 'WriteThrottleEvents'),
          },
          label: `${name}: throttled`,
          period: FIVE_MINUTES,
        }),
        threshold: 1,
      });
    }

    const { ops } = props;
    const observedQueue = (queue: IQueue, key: string) =>
      Queue.fromQueueArn(this, `Observed-${key}`, observed(queue, `queue-arn-${key}`, queue.queueArn));
    new OpsAlarms(this, 'OpsAlarms', {
      stage,
      alarm,
      runbook,
      scheduleGroupName: ops.scheduleGroupName,
      alarmDeadLetters: observedQueue(ops.alarmDeadLetters, 'alarm-dead-letters'),
      streamConsumers: Object.fromEntries(
        Object.entries(ops.streamConsumers).map(([name, fn]) => [
          name,
          LambdaFunction.fromFunctionName(this, `Observed-${name}`, observed(fn, `stream-${name}`, fn.functionName)),
        ]),
      ),
      deliveries: observedQueue(props.deliveries, 'deliveries'),
      apiId,
      accessLog: LogGroup.fromLogGroupName(
        this,
        'ObservedAccessLog',
        observed(ops.accessLog, 'access-log', ops.accessLog.logGroupName),
      ),
      // Before a certificate the product is reachable only on the distribution's own name.
      siteDomainName: stage.domain.certificateArn
        ? stage.domain.name
        : observed(ops.distribution, 'site-domain', ops.distribution.distributionDomainName),
      userPoolClientId: observed(ops.userPoolClient, 'user-pool-client-id', ops.userPoolClient.userPoolClientId),
    });

    // The dashboard: the same signals over time, and the business events.
    const business = (name: BusinessMetric) => {
      const { dimension } = businessMetrics[name];
      if (!dimension) {
        return new Metric({
          namespace: METRICS_NAMESPACE,
          metricName: name,
          dimensionsMap: { service: METRICS_SERVICE, stage: stage.name },
          statistic: 'Sum',
          period: FIVE_MINUTES,
          label: name,
        });
      }
      // One line per value of the dimension (each fase), whichever occur.
      return new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},${[dimension, 'service', 'stage'].sort().join(',')}} MetricName="${name}" stage="${stage.name}"', 'Sum', ${FIVE_MINUTES.toSeconds()})`,
        usingMetrics: {},
        period: FIVE_MINUTES,
      });
    };
    const graph = (title: string, left: IMetric[], options: { width?: number; right?: IMetric[] } = {}) =>
      new GraphWidget({
        title,
        left,
        ...(options.right ? { right: options.right } : {}),
        width: options.width ?? 8,
        height: 6,
        period: FIVE_MINUTES,
      });
    const perFunction = (metricName: string, statistic: string) =>
      this.functions.map((fn) => lambdaMetric(fn, metricName, statistic).with({ label: fn.label }));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: prefix,
      periodOverride: PeriodOverride.AUTO,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Landing ${stage.name}\nAlarms go to the ops topic (e-mail: the stage's alarmEmails). What each graph means and what to do: [docs/OPERATIONS.md](${runbook('dashboard')}).`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('API: requests', [requests.with({ label: 'requests' })]),
      graph('API: 4xx and 5xx', [clientErrors.with({ label: '4xx' }), serverErrors.with({ label: '5xx' })]),
      graph('API: latency', [
        apiMetric('Latency', 'p50').with({ label: 'p50' }),
        apiMetric('Latency', 'p99').with({ label: 'p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Lambda: errors per function', perFunction('Errors', 'Sum')),
      graph('Lambda: throttles per function', perFunction('Throttles', 'Sum')),
      graph('Lambda: duration p99 per function', perFunction('Duration', 'p99')),
    );
    this.dashboard.addWidgets(
      graph(
        'Workflows: executions started',
        stateMachines.map(([name, m]) => m.metricStarted({ period: FIVE_MINUTES, label: name })),
      ),
      graph(
        'Workflows: executions failed',
        stateMachines.map(([name, m]) => m.metricFailed({ period: FIVE_MINUTES, label: name })),
      ),
      graph(
        'Webhooks: queue',
        [queueMetric(deliveries, 'ApproximateNumberOfMessagesVisible').with({ label: 'waiting' })],
        {
          right: [queueMetric(deliveries, 'ApproximateAgeOfOldestMessage').with({ label: 'oldest (s)' })],
        },
      ),
    );
    this.dashboard.addWidgets(
      graph('Webhooks: dead-letter queue', [
        queueMetric(deliveriesDeadLetters, 'ApproximateNumberOfMessagesVisible').with({ label: 'dead letters' }),
      ]),
      graph(
        'DynamoDB: consumed capacity',
        tables.flatMap(([name, table]) => [
          tableMetric(table, 'ConsumedReadCapacityUnits').with({ label: `${name} read` }),
          tableMetric(table, 'ConsumedWriteCapacityUnits').with({ label: `${name} write` }),
        ]),
      ),
      graph(
        'DynamoDB: throttled',
        tables.flatMap(([name, table]) => [
          tableMetric(table, 'ReadThrottleEvents').with({ label: `${name} read` }),
          tableMetric(table, 'WriteThrottleEvents').with({ label: `${name} write` }),
        ]),
      ),
    );
    this.dashboard.addWidgets(
      graph('Transitions: registered', [business('TransitionRegistered')]),
      graph('Transitions: phase changes (to phase)', [business('PhaseChanged')]),
      graph('Signals: registered and escalated (by fase)', [business('SignalRegistered')], {
        right: [business('SignalEscalated')],
      }),
    );
    this.dashboard.addWidgets(
      graph('Webhook deliveries', [
        business('WebhookDelivered'),
        business('WebhookDeliveryFailed'),
        business('WebhookDeliveryParked'),
      ]),
      graph('Webhook endpoints disabled', [business('WebhookEndpointDisabled')]),
      graph('Regelbudget: spends', [business('SpendProposed'), business('SpendApproved')]),
    );
  }
}

function tableMetric(tableName: string, metricName: string): Metric {
  return new Metric({
    namespace: 'AWS/DynamoDB',
    metricName,
    dimensionsMap: { TableName: tableName },
    statistic: 'Sum',
    period: FIVE_MINUTES,
  });
}

/** A queue's depth or age: the largest value in five minutes. */
function queueMetric(queueName: string, metricName: string): Metric {
  return new Metric({
    namespace: 'AWS/SQS',
    metricName,
    dimensionsMap: { QueueName: queueName },
    statistic: 'Maximum',
    period: FIVE_MINUTES,
  });
}

/** Every `AWS::Lambda::Function` in the stacks, with a label made of its stack and construct path. */
export function lambdaFunctionsOf(stacks: Stack[]): ObservedFunction[] {
  const seen = new Set<string>();
  return stacks.flatMap((stack) =>
    stack.node
      .findAll()
      .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::Lambda::Function')
      .map((resource) => {
        const stackPart = stack.stackName.split('-').at(-1) ?? stack.stackName;
        const path = resource.node.scopes
          .slice(resource.node.scopes.indexOf(stack) + 1)
          .map((s) => s.node.id)
          .filter((id) => id !== 'Resource' && id !== 'Handler')
          .map((id) =>
            id
              .replace(/^Custom::/, '')
              .replace(/[0-9A-F]{32}$/, '')
              .replace(/CustomResourceProvider$/, ''),
          );
        let label = [stackPart, ...path].join('-');
        for (let n = 2; seen.has(label); n++) label = `${[stackPart, ...path].join('-')}-${n}`;
        seen.add(label);
        return { label, functionName: resource.ref, stack, construct: resource.node.scope ?? resource };
      }),
  );
}
