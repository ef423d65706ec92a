import { App, type PolicyValidationPluginReport, Stack, Stage, Validations } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig, stageNames, type StageName } from '../../infra/aws/config/stages';
import { localHandlerMetadataKey } from '../../infra/aws/constructs/landing-function';
import { addGuardRails } from '../../infra/aws/guard-rails';
import { createLandingStacks } from '../../infra/aws/landing';
import { cdkContext } from '../../infra/aws/config/cdk-context';

/**
 * Guard rails over every stack of every stage, synthesized once (bundling skipped): cdk-nag's AWS Solutions
 * checks exactly as `infra/aws/app.ts` adds them, least privilege in every identity policy, and encryption at
 * rest and TLS for every store and endpoint. dev is synthesized as it is before its certificates exist, acc
 * and prod with them (as their deploys pass them), so both shapes of the distribution and the API are checked.
 */
type Resource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const placeholderCertificate = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000';
const placeholderApiCertificate = 'arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000001';

let app: App;
let report: PolicyValidationPluginReport;
let stacks: { stackName: string; stage: StageName; template: Template }[];

beforeAll(() => {
  // The validation report is read below, finding by finding, rather than thrown by the synth.
  app = new App({
    context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  const checks = addGuardRails(app);
  for (const name of stageNames) {
    const certificates = { certificateArn: placeholderCertificate, apiCertificateArn: placeholderApiCertificate };
    createLandingStacks(app, stageConfig(name, name === 'dev' ? {} : certificates));
  }
  const assembly = app.synth();
  report = checks.validateScope(app);
  stacks = assembly.stacks.map((artifact) => ({
    stackName: artifact.stackName,
    stage: stageNames.find((name) => artifact.stackName.startsWith(`Landing-${name}-`))!,
    template: artifact.template as Template,
  }));
  // Three stages of seven stacks, and the checks over them: a while on a shared machine.
}, 180_000);

const resourcesOf = (type: string) =>
  stacks.flatMap(({ stackName, template }) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === type)
      .map(([logicalId, resource]) => ({ stackName, logicalId, resource, template })),
  );
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const refersTo = (value: unknown, logicalId: string) => JSON.stringify(value).includes(`"${logicalId}"`);
const deniesInsecureTransport = (statements: Statement[]) =>
  statements.some((s) => s.Effect === 'Deny' && `${s.Condition?.Bool?.['aws:SecureTransport']}` === 'false');

describe('cdk-nag (AWS Solutions)', () => {
  it('synthesizes every stack of every stage', () => {
    for (const name of stageNames)
      expect(stacks.filter((s) => s.stage === name).length, name).toBeGreaterThanOrEqual(5);
    expect(stacks.every((s) => s.stage)).toBe(true);
  });

  it('finds no unacknowledged error or warning on any stack of any stage', () => {
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
    );
    expect(findings, `cdk-nag findings:\n${findings.join('\n')}`).toEqual([]);
  });

  it('acknowledges findings one rule at a time, on a construct (never a whole stack), each with its reason', () => {
    const acknowledged = app.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
        .map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
          wide: construct instanceof Stack || construct instanceof Stage,
        })),
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, id, reason, wide } of acknowledged) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[(Action|Resource|Policy)::.+\])?$/);
      expect(reason.trim().length, `${id} at ${path}`).toBeGreaterThanOrEqual(40);
      expect(wide, `${id} acknowledged on all of ${path}`).toBe(false);
    }
    // IAM5 only ever per named action or resource, never the whole rule.
    expect(acknowledged.filter((a) => a.id === 'AwsSolutions-IAM5' || a.id === 'AwsSolutions-IAM4')).toEqual([]);
  });
});

/**
 * Actions that take no resource ARN, and so may be granted on "*". Nothing else may be: no data action
 * (DynamoDB, SQS, SNS, KMS, S3, Step Functions) on "*", and no `*` or `service:*` action anywhere.
 */
const actionsWithoutResourceLevelPermissions = new Set([
  // X-Ray, for functions and state machines on stages with tracing.
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  // Step Functions' delivery of execution logs to CloudWatch Logs (what CDK grants a state machine with logs).
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  // Custom CloudWatch metrics (PutMetricData has no resource; the namespace is the scope).
  'cloudwatch:PutMetricData',
  // CDK's BucketDeployment invalidating the stack's own distribution after copying the SPA.
  'cloudfront:CreateInvalidation',
  'cloudfront:GetInvalidation',
]);
const dataServices = ['dynamodb', 'sqs', 'sns', 'kms', 's3', 'states'];

describe('least privilege', () => {
  const identityStatements = () =>
    [
      ...resourcesOf('AWS::IAM::Policy').map((r) => ({ ...r, documents: [r.resource.Properties?.PolicyDocument] })),
      ...resourcesOf('AWS::IAM::ManagedPolicy').map((r) => ({
        ...r,
        documents: [r.resource.Properties?.PolicyDocument],
      })),
      ...resourcesOf('AWS::IAM::Role').map((r) => ({
        ...r,
        documents: list(r.resource.Properties?.Policies).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
      })),
    ].flatMap(({ stackName, logicalId, documents }) =>
      documents
        .flatMap((document) => list((document as { Statement?: Statement[] } | undefined)?.Statement))
        .map((statement) => ({ where: `${stackName}/${logicalId}`, statement })),
    );

  it('grants no `*` or `service:*` action in any policy of any stage', () => {
    const statements = identityStatements();
    expect(statements.length).toBeGreaterThan(100);
    const broad = statements.flatMap(({ where, statement }) =>
      list(statement.Action)
        .filter((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a))
        .map((a) => `${where}: ${a}`),
    );
    expect(broad).toEqual([]);
  });

  it('grants on Resource "*" only the listed actions that take no resource ARN (no data action)', () => {
    const onEverything = identityStatements().filter(
      ({ statement }) => statement.Effect === 'Allow' && list(statement.Resource).includes('*'),
    );
    const notAllowed = onEverything.flatMap(({ where, statement }) =>
      list(statement.Action)
        .filter((a) => !actionsWithoutResourceLevelPermissions.has(a))
        .map((a) => `${where}: ${a}`),
    );
    expect(notAllowed).toEqual([]);
    for (const action of actionsWithoutResourceLevelPermissions)
      expect(dataServices).not.toContain(action.split(':')[0]);
  });

  it('gives every function its own role that writes to its own log group only (no AWSLambdaBasicExecutionRole)', () => {
    // Landing's own functions carry their handler's metadata; CDK's own handlers (BucketDeployment) keep CDK's role.
    const functions = resourcesOf('AWS::Lambda::Function').filter(
      ({ resource }) => resource.Metadata?.[localHandlerMetadataKey],
    );
    expect(functions.length).toBeGreaterThan(40);
    for (const { stackName, resource, template } of functions) {
      const roleId = resource.Properties!.Role['Fn::GetAtt'][0] as string;
      expect(template.Resources[roleId]!.Properties?.ManagedPolicyArns, `${stackName}/${roleId}`).toBeUndefined();
      const logGroupId = resource.Properties!.LoggingConfig.LogGroup.Ref as string;
      const logStatements = Object.values(template.Resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && refersTo(r.Properties?.Roles, roleId))
        .flatMap((r) => list(r.Properties?.PolicyDocument?.Statement as Statement[]))
        .filter((st) => list(st.Action).some((a) => a.startsWith('logs:')));
      expect(logStatements.length, `${stackName}/${roleId}`).toBeGreaterThan(0);
      for (const st of logStatements)
        expect(st.Resource, `${stackName}/${roleId}`).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    }
  });

  it('names the tables’ indexes instead of `index/*`, and lets appenders of the audit trail touch no index', () => {
    const indexWildcards = identityStatements().filter(({ statement }) =>
      JSON.stringify(statement.Resource ?? '').includes('/index/*'),
    );
    expect(indexWildcards.map((s) => s.where)).toEqual([]);
  });
});

describe('encryption at rest and TLS only', () => {
  it('keeps every bucket private, encrypted and reachable over TLS only', () => {
    const buckets = resourcesOf('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    for (const { stackName, logicalId, resource } of buckets) {
      const where = `${stackName}/${logicalId}`;
      expect(resource.Properties?.PublicAccessBlockConfiguration, where).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(resource.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.length, where).toBeGreaterThan(
        0,
      );
      const policies = resourcesOf('AWS::S3::BucketPolicy').filter(
        (p) => p.stackName === stackName && refersTo(p.resource.Properties?.Bucket, logicalId),
      );
      expect(
        deniesInsecureTransport(policies.flatMap((p) => list(p.resource.Properties?.PolicyDocument?.Statement))),
        where,
      ).toBe(true);
    }
  });

  it('encrypts every queue and refuses it without TLS', () => {
    const queues = resourcesOf('AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThanOrEqual(6);
    for (const { stackName, logicalId, resource } of queues) {
      const where = `${stackName}/${logicalId}`;
      expect(
        resource.Properties?.SqsManagedSseEnabled === true || resource.Properties?.KmsMasterKeyId !== undefined,
        where,
      ).toBe(true);
      const policies = resourcesOf('AWS::SQS::QueuePolicy').filter(
        (p) => p.stackName === stackName && refersTo(p.resource.Properties?.Queues, logicalId),
      );
      expect(
        deniesInsecureTransport(policies.flatMap((p) => list(p.resource.Properties?.PolicyDocument?.Statement))),
        where,
      ).toBe(true);
    }
  });

  it('encrypts every topic with a customer managed key and refuses it without TLS', () => {
    const topics = resourcesOf('AWS::SNS::Topic');
    expect(topics.length).toBeGreaterThanOrEqual(3);
    for (const { stackName, logicalId, resource } of topics) {
      const where = `${stackName}/${logicalId}`;
      // A key of the stack's own (not alias/aws/sns), so CloudWatch alarms can publish to the topic.
      const keyId = resource.Properties?.KmsMasterKeyId?.['Fn::GetAtt']?.[0] as string | undefined;
      expect(keyId, where).toBeDefined();
      expect(
        resourcesOf('AWS::KMS::Key').some((k) => k.stackName === stackName && k.logicalId === keyId),
        where,
      ).toBe(true);
      const policies = resourcesOf('AWS::SNS::TopicPolicy').filter(
        (p) => p.stackName === stackName && refersTo(p.resource.Properties?.Topics, logicalId),
      );
      expect(
        deniesInsecureTransport(policies.flatMap((p) => list(p.resource.Properties?.PolicyDocument?.Statement))),
        where,
      ).toBe(true);
    }
  });

  it('encrypts every table (SSE) and rotates every KMS key', () => {
    const tables = [...resourcesOf('AWS::DynamoDB::GlobalTable'), ...resourcesOf('AWS::DynamoDB::Table')];
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const { stackName, logicalId, resource } of tables)
      expect(resource.Properties?.SSESpecification?.SSEEnabled, `${stackName}/${logicalId}`).toBe(true);
    const keys = resourcesOf('AWS::KMS::Key');
    expect(keys.length).toBeGreaterThanOrEqual(6);
    for (const { stackName, logicalId, resource } of keys)
      expect(resource.Properties?.EnableKeyRotation, `${stackName}/${logicalId}`).toBe(true);
  });

  it('keeps every log group for a set time (CloudWatch Logs encrypts them at rest by default; no key of ours needed)', () => {
    const logGroups = resourcesOf('AWS::Logs::LogGroup');
    expect(logGroups.length).toBeGreaterThan(20);
    for (const { stackName, logicalId, resource } of logGroups)
      expect(resource.Properties?.RetentionInDays, `${stackName}/${logicalId}`).toBeGreaterThan(0);
  });

  it('serves CloudFront over HTTPS only, with TLS 1.2 at least on the stage’s own name, and reaches the API over TLS 1.2', () => {
    const distributions = resourcesOf('AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(3);
    let withCertificate = 0;
    for (const { stackName, resource } of distributions) {
      const config = resource.Properties!.DistributionConfig;
      for (const behavior of [config.DefaultCacheBehavior, ...list(config.CacheBehaviors)]) {
        expect(['redirect-to-https', 'https-only'], `${stackName} ${behavior.PathPattern ?? 'default'}`).toContain(
          behavior.ViewerProtocolPolicy,
        );
      }
      if (config.Aliases) {
        withCertificate += 1;
        expect(config.ViewerCertificate, stackName).toMatchObject({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        });
      }
      for (const origin of list(config.Origins) as { CustomOriginConfig?: Record<string, unknown> }[]) {
        if (origin.CustomOriginConfig)
          expect(origin.CustomOriginConfig, stackName).toMatchObject({
            OriginProtocolPolicy: 'https-only',
            OriginSSLProtocols: ['TLSv1.2'],
          });
      }
    }
    expect(withCertificate).toBe(2);
  });
});
