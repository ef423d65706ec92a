import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsRestorePort } from '../recovery/aws-restore-port';
import { NOT_RESTORED, repointContext, repointParameter, type Repointing } from '../recovery/repoint';

/**
 * The restored tables a stage runs on (docs/RECOVERY.md), as its Data stack's parameters record them: every
 * deploy of the stage carries them on, or the Data stack's rule refuses it. None before the first deploy.
 */
export async function currentRepointing(
  stage: string,
  tables: Pick<AwsRestorePort, 'stageTables'>,
  dynamo: DynamoDBClient,
): Promise<Repointing> {
  let found: Awaited<ReturnType<typeof tables.stageTables>>;
  try {
    found = await tables.stageTables(stage);
  } catch (error) {
    if (/does not exist/.test((error as Error).message)) return {};
    throw error;
  }
  const repointing: Repointing = {};
  if (found.active.main !== found.own.main) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: found.active.main }));
    if (!Table?.LatestStreamArn)
      throw new Error(`De herstelde tabel ${found.active.main} heeft geen stream: zie docs/RECOVERY.md.`);
    repointing.main = { tableName: found.active.main, streamArn: Table.LatestStreamArn };
  }
  if (found.active.audit !== found.own.audit) repointing.audit = { tableName: found.active.audit };
  return repointing;
}

/** The deploy context that keeps the stage's functions on the restored tables. */
export const repointingContext = (stage: string, r: Repointing): string[] => [
  ...(r.main
    ? [
        '--context',
        `${repointContext.table(stage)}=${r.main.tableName}`,
        '--context',
        `${repointContext.tableStream(stage)}=${r.main.streamArn}`,
      ]
    : []),
  ...(r.audit ? ['--context', `${repointContext.auditTable(stage)}=${r.audit.tableName}`] : []),
];

/** The Data stack's parameters, spelled out on every deploy so its rule sees the same tables as the context. */
export const repointingParameters = (stage: string, r: Repointing): string[] => [
  '--parameters',
  `Landing-${stage}-Data:${repointParameter.main}=${r.main?.tableName ?? NOT_RESTORED}`,
  '--parameters',
  `Landing-${stage}-Data:${repointParameter.audit}=${r.audit?.tableName ?? NOT_RESTORED}`,
];
