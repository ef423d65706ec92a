import { App } from 'aws-cdk-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stageConfig } from '../aws/config/stages';
import { localHandlerMetadataKey, type LocalHandlerMetadata } from '../aws/constructs/landing-function';
import { createLandingStacks } from '../aws/landing';
import { cdkContext } from '../aws/config/cdk-context';

/**
 * Synthesizes the very CDK app that is deployed (bundling skipped) and reads from its templates what the
 * local runtime needs: the state machine definitions as plain ASL, the API routes, and for every Lambda the
 * source file it runs. Nothing about the workflows or routes is written twice.
 */
export const localAccount = '000000000000';
export const localRegion = 'eu-west-1';

type Template = {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;
};

export interface LocalStateMachine {
  logicalId: string;
  arn: string;
  definition: Record<string, unknown>;
}

export interface LocalRoute {
  routeKey: string;
  method: string;
  path: string;
  requiresPrincipal: boolean;
  /** A Lambda authorizer (the corporations' API key) that must allow the request first. */
  authorizer?: LocalHandlerMetadata;
  handler: LocalHandlerMetadata;
}

/** A Lambda that AWS invokes for a source rather than a route: the table's stream, a queue, a rate schedule, a log subscription. */
export interface LocalEventSource {
  kind: 'table-stream' | 'queue' | 'rate-schedule' | 'log-subscription';
  handler: LocalHandlerMetadata;
}

export interface LocalAssembly {
  stateMachines: LocalStateMachine[];
  routes: LocalRoute[];
  /** Lambda handler metadata by local function ARN (what Task states name as their resource). */
  functions: Map<string, LocalHandlerMetadata>;
  eventSources: LocalEventSource[];
}

export const localFunctionArn = (logicalId: string) =>
  `arn:aws:lambda:${localRegion}:${localAccount}:function:${logicalId}`;
export const localStateMachineArn = (logicalId: string) =>
  `arn:aws:states:${localRegion}:${localAccount}:stateMachine:${logicalId}`;

export function synthesizeForLocal(): LocalAssembly {
  const outdir = mkdtempSync(path.join(tmpdir(), 'landing-synth-'));
  try {
    const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const stacks = createLandingStacks(app, stageConfig('dev'));
    const assembly = app.synth();
    const template = (stackName: string) => assembly.getStackByName(stackName).template as Template;
    const workflows = template(stacks.workflows.stackName);
    const api = template(stacks.api.stackName);
    const webhooks = template(stacks.webhooks.stackName);

    const functions = new Map<string, LocalHandlerMetadata>();
    const aliases = new Set<string>();
    for (const t of [workflows, api, webhooks]) {
      for (const [logicalId, resource] of Object.entries(t.Resources)) {
        const metadata = resource.Metadata?.[localHandlerMetadataKey] as LocalHandlerMetadata | undefined;
        if (resource.Type === 'AWS::Lambda::Function' && metadata) functions.set(localFunctionArn(logicalId), metadata);
      }
      // Triggers invoke a function's live alias: locally the alias runs the function's one local version.
      for (const [logicalId, resource] of Object.entries(t.Resources)) {
        if (resource.Type !== 'AWS::Lambda::Alias') continue;
        const target = (resource.Properties?.FunctionName as { Ref?: string } | undefined)?.Ref ?? '';
        const metadata = functions.get(localFunctionArn(target));
        if (metadata) {
          aliases.add(logicalId);
          functions.set(localFunctionArn(logicalId), metadata);
        }
      }
    }
    const resolve = (value: unknown) => resolveToString(value, aliases);

    return {
      stateMachines: readStateMachines(workflows, resolve),
      routes: readRoutes(api, functions, resolve),
      functions,
      eventSources: [
        ...readEventSources(webhooks, functions, resolve),
        ...readEventSources(workflows, functions, resolve),
        ...readEventSources(api, functions, resolve),
      ],
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

type Resolve = (value: unknown) => string;

function readStateMachines(t: Template, resolveToString: Resolve): LocalStateMachine[] {
  return Object.entries(t.Resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, r]) => ({
      logicalId,
      arn: localStateMachineArn(logicalId),
      definition: JSON.parse(resolveToString(r.Properties?.DefinitionString)) as Record<string, unknown>,
    }));
}

function readRoutes(t: Template, functions: Map<string, LocalHandlerMetadata>, resolveToString: Resolve): LocalRoute[] {
  return Object.values(t.Resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => {
      const routeKey = String(r.Properties?.RouteKey);
      const [method = '', routePath = ''] = routeKey.split(' ');
      const integrationId = resolveToString(r.Properties?.Target).replace(/^integrations\//, '');
      const integration = t.Resources[integrationId];
      const functionArn = resolveToString(integration?.Properties?.IntegrationUri);
      const handler = functions.get(functionArn);
      if (!handler) throw new Error(`route ${routeKey} has no local handler`);
      const authorizer =
        r.Properties?.AuthorizationType === 'CUSTOM'
          ? authorizerOf(t, r.Properties.AuthorizerId, functions, resolveToString)
          : undefined;
      return {
        routeKey,
        method,
        path: routePath,
        requiresPrincipal: r.Properties?.AuthorizationType === 'JWT',
        ...(authorizer ? { authorizer } : {}),
        handler,
      };
    });
}

/** The Lambda behind a route's custom authorizer: its AuthorizerUri names the function. */
function authorizerOf(
  t: Template,
  authorizerId: unknown,
  functions: Map<string, LocalHandlerMetadata>,
  resolveToString: Resolve,
): LocalHandlerMetadata {
  const authorizer = t.Resources[(authorizerId as { Ref?: string })?.Ref ?? ''];
  const uri = resolveToString(authorizer?.Properties?.AuthorizerUri);
  const handler = [...functions.entries()].find(([arn]) => uri.includes(arn))?.[1];
  if (!handler) throw new Error('a custom authorizer has no local handler');
  return handler;
}

/** Stream and queue event source mappings, rate schedules and log subscriptions that invoke a Lambda. */
function readEventSources(
  t: Template,
  functions: Map<string, LocalHandlerMetadata>,
  resolveToString: Resolve,
): LocalEventSource[] {
  const sources: LocalEventSource[] = [];
  for (const r of Object.values(t.Resources)) {
    if (r.Type === 'AWS::Lambda::EventSourceMapping') {
      // A function's name (its Ref), or its alias's `<name>:live` (built from the alias's ARN, its Ref).
      const target = /"Ref":"([^"]+)"/.exec(JSON.stringify(r.Properties?.FunctionName ?? ''))?.[1] ?? '';
      const handler = functions.get(localFunctionArn(target));
      if (handler) sources.push({ kind: r.Properties?.StartingPosition ? 'table-stream' : 'queue', handler });
    }
    if (r.Type === 'AWS::Scheduler::Schedule' && String(r.Properties?.ScheduleExpression).startsWith('rate(')) {
      const handler = functions.get(resolveToString((r.Properties?.Target as { Arn: unknown } | undefined)?.Arn));
      if (handler) sources.push({ kind: 'rate-schedule', handler });
    }
    if (r.Type === 'AWS::Logs::SubscriptionFilter') {
      const handler = functions.get(resolveToString(r.Properties?.DestinationArn));
      if (handler) sources.push({ kind: 'log-subscription', handler });
    }
  }
  return sources;
}

/**
 * Resolves the CloudFormation intrinsics CDK puts into definitions and route targets, with local ARNs. The `Ref`
 * of a Lambda alias is its ARN (of a function, its name).
 */
function resolveToString(value: unknown, aliases: ReadonlySet<string>): string {
  const resolve = (part: unknown) => resolveToString(part, aliases);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if ('Fn::GetAtt' in node) {
      const [logicalId] = node['Fn::GetAtt'] as [string, string];
      return localFunctionArn(logicalId);
    }
    if ('Ref' in node) {
      const ref = node.Ref as string;
      if (aliases.has(ref)) return localFunctionArn(ref);
      const pseudo: Record<string, string> = {
        'AWS::Partition': 'aws',
        'AWS::Region': localRegion,
        'AWS::AccountId': localAccount,
        'AWS::URLSuffix': 'amazonaws.com',
      };
      return pseudo[ref] ?? ref;
    }
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)} locally`);
}
