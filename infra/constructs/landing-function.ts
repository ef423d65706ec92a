import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StageConfig } from '../config/stages';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
}

/**
 * How every Lambda is bundled: CDK passes these to esbuild, and the benchmark bundles with the same values
 * to report sizes and cold-start times.
 */
export const lambdaBundling = {
  target: 'node22',
  minify: true,
  mainFields: ['module', 'main'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: "import { createRequire as __landingCreateRequire } from 'module'; const require = __landingCreateRequire(import.meta.url);",
  // The nodejs22.x runtime ships AWS SDK v3; leaving it out keeps bundles small and cold starts short.
  external: ['@aws-sdk/*'],
} as const;

const retention: Record<StageConfig['logRetentionDays'], RetentionDays> = {
  14: RetentionDays.TWO_WEEKS,
  90: RetentionDays.THREE_MONTHS,
  365: RetentionDays.ONE_YEAR,
};

/** How long the stage keeps operational logs (Lambda logs, API Gateway's access log). */
export const logRetentionOf = (stage: StageConfig): RetentionDays => retention[stage.logRetentionDays];

/**
 * A Lambda with Landing's defaults: Node 22 on arm64, ESM bundled and minified by local esbuild with
 * source maps, its own log group, and grant helpers so stacks read as wiring.
 */
export class LandingFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: LandingFunctionProps) {
    super(scope, id, {
      entry: path.join(projectRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: props.stage.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: logRetentionOf(props.stage),
        removalPolicy: props.stage.removalPolicy,
      }),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: 'info',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        sourceMap: true,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        externalModules: [...lambdaBundling.external],
      },
    });
    const metadata: LocalHandlerMetadata = { entry: props.entry, exportName: 'handler' };
    (this.node.defaultChild as CfnFunction).addMetadata(localHandlerMetadataKey, metadata);
  }

  /**
   * The audit trail by intent: `append` may only add entries (PutItem, BatchWriteItem: no update, no delete),
   * `read` may only query them.
   */
  bindAudit(table: ITableV2, access: 'append' | 'read', retentionDays: number): this {
    const actions = access === 'append' ? ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'] : ['dynamodb:Query', 'dynamodb:GetItem'];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [table.tableArn, `${table.tableArn}/index/*`] }));
    this.addEnvironment('AUDIT_TABLE_NAME', table.tableName);
    this.addEnvironment('AUDIT_RETENTION_DAYS', String(retentionDays));
    return this;
  }

  /** Table access by intent: read only, or read and write. */
  bindTable(table: ITableV2, access: 'R' | 'RW'): this {
    if (access === 'R') table.grantReadData(this);
    else table.grantReadWriteData(this);
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }
}
