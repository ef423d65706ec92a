import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdkContext } from '../../infra/aws/config/cdk-context';
import { stageConfig, stageNames, type StageName } from '../../infra/aws/config/stages';
import { localHandlerMetadataKey } from '../../infra/aws/constructs/landing-function';
import { createLandingStacks } from '../../infra/aws/landing';

/**
 * Gradual rollout with automatic rollback: every Landing function is invoked through its `live` alias, which a
 * deploy shifts to the new version through CodeDeploy (canary on acc and prod), rolled back by the function's
 * error alarm (and for the API's functions the API's 5xx alarm) of the Monitoring stack.
 */
type Resource = { Type: string; Properties: Record<string, any>; UpdatePolicy?: Record<string, any> };
type Resources = Record<string, Resource>;

let stages: Record<StageName, { templates: Record<string, Resources>; alarmNames: string[] }>;
beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  // Every stage built before the first template is read (reading one synthesizes the app).
  const built = stageNames.map((name) => [name, createLandingStacks(app, stageConfig(name))] as const);
  stages = Object.fromEntries(
    built.map(([name, { monitoring, edge: _edge, ...observed }]) => {
      const templates = Object.fromEntries(
        Object.entries(observed).map(([key, stack]) => [
          key,
          Template.fromStack(stack).toJSON().Resources as Resources,
        ]),
      );
      const alarmNames = Object.values(Template.fromStack(monitoring).findResources('AWS::CloudWatch::Alarm')).map(
        (a) => a.Properties.AlarmName as string,
      );
      return [name, { templates, alarmNames }];
    }),
  ) as typeof stages;
}, 300_000);

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** The `live` alias of each of Landing's functions (those with handler metadata), by the function's logical id. */
const aliasesOf = (resources: Resources) => {
  const byFunction = new Map<string, string>();
  for (const [id, alias] of ofType(resources, 'AWS::Lambda::Alias'))
    if (alias.Properties.Name === 'live') byFunction.set(alias.Properties.FunctionName.Ref, id);
  return byFunction;
};
const landingFunctions = (resources: Resources) =>
  Object.entries(resources).filter(
    ([, r]) =>
      r.Type === 'AWS::Lambda::Function' && (r as { Metadata?: object }).Metadata?.[localHandlerMetadataKey as never],
  );

describe('gradual rollout', () => {
  it('gives every Landing function a live alias on its current version, with a deployment group that rolls back on its alarms', () => {
    const expectedConfig: Record<StageName, string> = {
      dev: 'CodeDeployDefault.LambdaAllAtOnce',
      acc: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      prod: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
    };
    for (const name of stageNames) {
      const { templates, alarmNames } = stages[name];
      let functions = 0;
      for (const [stackKey, resources] of Object.entries(templates)) {
        const aliases = aliasesOf(resources);
        for (const [functionId] of landingFunctions(resources)) {
          functions += 1;
          const where = `${name}/${stackKey}/${functionId}`;
          const aliasId = aliases.get(functionId);
          expect(aliasId, `${where}: live alias`).toBeDefined();
          const alias = resources[aliasId!]!;
          const versionId = alias.Properties.FunctionVersion['Fn::GetAtt'][0] as string;
          expect(resources[versionId]!.Type, where).toBe('AWS::Lambda::Version');
          expect(resources[versionId]!.Properties.FunctionName, where).toEqual({ Ref: functionId });

          const groupRef = alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate?.DeploymentGroupName?.Ref as string;
          expect(groupRef, `${where}: CodeDeploy shifts the alias`).toBeDefined();
          const group = resources[groupRef]!.Properties;
          expect(group.DeploymentConfigName, where).toBe(expectedConfig[name]);
          expect(group.AutoRollbackConfiguration, where).toEqual({
            Enabled: true,
            Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
          });
          expect(group.AlarmConfiguration.Enabled, where).toBe(true);
          const watched = (group.AlarmConfiguration.Alarms as { Name: string }[]).map((a) => a.Name);
          // The Monitoring stack's own alarms, by name: the function's errors, and for the API the 5xx share.
          for (const alarm of watched) expect(alarmNames, `${where}: ${alarm}`).toContain(alarm);
          expect(
            watched.some((a) => a.startsWith(`Landing-${name}-lambda-errors-`)),
            where,
          ).toBe(true);
          expect(watched.includes(`Landing-${name}-api-5xx-rate`), where).toBe(stackKey === 'api');
        }
      }
      expect(functions, name).toBeGreaterThanOrEqual(18);
    }
  });

  it('has every trigger invoke the alias: routes, the authorizer, event sources, schedules, log subscriptions, workflow tasks', () => {
    const { templates } = stages.prod;
    const aliasIds = new Set(Object.values(templates).flatMap((r) => [...aliasesOf(r).values()]));
    const functionIds = new Set(Object.values(templates).flatMap((r) => landingFunctions(r).map(([id]) => id)));
    const refersToAlias = (value: unknown) =>
      [...aliasIds].some((id) => JSON.stringify(value).includes(`"Ref":"${id}"`));
    const refersToFunction = (value: unknown) =>
      [...functionIds].some((id) => JSON.stringify(value).includes(`"Fn::GetAtt":["${id}","Arn"]`));

    const triggers: [string, unknown][] = [];
    for (const [stackKey, resources] of Object.entries(templates)) {
      for (const [id, r] of Object.entries(resources)) {
        const where = `${stackKey}/${id}`;
        if (r.Type === 'AWS::ApiGatewayV2::Integration') triggers.push([where, r.Properties.IntegrationUri]);
        if (r.Type === 'AWS::ApiGatewayV2::Authorizer' && r.Properties.AuthorizerType === 'REQUEST')
          triggers.push([where, r.Properties.AuthorizerUri]);
        if (r.Type === 'AWS::Lambda::EventSourceMapping') triggers.push([where, r.Properties.FunctionName]);
        if (r.Type === 'AWS::Scheduler::Schedule') triggers.push([where, r.Properties.Target.Arn]);
        if (r.Type === 'AWS::Logs::SubscriptionFilter') triggers.push([where, r.Properties.DestinationArn]);
        if (r.Type === 'AWS::StepFunctions::StateMachine') triggers.push([where, r.Properties.DefinitionString]);
      }
    }
    const kinds = new Set(triggers.map(([where]) => where.split('/')[1]!.replace(/[0-9A-F]{8}$/, '')));
    expect(triggers.length, [...kinds].join(', ')).toBeGreaterThanOrEqual(20);
    for (const [where, value] of triggers) {
      expect(refersToAlias(value), `${where} invokes a live alias`).toBe(true);
      expect(refersToFunction(value), `${where} invokes no function's unqualified ARN`).toBe(false);
    }
  });
});
