/**
 * `npm run retention`: the retention procedure for ops (docs/RETENTION.md). Finds the records whose
 * bewaartermijn has run out, exports each to one JSON file, and deletes it after the export was written.
 *
 *   npm run retention -- --dry-run                              what is due, with counts (writes nothing)
 *   npm run retention -- --export-dir <dir>                     one <transitionId>.json per record due
 *   npm run retention -- --export-dir <dir> --delete            the same, then deletes each exported record
 *
 * On AWS: `--stage dev|acc|prod` (the retention period and the alarms' schedule group come from the stage),
 * with the stage's credentials and TABLE_NAME and AUDIT_TABLE_NAME set to the stage's tables. Locally, with
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
import { parseArgs } from 'node:util';
import { clock } from '../../../functions/clock';
import { ExportDirectory } from '../../../functions/retention/export-directory';
import type { WakeupAlarms } from '../../../functions/retention/ports';
import { runRetention, type RetentionMode, type RetentionReport } from '../../../functions/retention/retention-run';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { DynamoPersonRecords } from '../../../functions/storage/dynamo-person-records';
import { SchedulerWakeupAlarms } from '../../../functions/workflow/wakeup-alarms';
import { stageConfig, stageNames } from '../../aws/config/stages';
import { localCredentials, localRegion } from '../../local/dynamodb-local';
import { LocalClock } from '../../local/local-clock';
import { runCommand, UsageError } from './command-line';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCAL_TABLE = 'landing-local';

const usage = `Gebruik:
  npm run retention -- --dry-run [--stage dev|acc|prod]
  npm run retention -- --export-dir <map> [--delete] [--stage dev|acc|prod] [--operator <id>]
Op AWS: --stage en TABLE_NAME en AUDIT_TABLE_NAME zijn verplicht. Lokaal: AWS_ENDPOINT_URL_DYNAMODB=<DynamoDB Local>.`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'export-dir': { type: 'string' },
      delete: { type: 'boolean', default: false },
      stage: { type: 'string' },
      operator: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return undefined;
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
  return { mode, exportDir, stage: values.stage, operator: values.operator ?? userInfo().username };
}

/** Where the tool runs: the local product (DynamoDB Local) or a stage on AWS. */
function environment(stage: string | undefined) {
  const local = Boolean(process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (!local && !stage) throw new UsageError('Op AWS is --stage verplicht: de bewaartermijn hoort bij de stage.');
  if (local) {
    process.env.AWS_REGION ??= localRegion;
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    // The demo clock may be ahead (the developer menu moves it): the local product's today counts here too.
    new LocalClock(path.join(projectRoot, '.local/clock.json'));
  }
  const config = stageConfig(stage ?? 'dev');
  const tableName = process.env.TABLE_NAME ?? (local ? LOCAL_TABLE : undefined);
  if (!tableName) throw new UsageError('Zet TABLE_NAME op de tabel van de stage.');
  const auditTableName = process.env.AUDIT_TABLE_NAME ?? (local ? `${tableName}-audit` : undefined);
  if (!auditTableName) throw new UsageError('Zet AUDIT_TABLE_NAME op de audittabel van de stage.');
  // Locally the alarms live inside the running product (.local/schedules.json), out of this process's reach.
  const alarms: WakeupAlarms | undefined = local
    ? undefined
    : new SchedulerWakeupAlarms(new SchedulerClient({}), `landing-${config.name}`);
  return { local, config, tableName, auditTableName, alarms };
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

async function main(): Promise<number> {
  const chosen = options(process.argv.slice(2));
  if (!chosen) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const env = environment(chosen.stage);
  const db = createDocumentClient();
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

runCommand(main, usage, 'De bewaartermijnprocedure stopte');
