/**
 * `npm run synth`, `npm run diff -- --stage acc`, `npm run deploy -- --stage acc`: thin wrappers around the
 * CDK CLI that build the SPA first, work on one stage's stacks (`Landing-<stage>-*`), and say in a few lines
 * what a deploy would change — with the resources that hold data called out — before anything happens.
 *
 *   npm run synth                                  all three stages into cdk.out, and how they differ
 *   npm run diff -- --stage acc [--details]        what a deploy of acc would change (needs credentials)
 *   npm run deploy -- --stage acc [--allow-replace] [--allow-address-change]
 *
 * Before a diff or deploy touches AWS, the stage's deploy targets (account, certificates, alarm addresses in
 * infra/aws/config/stages.ts) are checked, and the credentials must be of the stage's account
 * (deploy-guard.ts). A deploy stops when a resource that holds data (a table, the user pool, a key, a bucket)
 * would be replaced or removed, unless `--allow-replace` says that is meant, and when the site would lose its
 * address or certificate, unless `--allow-address-change` does. The deploy uses the very assembly the summary was
 * made from (`--app cdk.out`). A stage that runs on a restored table (docs/RECOVERY.md) keeps running on it:
 * the wrapper reads that from the Data stack and carries it into every synth and deploy.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageConfig, stageNames, type StageConfig, type StageName } from '../../aws/config/stages';
import { AwsRestorePort } from '../recovery/aws-restore-port';
import { formatChanges, stackChange } from './change-summary';
import { type OpsCommand, parseCommandLine, runIfMain, UsageError } from './command-line';
import { checkDeployTarget, DeployRefused } from './deploy-guard';
import { deployedTemplate } from './deployed-template';
import { currentRepointing, repointingContext, repointingParameters } from './stage-repointing';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const assemblyDir = path.join(projectRoot, 'cdk.out');

const usage = `Gebruik:
  npm run synth                                    alle stages in cdk.out (zonder credentials)
  npm run diff -- --stage dev|acc|prod [--details]   wat een deploy zou wijzigen
  npm run deploy -- --stage dev|acc|prod [--allow-replace] [--allow-address-change] [--no-prompt]
Account en certificaten van een stage staan in infra/aws/config/stages.ts; zie docs/OPERATIONS.md.`;

const stageOptions = {
  stage: { type: 'string' },
  details: { type: 'boolean', default: false },
  'allow-replace': { type: 'boolean', default: false },
  'allow-address-change': { type: 'boolean', default: false },
  // CDK asks nothing: for the pipeline, where the diff was read in the pull request and at the approval.
  'no-prompt': { type: 'boolean', default: false },
} as const;

function run(executable: string, args: string[]): void {
  const result = spawnSync(executable, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const cdk = (args: string[]) =>
  run(process.execPath, [path.join(projectRoot, 'node_modules/aws-cdk/bin/cdk'), ...args]);
const buildWeb = () => run('npm', ['run', '--silent', 'build:web']);

function stageArgument(stage: string | undefined): StageName {
  if (!stage || !(stageNames as readonly string[]).includes(stage))
    throw new UsageError(`Geef de stage: --stage ${stageNames.join('|')}.`);
  return stage as StageName;
}

/** The stage's targets and the credentials' account; a refusal is printed and ends the command (exit 1). */
async function guard(stage: StageName): Promise<void> {
  const config = stageConfig(stage);
  try {
    await checkDeployTarget(config, new STSClient({ region: config.region }));
  } catch (error) {
    if (!(error instanceof DeployRefused)) throw error;
    process.stderr.write(`Niet verder: stage ${stage} is niet klaar om uit te rollen.\n`);
    for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
}

/** The stacks of a stage in the assembly just synthesized, with their templates. */
function stacksInAssembly(stage: StageName): { name: string; template: Record<string, unknown> }[] {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  return Object.entries(manifest.artifacts)
    .filter(([name, a]) => a.type === 'aws:cloudformation:stack' && name.startsWith(`Landing-${stage}-`))
    .map(([name, a]) => ({
      name,
      template: JSON.parse(readFileSync(path.join(assemblyDir, a.properties!.templateFile!), 'utf8')) as Record<
        string,
        unknown
      >,
    }));
}

function repointingOf(stage: StageName) {
  const region = stageConfig(stage).region;
  const dynamo = new DynamoDBClient({ region });
  return currentRepointing(stage, new AwsRestorePort(dynamo, new CloudFormationClient({ region })), dynamo);
}

/** The summary per stack, printed; what it found that should stop a deploy. */
async function summarise(stage: StageName): Promise<{ dataAtRisk: boolean; losesAddress: boolean }> {
  const cloudFormation = new CloudFormationClient({ region: stageConfig(stage).region });
  const changes = [];
  for (const { name, template } of stacksInAssembly(stage))
    changes.push(stackChange(name, await deployedTemplate(cloudFormation, name), template));
  for (const line of formatChanges(stage, changes)) console.log(line);
  return {
    dataAtRisk: changes.some((c) => c.atRisk.length > 0),
    losesAddress: changes.some((c) => c.addressChanges.some((a) => a.losesAddress)),
  };
}

/** Where the stages' settings differ, from the typed config itself. */
function stageSettings(): string[] {
  const configs = stageNames.map((name) => stageConfig(name));
  const keys = Object.keys(configs[0]!) as (keyof StageConfig)[];
  const show = (v: unknown) =>
    typeof v === 'object' && v !== null && 'toHumanString' in v
      ? (v as { toHumanString(): string }).toHumanString()
      : JSON.stringify(v);
  return keys
    .filter((k) => k !== 'name' && new Set(configs.map((c) => show(c[k]))).size > 1)
    .map((k) => `  ${k.padEnd(22)} ${configs.map((c) => `${c.name}: ${show(c[k])}`).join('  ·  ')}`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseCommandLine(argv, stageOptions, true);
  const command = positionals[0];
  switch (command) {
    case 'synth': {
      buildWeb();
      cdk(['synth', 'Landing-*', '--quiet']);
      console.log(
        `\nDrie stages in cdk.out (${stageNames.map((s) => `${stacksInAssembly(s).length} stacks ${s}`).join(', ')}). Ze verschillen alleen in:`,
      );
      for (const line of stageSettings()) console.log(line);
      return 0;
    }
    case 'diff': {
      const stage = stageArgument(values.stage);
      await guard(stage);
      const repointing = await repointingOf(stage);
      buildWeb();
      cdk(['synth', `Landing-${stage}-*`, '--quiet', ...repointingContext(stage, repointing)]);
      await summarise(stage);
      if (values.details) cdk(['diff', '--app', 'cdk.out', `Landing-${stage}-*`]);
      return 0;
    }
    case 'deploy': {
      const stage = stageArgument(values.stage);
      await guard(stage);
      const repointing = await repointingOf(stage);
      if (repointing.main || repointing.audit)
        console.log(
          `De stage draait op herstelde tabellen: ${[repointing.main?.tableName, repointing.audit?.tableName].filter(Boolean).join(', ')} (blijft zo).`,
        );
      buildWeb();
      cdk(['synth', `Landing-${stage}-*`, '--quiet', ...repointingContext(stage, repointing)]);
      const found = await summarise(stage);
      if (found.dataAtRisk && !values['allow-replace']) {
        console.error(
          '\nNiet uitgerold: een resource met gegevens zou worden vervangen of verwijderd. Zie docs/OPERATIONS.md (Rollback); bedoeld? Dan met --allow-replace.',
        );
        return 1;
      }
      if (found.losesAddress && !values['allow-address-change']) {
        console.error(
          '\nNiet uitgerold: de site zou haar adres of certificaat verliezen. Vul domain in infra/aws/config/stages.ts aan; bedoeld? Dan met --allow-address-change.',
        );
        return 1;
      }
      cdk([
        'deploy',
        '--app',
        'cdk.out',
        `Landing-${stage}-*`,
        '--require-approval',
        values['no-prompt'] ? 'never' : 'broadening',
        ...repointingParameters(stage, repointing),
      ]);
      return 0;
    }
    default:
      throw new UsageError(command ? `Onbekende opdracht: ${command}.` : 'Noem de opdracht: synth, diff of deploy.');
  }
}

export const stageCommand: OpsCommand = { usage, stopped: 'De opdracht stopte', main };

runIfMain(import.meta.url, stageCommand);
