import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig } from '../../../infra/aws/config/stages';
import { createLandingStacks } from '../../../infra/aws/landing';
import { deployCommand, repointingFromContext } from '../../../infra/ops/recovery/repoint';
import { cdkContext } from '../../../infra/aws/config/cdk-context';

const restored = 'Landing-prod-Data-TableCD117FA1-1ABC-restored-20270305T1015';
const restoredStream = `arn:aws:dynamodb:eu-west-1:123456789012:table/${restored}/stream/2027-03-05T11:42:07.123`;
const restoredAudit = 'Landing-prod-Data-AuditTableB07F8EEB-9XYZ-restored-20270305T1015';

type Json = Record<string, unknown>;

function synth(context: Record<string, string> = {}) {
  // Skipping bundling keeps this fast; bundling itself is exercised by `npm run synth`.
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = createLandingStacks(app, stageConfig('prod'));
  return {
    data: Template.fromStack(stacks.data),
    consumers: [stacks.workflows, stacks.webhooks, stacks.api].map((s) => Template.fromStack(s)),
  };
}

const functionsOf = (templates: Template[]) =>
  templates.flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function')));
const envOf = (fn: Json) => ((fn.Properties as Json).Environment as { Variables?: Json } | undefined)?.Variables ?? {};

describe('Re-pointing a stage at a restored table (docs/RECOVERY.md)', () => {
  // The first synthesis in a worker also loads the CDK: done once, before the tests, where a loaded machine has
  // the hook's time for it.
  let restoredStage: ReturnType<typeof synth>;
  beforeAll(() => {
    restoredStage = synth({
      'restoredTable:prod': restored,
      'restoredTableStream:prod': restoredStream,
      'restoredAuditTable:prod': restoredAudit,
    });
  });

  it('binds every function, grant and the stream consumer to the restored tables, while the original tables stay in the Data stack, retained', () => {
    const { data, consumers } = restoredStage;

    // Assess: the functions' environment names the restored tables, as plain names (no import from the Data stack)
    const functions = functionsOf(consumers);
    const withTable = functions.filter((fn) => 'TABLE_NAME' in envOf(fn));
    const withAudit = functions.filter((fn) => 'AUDIT_TABLE_NAME' in envOf(fn));
    expect(withTable.length).toBeGreaterThanOrEqual(10);
    expect(withAudit.length).toBeGreaterThanOrEqual(5);
    for (const fn of withTable) expect(envOf(fn).TABLE_NAME).toBe(restored);
    for (const fn of withAudit) expect(envOf(fn).AUDIT_TABLE_NAME).toBe(restoredAudit);

    // the IAM policies name the restored tables and their indexes, and nothing of the original ones
    const policies = JSON.stringify(consumers.map((t) => t.findResources('AWS::IAM::Policy')));
    const names = (text: string) => policies.includes(text);
    expect(names(`table/${restored}"`), 'the restored table').toBe(true);
    expect(names(`table/${restored}/index/gsi1"`), 'its index').toBe(true);
    expect(names(`table/${restoredAudit}"`), 'the restored audit table').toBe(true);
    expect(names(`table/${restoredAudit}/index/gsi2"`), 'its second index').toBe(true);
    expect(names(`"Resource":"${restoredStream}"`), 'the stream').toBe(true);
    for (const t of consumers)
      expect(JSON.stringify(t.toJSON())).not.toMatch(/ExportsOutput(Ref|FnGetAtt)(Audit)?Table/);

    // the stream's consumers (the webhook fan-out, the new-signal follow-up, the outcome counters) read the
    // restored table's stream
    const mappings = consumers
      .flatMap((t) => Object.values(t.findResources('AWS::Lambda::EventSourceMapping')))
      .filter((m) => JSON.stringify(m).includes(':dynamodb:'));
    expect(mappings).toHaveLength(3);
    for (const mapping of mappings) expect((mapping.Properties as Json).EventSourceArn).toBe(restoredStream);

    // the original tables are still resources of the Data stack, retained, and still export what was imported
    const tables = data.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables).sort()).toEqual([expect.stringMatching(/^AuditTable/), expect.stringMatching(/^Table/)]);
    for (const table of Object.values(tables)) expect(table.DeletionPolicy).toBe('Retain');
    const exported = Object.values(data.toJSON().Outputs as Record<string, { Value: unknown }>).map((o) =>
      JSON.stringify(o.Value),
    );
    expect(exported).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"Ref":"Table/),
        expect.stringMatching(/Table.*"Arn"/),
        expect.stringMatching(/Table.*"StreamArn"/),
        expect.stringMatching(/"Ref":"AuditTable/),
      ]),
    );

    // and the rule holds the deploy to the parameter that records the restored table
    const rules = data.toJSON().Rules as Record<string, { Assertions: { Assert: unknown }[] }>;
    expect(JSON.stringify(rules.RestoredTableMatchesContext!.Assertions[0]!.Assert)).toBe(
      JSON.stringify({ 'Fn::Equals': [{ Ref: 'RestoredTable' }, restored] }),
    );
    expect(JSON.stringify(rules.RestoredAuditTableMatchesContext!.Assertions[0]!.Assert)).toBe(
      JSON.stringify({ 'Fn::Equals': [{ Ref: 'RestoredAuditTable' }, restoredAudit] }),
    );
    expect(data.toJSON().Parameters.RestoredTable).toMatchObject({ Type: 'String', Default: 'none' });
  });

  it('re-points only the table that was restored: the audit trail alone leaves the product table as it was', () => {
    // Act
    const { consumers } = synth({ 'restoredAuditTable:prod': restoredAudit });

    // Assess
    const functions = functionsOf(consumers);
    for (const fn of functions.filter((f) => 'TABLE_NAME' in envOf(f)))
      expect(JSON.stringify(envOf(fn).TABLE_NAME)).toMatch(/Fn::ImportValue.*ExportsOutputRefTable/);
    for (const fn of functions.filter((f) => 'AUDIT_TABLE_NAME' in envOf(f)))
      expect(envOf(fn).AUDIT_TABLE_NAME).toBe(restoredAudit);
  });

  it('without a restore, binds to the stack’s own tables and expects the parameters to say so', () => {
    // Act
    const { data, consumers } = synth();

    // Assess
    for (const fn of functionsOf(consumers).filter((f) => 'TABLE_NAME' in envOf(f)))
      expect(JSON.stringify(envOf(fn).TABLE_NAME)).toMatch(/Fn::ImportValue/);
    const rules = data.toJSON().Rules as Record<string, { Assertions: { Assert: unknown }[] }>;
    expect(JSON.stringify(rules.RestoredTableMatchesContext!.Assertions[0]!.Assert)).toBe(
      JSON.stringify({ 'Fn::Equals': [{ Ref: 'RestoredTable' }, 'none'] }),
    );
    expect(JSON.stringify(rules.RestoredAuditTableMatchesContext!.Assertions[0]!.Assert)).toBe(
      JSON.stringify({ 'Fn::Equals': [{ Ref: 'RestoredAuditTable' }, 'none'] }),
    );
  });

  it('refuses a context that names a table without its stream, a stream of another table, or no table name at all', () => {
    const context = (values: Record<string, string>) => (key: string) => values[key];
    expect(() => synth({ 'restoredTable:prod': restored })).toThrow(/restoredTableStream:prod/);
    expect(() =>
      repointingFromContext(
        'prod',
        context({ 'restoredTable:prod': 'other-table', 'restoredTableStream:prod': restoredStream }),
      ),
    ).toThrow(/not a stream of the table other-table/);
    expect(() => repointingFromContext('prod', context({ 'restoredAuditTable:prod': 'a b' }))).toThrow(
      /not a DynamoDB table name/,
    );
    expect(repointingFromContext('prod', context({ 'restoredTable:acc': restored }))).toEqual({});
  });

  it('prints one deploy command with the context and both parameters', () => {
    const command = deployCommand('prod', { main: { tableName: restored, streamArn: restoredStream } });
    expect(command.replace(/\s*\\\n\s*/g, ' ')).toBe(
      `npm run build:web && npx cdk deploy 'Landing-prod-*' --context restoredTable:prod=${restored} --context restoredTableStream:prod=${restoredStream} ` +
        `--parameters Landing-prod-Data:RestoredTable=${restored} --parameters Landing-prod-Data:RestoredAuditTable=none`,
    );
  });
});
