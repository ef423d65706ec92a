/**
 * `npm run recount-outcomes`: counts the outcome facts of every stored transition again and compares them with
 * the counters the stream consumer keeps (docs/ARCHITECTURE.md, Outcomes). Writes nothing; prints only
 * municipalities, cohorts, counters and numbers, never anything of a person. Exit code 1 when they differ.
 *
 *   npm run recount-outcomes -- --stage dev|acc|prod      on AWS, with the stage's credentials
 *   AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local> npm run recount-outcomes      the local product
 */
import { recountOutcomes } from '../../../functions/outcomes/recount';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoOutcomeStore } from '../../../functions/storage/dynamo-outcome-store';
import { type StageName, stageNames } from '../../aws/config/stages';
import { localCredentials, localRegion } from '../../local/dynamodb-local';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { awsClients, type StageClients, stageTablesInUse, tablesLine } from './stage-environment';

const usage = `Gebruik:
  npm run recount-outcomes -- --stage dev|acc|prod
Lokaal: AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local>, zonder --stage.`;

async function main(argv: string[], connect: (region: string) => StageClients): Promise<number> {
  const { values } = parseCommandLine(argv, { stage: { type: 'string' } });
  const stage = values.stage as StageName | undefined;
  if (stage !== undefined && !(stageNames as readonly string[]).includes(stage))
    throw new UsageError(`Onbekende stage: kies ${stageNames.join(', ')}.`);
  const local = Boolean(process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (!local && !stage) throw new UsageError('Op AWS is --stage verplicht.');
  let db = createDocumentClient();
  let tableName = process.env.TABLE_NAME ?? 'landing-local';
  if (local) {
    process.env.AWS_REGION ??= localRegion;
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    db = createDocumentClient();
  } else {
    const tables = await stageTablesInUse(stage!, connect);
    process.stdout.write(`${tablesLine(tables, stage!)}\n`);
    db = createDocumentClient(tables.clients.dynamo);
    tableName = tables.main;
  }
  const report = await recountOutcomes(db, tableName, new DynamoOutcomeStore(db, tableName));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Trajecten herteld: ${report.transitions}; verschillen met de tellers: ${report.differences.length}`);
  for (const d of report.differences)
    out(`  ${d.gemeenteCode} ${d.cohort} ${d.counter} ${d.herkomst}: teller ${d.stored}, herteld ${d.recounted}`);
  return report.differences.length ? 1 : 0;
}

export const recountOutcomesCommand = (connect: (region: string) => StageClients = awsClients): OpsCommand => ({
  usage,
  stopped: 'Het hertellen van de uitkomsten stopte',
  main: (argv) => main(argv, connect),
});

runIfMain(import.meta.url, recountOutcomesCommand());
