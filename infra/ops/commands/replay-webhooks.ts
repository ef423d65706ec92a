/**
 * `npm run replay-webhooks`: offers an endpoint's parked webhook deliveries again (docs/RECOVERY.md), without
 * the SPA: after a corporation's long outage, or after a restore.
 *
 *   npm run replay-webhooks -- --stage prod --endpoint <id> --dry-run            how many are parked
 *   npm run replay-webhooks -- --stage prod --endpoint <id> [--since <ISO-tijd>]  offer them again
 *
 * On AWS: with the stage's credentials; the region is the stage's, the table the one the stage runs on (its
 * Data stack says which, a restored one included; TABLE_NAME in the shell is ignored). Locally, with AWS_ENDPOINT_URL_DYNAMODB pointing at the running
 * product's DynamoDB Local: the table is `landing-local` and now is the demo clock's now. The deliveries become
 * due at once and the sweeper sends them (on AWS within a minute, 200 a minute). Prints ids and counts only.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clock } from '../../../functions/clock';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoDeliveryStore } from '../../../functions/storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../../../functions/storage/dynamo-endpoint-store';
import { type StageName, stageNames } from '../../aws/config/stages';
import { localCredentials, localRegion } from '../../local/dynamodb-local';
import { LocalClock } from '../../local/local-clock';
import { replayEndpoint, type ReplayReport } from '../recovery/replay-webhooks';
import { parseRestoreTime } from '../recovery/restore-plan';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { awsClients, type StageClients, stageTablesInUse, tablesLine } from './stage-environment';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCAL_TABLE = 'landing-local';

const usage = `Gebruik:
  npm run replay-webhooks -- --stage dev|acc|prod --endpoint <id> [--since <ISO-tijd met zone>] [--dry-run]
Lokaal: AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local>, zonder --stage. Zie docs/RECOVERY.md.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    endpoint: { type: 'string' },
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!values.endpoint)
    throw new UsageError(
      'Noem het endpoint: --endpoint <id> (de id staat op de pagina Corporaties en in de afleverlog).',
    );
  if (values.stage !== undefined && !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Onbekende stage: kies ${stageNames.join(', ')}.`);
  const since = values.since === undefined ? undefined : parseRestoreTime(values.since);
  if (values.since !== undefined && !since)
    throw new UsageError(`--since ${values.since} is geen ISO-tijd met zone (Z of +01:00).`);
  return {
    stage: values.stage as StageName | undefined,
    endpointId: values.endpoint,
    since,
    dryRun: values['dry-run'],
  };
}

/** The local product (DynamoDB Local) or a stage on AWS, and the table to read. */
async function environment(stage: StageName | undefined, connect: (region: string) => StageClients) {
  const local = Boolean(process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (local) {
    process.env.AWS_REGION ??= localRegion;
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    // The demo clock may be ahead: the local sweeper compares with its now.
    new LocalClock(path.join(projectRoot, '.local/clock.json'));
    return { dynamo: new DynamoDBClient({}), tableName: process.env.TABLE_NAME ?? LOCAL_TABLE, where: 'lokaal' };
  }
  if (!stage) throw new UsageError('Op AWS is --stage verplicht.');
  const tables = await stageTablesInUse(stage, connect);
  process.stdout.write(`${tablesLine(tables, stage)}\n`);
  return { dynamo: tables.clients.dynamo, tableName: tables.main, where: `stage ${stage}` };
}

const explained: Record<ReplayReport['outcome'], string> = {
  'opnieuw-aangeboden': 'opnieuw aangeboden: de sweeper verstuurt ze (op AWS binnen een minuut, 200 per minuut)',
  droogloop: 'droogloop: niets gewijzigd',
  'niets-geparkeerd': 'niets geparkeerd: niets te doen',
  'endpoint-uit':
    'het endpoint staat uit: zet het eerst aan (pagina Corporaties), anders parkeert de eerste poging ze weer',
  'endpoint-onbekend': 'dit endpoint bestaat niet (meer)',
};

async function main(argv: string[], connect: (region: string) => StageClients): Promise<number> {
  const chosen = options(argv);
  const env = await environment(chosen.stage, connect);
  const db = createDocumentClient(env.dynamo);
  const report = await replayEndpoint(
    { deliveries: new DynamoDeliveryStore(db, env.tableName), endpoints: new DynamoEndpointStore(db, env.tableName) },
    {
      endpointId: chosen.endpointId,
      ...(chosen.since ? { since: chosen.since.toISOString() } : {}),
      dryRun: chosen.dryRun,
      now: clock.now(),
    },
  );
  process.stdout.write(
    `Endpoint ${report.endpointId} (${env.where}, tabel ${env.tableName})${chosen.since ? `, meldingen sinds ${chosen.since.toISOString()}` : ''}: ` +
      `${report.parked} geparkeerd, ${report.requeued} ${explained[report.outcome]}.\n`,
  );
  return report.outcome === 'endpoint-uit' || report.outcome === 'endpoint-onbekend' ? 1 : 0;
}

/** The command; a test passes its own clients (DynamoDB Local, a mocked CloudFormation). */
export const replayWebhooksCommand = (connect: (region: string) => StageClients = awsClients): OpsCommand => ({
  usage,
  stopped: 'Opnieuw aanbieden stopte',
  main: (argv) => main(argv, connect),
});

runIfMain(import.meta.url, replayWebhooksCommand());
