import { CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { App } from 'aws-cdk-lib';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';
import { formatChanges, stackChange } from '../../infra/ops/commands/change-summary';
import { deployedTemplate } from '../../infra/ops/commands/deployed-template';
import { cdkContext } from '../../infra/aws/config/cdk-context';

/** What `npm run diff` / `npm run deploy` say before a deploy, from the synthesized templates of dev. */
type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
let data: Template;
let api: Template;
let workflows: Template;

beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createLandingStacks(app, stageConfig('dev'));
  const assembly = app.synth();
  data = assembly.getStackByName(stacks.data.stackName).template as Template;
  api = assembly.getStackByName(stacks.api.stackName).template as Template;
  workflows = assembly.getStackByName(stacks.workflows.stackName).template as Template;
});

const copy = <T>(t: T): T => structuredClone(t);
const tableId = (t: Template) => Object.keys(t.Resources).find((id) => id.startsWith('Table'))!;

describe('the change summary', () => {
  it('calls a stack not deployed yet new, and an identical one unchanged', () => {
    expect(stackChange('Landing-dev-Data', undefined, data)).toMatchObject({
      status: 'nieuw',
      added: Object.keys(data.Resources).length,
      atRisk: [],
    });
    expect(stackChange('Landing-dev-Data', copy(data), data)).toMatchObject({
      status: 'ongewijzigd',
      added: 0,
      updated: 0,
      replaced: 0,
      removed: 0,
    });
  });

  it('calls out a table that would be replaced (a new key) as data at risk, and a deploy stops for it', () => {
    const next = copy(data);
    (next.Resources[tableId(next)]!.Properties.KeySchema as { AttributeName: string }[])[0]!.AttributeName = 'id';
    const change = stackChange('Landing-dev-Data', data, next);
    expect(change).toMatchObject({
      status: 'gewijzigd',
      replaced: 1,
      atRisk: [{ logicalId: tableId(data), type: 'AWS::DynamoDB::GlobalTable', impact: 'WILL_REPLACE' }],
    });
    expect(formatChanges('dev', [change]).join('\n')).toMatch(/Let op: 1 resource\(s\) met gegevens/);
  });

  it('calls out the alarms’ schedule group that would be replaced (a new name): every pending alarm goes with it', () => {
    const next = copy(workflows);
    const groupId = Object.keys(next.Resources).find(
      (id) => next.Resources[id]!.Type === 'AWS::Scheduler::ScheduleGroup',
    )!;
    next.Resources[groupId]!.Properties.Name = 'landing-dev-nieuw';
    expect(stackChange('Landing-dev-Workflows', workflows, next).atRisk).toEqual([
      { logicalId: groupId, type: 'AWS::Scheduler::ScheduleGroup', impact: 'WILL_REPLACE' },
    ]);
  });

  it('calls out a table that would be removed', () => {
    const next = copy(data);
    delete next.Resources[tableId(next)];
    expect(stackChange('Landing-dev-Data', data, next).atRisk).toEqual([
      expect.objectContaining({ impact: 'WILL_DESTROY' }),
    ]);
  });

  it('counts an updated function and notices wider permissions', () => {
    const next = copy(api);
    const fn = Object.entries(next.Resources).find(([, r]) => r.Type === 'AWS::Lambda::Function')![1];
    fn.Properties.MemorySize = 1024;
    const policy = Object.entries(next.Resources).find(([, r]) => r.Type === 'AWS::IAM::Policy')![1];
    (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement.push({
      Effect: 'Allow',
      Action: 'dynamodb:DeleteTable',
      Resource: '*',
    });
    const change = stackChange('Landing-dev-Api', api, next);
    expect(change).toMatchObject({
      status: 'gewijzigd',
      updated: 2,
      replaced: 0,
      permissionsBroadened: true,
      atRisk: [],
    });
    expect(formatChanges('dev', [change]).join('\n')).toContain('meer rechten');
  });
});

describe('the deployed template', () => {
  const cloudFormation = mockClient(CloudFormationClient);

  it('is read from CloudFormation, or absent for a stack not deployed yet', async () => {
    cloudFormation
      .on(GetTemplateCommand, { StackName: 'Landing-acc-Data' })
      .resolves({ TemplateBody: JSON.stringify(data) });
    const missing = Object.assign(new Error('Stack with id Landing-acc-Web does not exist'), {
      name: 'ValidationError',
    });
    cloudFormation.on(GetTemplateCommand, { StackName: 'Landing-acc-Web' }).rejects(missing);
    const client = new CloudFormationClient({ region: 'eu-west-1' });
    expect(await deployedTemplate(client, 'Landing-acc-Data')).toEqual(data);
    expect(await deployedTemplate(client, 'Landing-acc-Web')).toBeUndefined();
  });

  it('lets any other failure through (no credentials is not "not deployed")', async () => {
    cloudFormation.on(GetTemplateCommand).rejects(
      Object.assign(new Error('The security token included in the request is invalid'), {
        name: 'UnrecognizedClientException',
      }),
    );
    await expect(
      deployedTemplate(new CloudFormationClient({ region: 'eu-west-1' }), 'Landing-acc-Data'),
    ).rejects.toThrow(/security token/);
  });
});
