/**
 * `npm run replay-audit`: writes parked audit entries into the audit trail (docs/RECOVERY.md): refusals the
 * audit table did not take in time, and access-log batches the refused-requests Lambda gave up on.
 *
 *   npm run replay-audit -- --stage prod --dry-run    how many messages wait
 *   npm run replay-audit -- --stage prod              write them, and remove each once written
 *
 * On AWS: with the stage's credentials; the queue is the stage's `landing-<stage>-audit-geparkeerd`, the table
 * the audit table the stage runs on (its Data stack says which, a restored one included; AUDIT_TABLE_NAME in the
 * shell is ignored), in the stage's region. Locally, with
 * AWS_ENDPOINT_URL_DYNAMODB pointing at the product's DynamoDB Local: the parked entries in .local/ and the
 * table `landing-local-audit`. Writing twice is harmless: an entry keeps its id and time. Prints counts only.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { type StageName, stageConfig, stageNames } from '../../aws/config/stages';
import { localCredentials, localRegion } from '../../local/dynamodb-local';
import { LocalParkedAudit, localAuditParkedFile } from '../../local/local-parked-audit';
import { replayParkedAudit, type ParkedAuditQueue } from '../recovery/replay-audit';
import { SqsParkedAuditQueue } from '../recovery/sqs-parked-audit-queue';
import { auditParkedQueueName } from '../../aws/stacks/api-stack';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { stageTablesInUse, tablesLine } from './stage-environment';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCAL_RETENTION_DAYS = 7 * 365;

const usage = `Gebruik:
  npm run replay-audit -- --stage dev|acc|prod [--dry-run]
Lokaal: AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local>, zonder --stage. Zie docs/RECOVERY.md.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (values.stage !== undefined && !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Onbekende stage: kies ${stageNames.join(', ')}.`);
  return { stage: values.stage as StageName | undefined, dryRun: values['dry-run'] };
}

/** The local product or a stage on AWS: the parked entries and the audit table to write them to. */
async function environment(
  stage: StageName | undefined,
): Promise<{ queue: ParkedAuditQueue; audit: DynamoAuditLog; where: string }> {
  if (process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    process.env.AWS_REGION ??= localRegion;
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    const tableName = process.env.AUDIT_TABLE_NAME ?? `${process.env.TABLE_NAME ?? 'landing-local'}-audit`;
    const queue = new LocalParkedAudit(path.join(projectRoot, '.local', localAuditParkedFile));
    return {
      queue,
      audit: new DynamoAuditLog(createDocumentClient(new DynamoDBClient({})), tableName, LOCAL_RETENTION_DAYS),
      where: `lokaal, tabel ${tableName}`,
    };
  }
  if (!stage) throw new UsageError('Op AWS is --stage verplicht.');
  const { auditRetentionDays } = stageConfig(stage);
  const tables = await stageTablesInUse(stage);
  process.stdout.write(`${tablesLine(tables, stage)}\n`);
  const { region, audit: tableName } = tables;
  const dynamo = tables.clients.dynamo;
  const sqs = new SQSClient({ region });
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: auditParkedQueueName(stage) }));
  if (!QueueUrl) throw new UsageError(`De wachtrij ${auditParkedQueueName(stage)} bestaat niet in stage ${stage}.`);
  return {
    queue: new SqsParkedAuditQueue(sqs, QueueUrl),
    audit: new DynamoAuditLog(createDocumentClient(dynamo), tableName, auditRetentionDays),
    where: `stage ${stage}, tabel ${tableName}`,
  };
}

async function main(argv: string[]): Promise<number> {
  const chosen = options(argv);
  const env = await environment(chosen.stage);
  const report = await replayParkedAudit(env, { dryRun: chosen.dryRun });
  process.stdout.write(
    chosen.dryRun
      ? `Geparkeerde auditregels (${env.where}): ${report.messages} berichten wachten; droogloop, niets geschreven.\n`
      : `Geparkeerde auditregels (${env.where}): ${report.messages} berichten, ${report.written} regels geschreven, ${report.unreadable} onleesbaar (blijven staan).\n`,
  );
  return report.unreadable ? 1 : 0;
}

export const replayAuditCommand: OpsCommand = { usage, stopped: 'Het terugschrijven stopte', main };

runIfMain(import.meta.url, replayAuditCommand);
