import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { DEFAULT_RECORD_RETENTION_YEARS } from '../../../shared/domain/audit/retention';

export const stageNames = ['dev', 'acc', 'prod'] as const;
export type StageName = (typeof stageNames)[number];

/** Everything that differs between stages, in one typed place. */
export interface StageConfig {
  name: StageName;
  /** Where the stage runs: an EU region (the data is special-category personal data). */
  region: string;
  /**
   * The AWS account (12 digits) the stage lives in. `npm run diff|deploy` stops when the credentials are of
   * another account; acc and prod do not deploy without it. An identifier, not a secret.
   */
  account?: string | undefined;
  /**
   * The stage's address. CloudFront answers on `domain.name` with the ACM certificate (in us-east-1, as
   * CloudFront requires) named by `certificateArn`; without one (dev, or before the first certificate
   * exists) the distribution has only its own `*.cloudfront.net` name. The ARNs are committed here, so every
   * deploy of the stage (a routine one, a rollback, the one a restore prints) keeps the site on its name;
   * acc and prod do not deploy without them (infra/ops/commands/deploy-guard.ts).
   */
  domain: {
    name: string;
    certificateArn?: string | undefined;
    /**
     * A certificate for the same name in the stage's own region: the API's regional custom domain, which
     * CloudFront reaches instead of the execute-api endpoint (switched off once this is set). Only with
     * `certificateArn`: CloudFront passes the viewer's Host, which must be this name.
     */
    apiCertificateArn?: string | undefined;
  };
  /** Who gets the alarms (and the webhook health notices): e-mail addresses subscribed to the ops topic. */
  alarmEmails: readonly string[];
  /** Deletion protection on the table and RETAIN on stateful resources. */
  protectData: boolean;
  removalPolicy: RemovalPolicy;
  logRetentionDays: 14 | 90 | 365;
  /** Lambda and state machine tracing (X-Ray). */
  tracing: boolean;
  apiThrottle: { rateLimit: number; burstLimit: number };
  workflowTimeout: Duration;
  /** Cognito's hosted sign-in pages live at https://<prefix>.auth.<region>.amazoncognito.com. */
  cognitoDomainPrefix: string;
  /** How long audit entries are kept (NEN 7513: at least as long as the records they are about are relevant). */
  auditRetentionDays: number;
  /** `https://<domain.name>`: where people sign in, and where corporations reach the API (the `dataref` of notices). */
  publicBaseUrl: string;
  /**
   * How many years a person's record is kept after the transition ended, before ops export and delete it
   * (docs/RETENTION.md, `npm run retention`). The organisation's privacy officer sets this value; 15 years
   * is the default for records of Wmo support. Dev holds no real people, so a year lets the procedure be tried.
   */
  recordRetentionYears: number;
  /**
   * How a deploy shifts each Lambda's `live` alias to the new version (CodeDeploy): `canary` sends 10% of the
   * calls to it for five minutes, then all, and goes back by itself when the function's error alarm or the API's
   * 5xx alarm fires meanwhile; `all-at-once` switches at once (the alarms still roll back a deploy that fails).
   */
  rollout: 'canary' | 'all-at-once';
  /**
   * The monthly AWS budget of the stage in USD (costs tagged `stage=<name>`): ops get a mail at 80% spent and
   * when the month's forecast passes it. Set above `npm run cost` for the stage's expected size.
   */
  monthlyBudgetUsd: number;
}

const stages: Record<StageName, Omit<StageConfig, 'publicBaseUrl'>> = {
  dev: {
    name: 'dev',
    protectData: false,
    removalPolicy: RemovalPolicy.DESTROY,
    logRetentionDays: 14,
    tracing: false,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    workflowTimeout: Duration.minutes(5),
    region: 'eu-west-1',
    domain: { name: 'dev.landing.example.nl' },
    alarmEmails: ['ops-dev@landing.example.nl'],
    cognitoDomainPrefix: 'landing-dev-aanmelden',
    auditRetentionDays: 90,
    recordRetentionYears: 1,
    rollout: 'all-at-once',
    monthlyBudgetUsd: 100,
  },
  acc: {
    name: 'acc',
    protectData: true,
    removalPolicy: RemovalPolicy.RETAIN,
    logRetentionDays: 90,
    tracing: true,
    apiThrottle: { rateLimit: 100, burstLimit: 200 },
    workflowTimeout: Duration.minutes(5),
    region: 'eu-west-1',
    // The deploy targets: filled in at the first deployment (docs/OPERATIONS.md), checked before every deploy.
    account: undefined,
    domain: { name: 'acc.landing.example.nl', certificateArn: undefined, apiCertificateArn: undefined },
    alarmEmails: ['ops@landing.example.nl'],
    cognitoDomainPrefix: 'landing-acc-aanmelden',
    auditRetentionDays: 365,
    recordRetentionYears: DEFAULT_RECORD_RETENTION_YEARS,
    rollout: 'canary',
    monthlyBudgetUsd: 250,
  },
  prod: {
    name: 'prod',
    protectData: true,
    removalPolicy: RemovalPolicy.RETAIN,
    logRetentionDays: 365,
    tracing: true,
    apiThrottle: { rateLimit: 200, burstLimit: 400 },
    workflowTimeout: Duration.minutes(5),
    region: 'eu-west-1',
    account: undefined,
    domain: { name: 'landing.example.nl', certificateArn: undefined, apiCertificateArn: undefined },
    alarmEmails: ['ops@landing.example.nl', 'storingsdienst@landing.example.nl'],
    cognitoDomainPrefix: 'landing-aanmelden',
    auditRetentionDays: 7 * 365,
    recordRetentionYears: DEFAULT_RECORD_RETENTION_YEARS,
    rollout: 'canary',
    monthlyBudgetUsd: 1500,
  },
};

/**
 * The settings of a stage. `overrides` replace the committed certificates: for tests that synthesize a stage
 * with certificates it does not have yet; the CDK app passes none, so no deploy can drop them.
 */
export function stageConfig(
  name: unknown,
  overrides: { certificateArn?: string | undefined; apiCertificateArn?: string | undefined } = {},
): StageConfig {
  if (typeof name !== 'string' || !(stageNames as readonly string[]).includes(name)) {
    throw new Error(`Unknown stage "${String(name)}": one of ${stageNames.join(', ')}`);
  }
  const stage = stages[name as StageName];
  const domain = {
    ...stage.domain,
    ...(overrides.certificateArn ? { certificateArn: overrides.certificateArn } : {}),
    ...(overrides.apiCertificateArn ? { apiCertificateArn: overrides.apiCertificateArn } : {}),
  };
  if (domain.apiCertificateArn && !domain.certificateArn) {
    throw new Error(
      `Stage ${name}: the API's certificate needs the site's certificate too (${domain.apiCertificateArn})`,
    );
  }
  return { ...stage, domain, publicBaseUrl: `https://${domain.name}` };
}
