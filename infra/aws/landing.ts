import type { App } from 'aws-cdk-lib';
import { stageConfig, stageNames, type StageConfig, type StageName } from './config/stages';
import { addGradualRollouts } from './constructs/gradual-rollout';
import { ApiStack } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';
import { EdgeAlarmsStack } from './stacks/edge-alarms-stack';
import { EdgeStack } from './stacks/edge-stack';
import { MonitoringStack } from './stacks/monitoring-stack';
import { WebStack } from './stacks/web-stack';
import { WebhookStack } from './stacks/webhook-stack';
import { WorkflowStack } from './stacks/workflow-stack';

/**
 * Every stage, each from its committed config alone: no context of a deploy changes a stage's account or
 * certificates, so whichever command deploys it (a rollback, the deploy a restore prints) keeps its address.
 */
export function createAllStages(app: App, names: readonly StageName[] = stageNames): void {
  for (const name of names) createLandingStacks(app, stageConfig(name));
}

/** The whole product for one stage: data → workflows → API → web. */
export function createLandingStacks(app: App, stage: StageConfig) {
  const prefix = `Landing-${stage.name}`;
  const tags = { project: 'landing', stage: stage.name };
  // The region is the stage's; the account its committed one (so even a bare `cdk deploy` with another
  // account's credentials is refused by CDK), else whichever the deploy's credentials name.
  const env = { region: stage.region, account: stage.account ?? process.env.CDK_DEFAULT_ACCOUNT };
  const data = new DataStack(app, `${prefix}-Data`, {
    stage,
    tags,
    env,
    description: 'Landing: DynamoDB tables (the product’s and the audit trail)',
  });
  const workflows = new WorkflowStack(app, `${prefix}-Workflows`, {
    stage,
    tags,
    env,
    table: data.table,
    description: 'Landing: Step Functions workflows and their tasks',
  });
  const webhooks = new WebhookStack(app, `${prefix}-Webhooks`, {
    stage,
    tags,
    env,
    table: data.table,
    description: 'Landing: signed webhook notices to housing corporations (outbox, queue, worker, sweeper)',
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    stage,
    tags,
    env,
    table: data.table,
    auditTable: data.auditTable,
    transitionWorkflow: workflows.transitionWorkflow,
    moveWorkflow: workflows.moveWorkflow,
    followUpWorkflow: workflows.followUpWorkflow,
    scheduleGroupName: workflows.scheduleGroupName,
    webhooks,
    description: 'Landing: HTTP API, Lambdas and Cognito',
  });
  // CloudFront takes its web ACL from us-east-1 only; CDK carries its ARN across to the Web stack's region.
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    stage,
    tags,
    env: { ...env, region: 'us-east-1' },
    crossRegionReferences: true,
    description: 'Landing: AWS WAF web ACL for CloudFront (per-client rate limits), in us-east-1',
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    stage,
    tags,
    env,
    crossRegionReferences: true,
    webAclArn: edge.webAcl.attrArn,
    apiOrigin: api.origin,
    auth: {
      userPoolId: api.userPool.userPoolId,
      userPoolClientId: api.userPoolClient.userPoolClientId,
      signInDomain: api.userPoolDomain.baseUrl(),
    },
    description: 'Landing: SPA on S3 and CloudFront',
  });
  // CloudFront's metrics exist only in us-east-1, and an alarm notifies a topic of its own region only.
  const edgeAlarms = new EdgeAlarmsStack(app, `${prefix}-EdgeAlarms`, {
    stage,
    tags,
    env: { ...env, region: 'us-east-1' },
    crossRegionReferences: true,
    distributionId: web.distribution.distributionId,
    description: 'Landing: the CloudFront alarm and its ops topic, in us-east-1 (where CloudFront’s metrics are)',
  });
  // Last, so it sees every Lambda of the stage: its alarms cover each one.
  const monitoring = new MonitoringStack(app, `${prefix}-Monitoring`, {
    stage,
    tags,
    env,
    api: api.api,
    stateMachines: {
      transition: workflows.transitionWorkflow,
      move: workflows.moveWorkflow,
      'follow-up': workflows.followUpWorkflow,
    },
    deliveries: webhooks.queue,
    deliveriesDeadLetters: webhooks.queue.deadLetterQueue!.queue,
    newSignalDeadLetters: workflows.newSignalDeadLetters,
    outcomeDeadLetters: workflows.outcomeDeadLetters,
    auditParked: api.auditParked,
    tables: { main: data.table, audit: data.auditTable },
    observedStacks: [data, workflows, webhooks, api, web],
    alarmTopic: webhooks.opsTopic,
    ops: {
      scheduleGroupName: workflows.scheduleGroupName,
      alarmDeadLetters: workflows.alarmDeadLetters,
      streamConsumers: {
        'webhook-fan-out': webhooks.fanOut,
        'new-signal': workflows.newSignal,
        'outcome-counters': workflows.countOutcomes,
      },
      accessLog: api.accessLog,
      distribution: web.distribution,
      userPoolClient: api.userPoolClient,
    },
    description: 'Landing: CloudWatch dashboard and alarms (to the ops topic)',
  });
  // Each function's deploy shifts its live alias gradually, rolled back by Monitoring's alarms (by name).
  addGradualRollouts(stage, monitoring.functions, api);
  return { data, workflows, webhooks, api, edge, web, edgeAlarms, monitoring };
}
