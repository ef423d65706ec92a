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
/** The Web stack of prod on its own name with its certificate, and as it would be without one. */
let webOnItsName: Template;
let webWithoutCertificate: Template;
const certificateArn = 'arn:aws:acm:us-east-1:210987654321:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const apiCertificateArn = 'arn:aws:acm:eu-west-1:210987654321:certificate/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809';
let workflows: Template;

beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createLandingStacks(app, stageConfig('dev'));
  const assembly = app.synth();
  data = assembly.getStackByName(stacks.data.stackName).template as Template;
  api = assembly.getStackByName(stacks.api.stackName).template as Template;
  const web = (certificates: Parameters<typeof stageConfig>[1]) => {
    const other = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const stack = createLandingStacks(other, stageConfig('prod', certificates)).web;
    return other.synth().getStackByName(stack.stackName).template as Template;
  };
  webOnItsName = web({ certificateArn, apiCertificateArn });
  webWithoutCertificate = web({});
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

describe('the change summary of the site’s address', () => {
  it('warns, and marks the address as lost, when a deploy would take the site off its name and certificate', () => {
    const change = stackChange('Landing-prod-Web', webOnItsName, webWithoutCertificate);
    expect(change.addressChanges).toEqual([
      expect.objectContaining({
        before: { aliases: ['landing.example.nl'], certificate: certificateArn },
        after: { aliases: [], certificate: undefined },
        losesAddress: true,
      }),
    ]);
    const text = formatChanges('prod', [change]).join('\n');
    expect(text).toMatch(
      /CloudFront \S+: adres verandert: landing\.example\.nl, certificaat arn:aws:acm:us-east-1:\S+ → alleen \*\.cloudfront\.net, geen eigen certificaat/,
    );
    expect(text).toMatch(/Let op: de site verliest haar adres of certificaat/);
  });

  it('warns without calling it a loss when the site gets its name, or another certificate', () => {
    const gains = stackChange('Landing-prod-Web', webWithoutCertificate, webOnItsName);
    expect(gains.addressChanges).toEqual([expect.objectContaining({ losesAddress: false })]);
    const renewed = copy(webOnItsName);
    const distribution = Object.values(renewed.Resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    const config = distribution.Properties.DistributionConfig as { ViewerCertificate: { AcmCertificateArn: string } };
    config.ViewerCertificate.AcmCertificateArn = certificateArn.replace('0f1e2d3c', '99999999');
    const change = stackChange('Landing-prod-Web', webOnItsName, renewed);
    expect(change.addressChanges).toEqual([expect.objectContaining({ losesAddress: false })]);
    expect(formatChanges('prod', [change]).join('\n')).toMatch(
      /Let op: het adres of certificaat van de site verandert/,
    );
  });

  it('says nothing of the address when it stays, or for a stack not deployed yet', () => {
    expect(stackChange('Landing-prod-Web', webOnItsName, copy(webOnItsName)).addressChanges).toEqual([]);
    expect(stackChange('Landing-prod-Web', undefined, webOnItsName).addressChanges).toEqual([]);
    expect(
      formatChanges('prod', [stackChange('Landing-prod-Web', webOnItsName, copy(webOnItsName))]).join('\n'),
    ).not.toMatch(/adres/);
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
