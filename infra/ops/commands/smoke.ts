/**
 * `npm run smoke`: the last step of every deploy (docs/OPERATIONS.md). Walks the public API as one smoke user:
 * health, sign-in, a read, and one write that it undoes again (an API key for a corporation, made, used, revoked).
 *
 *   npm run smoke -- --base http://127.0.0.1:3000       the local product (signs in as the demo beheerder)
 *   npm run smoke -- --stage acc                         a stage on AWS, at its own address
 *   npm run smoke -- --stage acc --base <url>            a stage at another address (the CloudFront domain)
 *
 * On AWS the smoke user comes from Secrets Manager (`landing/<stage>/smoke-user`), with the stage's credentials.
 * Prints each step with its status and time; exit 0 only when every step passed, 1 when one failed, 2 on a
 * usage mistake. Never prints a token, key or password.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { stageConfig, stageNames } from '../../aws/config/stages';
import { cognitoSignIn, localSignIn } from '../smoke/sign-in';
import { runSmoke, type SmokeStep } from '../smoke/smoke-walk';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The local demo's beheerder: manages the demo organisation's webhooks and API keys, sees no one's record. */
const LOCAL_SMOKE_USER = 'u-bram';

const usage = `Gebruik:
  npm run smoke -- --base <url> [--user <id>]            lokaal (npm start); standaard als ${LOCAL_SMOKE_USER}
  npm run smoke -- --stage dev|acc|prod [--base <url>]    op AWS, met de rooktestgebruiker uit Secrets Manager
  [--corporatie <id>]                                     de corporatie voor de API-sleutel (standaard de eerste)
Zie docs/OPERATIONS.md.`;

function options(argv: string[]) {
  const { values } = parseCommandLine(argv, {
    base: { type: 'string' },
    stage: { type: 'string' },
    user: { type: 'string' },
    corporatie: { type: 'string' },
  });
  if (values.stage !== undefined && !(stageNames as readonly string[]).includes(values.stage)) {
    throw new UsageError(`Onbekende stage: kies ${stageNames.join(', ')}.`);
  }
  if (values.stage && values.user)
    throw new UsageError('--user is voor lokaal; op AWS is het de rooktestgebruiker van de stage.');
  const base = values.base ?? (values.stage ? stageConfig(values.stage).publicBaseUrl : undefined);
  if (!base) throw new UsageError('Noem het adres: --base <url>, of een stage: --stage dev|acc|prod.');
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol))
    throw new UsageError(`--base ${base} is geen http(s)-adres.`);
  return { base, stage: values.stage, user: values.user ?? LOCAL_SMOKE_USER, corporatieId: values.corporatie };
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const show = (s: SmokeStep) =>
  `  ${s.ok ? '✓' : '✗'} ${s.step.padEnd(13)} ${String(s.status ?? '-').padStart(3)}  ${`${s.ms} ms`.padStart(8)}  ${s.detail}`;

async function main(argv: string[]): Promise<number> {
  const chosen = options(argv);
  const { stage } = chosen;
  const region = stage ? stageConfig(stage).region : undefined;
  const signIn = stage
    ? () =>
        cognitoSignIn({
          stage,
          secrets: new SecretsManagerClient({ region }),
          cloudFormation: new CloudFormationClient({ region }),
          cognito: new CognitoIdentityProviderClient({ region }),
        })
    : () => localSignIn(chosen.base, chosen.user);
  out(`Rooktest van ${chosen.base}${stage ? ` (stage ${stage})` : ' (lokaal)'}:`);
  const started = Date.now();
  const report = await runSmoke({
    base: chosen.base,
    signIn,
    ...(chosen.corporatieId ? { corporatieId: chosen.corporatieId } : {}),
    onStep: (step) => out(show(step)),
  });
  const failed = report.steps.filter((s) => !s.ok && s.detail !== 'overgeslagen');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report.ok) {
    out(`Rooktest geslaagd: ${report.steps.length} stappen in ${seconds} s.`);
    return 0;
  }
  process.stderr.write(
    `Rooktest MISLUKT bij ${failed.map((s) => s.step).join(', ')}: ${failed[0]?.detail ?? 'onbekend'}\n`,
  );
  return 1;
}

export const smokeCommand: OpsCommand = { usage, stopped: 'De rooktest stopte', main };

runIfMain(import.meta.url, smokeCommand);
