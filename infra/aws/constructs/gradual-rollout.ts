import { Stack } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  type ILambdaDeploymentConfig,
  LambdaApplication,
  LambdaDeploymentConfig,
  LambdaDeploymentGroup,
} from 'aws-cdk-lib/aws-codedeploy';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { StageConfig } from '../config/stages';
import { acknowledge } from '../guard-rails';
import { alarmNames, type ObservedFunction } from '../stacks/monitoring-stack';
import { LandingFunction } from './landing-function';

const deploymentConfigs: Record<StageConfig['rollout'], ILambdaDeploymentConfig> = {
  canary: LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  'all-at-once': LambdaDeploymentConfig.ALL_AT_ONCE,
};

const codeDeployPolicy = 'service-role/AWSCodeDeployRoleForLambdaLimited';

/**
 * A deployment group for every Landing function: a deploy publishes a new version and CodeDeploy shifts the
 * function's `live` alias to it as the stage's `rollout` says, going back to the previous version by itself
 * when the function's error alarm (and for the API's functions the API's 5xx alarm) fires meanwhile.
 * The alarms are the Monitoring stack's, taken by their fixed names: no reference between the stacks, and
 * Monitoring keeps being the one place alarms are made. CDK's own helper functions have no alias.
 */
export function addGradualRollouts(stage: StageConfig, functions: ObservedFunction[], apiStack: Stack): void {
  const perStack = new Map<Stack, { application: LambdaApplication; role: Role }>();
  const groupsOf = (stack: Stack) => {
    let found = perStack.get(stack);
    if (!found) {
      const role = new Role(stack, 'RolloutRole', {
        assumedBy: new ServicePrincipal('codedeploy.amazonaws.com'),
        description: `Landing ${stage.name}: CodeDeploy shifts the live aliases of this stack's functions`,
        managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName(codeDeployPolicy)],
      });
      acknowledge(role, {
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${codeDeployPolicy}]`,
        reason:
          'AWS’s own policy for CodeDeploy on Lambda: read the alarms, read and move aliases; nothing else is changed.',
      });
      found = { application: new LambdaApplication(stack, 'Rollouts'), role };
      perStack.set(stack, found);
    }
    return found;
  };
  for (const { label, construct } of functions) {
    if (!(construct instanceof LandingFunction)) continue;
    const stack = Stack.of(construct);
    const { application, role } = groupsOf(stack);
    const alarmed = [alarmNames.lambdaErrors(stage.name, label)];
    if (stack === apiStack) alarmed.push(alarmNames.api5xx(stage.name));
    new LambdaDeploymentGroup(construct, 'Rollout', {
      application,
      role,
      alias: construct.live,
      deploymentConfig: deploymentConfigs[stage.rollout],
      alarms: alarmed.map((name, i) => Alarm.fromAlarmName(construct, `RollbackAlarm${i}`, name)),
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
  }
}
