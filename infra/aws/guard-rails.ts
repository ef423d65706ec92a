import { type App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { AwsSolutionsChecks, rules } from 'cdk-nag';
// How cdk-nag names an IAM5 finding's resource (`<Fn.Arn>:*`); not in its public index, so imported by path
// (cdk-nag is pinned exactly, and test/infra/nag.test.ts fails when a name stops matching).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Guard rails: cdk-nag's AWS Solutions checks on every stack of the app. An unacknowledged error fails the
 * synth (`npm run synth`, `cdk synth`, `cdk deploy`); warnings are printed. test/infra/nag.test.ts runs the
 * same checks on all three stages and allows neither.
 *
 * A finding that describes a deliberate choice is acknowledged on the construct it concerns, as narrowly as
 * cdk-nag allows (one rule, and for IAM5 one named action or resource), always with the reason: see
 * `acknowledge` next to the constructs in infra/aws/stacks/ and infra/aws/workflows/.
 */
export function addGuardRails(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}

export interface NagAcknowledgement {
  /** `AwsSolutions-<rule>`, for IAM4/IAM5 with the finding: `AwsSolutions-IAM5[Resource::…]`. */
  id: `AwsSolutions-${string}`;
  /** Why this is the design rather than an oversight, in a sentence someone reviewing the stack can check. */
  reason: string;
}

/** Acknowledges cdk-nag findings on `scope` and what lies under it (cdk-nag v3 reads them from the construct tree). */
export function acknowledge(scope: IConstruct, ...findings: NagAcknowledgement[]): void {
  for (const finding of findings) {
    if (finding.reason.trim().length < 40)
      throw new Error(`Acknowledging ${finding.id} on ${scope.node.path} needs a reason`);
  }
  Validations.of(scope).acknowledge(...findings);
}

/** The id of the IAM5 finding for one wildcard resource, named the way cdk-nag names it: `AwsSolutions-IAM5[Resource::<Fn.Arn>:*]`. */
export function wildcardResource(scope: IConstruct, resource: string): NagAcknowledgement['id'] {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/**
 * CDK's own BucketDeployment handler (a Lambda of CDK's, shared by the stack's deployments) copies the built
 * SPA from the CDK asset bucket into the site bucket and invalidates the distribution. Its role, its managed
 * policy, its wildcards and its runtime are CDK's and cannot be set; call this after the deployment is made
 * (every grant is in place then), so a grant added later still shows up as a finding.
 */
export function acknowledgeBucketDeploymentHandler(deployment: BucketDeployment): void {
  const handler = deployment.handlerRole.node.scope!;
  const policies = handler.node
    .findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::IAM::Policy');
  const wildcards = policies.flatMap((policy) => {
    const result = rules.iam.IAMNoWildcardPermissions(policy);
    return Array.isArray(result) ? result : [];
  });
  acknowledge(
    handler,
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK’s BucketDeployment handler gets the basic execution role from CDK; its role cannot be passed in.',
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'CDK’s BucketDeployment handler runs the Python runtime CDK ships it with; it only runs during a deploy.',
    },
    ...[...new Set(wildcards)].map((finding) => ({
      id: `AwsSolutions-IAM5[${finding}]` as const,
      reason:
        'CDK’s BucketDeployment grants: read the SPA’s asset from the CDK asset bucket, replace the objects of the site bucket (prune), and invalidate the distribution (CloudFront invalidation takes no resource-level ARN in CDK’s grant).',
    })),
  );
}
