/**
 * `npm run onboard`: brings an organisation onto a stage from one JSON file (docs/OPERATIONS.md, "First
 * deployment"): the organisations, and every member of staff as a Cognito user (invited by e-mail, MFA on
 * first sign-in) and as a staff item keyed by their Cognito `sub`.
 *
 *   npm run onboard -- --stage acc --file organisatie.json --dry-run     check the file, look users up, write nothing
 *   npm run onboard -- --stage acc --file organisatie.json               create and update
 *
 * Example file: docs/examples/organisatie.voorbeeld.json. With the stage's credentials; prints counts only.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { stageConfig, stageNames } from '../../aws/config/stages';
import { CognitoUsers } from '../onboarding/cognito-users';
import { onboard } from '../onboarding/onboard';
import { parseOnboardingFile } from '../onboarding/onboarding-file';
import { AwsRestorePort } from '../recovery/aws-restore-port';

const { values } = parseArgs({
  options: { stage: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
if (!values.stage || !(stageNames as readonly string[]).includes(values.stage))
  fail(`Kies een stage: --stage ${stageNames.join('|')}.`);
if (!values.file)
  fail('Noem het bestand: --file organisatie.json (voorbeeld: docs/examples/organisatie.voorbeeld.json).');

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(values.file!, 'utf8'));
} catch (error) {
  fail(`${values.file} is geen leesbaar JSON-bestand (${(error as Error).name}).`);
}
const parsed = parseOnboardingFile(raw);
if (!parsed.ok) fail(`Niets geschreven; het bestand klopt niet:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
const file = parsed.ok ? parsed.file : fail('');

const stage = stageConfig(values.stage);
const region = stage.region;
const cloudFormation = new CloudFormationClient({ region });
const dynamo = new DynamoDBClient({ region });
const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: `Landing-${stage.name}-Api` }));
const userPoolId =
  Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'UserPoolId')?.OutputValue ??
  fail(`Landing-${stage.name}-Api heeft geen UserPoolId: is de stage uitgerold?`);
const { active } = await new AwsRestorePort(dynamo, cloudFormation).stageTables(stage.name);

const report = await onboard(
  {
    db: createDocumentClient(dynamo),
    tableName: active.main,
    users: new CognitoUsers(new CognitoIdentityProviderClient({ region }), userPoolId),
  },
  file,
  values['dry-run'],
);
process.stdout.write(
  `${values['dry-run'] ? 'Droogloop (niets geschreven): ' : ''}${report.organisations} organisaties, ${report.staff} medewerkers: ${report.usersCreated} nieuwe gebruikers (uitnodiging per e-mail), ${report.usersUpdated} bijgewerkt. Tabel ${active.main}.\n`,
);
