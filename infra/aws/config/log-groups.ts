/**
 * Every log group's name, from one place: the runbook's Logs Insights queries select them by these names
 * (test/infra/log-groups.test.ts holds each name the runbook gives to one the stacks create).
 */
export const logGroupNames = {
  /** A Landing function's log: Lambda's own convention, so `/aws/lambda/Landing-<stage>-*` selects them all. */
  lambda: (stageName: string, functionId: string) => `/aws/lambda/Landing-${stageName}-${functionId}`,
  /** API Gateway's access log: one JSON line per request. */
  apiAccess: (stageName: string) => `/aws/apigateway/Landing-${stageName}-access`,
  /** A state machine's executions (`/aws/vendedlogs/`: the prefix AWS advises for Step Functions' log delivery). */
  workflow: (stageName: string, workflowId: string) => `/aws/vendedlogs/states/Landing-${stageName}-${workflowId}`,
};
