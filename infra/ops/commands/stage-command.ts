/**
 * `npm run synth`, `npm run diff -- --stage acc`, `npm run deploy -- --stage acc`: thin wrappers around the
 * CDK CLI that build the SPA first, work on one stage's stacks (`Landing-<stage>-*`), and say in a few lines
 * what a deploy would change — with the resources that hold data called out — before anything happens.
 *
 *   npm run synth                                  all three stages into cdk.out, and how they differ
 *   npm run diff -- --stage acc [--details]        what a deploy of acc would change (needs credentials)
 *   npm run deploy -- --stage acc [--allow-replace] [--certificate <arn>] [--api-certificate <arn>]
 *
 * A deploy stops when a resource that holds data (a table, the user pool, a key, a bucket) would be replaced
 * or removed, unless `--allow-replace` says that is meant. The deploy uses the very assembly the summary was
 * made from (`--app cdk.out`). A stage that runs on a restored table (docs/RECOVERY.md) keeps running on it:
 * the wrapper reads that from the Data stack and carries it into every synth and deploy.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageConfig, stageNames, type StageConfig, type StageName } from '../../aws/config/stages';
import { AwsRestorePort } from '../recovery/aws-restore-port';
import { formatChanges, stackChange } from './change-summary';
import { execute, type OpsCommand, parseCommandLine } from './command-line';
import { deployedTemplate } from './deployed-template';
import { currentRepointing, repointingContext, repointingParameters } from './stage-repointing';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const assemblyDir = path.join(projectRoot, 'cdk.out');

const usage = `Gebruik:
  npm run synth
  npm run diff -- --stage dev|acc|prod [--details]
  npm run deploy -- --stage dev|acc|prod [--allow-replace] [--certificate <arn>] [--api-certificate <arn>]
Zie docs/OPERATIONS.md.`;
const stageOptions = {
  stage: { type: 'string' },
  details: { type: 'boolean', default: false },
  'allow-replace': { type: 'boolean', default: false },
  certificate: { type: 'string' },
  'api-certificate': { type: 'string' },
} as const;
/** Only the command line, for `--help` and mistakes in it (the same answers as every ops command). */
export const stageCommandLine: OpsCommand = {
  usage,
  stopped: 'Het stagecommando stopte',
  main: async (argv) => {
    parseCommandLine(argv, stageOptions, true);
    return 0;
  },
};
const argv = process.argv.slice(2);
if (process.argv[1]?.endsWith('stage-command.ts')) {
  const code = await execute(stageCommandLine, argv);
  if (code !== 0 || argv.includes('--help') || argv.includes('-h')) process.exit(code);
}
// A test that imports this module for its command line parses nothing of its own arguments.
const { positionals, values } = parseCommandLine(
  process.argv[1]?.endsWith('stage-command.ts') ? argv : [],
  stageOptions,
  true,
);
const command = positionals[0];

function run(executable: string, args: string[]): void {
  const result = spawnSync(executable, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const cdk = (args: string[]) =>
  run(process.execPath, [path.join(projectRoot, 'node_modules/aws-cdk/bin/cdk'), ...args]);
const buildWeb = () => run('npm', ['run', '--silent', 'build:web']);

function stageArgument(): StageName {
  if (!values.stage || !(stageNames as readonly string[]).includes(values.stage)) {
    console.error(`Geef de stage: --stage ${stageNames.join('|')}`);
    process.exit(2);
  }
  return values.stage as StageName;
}

const certificateContext = (stage: StageName) => [
  ...(values.certificate ? ['--context', `certificateArn:${stage}=${values.certificate}`] : []),
  ...(values['api-certificate'] ? ['--context', `apiCertificateArn:${stage}=${values['api-certificate']}`] : []),
];

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

async function summarise(stage: StageName): Promise<boolean> {
  const cloudFormation = new CloudFormationClient({ region: stageConfig(stage).region });
  const changes = [];
  for (const { name, template } of stacksInAssembly(stage))
    changes.push(stackChange(name, await deployedTemplate(cloudFormation, name), template));
  for (const line of formatChanges(stage, changes)) console.log(line);
  return changes.every((c) => c.atRisk.length === 0);
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

async function main(): Promise<void> {
  switch (command) {
    case 'synth': {
      buildWeb();
      cdk(['synth', 'Landing-*', '--quiet']);
      console.log(
        `\nDrie stages in cdk.out (${stageNames.map((s) => `${stacksInAssembly(s).length} stacks ${s}`).join(', ')}). Ze verschillen alleen in:`,
      );
      for (const line of stageSettings()) console.log(line);
      return;
    }
    case 'diff': {
      const stage = stageArgument();
      const repointing = await repointingOf(stage);
      buildWeb();
      cdk([
        'synth',
        `Landing-${stage}-*`,
        '--quiet',
        ...certificateContext(stage),
        ...repointingContext(stage, repointing),
      ]);
      await summarise(stage);
      if (values.details) cdk(['diff', '--app', 'cdk.out', `Landing-${stage}-*`]);
      return;
    }
    case 'deploy': {
      const stage = stageArgument();
      const repointing = await repointingOf(stage);
      if (repointing.main || repointing.audit)
        console.log(
          `De stage draait op herstelde tabellen: ${[repointing.main?.tableName, repointing.audit?.tableName].filter(Boolean).join(', ')} (blijft zo).`,
        );
      buildWeb();
      cdk([
        'synth',
        `Landing-${stage}-*`,
        '--quiet',
        ...certificateContext(stage),
        ...repointingContext(stage, repointing),
      ]);
      const safe = await summarise(stage);
      if (!safe && !values['allow-replace']) {
        console.error(
          '\nNiet uitgerold: een resource met gegevens zou worden vervangen of verwijderd. Zie docs/OPERATIONS.md (Rollback en herstel); bedoeld? Dan met --allow-replace.',
        );
        process.exit(1);
      }
      cdk([
        'deploy',
        '--app',
        'cdk.out',
        `Landing-${stage}-*`,
        '--require-approval',
        'broadening',
        ...repointingParameters(stage, repointing),
      ]);
      return;
    }
    default:
      console.error('Gebruik: stage-command synth | diff --stage <stage> | deploy --stage <stage>');
      process.exit(2);
  }
}

if (process.argv[1]?.endsWith('stage-command.ts'))
  await execute(
    {
      ...stageCommandLine,
      main: async () => {
        await main();
        return 0;
      },
    },
    argv,
  ).then((code) => {
    if (code !== 0) process.exit(code);
  });
