import {
  type CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ListTagsOfResourceCommand,
  ResourceNotFoundException,
  RestoreTableToPointInTimeCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { NOT_RESTORED, repointParameter, type TableKind } from './repoint';
import { type RestorePort, type RestoreRequest, type StageTables, type TableFacts, tableFactsFrom } from './ports';

/** The Data stack's tables by the start of their logical id (TableV2 appends a hash). */
const logicalIdPrefix: Record<TableKind, RegExp> = { main: /^Table[0-9A-F]{8}$/, audit: /^AuditTable[0-9A-F]{8}$/ };

export class StageTableNotFound extends Error {
  override name = 'StageTableNotFound';
}

/** The restore's AWS calls: CloudFormation to find the stage's tables, DynamoDB for the rest. One call each. */
export class AwsRestorePort implements RestorePort {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly cloudFormation: CloudFormationClient,
    private readonly waiting: { pollSeconds: number; maxWaitSeconds: number } = {
      pollSeconds: 20,
      maxWaitSeconds: 12 * 3600,
    },
  ) {}

  /** The tables of `Landing-<stage>-Data`, and which the stage runs on (the parameter a re-pointing deploy sets). */
  async stageTables(stage: string): Promise<StageTables> {
    const StackName = `Landing-${stage}-Data`;
    const [{ Stacks }, { StackResources }] = await Promise.all([
      this.cloudFormation.send(new DescribeStacksCommand({ StackName })),
      this.cloudFormation.send(new DescribeStackResourcesCommand({ StackName })),
    ]);
    const ownOf = (kind: TableKind) => {
      const resource = (StackResources ?? []).find(
        (r) => r.ResourceType === 'AWS::DynamoDB::GlobalTable' && logicalIdPrefix[kind].test(r.LogicalResourceId ?? ''),
      );
      if (!resource?.PhysicalResourceId)
        throw new StageTableNotFound(`${StackName} heeft geen ${kind === 'main' ? 'Table' : 'AuditTable'}`);
      return resource.PhysicalResourceId;
    };
    const parameter = (kind: TableKind) =>
      Stacks?.[0]?.Parameters?.find((p) => p.ParameterKey === repointParameter[kind])?.ParameterValue;
    const own = { main: ownOf('main'), audit: ownOf('audit') };
    const activeOf = (kind: TableKind) => {
      const restored = parameter(kind);
      return restored && restored !== NOT_RESTORED ? restored : own[kind];
    };
    return { own, active: { main: activeOf('main'), audit: activeOf('audit') } };
  }

  async continuousBackups(tableName: string) {
    const { ContinuousBackupsDescription } = await this.dynamo.send(
      new DescribeContinuousBackupsCommand({ TableName: tableName }),
    );
    const pitr = ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    return {
      status: pitr?.PointInTimeRecoveryStatus ?? 'DISABLED',
      ...(pitr?.EarliestRestorableDateTime ? { earliest: pitr.EarliestRestorableDateTime } : {}),
      ...(pitr?.LatestRestorableDateTime ? { latest: pitr.LatestRestorableDateTime } : {}),
    };
  }

  async describe(tableName: string): Promise<TableFacts | undefined> {
    try {
      const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
      return Table ? tableFactsFrom(Table) : undefined;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }

  async timeToLive(tableName: string) {
    const { TimeToLiveDescription } = await this.dynamo.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const enabled =
      TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' || TimeToLiveDescription?.TimeToLiveStatus === 'ENABLING';
    return {
      enabled,
      ...(TimeToLiveDescription?.AttributeName ? { attribute: TimeToLiveDescription.AttributeName } : {}),
    };
  }

  async tagsOf(tableArn: string): Promise<Record<string, string>> {
    const tags: Record<string, string> = {};
    let NextToken: string | undefined;
    do {
      const page = await this.dynamo.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken }));
      for (const { Key, Value } of page.Tags ?? []) if (Key) tags[Key] = Value ?? '';
      NextToken = page.NextToken;
    } while (NextToken);
    return tags;
  }

  async restore(request: RestoreRequest): Promise<void> {
    await this.dynamo.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableName: request.sourceTableName,
        TargetTableName: request.targetTableName,
        RestoreDateTime: request.restoreDateTime,
        // A restore takes the source's billing mode at that time unless told; the stack's tables are on demand.
        BillingModeOverride: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexOverride: request.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        // KMS without a key id is the AWS managed key, as the stack's tables (TableEncryptionV2.awsManagedKey()).
        SSESpecificationOverride: { Enabled: true, SSEType: 'KMS' },
      }),
    );
  }

  async waitUntilActive(tableName: string): Promise<TableFacts> {
    const { pollSeconds, maxWaitSeconds } = this.waiting;
    await waitUntilTableExists(
      { client: this.dynamo, minDelay: pollSeconds, maxDelay: pollSeconds * 6, maxWaitTime: maxWaitSeconds },
      { TableName: tableName },
    );
    // The waiter looks at the table only; its indexes may still be building.
    const deadline = Date.now() + maxWaitSeconds * 1000;
    for (;;) {
      const facts = await this.describe(tableName);
      if (facts && facts.status === 'ACTIVE' && facts.indexes.every((i) => i.status === 'ACTIVE')) return facts;
      if (Date.now() > deadline) throw new Error(`${tableName} is not active after ${maxWaitSeconds} s`);
      await sleep(pollSeconds * 1000);
    }
  }

  async enableTimeToLive(tableName: string, attribute: string): Promise<void> {
    await this.dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
  }

  async enablePointInTimeRecovery(tableName: string): Promise<void> {
    await this.dynamo.send(
      new UpdateContinuousBackupsCommand({
        TableName: tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
  }

  async setDeletionProtection(tableName: string, enabled: boolean): Promise<void> {
    await this.dynamo.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: enabled }));
  }

  async enableStream(tableName: string): Promise<void> {
    await this.dynamo.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
  }

  async tag(tableArn: string, tags: Record<string, string>): Promise<void> {
    await this.dynamo.send(
      new TagResourceCommand({
        ResourceArn: tableArn,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
}
