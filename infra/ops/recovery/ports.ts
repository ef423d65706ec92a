import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { TableKind } from './repoint';

/** What the restore and its checks need to know of a table, from DescribeTable. */
export interface TableFacts {
  name: string;
  arn: string;
  status: string;
  keySchema: { attribute: string; type: string }[];
  indexes: { name: string; keySchema: { attribute: string; type: string }[]; status: string }[];
  deletionProtection: boolean;
  streamViewType?: string;
  streamArn?: string;
  /** Set on a table made by a restore: where from, and to what time. */
  restoredFrom?: { sourceTableArn?: string; restoreDateTime?: Date; inProgress: boolean };
}

export function tableFactsFrom(table: TableDescription): TableFacts {
  const keys = (schema: TableDescription['KeySchema']) =>
    (schema ?? []).map((k) => ({ attribute: k.AttributeName ?? '', type: k.KeyType ?? '' }));
  const stream = table.StreamSpecification?.StreamEnabled ? table.StreamSpecification.StreamViewType : undefined;
  return {
    name: table.TableName ?? '',
    arn: table.TableArn ?? '',
    status: table.TableStatus ?? 'UNKNOWN',
    keySchema: keys(table.KeySchema),
    indexes: (table.GlobalSecondaryIndexes ?? []).map((i) => ({
      name: i.IndexName ?? '',
      keySchema: keys(i.KeySchema),
      status: i.IndexStatus ?? 'UNKNOWN',
    })),
    deletionProtection: table.DeletionProtectionEnabled ?? false,
    ...(stream ? { streamViewType: stream } : {}),
    ...(stream && table.LatestStreamArn ? { streamArn: table.LatestStreamArn } : {}),
    ...(table.RestoreSummary
      ? {
          restoredFrom: {
            ...(table.RestoreSummary.SourceTableArn ? { sourceTableArn: table.RestoreSummary.SourceTableArn } : {}),
            ...(table.RestoreSummary.RestoreDateTime ? { restoreDateTime: table.RestoreSummary.RestoreDateTime } : {}),
            inProgress: table.RestoreSummary.RestoreInProgress ?? false,
          },
        }
      : {}),
  };
}

export interface ContinuousBackups {
  /** ENABLED or DISABLED (PITR). */
  status: string;
  earliest?: Date;
  latest?: Date;
}

/** A stage's tables: the Data stack's own, and which one the stage runs on (its own, or a restored one). */
export interface StageTables {
  own: Record<TableKind, string>;
  active: Record<TableKind, string>;
}

/** What a restore writes: the request RestoreTableToPointInTime gets (see restore-plan.ts). */
export interface RestoreRequest {
  sourceTableName: string;
  targetTableName: string;
  restoreDateTime: Date;
  indexes: { name: string; partitionKey: string; sortKey: string }[];
}

/**
 * The AWS calls of a restore, each one thin (infra/ops/recovery/aws-restore-port.ts), so the procedure around
 * them (restore-procedure.ts) is plain code tested with a mocked SDK.
 */
export interface RestorePort {
  stageTables(stage: string): Promise<StageTables>;
  continuousBackups(tableName: string): Promise<ContinuousBackups>;
  /** undefined when there is no such table. */
  describe(tableName: string): Promise<TableFacts | undefined>;
  timeToLive(tableName: string): Promise<{ attribute?: string; enabled: boolean }>;
  tagsOf(tableArn: string): Promise<Record<string, string>>;
  restore(request: RestoreRequest): Promise<void>;
  /** Until the table and its indexes are ACTIVE (a restore takes minutes to hours; an update seconds). */
  waitUntilActive(tableName: string): Promise<TableFacts>;
  enableTimeToLive(tableName: string, attribute: string): Promise<void>;
  enablePointInTimeRecovery(tableName: string): Promise<void>;
  setDeletionProtection(tableName: string, enabled: boolean): Promise<void>;
  enableStream(tableName: string): Promise<void>;
  tag(tableArn: string, tags: Record<string, string>): Promise<void>;
}
