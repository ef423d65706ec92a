import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { createApiHandler, type ApiHandlerOptions } from '../http/api-handler';
import { lazy, requiredEnv, runtime } from '../runtime';
import { stepFunctionsClient } from '../workflow/step-functions-workflow';
import { deliveryHealthy, scheduleGroupActive, stateMachinesActive, tableActive } from './dependency-checks';
import { checkHealth, type HealthCheck } from './health';
import { metaOperations } from '../../shared/api/operations/meta';

/** The API describes itself from the contract, and says whether each part it depends on answers. */
export function createMetaApi(checks: () => Record<string, HealthCheck>, options: ApiHandlerOptions = {}) {
  // The whole contract and zod-openapi, loaded on the first request for the document, not in every cold start
  // (the health check, this Lambda's frequent route, needs neither).
  const openApiDocument = lazy(async () => (await import('../../shared/api/openapi')).createOpenApiDocument());
  return createApiHandler(
    metaOperations,
    {
      getOpenApi: async () => ({
        body: { ...(await openApiDocument()) },
        headers: { 'cache-control': 'private, max-age=300' },
      }),
      getHealth: async () => {
        const health = await checkHealth(checks());
        // The same body either way; the status code is what a canary or a load balancer reads.
        return { body: health, ...(health.status === 'ok' ? {} : { status: 503 as const }) };
      },
    },
    options,
  );
}

/**
 * The parts, in the words ops use: the data, the audit trail, the workflows, their alarms, webhook delivery.
 * Each reads its configuration when it runs, so a missing setting shows as that part failing.
 */
export function dependencyChecks(): Record<string, HealthCheck> {
  const sqs = lazy(() => new SQSClient({}));
  const scheduler = lazy(() => new SchedulerClient({}));
  const workflows = () => Object.values(runtime.workflowArns());
  return {
    database: () => tableActive(runtime.dynamoClient(), runtime.tableName())(),
    auditlog: () => tableActive(runtime.dynamoClient(), requiredEnv('AUDIT_TABLE_NAME'))(),
    werkprocessen: () => stateMachinesActive(stepFunctionsClient(), workflows())(),
    wekkers: () => scheduleGroupActive(scheduler(), requiredEnv('SCHEDULE_GROUP'))(),
    webhooks: () => deliveryHealthy(sqs(), requiredEnv('DELIVERY_QUEUE_URL'), requiredEnv('DELIVERY_DLQ_URL'))(),
  };
}

export const handler = createMetaApi(lazy(dependencyChecks), { audit: auditFromEnvironment });
