import type { App } from 'aws-cdk-lib';
import type { StageConfig } from './config/stages';
import { ApiStack } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';
import { WebStack } from './stacks/web-stack';
import { WebhookStack } from './stacks/webhook-stack';
import { WorkflowStack } from './stacks/workflow-stack';

/** The whole product for one stage: data → workflows → API → web. */
export function createLandingStacks(app: App, stage: StageConfig) {
  const prefix = `Landing-${stage.name}`;
  const tags = { project: 'landing', stage: stage.name };
  const data = new DataStack(app, `${prefix}-Data`, { stage, tags, description: 'Landing: DynamoDB table' });
  const workflows = new WorkflowStack(app, `${prefix}-Workflows`, {
    stage,
    tags,
    table: data.table,
    description: 'Landing: Step Functions workflows and their tasks',
  });
  const webhooks = new WebhookStack(app, `${prefix}-Webhooks`, {
    stage,
    tags,
    table: data.table,
    description: 'Landing: signed webhook notices to housing corporations (outbox, queue, worker, sweeper)',
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    stage,
    tags,
    table: data.table,
    auditTable: data.auditTable,
    transitionWorkflow: workflows.transitionWorkflow,
    moveWorkflow: workflows.moveWorkflow,
    followUpWorkflow: workflows.followUpWorkflow,
    webhooks,
    description: 'Landing: HTTP API, Lambdas and Cognito',
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    stage,
    tags,
    apiEndpoint: api.api.apiEndpoint,
    auth: { userPoolId: api.userPool.userPoolId, userPoolClientId: api.userPoolClient.userPoolClientId, signInDomain: api.userPoolDomain.baseUrl() },
    description: 'Landing: SPA on S3 and CloudFront',
  });
  return { data, workflows, webhooks, api, web };
}
