/**
 * `npm run retention`: the retention procedure for ops (docs/RETENTION.md). Finds the records whose
 * bewaartermijn has run out, exports each to one JSON file, and deletes it after the export was written.
 *
 *   npm run retention -- --dry-run                              what is due, with counts (writes nothing)
 *   npm run retention -- --export-dir <dir>                     one <transitionId>.json per record due
 *   npm run retention -- --export-dir <dir> --delete            the same, then deletes each exported record
 *
 * On AWS: `--stage dev|acc|prod` with the stage's credentials. The stage says the rest: its region, the
 * retention period, the alarms' schedule group, and the tables it runs on (a restored one included: its Data
 * stack records which; TABLE_NAME in the shell is ignored). Locally, with
 * AWS_ENDPOINT_URL_DYNAMODB pointing at the running product's DynamoDB Local: the table is `landing-local`,
 * the settings are the dev stage's, and today is the demo clock's today.
 *
 * Prints ids and counts only: never a name, a date of birth or anything else of the record.
 */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clock } from '../../../functions/clock';
import { ExportDirectory } from '../../../functions/retention/export-directory';
import type { WakeupAlarms } from '../../../functions/retention/ports';
import { runRetention, type RetentionMode, type RetentionReport } from '../../../functions/retention/retention-run';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { DynamoPersonRecords } from '../../../functions/storage/dynamo-person-records';
import { SchedulerWakeupAlarms } from '../../../functions/workflow/wakeup-alarms';
import { type StageName, stageConfig, stageNames } from '../../aws/config/stages';
import { localCredentials, localRegion } from '../../local/dynamodb-local';
import { LocalClock } from '../../local/local-clock';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { awsClients, type StageClients, stageTablesInUse, tablesLine } from './stage-environment';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCAL_TABLE = 'landing-local';

const usage = `Gebruik:
  npm run retention -- --dry-run [--stage dev|acc|prod]
  npm run retention -- --export-dir <map> [--delete] [--stage dev|acc|prod] [--operator <id>]
Op AWS: --stage is verplicht; de stage zegt welke tabellen (ook na een herstel) en welke regio.
Lokaal: AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local>, zonder --stage. Zie docs/RETENTION.md.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    'dry-run': { type: 'boolean', default: false },
    'export-dir': { type: 'string' },
    delete: { type: 'boolean', default: false },
    stage: { type: 'string' },
    operator: { type: 'string' },
  });
  const exportDir = values['export-dir'];
  if (values['dry-run'] && (exportDir || values.delete))
    throw new UsageError('--dry-run schrijft niets: niet samen met --export-dir of --delete.');
  if (values.delete && !exportDir)
    throw new UsageError('--delete alleen samen met --export-dir: eerst exporteren, dan verwijderen.');
  if (!values['dry-run'] && !exportDir)
    throw new UsageError('Kies --dry-run, of --export-dir <map> (met of zonder --delete).');
  if (values.stage !== undefined && !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Onbekende stage: kies ${stageNames.join(', ')}.`);
  const mode: RetentionMode = values.delete ? 'delete' : exportDir ? 'export' : 'dry-run';
  return {
    mode,
    exportDir,
    stage: values.stage as StageName | undefined,
    operator: values.operator ?? userInfo().username,
  };
}

/** Where the tool runs: the local product (DynamoDB Local) or a stage on AWS, and the tables it runs on. */
async function environment(stage: StageName | undefined, connect: (region: string) => StageClients) {
  const local = Boolean(process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (!local && !stage) throw new UsageError('Op AWS is --stage verplicht: de bewaartermijn hoort bij de stage.');
  const config = stageConfig(stage ?? 'dev');
  if (local) {
    process.env.AWS_REGION ??= localRegion;
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    // The demo clock may be ahead (the developer menu moves it): the local product's today counts here too.
    new LocalClock(path.join(projectRoot, '.local/clock.json'));
    const tableName = process.env.TABLE_NAME ?? LOCAL_TABLE;
    // Locally the alarms live inside the running product (.local/schedules.json), out of this process's reach.
    return {
      local,
      config,
      tableName,
      auditTableName: process.env.AUDIT_TABLE_NAME ?? `${tableName}-audit`,
      db: createDocumentClient(),
      alarms: undefined,
    };
  }
  const tables = await stageTablesInUse(config.name, connect);
  process.stdout.write(`${tablesLine(tables, config.name)}\n`);
  const alarms: WakeupAlarms = new SchedulerWakeupAlarms(
    new SchedulerClient({ region: tables.region }),
    `landing-${config.name}`,
  );
  return {
    local,
    config,
    tableName: tables.main,
    auditTableName: tables.audit,
    db: createDocumentClient(tables.clients.dynamo),
    alarms,
  };
}

function print(report: RetentionReport, where: { local: boolean; stage: string; tableName: string }): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `Bewaartermijn ${report.years} jaar (${where.local ? `lokaal, instellingen van ${where.stage}` : `stage ${where.stage}`}), vandaag ${report.today}, tabel ${where.tableName}`,
  );
  out(
    `Trajecten: ${report.transitions}; actief ${report.active}; beëindigd binnen de bewaartermijn ${report.retained}; termijn verstreken ${report.due.length}`,
  );
  for (const r of report.due) {
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    const kinds = Object.entries(r.counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    out(
      `  ${r.transitionId}  ${r.outcome}${r.error ? ` (${r.error})` : ''}  ${total} items${kinds ? ` (${kinds})` : ''}`,
    );
  }
  if (report.mode === 'dry-run') out('Droogloop: niets geschreven, niets verwijderd.');
  if (where.local && report.mode === 'delete')
    out('Lokaal worden wekkers niet gewist: een wekker van een verwijderd traject vindt niets en zet zichzelf uit.');
}

async function main(argv: string[], connect: (region: string) => StageClients): Promise<number> {
  const chosen = options(argv);
  const env = await environment(chosen.stage, connect);
  const { db } = env;
  const report = await runRetention(
    {
      records: new DynamoPersonRecords(db, env.tableName),
      audit: new DynamoAuditLog(db, env.auditTableName, env.config.auditRetentionDays),
      ...(chosen.exportDir ? { exports: new ExportDirectory(path.resolve(chosen.exportDir)) } : {}),
      ...(env.alarms ? { alarms: env.alarms } : {}),
      now: clock.now,
      newId: randomUUID,
      operator: { id: chosen.operator, naam: chosen.operator },
      runId: randomUUID(),
    },
    { mode: chosen.mode, years: env.config.recordRetentionYears },
  );
  print(report, { local: env.local, stage: env.config.name, tableName: env.tableName });
  return report.due.some((r) => r.outcome === 'mislukt') ? 1 : 0;
}

/** The command; a test passes its own clients (DynamoDB Local, a mocked CloudFormation). */
export const retentionCommand = (connect: (region: string) => StageClients = awsClients): OpsCommand => ({
  usage,
  stopped: 'De bewaartermijnprocedure stopte',
  main: (argv) => main(argv, connect),
});

runIfMain(import.meta.url, retentionCommand());
