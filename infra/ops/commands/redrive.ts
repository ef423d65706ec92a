/**
 * `npm run redrive`: runs failed workflow executions of a stage again (docs/RECOVERY.md).
 *
 *   npm run redrive -- --stage prod --dry-run                              what failed in the last 14 days (changes nothing)
 *   npm run redrive -- --stage prod                                        and run each again
 *   npm run redrive -- --stage prod --since 2027-03-05T00:00:00Z --workflow verhuizing
 *
 * FAILED, TIMED_OUT and ABORTED executions since `--since` (default: 14 days ago, Step Functions' redrive
 * window). Each is redriven; one Step Functions will not redrive is started anew with the same input, under
 * the name `<name>-opnieuw`. With the stage's credentials; the region is the stage's. Prints execution names,
 * state machines, stop times and error names: never an execution's input or the error's cause.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SFNClient } from '@aws-sdk/client-sfn';
import { stageConfig, stageNames } from '../../aws/config/stages';
import { AwsWorkflowPort } from '../recovery/aws-workflow-port';
import { processes, type Proces, REDRIVE_WINDOW_DAYS, type RedriveLine, redriveFailed } from '../recovery/redrive';
import { parseRestoreTime } from '../recovery/restore-plan';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';

const usage = `Gebruik:
  npm run redrive -- --stage dev|acc|prod [--since <ISO-tijd met zone>] [--workflow ${processes.join('|')}] [--dry-run]
Zonder --since: de laatste ${REDRIVE_WINDOW_DAYS} dagen. Met de credentials van de stage; zie docs/RECOVERY.md.`;

function options(argv: string[], now: Date) {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    since: { type: 'string' },
    workflow: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Kies een stage: --stage ${stageNames.join('|')}.`);
  const since =
    values.since === undefined
      ? new Date(now.getTime() - REDRIVE_WINDOW_DAYS * 86_400_000)
      : parseRestoreTime(values.since);
  if (!since) throw new UsageError(`--since ${values.since} is geen ISO-tijd met zone (Z of +01:00).`);
  const workflows = values.workflow ?? [...processes];
  const unknown = workflows.filter((w) => !(processes as readonly string[]).includes(w));
  if (unknown.length)
    throw new UsageError(`Onbekend werkproces: ${unknown.join(', ')}. Kies uit ${processes.join(', ')}.`);
  return { stage: values.stage, since, workflows: workflows as Proces[], dryRun: values['dry-run'] };
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const show = (line: RedriveLine) =>
  `  ${line.name}  ${line.proces}  ${line.status}  ${line.stopDate?.toISOString() ?? '-'}  ${line.error ?? '-'}  → ${line.outcome === 'droogloop' ? (line.action === 'redrive' ? 'zou redriven' : 'zou nieuw starten') : line.outcome}`;

async function main(argv: string[]): Promise<number> {
  const now = new Date();
  const chosen = options(argv, now);
  const { region } = stageConfig(chosen.stage);
  const port = new AwsWorkflowPort(new SFNClient({ region }), new CloudFormationClient({ region }));
  out(
    `Mislukte uitvoeringen van ${chosen.workflows.join(', ')} in stage ${chosen.stage} sinds ${chosen.since.toISOString()}${chosen.dryRun ? ' (droogloop)' : ''}:`,
  );
  const lines = await redriveFailed(port, { ...chosen, now }, (line) => out(show(line)));
  const failed = lines.filter((l) => l.outcome.startsWith('mislukt'));
  out(
    `${lines.length} uitvoeringen${chosen.dryRun ? '; droogloop: niets opnieuw gestart' : `; ${lines.length - failed.length} opnieuw gestart, ${failed.length} mislukt`}.`,
  );
  return failed.length ? 1 : 0;
}

export const redriveCommand: OpsCommand = { usage, stopped: 'Het opnieuw starten stopte', main };

runIfMain(import.meta.url, redriveCommand);
