/**
 * `npm run repair-alarms`: sets the workflows' missing alarms again (docs/RECOVERY.md).
 *
 *   npm run repair-alarms -- --stage prod --dry-run     which alarms are missing, which steps are due (changes nothing)
 *   npm run repair-alarms -- --stage prod               and set each missing alarm, start each due workflow
 *
 * For every transition of the stage's table (its own, or the restored one it runs on) it asks the move and the
 * follow-up rule what they wait for, and compares with the schedules in the group `landing-<stage>`. With the
 * stage's credentials; the region is the stage's. Prints counts, transition ids and process names only.
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoPersonRecords } from '../../../functions/storage/dynamo-person-records';
import { DynamoContactStore, DynamoSignalStore } from '../../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../../functions/storage/dynamo-transition-store';
import { stageNames, type StageName } from '../../aws/config/stages';
import { AwsWorkflowPort } from '../recovery/aws-workflow-port';
import { type RepairLine, repairAlarms, ruleExpectations, schedulerAlarms } from '../recovery/repair-alarms';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { stageTablesInUse, tablesLine } from './stage-environment';

const usage = `Gebruik:
  npm run repair-alarms -- --stage dev|acc|prod [--dry-run]
Met de credentials van de stage; zie docs/RECOVERY.md, sectie 5.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Kies een stage: --stage ${stageNames.join('|')}.`);
  return { stage: values.stage as StageName, dryRun: values['dry-run'] };
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const show = (l: RepairLine) => `  ${l.proces}  ${l.transitionId}  ${l.bevinding}  → ${l.outcome}`;

async function main(argv: string[]): Promise<number> {
  const chosen = options(argv);
  const tables = await stageTablesInUse(chosen.stage);
  const { region, clients } = tables;
  const { cloudFormation, dynamo } = clients;
  const { Stacks } = await cloudFormation.send(
    new DescribeStacksCommand({ StackName: `Landing-${chosen.stage}-Workflows` }),
  );
  const output = (key: string) => {
    const value = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
    if (!value) throw new UsageError(`Landing-${chosen.stage}-Workflows heeft geen ${key}: is de stage uitgerold?`);
    return value;
  };
  const config = {
    groupName: output('AlarmScheduleGroup'),
    roleArn: output('AlarmSchedulerRoleArn'),
    deadLetterArn: output('AlarmDeadLetterArn'),
    workflowArns: { verhuizing: output('MoveWorkflowArn'), signalen: output('SignalWorkflowArn') },
  };
  const tableName = tables.main;
  out(tablesLine(tables, chosen.stage));
  const db = createDocumentClient(dynamo);
  const workflows = new AwsWorkflowPort(new SFNClient({ region }), cloudFormation);
  out(`Wekkers van stage ${chosen.stage} (groep ${config.groupName})${chosen.dryRun ? ' (droogloop)' : ''}:`);
  const report = await repairAlarms(
    {
      transitionIds: async () => (await new DynamoPersonRecords(db, tableName).survey()).transitions.map((t) => t.id),
      expected: ruleExpectations({
        transitions: new DynamoTransitionStore(db, tableName),
        signals: new DynamoSignalStore(db, tableName),
        contacts: new DynamoContactStore(db, tableName),
      }),
      ...schedulerAlarms(new SchedulerClient({ region }), config),
      startWorkflow: (proces, transitionId, name) =>
        workflows.start(config.workflowArns[proces], name, JSON.stringify({ transitionId })),
    },
    { dryRun: chosen.dryRun, now: new Date() },
    (line) => out(show(line)),
  );
  const failed = report.lines.filter((l) => l.outcome.startsWith('mislukt'));
  const missing = report.lines.filter((l) => l.bevinding === 'wekker ontbrak').length;
  out(
    `${report.transitions} trajecten; ${report.inOrde} wekkers in orde, ${missing} ontbraken, ${report.lines.length - missing} stappen stonden klaar${chosen.dryRun ? '; droogloop: niets gewijzigd' : `; ${failed.length} mislukt`}.`,
  );
  return failed.length ? 1 : 0;
}

export const repairAlarmsCommand: OpsCommand = { usage, stopped: 'Het herstellen van de wekkers stopte', main };

runIfMain(import.meta.url, repairAlarmsCommand);
