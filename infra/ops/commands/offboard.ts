/**
 * `npm run offboard`: someone leaves (docs/OPERATIONS.md, "Offboarding"). Their user is disabled and signed out,
 * they leave their team, and they are taken off the transitions they support, each change in the audit trail.
 *
 *   npm run offboard -- --stage prod --email <e-mail> [--opvolger <e-mail>]
 *   npm run offboard -- --stage prod --file vertrek.txt          one line each: <e-mail> [<e-mail van opvolger>]
 *
 * A duo goes on with the partner; the successor takes the leaver's place where named. A transition the leaver
 * supports alone keeps them until a successor is named: its id is printed and the command exits 1, so a
 * caseload is never left without a begeleider silently. With the stage's credentials; prints ids and counts.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import * as z from 'zod';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { type StageName, stageConfig, stageNames } from '../../aws/config/stages';
import { CognitoUsers } from '../onboarding/cognito-users';
import { offboard } from '../onboarding/offboard';
import {
  InputFileError,
  type OpsCommand,
  parseCommandLine,
  readInputFile,
  runIfMain,
  UsageError,
} from './command-line';
import { stageTablesInUse, stageUserPoolId, tablesLine } from './stage-environment';

const usage = `Gebruik:
  npm run offboard -- --stage dev|acc|prod --email <e-mail> [--opvolger <e-mail>] [--operator <id>]
  npm run offboard -- --stage dev|acc|prod --file <vertrek.txt>     per regel: <e-mail> [<e-mail van opvolger>]
Zet de gebruiker uit, haalt hem uit zijn team en van zijn trajecten (een duo gaat door met de ander, een opvolger
neemt zijn plaats in). Trajecten die hij alleen begeleidt blijven bij hem tot er een opvolger is: ze worden
genoemd en het commando eindigt met 1. Zie docs/OPERATIONS.md.`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const email = z.email();

/** The leavers of a file, one a line; a mistake names its line (1-based). Lines starting with # are notes. */
export function parseLeavers(file: string, text: string): { email: string; opvolger?: string }[] {
  const leavers: { email: string; opvolger?: string }[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [who, successor, ...rest] = line.split(/[\s,;]+/);
    if (rest.length || !email.safeParse(who).success || (successor && !email.safeParse(successor).success))
      throw new InputFileError(`${file}, regel ${i + 1}: verwacht <e-mail> [<e-mail van opvolger>].`);
    leavers.push({ email: who!, ...(successor ? { opvolger: successor } : {}) });
  }
  if (!leavers.length) throw new InputFileError(`${file} noemt niemand.`);
  return leavers;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    email: { type: 'string' },
    opvolger: { type: 'string' },
    file: { type: 'string' },
    operator: { type: 'string' },
  });
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Kies een stage: --stage ${stageNames.join('|')}.`);
  if (Boolean(values.email) === Boolean(values.file))
    throw new UsageError('Noem --email <e-mail> of --file <bestand>.');
  if (values.file && values.opvolger) throw new UsageError('Met --file staat de opvolger per regel in het bestand.');
  for (const address of [values.email, values.opvolger])
    if (address && !email.safeParse(address).success) throw new UsageError(`${address} is geen e-mailadres.`);
  const leavers = values.file
    ? parseLeavers(values.file, readInputFile(values.file))
    : [{ email: values.email!, ...(values.opvolger ? { opvolger: values.opvolger } : {}) }];
  const stage = values.stage as StageName;

  const tables = await stageTablesInUse(stage);
  out(tablesLine(tables, stage));
  const userPoolId = await stageUserPoolId(tables, stage);
  const db = createDocumentClient(tables.clients.dynamo);
  const operator = values.operator ?? userInfo().username;
  const deps = {
    db,
    tableName: tables.main,
    audit: new DynamoAuditLog(db, tables.audit, stageConfig(stage).auditRetentionDays),
    users: new CognitoUsers(new CognitoIdentityProviderClient({ region: tables.region }), userPoolId),
    now: () => new Date(),
    newId: randomUUID,
    operator: { id: operator, naam: operator },
    runId: randomUUID(),
  };
  let unfinished = 0;
  for (const [i, leaver] of leavers.entries()) {
    const report = await offboard(deps, leaver.email, leaver.opvolger);
    const who = `Vertrekker ${i + 1}`;
    if (report.outcome === 'onbekend') {
      out(`${who}: geen gebruiker met dit e-mailadres in stage ${stage}; niets gewijzigd.`);
      unfinished += 1;
      continue;
    }
    if (report.outcome === 'opvolger-ongeldig') {
      out(`${who}: de opvolger is geen actieve begeleider of teamleider van dezelfde organisatie; niets gewijzigd.`);
      unfinished += 1;
      continue;
    }
    out(
      `${who}: uitgeschakeld en afgemeld, uit ${report.teamId ? `team ${report.teamId}` : 'de organisatielijst'}; van ${report.removedFrom.length} trajecten gehaald (${report.handedOver.length} naar de opvolger).`,
    );
    if (report.withoutSuccessor.length) {
      unfinished += 1;
      out(
        `  ${report.withoutSuccessor.length} trajecten begeleidt hij alleen; die blijven bij hem tot er een opvolger is (draai opnieuw met --opvolger <e-mail>):`,
      );
      for (const id of report.withoutSuccessor) out(`    ${id}`);
    }
  }
  return unfinished ? 1 : 0;
}

export const offboardCommand: OpsCommand = { usage, stopped: 'Het offboarden stopte', main };

runIfMain(import.meta.url, offboardCommand);
