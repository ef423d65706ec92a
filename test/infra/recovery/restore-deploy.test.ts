import { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cdkContext } from '../../../infra/aws/config/cdk-context';
import { createAllStages } from '../../../infra/aws/landing';
import { deployCommand } from '../../../infra/ops/recovery/repoint';

/**
 * The deploy a restore prints (docs/RECOVERY.md) names only the restored tables. prod here has its deploy
 * targets committed, as an organisation fills them in: that deploy must keep the site on its name.
 */
const targets = vi.hoisted(() => ({
  account: '210987654321',
  certificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  apiCertificateArn: 'arn:aws:acm:eu-west-1:210987654321:certificate/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809',
}));
vi.mock('../../../infra/aws/config/stages', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../infra/aws/config/stages')>();
  return {
    ...original,
    stageConfig: (name: unknown, overrides?: Parameters<typeof original.stageConfig>[1]) => {
      const stage = original.stageConfig(name, overrides);
      return stage.name === 'prod'
        ? {
            ...stage,
            account: targets.account,
            domain: {
              ...stage.domain,
              certificateArn: targets.certificateArn,
              apiCertificateArn: targets.apiCertificateArn,
            },
          }
        : stage;
    },
  };
});

const restored = 'Landing-prod-Data-TableCD117FA1-1ABC-restored-20270305T1015';
const restoredStream = `arn:aws:dynamodb:eu-west-1:210987654321:table/${restored}/stream/2027-03-05T11:42:07.123`;

/** The `--context key=value` pairs of a printed command, as the CDK CLI hands them to the app. */
function contextOf(command: string): Record<string, string> {
  return Object.fromEntries(
    [...command.matchAll(/--context (\S+?)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as [string, string]),
  );
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('the deploy a restore prints', () => {
  const command = deployCommand('prod', { main: { tableName: restored, streamArn: restoredStream } });
  let assembly: CloudAssembly;
  beforeAll(() => {
    // The app as the CDK CLI runs it for that command (prod only, to keep it short; bundling skipped).
    const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], ...contextOf(command) } });
    createAllStages(app, ['prod']);
    assembly = app.synth();
  });

  it('keeps the site on its name and certificate, and the API on its own domain', () => {
    expect(Object.keys(contextOf(command))).toEqual(['restoredTable:prod', 'restoredTableStream:prod']);
    const resources = (stack: string) =>
      (assembly.getStackByName(stack).template as { Resources: Resources }).Resources;
    const of = (stack: string, type: string) => Object.values(resources(stack)).filter((r) => r.Type === type);

    const [distribution] = of('Landing-prod-Web', 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig as {
      Aliases?: string[];
      ViewerCertificate?: { AcmCertificateArn?: string };
    };
    expect(config.Aliases).toEqual(['landing.example.nl']);
    expect(config.ViewerCertificate?.AcmCertificateArn).toBe(targets.certificateArn);

    expect(of('Landing-prod-Api', 'AWS::ApiGatewayV2::DomainName')).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({
          DomainName: 'landing.example.nl',
          DomainNameConfigurations: [expect.objectContaining({ CertificateArn: targets.apiCertificateArn })],
        }),
      }),
    ]);
    expect(of('Landing-prod-Api', 'AWS::ApiGatewayV2::Api')[0]!.Properties.DisableExecuteApiEndpoint).toBe(true);
    // And the stacks name the stage's account, so CDK refuses that bare deploy with another account's credentials.
    expect(assembly.getStackByName('Landing-prod-Data').environment.account).toBe(targets.account);
  });
});
