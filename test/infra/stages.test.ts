import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig, stageNames, type StageConfig, type StageName } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';
import { cdkContext } from '../../infra/aws/config/cdk-context';

/**
 * The three stages come from one app and differ only where infra/aws/config/stages.ts says. Each template of acc
 * and prod is compared with dev's, with the stage's own names (stack names, domain, sign-in prefix) written as
 * placeholders; every remaining difference must be explained by a setting of the typed config. A difference
 * no setting explains (a stack that checks `stage.name` itself) fails here.
 */
type Template = { Resources: Record<string, Record<string, unknown>> };
type Stacks = ReturnType<typeof createLandingStacks>;
const kinds = ['data', 'workflows', 'webhooks', 'api', 'web'] as const;

let templates: Record<StageName, Record<(typeof kinds)[number], Template>>;
beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = Object.fromEntries(
    stageNames.map((name) => [name, createLandingStacks(app, stageConfig(name))]),
  ) as Record<StageName, Stacks>;
  const assembly = app.synth();
  templates = Object.fromEntries(
    stageNames.map((name) => [
      name,
      Object.fromEntries(
        kinds.map((kind) => [kind, normalised(name, assembly.getStackByName(stacks[name][kind].stackName).template)]),
      ),
    ]),
  ) as typeof templates;
});

/** The stage's own names as placeholders, and the hashes CDK derives from them (logical ids) left out. */
function normalised(name: StageName, template: unknown): Template {
  const stage = stageConfig(name);
  const text = JSON.stringify(template)
    .replaceAll(stage.domain.name, '<domain>')
    .replaceAll(stage.cognitoDomainPrefix, '<sign-in-prefix>')
    .replace(new RegExp(`([Ll]anding[- ]?)${name}(?![a-z])`, 'g'), '$1<stage>')
    .replaceAll(`(${name})`, '(<stage>)')
    .replaceAll(`/landing/${name}/`, '/landing/<stage>/')
    .replace(/Landing<stage>[A-Za-z0-9]*/g, withoutHashes)
    .replace(/Landing<stage>/g, 'Landing-stage');
  return JSON.parse(text) as Template;
}

/** CDK appends 8-character hashes of the construct path to generated names: drop them where they end a word. */
function withoutHashes(id: string): string {
  let previous: string;
  do {
    previous = id;
    id = id.replace(/[0-9A-F]{8}(?=[A-Z][a-z]|$)/g, '');
  } while (id !== previous);
  return id;
}

interface Difference {
  path: string;
  before: unknown;
  after: unknown;
}

function differences(a: unknown, b: unknown, path: string, out: Difference[] = []): Difference[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key], b[key], `${path}.${key}`, out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && !path.endsWith('.Statement')) {
    for (const [i, item] of a.entries()) differences(item, b[i], `${path}.${i}`, out);
  } else out.push({ path, before: a, after: b });
  return out;
}

/** Policy statements that were added or removed between two versions of a statement list, each as JSON. */
function changedStatements(d: Difference): string[] {
  if (!/PolicyDocument\.Statement$/.test(d.path)) return [];
  const statements = (v: unknown) => ((Array.isArray(v) ? v : []) as unknown[]).map((s) => JSON.stringify(s));
  const before = new Set(statements(d.before));
  const after = new Set(statements(d.after));
  return [...before].filter((s) => !after.has(s)).concat([...after].filter((s) => !before.has(s)));
}
/**
 * The statement lists are the same once the actions matching `action` are taken out (IAM policy minimization
 * merges an added action into a statement with the same resources, rather than adding a statement).
 */
function sameWithoutActions(d: Difference, action: RegExp): boolean {
  if (!/PolicyDocument\.Statement$/.test(d.path)) return false;
  const without = (v: unknown) =>
    JSON.stringify(
      ((Array.isArray(v) ? v : []) as { Action?: string | string[] }[])
        .map((statement) => {
          const actions = [statement.Action ?? []].flat().filter((a) => !action.test(a));
          return { ...statement, Action: actions.length === 1 ? actions[0] : actions };
        })
        .filter((statement) => [statement.Action].flat().length > 0),
    );
  return without(d.before) === without(d.after);
}
const onlyStatements = (d: Difference, pattern: RegExp) => {
  const changed = changedStatements(d);
  return changed.length > 0 && changed.every((s) => pattern.test(s));
};

/** Which setting of the config explains a difference, if one does. */
const explanations: { setting: keyof StageConfig; applies: (d: Difference) => boolean }[] = [
  { setting: 'removalPolicy', applies: (d) => /\.(DeletionPolicy|UpdateReplacePolicy)$/.test(d.path) },
  { setting: 'protectData', applies: (d) => /\.DeletionProtection(Enabled)?$/.test(d.path) },
  // Outside protected stages the site bucket empties itself when the stack goes (CDK's auto-delete custom resource).
  {
    setting: 'protectData',
    applies: (d) =>
      /AutoDeleteObjects/.test(d.path) ||
      /auto-delete-objects/.test(JSON.stringify(d.before ?? d.after)) ||
      onlyStatements(d, /AutoDeleteObjects/),
  },
  { setting: 'logRetentionDays', applies: (d) => /\.RetentionInDays$/.test(d.path) },
  {
    setting: 'tracing',
    applies: (d) =>
      /\.Tracing(Config|Configuration)(\.|$)/.test(d.path) ||
      onlyStatements(d, /"xray:/) ||
      sameWithoutActions(d, /^xray:/),
  },
  { setting: 'apiThrottle', applies: (d) => /DefaultRouteSettings\.Throttling(Burst|Rate)Limit$/.test(d.path) },
  { setting: 'auditRetentionDays', applies: (d) => /Environment\.Variables\.AUDIT_RETENTION_DAYS$/.test(d.path) },
  // The `stage` dimension of the business metrics each Lambda emits.
  { setting: 'name', applies: (d) => /Environment\.Variables\.LANDING_STAGE$/.test(d.path) },
  {
    setting: 'alarmEmails',
    applies: (d) =>
      /Subscription/.test(d.path) || JSON.stringify(d.before ?? d.after).includes('AWS::SNS::Subscription'),
  },
  // A function's version is named by a hash of its configuration, which holds the stage's name (LANDING_STAGE).
  {
    setting: 'name',
    applies: (d) => /CurrentVersion/.test(d.path) || /CurrentVersion/.test(JSON.stringify(d.before ?? d.after)),
  },
  { setting: 'rollout', applies: (d) => /\.DeploymentConfigName$/.test(d.path) },
  // The SPA's config.json (its sign-in address and callback) is an asset: its key changes with the domain.
  { setting: 'domain', applies: (d) => /\.SourceObjectKeys(\.\d+)?$/.test(d.path) },
];

describe('stages', () => {
  it('differ only where the typed config says', () => {
    const unexplained: string[] = [];
    const explainedSettings = new Set<string>();
    for (const other of ['acc', 'prod'] as const) {
      for (const kind of kinds) {
        for (const d of differences(templates.dev[kind], templates[other][kind], `${other}/${kind}`)) {
          const explanation = explanations.find((e) => e.applies(d));
          if (explanation) explainedSettings.add(explanation.setting);
          else
            unexplained.push(
              `${d.path}: ${JSON.stringify(d.before)?.slice(0, 120)} → ${JSON.stringify(d.after)?.slice(0, 120)}`,
            );
        }
      }
    }
    expect(unexplained, unexplained.join('\n')).toEqual([]);
    // And the settings that do differ between the stages show up where they should.
    expect([...explainedSettings]).toEqual(
      expect.arrayContaining([
        'removalPolicy',
        'protectData',
        'logRetentionDays',
        'tracing',
        'apiThrottle',
        'auditRetentionDays',
      ]),
    );
  });

  it('names each stage’s resources apart, in the stage’s region (CloudFront’s web ACL, which holds no data, in us-east-1)', () => {
    const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const names = stageNames.flatMap((name) =>
      Object.values(createLandingStacks(app, stageConfig(name))).map((s) => [s.stackName, s.region] as const),
    );
    expect(new Set(names.map(([n]) => n)).size).toBe(names.length);
    for (const [name, region] of names) {
      expect(region, name).toBe(/-Edge(Alarms)?$/.test(name) ? 'us-east-1' : stageConfig(name.split('-')[1]).region);
    }
  });

  it('refuses a stage that does not exist', () => {
    expect(() => stageConfig('staging')).toThrow(/dev, acc, prod/);
  });
});
