/**
 * `npm run onboard`: brings an organisation onto a stage from one JSON file (docs/OPERATIONS.md, "First
 * deployment" and "Onboarding"): the organisations, and every member of staff as a Cognito user (invited by
 * e-mail, MFA on first sign-in) and as a staff item keyed by their Cognito `sub`.
 *
 *   npm run onboard -- --stage acc --file organisatie.json --dry-run     check the file, offline: no AWS at all
 *   npm run onboard -- --stage acc --file organisatie.json               create and update, ≤ 50 invitations a run
 *   npm run onboard -- --stage acc --file organisatie.json --resend      and invite again who never signed in
 *
 * Example file: docs/examples/organisatie.voorbeeld.json. With the stage's credentials; prints counts only.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { type StageName, stageNames } from '../../aws/config/stages';
import { CognitoUsers } from '../onboarding/cognito-users';
import { DEFAULT_INVITATIONS_PER_RUN, onboard } from '../onboarding/onboard';
import { parseOnboardingFile } from '../onboarding/onboarding-file';
import {
  InputFileError,
  type OpsCommand,
  parseCommandLine,
  parseJsonFile,
  readInputFile,
  runIfMain,
  UsageError,
} from './command-line';
import { stageTablesInUse, stageUserPoolId, tablesLine } from './stage-environment';

const usage = `Gebruik:
  npm run onboard -- --stage dev|acc|prod --file <organisatie.json> --dry-run   alleen het bestand controleren (offline)
  npm run onboard -- --stage dev|acc|prod --file <organisatie.json> [--resend] [--max-uitnodigingen <n>]
Per run gaan hooguit ${DEFAULT_INVITATIONS_PER_RUN} uitnodigingen uit (Cognito mailt ~50 per dag); draai de volgende dag
opnieuw voor de rest. --resend nodigt opnieuw uit wie nog nooit aanmeldde (tijdelijk wachtwoord verlopen).
Voorbeeld: docs/examples/organisatie.voorbeeld.json. Zie docs/OPERATIONS.md.`;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    stage: { type: 'string' },
    file: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    resend: { type: 'boolean', default: false },
    'max-uitnodigingen': { type: 'string' },
  });
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
    throw new UsageError(`Kies een stage: --stage ${stageNames.join('|')}.`);
  if (!values.file) throw new UsageError('Noem het bestand: --file organisatie.json.');
  const max =
    values['max-uitnodigingen'] === undefined ? DEFAULT_INVITATIONS_PER_RUN : Number(values['max-uitnodigingen']);
  if (!Number.isInteger(max) || max < 0) throw new UsageError('--max-uitnodigingen is een heel getal (0 of meer).');
  const stage = values.stage as StageName;

  const parsed = parseOnboardingFile(parseJsonFile(values.file, readInputFile(values.file)));
  if (!parsed.ok)
    throw new InputFileError(
      `Niets geschreven; ${values.file} klopt niet:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  const { file } = parsed;
  if (values['dry-run']) {
    out(
      `Droogloop (offline, niets geschreven): ${values.file} klopt: ${file.organisaties.length} organisaties, ${file.medewerkers.length} medewerkers.`,
    );
    return 0;
  }

  const tables = await stageTablesInUse(stage);
  out(tablesLine(tables, stage));
  const userPoolId = await stageUserPoolId(tables, stage);
  const report = await onboard(
    {
      db: createDocumentClient(tables.clients.dynamo),
      tableName: tables.main,
      users: new CognitoUsers(new CognitoIdentityProviderClient({ region: tables.region }), userPoolId),
    },
    file,
    { maxInvitations: max, resend: values.resend },
  );
  out(
    `${report.organisations} organisaties, ${report.staff} medewerkers: ${report.usersCreated} nieuwe gebruikers (uitnodiging per e-mail), ${report.usersUpdated} bijgewerkt, ${report.invitationsResent} opnieuw uitgenodigd.`,
  );
  if (report.waiting)
    out(
      `${report.waiting} wachten nog op een uitnodiging (hooguit ${max} per run): draai morgen hetzelfde commando, het gaat verder waar dit stopte.`,
    );
  return 0;
}

export const onboardCommand: OpsCommand = { usage, stopped: 'Het onboarden stopte', main };

runIfMain(import.meta.url, onboardCommand);
