import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations, routeKey } from '../../shared/api/contract';
import { stageConfig } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';
import { cdkContext } from '../../infra/aws/config/cdk-context';
import { LEASE_MS, workerBudget } from '../../functions/webhooks/worker-budget';

function synth(stage: 'dev' | 'prod') {
  // Skipping bundling keeps this fast; bundling itself is exercised by `npm run synth`.
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createLandingStacks(app, stageConfig(stage));
  return {
    data: Template.fromStack(stacks.data),
    workflows: Template.fromStack(stacks.workflows),
    api: Template.fromStack(stacks.api),
    webhooks: Template.fromStack(stacks.webhooks),
    web: Template.fromStack(stacks.web),
    edge: Template.fromStack(stacks.edge),
    edgeRegion: stacks.edge.region,
  };
}

let dev: ReturnType<typeof synth>;
let prod: ReturnType<typeof synth>;
// Synthesizing two stages of seven stacks takes a while on a shared machine.
beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
}, 180_000);

describe('Data stack', () => {
  it('keeps the audit trail on its own table with deletion protection on every stage, retained with its stack gone', () => {
    for (const stage of [dev, prod]) {
      const audit = Object.entries(stage.data.findResources('AWS::DynamoDB::GlobalTable')).find(([id]) =>
        id.startsWith('AuditTable'),
      )!;
      expect(audit[1].DeletionPolicy).toBe('Retain');
      expect(audit[1].Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
      expect(audit[1].Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    }
  });

  it('lets the API functions only add to the audit trail, and only the audit function read it', () => {
    const statements = Object.entries(dev.api.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((s) => JSON.stringify(s.Resource).includes('AuditTable'))
        .map((s) => ({ id, actions: [s.Action].flat() })),
    );
    expect(statements.length).toBeGreaterThanOrEqual(7);
    for (const { id, actions } of statements) {
      expect(
        actions.some((a) => /Update|Delete/.test(a)),
        id,
      ).toBe(false);
      if (actions.includes('dynamodb:Query')) expect(id).toMatch(/^AuditApi/);
    }
  });

  it('has on-demand, encrypted tables with point-in-time recovery and the designed keys: the product’s and the audit trail’s', () => {
    dev.data.resourceCountIs('AWS::DynamoDB::GlobalTable', 2);
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('protects the table from deletion outside dev', () => {
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    prod.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    prod.data.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
  });
});

describe('Api stack', () => {
  it('routes every operation of the contract: the JWT authorizer for staff, the API key authorizer for corporations, none for public', () => {
    const routes = dev.api.findResources('AWS::ApiGatewayV2::Route');
    const byKey = new Map(
      Object.values(routes).map((r) => [r.Properties.RouteKey as string, r.Properties.AuthorizationType as string]),
    );
    const expected = { public: 'NONE', principal: 'JWT', corporation: 'CUSTOM' } as const;
    for (const spec of Object.values(operations)) {
      expect(byKey.get(routeKey(spec)), routeKey(spec)).toBe(expected[spec.auth]);
    }
    expect(byKey.size).toBe(Object.keys(operations).length);
  });

  it('runs every Lambda on Node 22 and arm64', () => {
    for (const template of [dev.api, dev.workflows]) {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        if (fn.Properties.Handler === 'index.handler' && fn.Metadata?.['landing:handler']) {
          expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
        }
      }
    }
  });

  it('does not make Node parse a source map at any Lambda cold start (`npm run stack` maps a trace afterwards)', () => {
    const functions = [dev.api, dev.workflows, dev.webhooks, prod.api].flatMap((template) =>
      Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Metadata?.['landing:handler']),
    );
    expect(functions.length).toBeGreaterThan(20);
    for (const fn of functions) {
      expect(fn.Properties.Environment?.Variables?.NODE_OPTIONS ?? '').not.toContain('source-maps');
    }
  });

  it('lets only the transitions function start the transition workflow', () => {
    const policies = dev.api.findResources('AWS::IAM::Policy');
    const starters = Object.entries(policies)
      .filter(([, p]) =>
        (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some(
          (st) =>
            [st.Action].flat().includes('states:StartExecution') &&
            JSON.stringify(st.Resource).includes('TransitionWorkflow'),
        ),
      )
      .map(([id]) => id);
    expect(starters).toHaveLength(1);
    expect(starters[0]).toMatch(/^TransitionsApi/);
  });

  it('gives the read-only capabilities no write access to the table (only an append to the audit trail)', () => {
    const policies = dev.api.findResources('AWS::IAM::Policy');
    const checked = Object.entries(policies).filter(([id]) => /^(OrganisationApi|MetaApi)/.test(id));
    expect(checked).toHaveLength(2);
    for (const [id, policy] of checked) {
      const onTable = (policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[]).filter(
        (st) => !JSON.stringify(st.Resource).includes('AuditTable'),
      );
      expect(JSON.stringify(onTable), id).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/);
    }
  });

  it('keeps an access log without headers, values or names, and passes its 401s and 403s to the audit trail', () => {
    const [stage] = Object.values(prod.api.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage!.Properties.AccessLogSettings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      authorizerError: '$context.authorizer.error',
      integrationStatus: '$context.integrationStatus',
    });
    // Who called, by an opaque id only: the Cognito sub of a member of staff (no name or other claim), or the
    // corporation's id and key prefix.
    const claims = Object.values(format).filter((v) => v.includes('claims'));
    expect(claims).toEqual(['$context.authorizer.claims.sub']);
    expect(format).toMatchObject({ corporatieId: '$context.authorizer.corporatieId' });
    expect(JSON.stringify(format)).not.toMatch(/header|path|querystring|requestBody/i);
    const [filter] = Object.values(prod.api.findResources('AWS::Logs::SubscriptionFilter'));
    expect(filter!.Properties.FilterPattern).toContain('$.status = "401"');
    expect(filter!.Properties.FilterPattern).toContain('$.status = "403"');
    expect(JSON.stringify(filter!.Properties.DestinationArn)).toContain('RefusedRequests');
    const writer = Object.entries(prod.api.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('RefusedRequests'),
    )!;
    const actions = (writer[1].Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((st) =>
      [st.Action].flat(),
    );
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchWriteItem',
      'dynamodb:PutItem',
    ]);
  });

  it('puts only the health check outside the authorizers', () => {
    const open = Object.values(dev.api.findResources('AWS::ApiGatewayV2::Route'))
      .filter((r) => r.Properties.AuthorizationType === 'NONE')
      .map((r) => r.Properties.RouteKey);
    expect(open).toEqual(['GET /api/health']);
  });

  it('has a Cognito user pool that requires a second factor (an authenticator app) and carries organisation, team and role', () => {
    for (const stage of [dev, prod]) {
      stage.api.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Schema: Match.arrayWith([
          Match.objectLike({ Name: 'organisation_id' }),
          Match.objectLike({ Name: 'role' }),
          Match.objectLike({ Name: 'team_id' }),
        ]),
      });
    }
  });

  it('signs the SPA in with the code flow (no secret) on the stage’s address, and lets it read but not write role, team and organisation', () => {
    const client = Object.values(prod.api.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      CallbackURLs: ['https://landing.example.nl/inloggen/terug'],
    });
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:organisation_id', 'custom:role', 'custom:team_id']),
    );
    expect(client.WriteAttributes.some((a: string) => a.startsWith('custom:'))).toBe(false);
    prod.api.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'landing-aanmelden' });
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
  });

  it('has a client for the smoke test: password and second factor through the admin API only, no hosted pages, taken by the API', () => {
    for (const stage of [dev, prod]) {
      const clients = stage.api.findResources('AWS::Cognito::UserPoolClient');
      const [smokeId, smoke] = Object.entries(clients).find(([, c]) => !c.Properties.AllowedOAuthFlows) ?? [];
      expect(smoke?.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: false });
      // ADMIN_USER_PASSWORD_AUTH needs the caller's AWS credentials (cognito-idp:AdminInitiateAuth): not a way in
      // for anyone with only a password.
      expect([...smoke!.Properties.ExplicitAuthFlows].sort()).toEqual([
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]);
      expect(smoke!.Properties.ReadAttributes).toEqual(
        expect.arrayContaining(['custom:organisation_id', 'custom:role', 'custom:team_id']),
      );
      expect(smoke!.Properties.WriteAttributes ?? []).toEqual([]);
      // The API's JWT authorizer takes its ID tokens, as the SPA's; the smoke command finds it by the stack output.
      const spaId = Object.keys(clients).find((id) => clients[id]!.Properties.AllowedOAuthFlows);
      stage.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        JwtConfiguration: Match.objectLike({ Audience: Match.arrayWith([{ Ref: spaId }, { Ref: smokeId }]) }),
      });
      stage.api.hasOutput('SmokeClientId', { Value: { Ref: smokeId } });
    }
  });

  it('renews the SPA’s tokens with a refresh token that lasts a working day and is revoked at sign-out', () => {
    const client = Object.values(prod.api.findResources('AWS::Cognito::UserPoolClient')).find(
      (c) => c.Properties.AllowedOAuthFlows,
    )!.Properties;
    // The SPA sends the ID token and renews when the access token expires: both must live equally long.
    expect(client).toMatchObject({
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 10 * 60,
      EnableTokenRevocation: true,
    });
    expect(client.ExplicitAuthFlows).toContain('ALLOW_REFRESH_TOKEN_AUTH');
  });
});

describe('Reaching the API only through CloudFront', () => {
  const webCertificate = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111';
  const apiCertificate = 'arn:aws:acm:eu-west-1:123456789012:certificate/22222222-2222-2222-2222-222222222222';
  let withDomain: { api: Template; web: Template };
  beforeAll(() => {
    const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const stacks = createLandingStacks(
      app,
      stageConfig('prod', { certificateArn: webCertificate, apiCertificateArn: apiCertificate }),
    );
    withDomain = { api: Template.fromStack(stacks.api), web: Template.fromStack(stacks.web) };
  });

  it('switches off the API’s execute-api endpoint once the stage has its certificates', () => {
    withDomain.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
  });

  it('serves the API on the stage’s own name (a regional custom domain with TLS 1.2), mapped to its stage', () => {
    withDomain.api.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'landing.example.nl',
      DomainNameConfigurations: [
        Match.objectLike({ CertificateArn: apiCertificate, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }),
      ],
    });
    withDomain.api.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
  });

  it('lets CloudFront reach the API at that custom domain, passing the viewer’s Host so API Gateway knows the name', () => {
    const [distribution] = Object.values(withDomain.web.findResources('AWS::CloudFront::Distribution'));
    const config = distribution!.Properties.DistributionConfig;
    const api = (
      config.CacheBehaviors as { PathPattern: string; TargetOriginId: string; OriginRequestPolicyId: string }[]
    ).find((b) => b.PathPattern === '/api/*')!;
    const origin = (config.Origins as { Id: string; DomainName: unknown }[]).find((o) => o.Id === api.TargetOriginId)!;
    expect(JSON.stringify(origin.DomainName)).toContain('RegionalDomainName');
    expect(JSON.stringify(origin.DomainName)).not.toContain('execute-api');
    // Every viewer header, the Host included (and the viewer's address: test/infra/caller-address.test.ts).
    const policyId = (api.OriginRequestPolicyId as unknown as { Ref: string }).Ref;
    const policy = withDomain.web.toJSON().Resources[policyId].Properties.OriginRequestPolicyConfig;
    expect(policy.HeadersConfig.HeaderBehavior).toBe('allViewerAndWhitelistCloudFront');
  });

  it('refuses an API certificate without the site’s: the viewer’s Host would not be the API’s name', () => {
    expect(() => stageConfig('prod', { apiCertificateArn: apiCertificate })).toThrow(/certificate/i);
  });

  it('keeps the execute-api endpoint, the only way in, while a stage has no certificates yet', () => {
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: Match.absent() });
    dev.api.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });
});

describe('Per-client rate limits at CloudFront', () => {
  type Rule = {
    Name: string;
    Action?: { Block?: { CustomResponse?: { ResponseCode: number } } };
    Statement: { RateBasedStatement?: Record<string, any> };
  };

  it('keeps the web ACL for CloudFront in us-east-1 (where CloudFront requires it), on the stage’s distribution', () => {
    expect(dev.edgeRegion).toBe('us-east-1');
    dev.edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const [distribution] = Object.values(dev.web.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.WebACLId).toBeDefined();
  });

  it('limits each credential (a token or a corporation’s API key) on /api/* on its own, so one client cannot starve the rest', () => {
    const [acl] = Object.values(dev.edge.findResources('AWS::WAFv2::WebACL'));
    const rules = acl!.Properties.Rules as Rule[];
    const perCredential = rules.find((r) =>
      JSON.stringify(r.Statement.RateBasedStatement?.CustomKeys ?? []).includes('"authorization"'),
    );
    expect(perCredential).toBeDefined();
    expect(perCredential!.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'CUSTOM_KEYS',
      EvaluationWindowSec: 60,
      ScopeDownStatement: { ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' } },
    });
    expect(perCredential!.Action?.Block?.CustomResponse?.ResponseCode).toBe(429);
  });

  it('limits each address too, for requests that rotate or leave out their credential', () => {
    const [acl] = Object.values(dev.edge.findResources('AWS::WAFv2::WebACL'));
    const perAddress = (acl!.Properties.Rules as Rule[]).find(
      (r) => r.Statement.RateBasedStatement?.AggregateKeyType === 'IP',
    );
    expect(perAddress).toBeDefined();
    expect(perAddress!.Action?.Block?.CustomResponse?.ResponseCode).toBe(429);
  });
});

describe('Workflows stack', () => {
  it('lets EventBridge Scheduler start exactly the move and follow-up workflows and park an alarm it could not deliver, and nothing else', () => {
    const roles = dev.workflows.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
        },
      },
    });
    expect(Object.keys(roles)).toHaveLength(1);
    const policies = Object.values(dev.workflows.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(Object.keys(roles)[0]!),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([
      expect.objectContaining({ Action: 'states:StartExecution' }),
      expect.objectContaining({ Action: 'sqs:SendMessage' }),
    ]);
    const dlq = Object.keys(dev.workflows.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('AlarmsDlq'));
    expect(statements[1].Resource).toEqual({ 'Fn::GetAtt': [dlq, 'Arn'] });
    const resources = JSON.stringify(statements[0].Resource);
    expect(resources).toContain('stateMachine:landing-dev-verhuizing');
    expect(resources).toContain('stateMachine:landing-dev-signalen');
    expect(statements[0].Resource).toHaveLength(2);
  });

  it('lets the wake-up task manage only the workflows’ own schedules', () => {
    const wakeupPolicy = Object.entries(dev.workflows.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('Wakeup'),
    )!;
    const statement = wakeupPolicy[1].Properties.PolicyDocument.Statement.find((s: { Action: unknown }) =>
      JSON.stringify(s.Action).includes('scheduler:CreateSchedule'),
    );
    const resources = JSON.stringify(statement.Resource);
    expect(resources).toContain('schedule/landing-dev/verhuizing-*');
    expect(resources).toContain('schedule/landing-dev/signalen-*');
    expect(statement.Resource).toHaveLength(2);
  });

  it.each(['landing-dev-verhuizing', 'landing-dev-signalen'])(
    'keeps the waits of %s out of the execution: no Wait state, alarms instead',
    (name) => {
      const machines = dev.workflows.findResources('AWS::StepFunctions::StateMachine', {
        Properties: { StateMachineName: name },
      });
      const definition = JSON.stringify(Object.values(machines)[0]!.Properties.DefinitionString);
      expect(definition).not.toContain('\\"Type\\":\\"Wait\\"');
      expect(definition).toContain('Zet de wekker');
    },
  );

  it('lets only the transitions and signals APIs and the new-signal stream consumer start the follow-up workflow', () => {
    const startersIn = (stack: Template) =>
      Object.entries(stack.findResources('AWS::IAM::Policy'))
        .filter(
          ([, p]) =>
            JSON.stringify(p.Properties.PolicyDocument).includes('states:StartExecution') &&
            JSON.stringify(p.Properties.PolicyDocument).includes('FollowUpWorkflow'),
        )
        .map(([id]) => id.replace(/ServiceRoleDefaultPolicy.*$/, ''))
        .sort();
    expect(startersIn(dev.api)).toEqual(['SignalsApi', 'TransitionsApi']);
    expect(startersIn(dev.workflows)).toEqual(['NewSignal']);
  });

  it('logs every state machine execution', () => {
    dev.workflows.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
  });
});

describe('Webhooks stack', () => {
  it('feeds the fan-out from the table stream, filtered to new notices in the outbox', () => {
    dev.webhooks.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { entity: { S: ['OutboxEvent'] } } },
            }),
          },
        ],
      },
    });
  });

  it('keeps a dead-letter queue behind the delivery queue, both encrypted and TLS only', () => {
    const queues = Object.values(dev.webhooks.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const q of queues) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    expect(queues.some((q) => q.Properties.RedrivePolicy?.maxReceiveCount === 10)).toBe(true);
    expect(Object.values(dev.webhooks.findResources('AWS::SQS::QueuePolicy')).length).toBeGreaterThanOrEqual(2);
  });

  it('lets only the worker open webhook secrets, and only the admin API seal them', () => {
    const policies = Object.entries({
      ...dev.webhooks.findResources('AWS::IAM::Policy'),
      ...dev.api.findResources('AWS::IAM::Policy'),
    });
    const withAction = (action: string) =>
      policies
        .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes(action))
        .map(([id]) => id.replace(/ServiceRoleDefaultPolicy.*$/, ''));
    expect(withAction('kms:Decrypt')).toEqual(['WebhookWorker']);
    expect(withAction('kms:Encrypt')).toEqual(['WebhooksApi']);
    dev.webhooks.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('gives the worker time for a whole batch, and its queue six times that before a message shows again', () => {
    const [worker] = Object.values(
      dev.webhooks.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('sends one signed notice') },
      }),
    );
    const timeoutMs = worker!.Properties.Timeout * 1000;
    // The batch's sends go side by side: one send, the bookkeeping around it, and time to answer the batch.
    expect(workerBudget.sendTimeoutMs + workerBudget.bookkeepingMs + workerBudget.returnMs).toBeLessThanOrEqual(
      timeoutMs,
    );
    // A worker that holds a delivery holds it longer than it can run: no second worker sends meanwhile.
    expect(LEASE_MS).toBeGreaterThan(timeoutMs);
    const [mapping] = Object.values(dev.webhooks.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => !m.Properties.StartingPosition,
    );
    expect(mapping!.Properties).toMatchObject({
      BatchSize: workerBudget.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const deliveries = Object.values(dev.webhooks.findResources('AWS::SQS::Queue')).find(
      (q) => q.Properties.RedrivePolicy,
    );
    expect(deliveries!.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * worker!.Properties.Timeout);
  });

  it('sweeps every minute through EventBridge Scheduler', () => {
    dev.webhooks.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)' });
  });
});

describe('outcome counters', () => {
  it('are fed from the table stream, filtered to new and changed transitions, with a dead-letter queue', () => {
    dev.workflows.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { NewImage: { entity: { S: ['Transition'] } } },
            }),
          },
        ],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('event source mappings', () => {
  it('take partial batch responses from every consumer: the queue worker and the three stream consumers', () => {
    const mappings = [dev.webhooks, dev.workflows, dev.api].flatMap((t) =>
      Object.values(t.findResources('AWS::Lambda::EventSourceMapping')),
    );
    expect(mappings).toHaveLength(4);
    for (const mapping of mappings)
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    // A stream consumer's batch that fails as a whole is split, retried a bounded number of times, then parked.
    const streams = mappings.filter((m) => m.Properties.StartingPosition);
    expect(streams).toHaveLength(3);
    for (const stream of streams) {
      expect(stream.Properties).toMatchObject({ BisectBatchOnFunctionError: true, MaximumRetryAttempts: 10 });
      expect(stream.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    }
  });
});

describe('Web stack', () => {
  it('keeps the bucket private and serves it through CloudFront origin access control', () => {
    dev.web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    dev.web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('sends /api/* to the API uncached, so the SPA and API share one origin', () => {
    dev.web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
  });

  it('passes the API’s errors through unchanged: no custom error responses, no function on /api/*', () => {
    for (const stage of [dev, prod]) {
      const [distribution] = Object.values(stage.web.findResources('AWS::CloudFront::Distribution'));
      const config = distribution!.Properties.DistributionConfig;
      expect(config.CustomErrorResponses).toBeUndefined();
      const api = (config.CacheBehaviors as { PathPattern: string; FunctionAssociations?: unknown[] }[]).find(
        (b) => b.PathPattern === '/api/*',
      );
      expect(api).toBeDefined();
      expect(api!.FunctionAssociations).toBeUndefined();
    }
  });

  it('serves the SPA’s client routes by a viewer-request function on the default behaviour only', () => {
    const functions = dev.web.findResources('AWS::CloudFront::Function');
    expect(Object.keys(functions)).toHaveLength(1);
    const [id, fn] = Object.entries(functions)[0]!;
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const [distribution] = Object.values(dev.web.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [id, 'FunctionARN'] } },
    ]);
  });
});
