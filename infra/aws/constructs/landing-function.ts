import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias, Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditTableDesign, tableDesign, type TableDesign } from '../../../functions/storage/table-design';
import { logGroupNames } from '../config/log-groups';
import type { StageConfig } from '../config/stages';
import { acknowledge } from '../guard-rails';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The alias every trigger of a Landing function invokes. */
export const liveAliasName = 'live';

/** Metadata key that tells the local runtime which source file and export a Lambda runs. */
export const localHandlerMetadataKey = 'landing:handler';
export interface LocalHandlerMetadata {
  entry: string;
  exportName: string;
}

export interface LandingFunctionProps {
  stage: StageConfig;
  /** Source file relative to the project root, e.g. `functions/transitions/api.ts`. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Where an asynchronous invocation goes after Lambda's own retries failed. */
  deadLetterQueue?: IQueue;
}

/**
 * How every Lambda is bundled: CDK passes these to esbuild, and the benchmark bundles with the same values
 * to report sizes and cold-start times.
 */
export const lambdaBundling = {
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner:
    "import { createRequire as __landingCreateRequire } from 'module'; const require = __landingCreateRequire(import.meta.url);",
  // The map is built and deployed beside the bundle (index.mjs.map), but Node does not read it: with
  // --enable-source-maps it parsed the map at every cold start (about a fifth of the init CPU). A minified stack
  // trace is mapped afterwards with `npm run stack`. Without the sources' text: the map is a third of the size.
  sourceMap: true,
  sourcesContent: false,
  // The SDK's ESM imports node:http(s); Node builds an ES module of node:http by reading every export, and its
  // WebSocket and EventSource exports load undici (tens of ms of each cold start). Through require() they do not.
  alias: {
    http: './functions/builtins/http.cjs',
    'node:http': './functions/builtins/http.cjs',
    https: './functions/builtins/https.cjs',
    'node:https': './functions/builtins/https.cjs',
    // Credentials from the environment, as Lambda gives them, without the rest of the SDK's default chain.
    '@aws-sdk/credential-provider-node': './functions/builtins/credentials-from-env.ts',
  },
} as const;

/**
 * The AWS SDK in the bundle (tree-shaken, minified, one file) or from the runtime's copy (external: the nodejs24.x
 * runtime's /var/runtime, loaded package by package, its version AWS's). Chosen per function from `npm run bench`,
 * which times both: bundled took 15–45% less init CPU time for every function (the runtime's copy loads each
 * client's whole package and its dependencies from many files), so bundled is the default; a function that
 * measures faster with the runtime's copy is listed here. Bundled also pins the SDK to the version the tests ran against.
 */
const awsSdkExternalIn: ReadonlySet<string> = new Set<string>([]);
export type AwsSdkBundling = 'bundled' | 'external';
export const awsSdkBundlingOf = (entry: string): AwsSdkBundling =>
  awsSdkExternalIn.has(entry) ? 'external' : 'bundled';
export const externalModulesOf = (bundling: AwsSdkBundling): string[] =>
  bundling === 'external' ? ['@aws-sdk/*'] : [];

const retention: Record<StageConfig['logRetentionDays'], RetentionDays> = {
  14: RetentionDays.TWO_WEEKS,
  90: RetentionDays.THREE_MONTHS,
  365: RetentionDays.ONE_YEAR,
};

/** How long the stage keeps operational logs (Lambda logs, API Gateway's access log). */
export const logRetentionOf = (stage: StageConfig): RetentionDays => retention[stage.logRetentionDays];

/** What the functions do with the tables (Lambdas never Scan: every list is a Query, see table-design.ts). */
const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** A table and its global secondary indexes by name (no `index/*`: a new index is added to the design first). */
const tableResources = (table: ITableV2, design: TableDesign) => [
  table.tableArn,
  ...design.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
];

/**
 * A Lambda with Landing's defaults: Node 24 on arm64, ESM bundled and minified by local esbuild with
 * source maps, its own log group, its own role (writing to that log group and nothing else until a grant
 * adds to it), and grant helpers so stacks read as wiring.
 */
export class LandingFunction extends NodejsFunction {
  /**
   * What every trigger invokes (routes, event sources, workflow tasks, schedules, log subscriptions): the alias
   * a deploy shifts to the new version gradually, and back when an alarm fires (constructs/gradual-rollout.ts).
   */
  readonly live: Alias;

  constructor(scope: Construct, id: string, props: LandingFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: logGroupNames.lambda(props.stage.name, id),
      retention: logRetentionOf(props.stage),
      removalPolicy: props.stage.removalPolicy,
    });
    // Not AWS's AWSLambdaBasicExecutionRole (logs in every log group of the account): only its own log group.
    const role = new Role(scope, `${id}ServiceRole`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Landing ${props.stage.name}: ${id}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: path.join(projectRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: props.stage.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      role,
      logGroup,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      environment: {
        LOG_LEVEL: 'info',
        // The `stage` dimension of the business metrics (functions/observability/metrics.ts).
        LANDING_STAGE: props.stage.name,
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        sourceMap: lambdaBundling.sourceMap,
        sourcesContent: lambdaBundling.sourcesContent,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        externalModules: externalModulesOf(awsSdkBundlingOf(props.entry)),
        esbuildArgs: { '--alias': Object.entries(lambdaBundling.alias).map(([name, file]) => `${name}=${file}`) },
      },
    });
    // Versions and the live alias: a deploy publishes a version, CodeDeploy moves the alias to it.
    this.live = new Alias(this, 'Live', { aliasName: liveAliasName, version: this.currentVersion });

    const metadata: LocalHandlerMetadata = { entry: props.entry, exportName: 'handler' };
    (this.node.defaultChild as CfnFunction).addMetadata(localHandlerMetadataKey, metadata);

    acknowledge(this, {
      id: 'AwsSolutions-L1',
      reason:
        'Node 24 pinned on purpose: the bundles target node24, the same major runs locally and in CI, and a runtime upgrade is a change of its own.',
    });
    if (props.stage.tracing) {
      acknowledge(role, {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords take no resource ARN; test/infra/nag.test.ts allows no other action on "*".',
      });
    }
  }

  /**
   * The audit trail by intent: `append` may only add entries (PutItem, BatchWriteItem: no update, no delete),
   * `read` may only query them.
   */
  bindAudit(table: ITableV2, access: 'append' | 'read', retentionDays: number): this {
    this.addToRolePolicy(
      access === 'append'
        ? new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'], resources: [table.tableArn] })
        : new PolicyStatement({
            actions: ['dynamodb:Query', 'dynamodb:GetItem'],
            resources: tableResources(table, auditTableDesign),
          }),
    );
    this.addEnvironment('AUDIT_TABLE_NAME', table.tableName);
    this.addEnvironment('AUDIT_RETENTION_DAYS', String(retentionDays));
    return this;
  }

  /** The product's table by intent: read only, or read and write (its items; never Scan, never the table's settings). */
  bindTable(table: ITableV2, access: 'R' | 'RW'): this {
    const actions = access === 'R' ? tableReadActions : [...tableReadActions, ...tableWriteActions];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: tableResources(table, tableDesign) }));
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }
}
