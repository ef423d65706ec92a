/**
 * `npm run restore`: restores a stage's table to a point in time, into a new table, checks it, and prints the
 * deploy that makes the stage use it (docs/RECOVERY.md).
 *
 *   npm run restore -- --stage prod --to 2027-03-05T10:15:00+01:00 --dry-run      what would happen (writes nothing)
 *   npm run restore -- --stage prod --to 2027-03-05T10:15:00+01:00                restore, settings, checks, deploy command
 *   npm run restore -- --stage prod --to … --table audit                          the audit trail instead of the product table
 *   npm run restore -- --stage prod --to … --source-table <name>                  another table than the one the stage runs on
 *
 * With the stage's credentials; the region is the stage's. Prints table names, counts and check results only:
 * never anything of a record. Running it again for the same time continues with the table the first run made.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { stageConfig, stageNames } from '../../aws/config/stages';
import { AwsRestorePort } from '../recovery/aws-restore-port';
import type { Finding } from '../recovery/design-check';
import type { TableKind } from '../recovery/repoint';
import { restoreTable, type RestoreReport } from '../recovery/restore-procedure';
import { parseRestoreTime } from '../recovery/restore-plan';
import { checkTable } from '../recovery/table-check';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';

const usage = `Gebruik:
  npm run restore -- --stage dev|acc|prod --to <ISO-tijd met zone> [--table main|audit] [--source-table <naam>] [--dry-run]
Bijvoorbeeld: --to 2027-03-05T10:15:00+01:00. Met de credentials van de stage; zie docs/RECOVERY.md.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    to: { type: 'string' },
    table: { type: 'string', default: 'main' },
    'source-table': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Kies een stage: --stage ${stageNames.join('|')}.`);
  if (!values.to) throw new UsageError('Noem het tijdstip: --to <ISO-tijd met zone>.');
  const to = parseRestoreTime(values.to);
  if (!to) throw new UsageError(`--to ${values.to} is geen ISO-tijd met zone (Z of +01:00).`);
  if (values.table !== 'main' && values.table !== 'audit') throw new UsageError('--table is main of audit.');
  return {
    stage: values.stage,
    to,
    kind: values.table as TableKind,
    sourceTable: values['source-table'],
    dryRun: values['dry-run'],
  };
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const mark = (f: Finding) => `  ${f.ok ? '✓' : '✗'} ${f.check}: ${f.detail}`;

function print(report: RestoreReport): void {
  const { options: o } = report;
  if (report.stopped) out(`  ✗ ${report.stopped.step}: ${report.stopped.reason}`);
  if (report.outcome === 'droogloop' && report.request) {
    out();
    out('Droogloop: niets hersteld, niets gewijzigd. Een echte run zou:');
    out(
      `  ${report.source} herstellen naar ${o.to.toISOString()} in ${report.target} (on-demand, indexen ${report.request.indexes.map((i) => i.name).join(', ')}, SSE met de AWS managed key),`,
    );
    out(
      `  daarna TTL, PITR, verwijderbeveiliging${o.kind === 'main' ? ', de stream (NEW_AND_OLD_IMAGES)' : ''} en de tags opnieuw zetten, de tabel controleren`,
    );
    out('  en de deploy noemen die de stage naar de herstelde tabel omzet.');
    return;
  }
  if (report.check) {
    out();
    out(
      `Items per soort in ${report.check.tableName}: ${
        Object.entries(report.check.counts)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'geen'
      }`,
    );
    out('Controles:');
    for (const f of [...(report.settings ?? []), ...report.check.findings]) out(mark(f));
  }
  out();
  switch (report.outcome) {
    case 'klaar':
      out(
        `Klaar. ${report.target} is gecontroleerd. De stage draait nog op ${report.source}: zet haar om met deze deploy,`,
      );
      out('en geef dezelfde --context mee aan elke volgende deploy van deze stage (docs/RECOVERY.md):');
      out();
      out(`  ${report.deploy}`);
      break;
    case 'controle-mislukt':
      out(
        `Niet omgezet: de controle van ${report.target} vond fouten (hierboven). De stage draait nog op ${report.source}.`,
      );
      break;
    case 'geweigerd':
      out('Geweigerd: er is niets hersteld en niets omgezet.');
      break;
    case 'gestopt':
      out(
        `Gestopt bij stap "${report.stopped?.step}". De stage is niet omgezet; ${report.target ? `${report.target} bestaat mogelijk al: draai opnieuw met dezelfde --to om verder te gaan` : 'er is niets hersteld'}.`,
      );
      break;
  }
}

async function main(argv: string[]): Promise<number> {
  const chosen = options(argv);
  const { region } = stageConfig(chosen.stage);
  const dynamo = new DynamoDBClient({ region });
  const port = new AwsRestorePort(dynamo, new CloudFormationClient({ region }));
  const db = createDocumentClient(dynamo);
  out(
    `Herstel van de ${chosen.kind === 'main' ? 'producttabel' : 'audittabel'} van stage ${chosen.stage} naar ${chosen.to.toISOString()}${chosen.dryRun ? ' (droogloop)' : ''}`,
  );
  const report = await restoreTable(
    port,
    (tableName, kind) => checkTable({ describe: (name) => port.describe(name), db }, kind, tableName),
    chosen,
    out,
  );
  print(report);
  return report.outcome === 'klaar' || report.outcome === 'droogloop' ? 0 : 1;
}

export const restoreCommand: OpsCommand = { usage, stopped: 'Het herstel stopte', main };

runIfMain(import.meta.url, restoreCommand);
