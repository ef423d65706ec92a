import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
  HttpUserPoolAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterPattern, LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { LambdaDestination } from 'aws-cdk-lib/aws-logs-destinations';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { capabilities, operationsOf, type Capability } from '../../../shared/api/contract';
import { logGroupNames } from '../config/log-groups';
import type { StageConfig } from '../config/stages';
import { LandingFunction, logRetentionOf } from '../constructs/landing-function';
import { acknowledge } from '../guard-rails';
import { accessLogFormat, refusalStatuses } from '../../../functions/audit/access-log';
import { VIEWER_ADDRESS_ENV } from '../../../functions/http/caller-address';
import type { WebhookStack } from './webhook-stack';

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  table: ITableV2;
  auditTable: ITableV2;
  transitionWorkflow: IStateMachine;
  moveWorkflow: IStateMachine;
  followUpWorkflow: IStateMachine;
  /** The workflows' alarm group, which the health check looks at. */
  scheduleGroupName: string;
  webhooks: WebhookStack;
}

/**
 * The HTTP API: one Lambda per capability, routes taken from the contract (shared/api/contract.ts), a
 * Cognito JWT authorizer on every route that needs a principal.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  /**
   * Where CloudFront reaches the API: the regional custom domain on the stage's own name once the stage has
   * its certificates (the execute-api endpoint is then off), else the execute-api endpoint.
   */
  readonly origin: { domainName: string; forwardHost: boolean };
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly userPoolDomain: UserPoolDomain;
  /** The smoke test's sign-in (npm run smoke): the admin password flow, no hosted pages. */
  readonly smokeClient: UserPoolClient;
  readonly functions: Record<Capability, LandingFunction>;
  /** Refusals whose audit entries could not be written, waiting for `npm run replay-audit`. */
  readonly auditParked: Queue;
  /** One JSON line per request: its 401s are counted for the sign-in alarm. */
  readonly accessLog: LogGroup;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // Every member of staff signs in with a second factor: the roles that approve money or manage endpoints
      // must, and a pool cannot require it per role, so it is required for all (an authenticator app, no SMS).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12, requireSymbols: false },
      // The principal's organisation and role travel as custom claims; only admins may set them.
      customAttributes: {
        organisation_id: new StringAttribute({ mutable: true }),
        role: new StringAttribute({ mutable: true }),
        team_id: new StringAttribute({ mutable: true }),
      },
      // Threat protection (the Plus plan): sign-ins with credentials known to be leaked, or that look like an
      // attack, are blocked rather than only counted.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: stage.removalPolicy,
      deletionProtection: stage.protectData,
    });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG1',
      reason:
        'Length over composition (NIST SP 800-63B): at least 12 characters with lower and upper case and digits, no symbol required; every sign-in also needs the authenticator app and threat protection blocks leaked passwords.',
    });
    // The SPA signs in through Cognito's hosted pages with the authorization code flow and PKCE (no secret).
    this.userPoolDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: stage.cognitoDomainPrefix },
    });
    this.userPoolClient = this.userPool.addClient('Spa', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${stage.publicBaseUrl}/inloggen/terug`],
        logoutUrls: [`${stage.publicBaseUrl}/inloggen`],
      },
      // The ID token carries the principal: the client reads the custom attributes, only administrators set them.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('organisation_id', 'role', 'team_id'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      // The SPA renews when the access token expires but sends the ID token, so both live equally long. The
      // refresh token (kept in the tab) lasts a working day; sign-out revokes it.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(10),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });

    // The post-deploy smoke test (npm run smoke) signs its own user in with password and TOTP code, without a
    // browser. ADMIN_USER_PASSWORD_AUTH takes the caller's AWS credentials too, so the SPA's client stays SRP-only
    // and a password alone opens nothing here.
    this.smokeClient = this.userPool.addClient('Smoke', {
      generateSecret: false,
      authFlows: { adminUserPassword: true },
      disableOAuth: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('organisation_id', 'role', 'team_id'),
      writeAttributes: new ClientAttributes(),
      idTokenValidity: Duration.minutes(5),
      accessTokenValidity: Duration.minutes(5),
      refreshTokenValidity: Duration.minutes(60),
      preventUserExistenceErrors: true,
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, {
      userPoolClients: [this.userPoolClient, this.smokeClient],
    });

    // Only CloudFront may reach the API: it goes to a custom domain on the stage's own name (passing the
    // viewer's Host), and the execute-api endpoint, which would bypass CloudFront (and its rate limits), is off.
    const { certificateArn, apiCertificateArn } = stage.domain;
    const domainName =
      certificateArn && apiCertificateArn
        ? new DomainName(this, 'Domain', {
            domainName: stage.domain.name,
            certificate: Certificate.fromCertificateArn(this, 'DomainCertificate', apiCertificateArn),
            securityPolicy: SecurityPolicy.TLS_1_2,
          })
        : undefined;
    this.api = new HttpApi(this, 'Api', {
      description: `Landing API (${stage.name})`,
      createDefaultStage: false,
      ...(domainName ? { disableExecuteApiEndpoint: true } : {}),
    });
    // The access log: one JSON line per request (ids, route templates and statuses; no headers, values or bodies).
    const accessLog = new LogGroup(this, 'AccessLog', {
      logGroupName: logGroupNames.apiAccess(stage.name),
      retention: logRetentionOf(stage),
      removalPolicy: stage.removalPolicy,
    });
    this.accessLog = accessLog;
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: stage.apiThrottle,
      ...(domainName ? { domainMapping: { domainName } } : {}),
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLog),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFormat)),
      },
    });
    // Refusals API Gateway answers itself (no or a bad token, a refused API key) never reach a handler: the
    // access log carries them into the audit trail, so every attempt is recorded, not only those a Lambda saw.
    // A refusal's entry that the audit table did not take after retries waits here (14 days, an alarm at the
    // first message) until ops replay it; also the dead-letter queue of the access log's Lambda.
    this.auditParked = new Queue(this, 'AuditParked', {
      queueName: auditParkedQueueName(stage.name),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.auditParked, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is where audit entries are parked (and the refused-requests Lambda’s dead-letter queue), watched by an alarm and emptied by npm run replay-audit; it needs no queue of its own behind it.',
    });
    const refusedRequests = new LandingFunction(this, 'RefusedRequests', {
      stage,
      entry: 'functions/audit/refused-requests.ts',
      description: 'Audit: requests API Gateway refused before any handler ran (from the access log)',
      // Time to retry a throttled audit table and still park what it would not take.
      timeout: Duration.seconds(30),
      deadLetterQueue: this.auditParked,
    }).bindAudit(props.auditTable, 'append', stage.auditRetentionDays);
    this.parkAuditOf(refusedRequests);
    accessLog.addSubscriptionFilter('Refusals', {
      destination: new LambdaDestination(refusedRequests.live),
      filterPattern: FilterPattern.any(
        ...refusalStatuses.map((status) => FilterPattern.stringValue('$.status', '=', status)),
      ),
    });

    const webhookEnvironment = {
      DELIVERY_QUEUE_URL: props.webhooks.queue.queueUrl,
      WEBHOOK_KMS_KEY_ID: props.webhooks.secretsKey.keyArn,
      API_BASE_URL: stage.publicBaseUrl,
    };
    const environment = {
      TRANSITION_WORKFLOW_ARN: props.transitionWorkflow.stateMachineArn,
      MOVE_WORKFLOW_ARN: props.moveWorkflow.stateMachineArn,
      SIGNAL_WORKFLOW_ARN: props.followUpWorkflow.stateMachineArn,
    };
    this.functions = {
      transitions: new LandingFunction(this, 'TransitionsApi', {
        stage,
        entry: 'functions/transitions/api.ts',
        description: 'API: transitions (aanmelding, lists, detail, timeline)',
        environment,
      }).bindTable(table, 'RW'),
      budget: new LandingFunction(this, 'BudgetApi', {
        stage,
        entry: 'functions/budget/api.ts',
        description: 'API: regelbudget (grant, spends, approvals, ledger, export)',
      }).bindTable(table, 'RW'),
      signals: new LandingFunction(this, 'SignalsApi', {
        stage,
        entry: 'functions/signals/api.ts',
        description: 'API: signals about a transition (register, pick up, resolve) and contactmomenten',
        environment,
      }).bindTable(table, 'RW'),
      webhooks: new LandingFunction(this, 'WebhooksApi', {
        stage,
        entry: 'functions/webhooks/admin-api.ts',
        description:
          'API: webhook endpoints, secrets, delivery log and replays, and API keys of corporations (beheerder)',
        environment: webhookEnvironment,
      }).bindTable(table, 'RW'),
      corporation: new LandingFunction(this, 'CorporationApi', {
        stage,
        entry: 'functions/corporation/api.ts',
        description:
          'API for housing corporations (API key): report a signal about a home, see its status, read a notice again',
        environment: { ...environment, API_BASE_URL: stage.publicBaseUrl },
      }).bindTable(table, 'RW'),
      audit: new LandingFunction(this, 'AuditApi', {
        stage,
        entry: 'functions/audit/api.ts',
        description: "API: the audit trail for team leads, and a person's access report",
      })
        .bindTable(table, 'R')
        .bindAudit(props.auditTable, 'read', stage.auditRetentionDays),
      caseload: new LandingFunction(this, 'CaseloadApi', {
        stage,
        entry: 'functions/caseload/api.ts',
        description: "API: a caseworker's today and the team lead's view of the team's caseload",
      }).bindTable(table, 'R'),
      herstel: new LandingFunction(this, 'HerstelApi', {
        stage,
        entry: 'functions/herstel/api.ts',
        description: "API: the person's own plan — Persoonlijk Profiel, goals and Plan van Aanpak, network, scores",
        environment,
      }).bindTable(table, 'RW'),
      organisation: new LandingFunction(this, 'OrganisationApi', {
        stage,
        entry: 'functions/organisation/api.ts',
        description: 'API: the signed-in user and their organisation',
      }).bindTable(table, 'R'),
      'sociale-kaart': new LandingFunction(this, 'SocialeKaartApi', {
        stage,
        entry: 'functions/sociale-kaart/api.ts',
        description: "API: the sociale kaart of a wijk (partners on the bindingsladder), no person's data",
      }).bindTable(table, 'RW'),
      outcomes: new LandingFunction(this, 'OutcomesApi', {
        stage,
        entry: 'functions/outcomes/api.ts',
        description: 'API: outcomes per cohort for the municipality and the region (counts only, small ones hidden)',
      }).bindTable(table, 'R'),
      meta: new LandingFunction(this, 'MetaApi', {
        stage,
        entry: 'functions/meta/api.ts',
        description: 'API: OpenAPI description and health',
        environment: {
          ...environment,
          SCHEDULE_GROUP: props.scheduleGroupName,
          DELIVERY_QUEUE_URL: props.webhooks.queue.queueUrl,
          DELIVERY_DLQ_URL: props.webhooks.queue.deadLetterQueue!.queue.queueUrl,
        },
      }).bindTable(table, 'R'),
    };
    // Every capability adds to the audit trail (what it showed or changed, and every refusal), and can do nothing else with it.
    for (const capability of capabilities) {
      this.functions[capability].bindAudit(props.auditTable, 'append', stage.auditRetentionDays);
      this.parkAuditOf(this.functions[capability]);
    }
    // Only CloudFront reaches the custom domain, so its viewer address header is the caller's (audit `bron`).
    if (domainName) {
      for (const capability of capabilities) this.functions[capability].addEnvironment(VIEWER_ADDRESS_ENV, 'true');
    }
    props.transitionWorkflow.grantStartExecution(this.functions.transitions);
    props.moveWorkflow.grantStartExecution(this.functions.transitions);
    // Changes of support, signals and contacts let the follow-up workflow look again.
    props.followUpWorkflow.grantStartExecution(this.functions.transitions);
    props.followUpWorkflow.grantStartExecution(this.functions.signals);
    // The administrator seals new secrets (never opens them) and puts replays on the queue.
    // kms:Encrypt only (not grantEncrypt's ReEncrypt*/GenerateDataKey*): the vault seals with Encrypt.
    this.functions.webhooks.addToRolePolicy(
      new PolicyStatement({ actions: ['kms:Encrypt'], resources: [props.webhooks.secretsKey.keyArn] }),
    );
    props.webhooks.queue.grantSendMessages(this.functions.webhooks);

    // Corporations' systems call with an API key; a Lambda authorizer checks its hash.
    const apiKeyAuthorizer = new HttpLambdaAuthorizer(
      'CorporationApiKey',
      new LandingFunction(this, 'ApiKeyAuthorizer', {
        stage,
        entry: 'functions/corporation/authorizer.ts',
        description: "Authorizer: checks a housing corporation's API key",
      }).bindTable(table, 'R').live,
      {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.Authorization'],
        resultsCacheTtl: Duration.minutes(1),
      },
    );
    // Health reads the table's status.
    // Health reads the state of what the product depends on: the tables, the workflows, their alarms, the delivery queues.
    const health = this.functions.meta;
    health.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeTable'],
        resources: [table.tableArn, props.auditTable.tableArn],
      }),
    );
    health.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeStateMachine'],
        resources: [props.transitionWorkflow, props.moveWorkflow, props.followUpWorkflow].map((w) => w.stateMachineArn),
      }),
    );
    health.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:GetScheduleGroup'],
        resources: [
          this.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: props.scheduleGroupName }),
        ],
      }),
    );
    health.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:GetQueueAttributes'],
        resources: [props.webhooks.queue.queueArn, props.webhooks.queue.deadLetterQueue!.queue.queueArn],
      }),
    );

    for (const capability of capabilities) {
      const integration = new HttpLambdaIntegration(`${capability}Integration`, this.functions[capability].live);
      for (const [, spec] of operationsOf(capability)) {
        const routes = this.api.addRoutes({
          path: spec.path,
          methods: [HttpMethod[spec.method]],
          integration,
          authorizer:
            spec.auth === 'public'
              ? new HttpNoneAuthorizer()
              : spec.auth === 'corporation'
                ? apiKeyAuthorizer
                : authorizer,
        });
        if (spec.auth === 'public') {
          for (const route of routes) {
            acknowledge(route, {
              id: 'AwsSolutions-APIG4',
              reason:
                'Public by the contract (shared/api/contract.ts): the health check, which only tells whether the API and its table answer; every other route needs a Cognito token or an API key (tested).',
            });
          }
        }
      }
    }

    this.origin = domainName
      ? { domainName: domainName.regionalDomainName, forwardHost: true }
      : { domainName: Fn.select(2, Fn.split('/', this.api.apiEndpoint)), forwardHost: false };
    new CfnOutput(this, 'ApiEndpoint', { value: domainName ? stage.publicBaseUrl : this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SmokeClientId', { value: this.smokeClient.userPoolClientId });
  }

  /** A function that records refusals may park their entries (send only) when the audit table will not take them. */
  private parkAuditOf(fn: LandingFunction): void {
    this.auditParked.grantSendMessages(fn);
    fn.addEnvironment('AUDIT_PARKED_QUEUE_URL', this.auditParked.queueUrl);
  }
}

/** Named, so `npm run replay-audit` finds the stage's queue by its name. */
export const auditParkedQueueName = (stage: string) => `landing-${stage}-audit-geparkeerd`;
