import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { stageConfig, type StageName } from '../../aws/config/stages';
import { AwsRestorePort } from '../recovery/aws-restore-port';
import { InputFileError } from './command-line';

/** The AWS clients an ops command needs for a stage, made in the stage's region (tests pass their own). */
export interface StageClients {
  dynamo: DynamoDBClient;
  cloudFormation: CloudFormationClient;
}

export const awsClients = (region: string): StageClients => ({
  dynamo: new DynamoDBClient({ region }),
  cloudFormation: new CloudFormationClient({ region }),
});

export interface StageTablesInUse {
  region: string;
  main: string;
  audit: string;
  /** The stage runs on a restored table (docs/RECOVERY.md). */
  restored: boolean;
  /** A TABLE_NAME or AUDIT_TABLE_NAME in the environment that was not used: said to the operator. */
  ignored: string[];
}

/**
 * The tables a stage runs on now: what its Data stack records (a restored table once the stage was re-pointed
 * at it, its own again once it was pointed back), in the region of the stage's config. Never TABLE_NAME from
 * the shell: after a restore a name left in the environment is the old table, and a tool that wrote to it
 * would change data the stage no longer reads.
 */
export async function stageTablesInUse(
  stage: StageName,
  connect: (region: string) => StageClients = awsClients,
): Promise<StageTablesInUse & { clients: StageClients }> {
  const { region } = stageConfig(stage);
  const clients = connect(region);
  const { own, active } = await new AwsRestorePort(clients.dynamo, clients.cloudFormation).stageTables(stage);
  const ignored = [
    ...(process.env.TABLE_NAME && process.env.TABLE_NAME !== active.main ? ['TABLE_NAME'] : []),
    ...(process.env.AUDIT_TABLE_NAME && process.env.AUDIT_TABLE_NAME !== active.audit ? ['AUDIT_TABLE_NAME'] : []),
  ];
  return {
    region,
    main: active.main,
    audit: active.audit,
    restored: active.main !== own.main || active.audit !== own.audit,
    ignored,
    clients,
  };
}

/** The line an ops command prints about the tables it uses (names only). */
export function tablesLine(t: StageTablesInUse, stage: string): string {
  return `Stage ${stage} (${t.region}) draait op ${t.main} en ${t.audit}${t.restored ? ' (hersteld)' : ''}${
    t.ignored.length ? `; ${t.ignored.join(' en ')} genegeerd: de stage zegt welke tabel` : ''
  }.`;
}

/** The stage's Cognito user pool, from the Api stack's output. */
export async function stageUserPoolId(tables: { clients: StageClients }, stage: StageName): Promise<string> {
  const { Stacks } = await tables.clients.cloudFormation.send(
    new DescribeStacksCommand({ StackName: `Landing-${stage}-Api` }),
  );
  const userPoolId = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'UserPoolId')?.OutputValue;
  if (!userPoolId) throw new InputFileError(`Landing-${stage}-Api heeft geen UserPoolId: is de stage uitgerold?`);
  return userPoolId;
}
