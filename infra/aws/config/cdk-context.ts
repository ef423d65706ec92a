import { readFileSync } from 'node:fs';

/**
 * The context of cdk.json (CDK's recommended feature flags and the project's own settings). The CDK CLI hands it
 * to infra/aws/app.ts; the tests and the local runtime build their apps with it too, so they synthesize what a deploy
 * would.
 */
export const cdkContext: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8'),
).context;
