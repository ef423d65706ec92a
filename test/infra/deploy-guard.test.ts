import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { stageConfig, stageNames, type StageConfig } from '../../infra/aws/config/stages';
import { checkDeployTarget, DeployRefused, deployTargetProblems } from '../../infra/ops/commands/deploy-guard';

/** `npm run diff|deploy` of acc or prod stops before anything happens when its targets are not right. */
const account = '210987654321';
const siteCertificate = `arn:aws:acm:us-east-1:${account}:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;
const apiCertificate = `arn:aws:acm:eu-west-1:${account}:certificate/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809`;

/** prod as an organisation fills it in: its own account, address, certificates and mailbox. */
function ready(changes: Partial<StageConfig> = {}, domain: Partial<StageConfig['domain']> = {}): StageConfig {
  const prod = stageConfig('prod');
  return {
    ...prod,
    account,
    alarmEmails: ['storingen@zorgaanbieder.nl'],
    ...changes,
    domain: {
      name: 'landing.zorgaanbieder.nl',
      certificateArn: siteCertificate,
      apiCertificateArn: apiCertificate,
      ...domain,
    },
  };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeployRefused);
  return (error as DeployRefused).problems.join('\n');
};

describe('the deploy targets of a stage', () => {
  it('are complete for a stage filled in as the runbook says', () => {
    expect(deployTargetProblems(ready())).toEqual([]);
  });

  it('are not asked of dev, which may run on its own cloudfront.net name', () => {
    expect(deployTargetProblems(stageConfig('dev'))).toEqual([]);
  });

  it('are missing, as committed, for acc and prod: the account, both certificates, the address and the alarm mailboxes', () => {
    for (const name of stageNames.filter((n) => n !== 'dev')) {
      const problems = deployTargetProblems(stageConfig(name)).join('\n');
      expect(problems).toMatch(/geen AWS-account/);
      expect(problems).toMatch(/mist het certificaat van de site/);
      expect(problems).toMatch(/mist het certificaat van de API/);
      expect(problems).toMatch(/adres van stage \S+ \(\S*landing\.example\.nl\) is een voorbeeld/);
      expect(problems).toMatch(/alarmadres ops@landing\.example\.nl .* is een voorbeeld/);
    }
  });

  it('refuse an example account, a malformed one, and a certificate in the wrong region or another account', () => {
    expect(deployTargetProblems(ready({ account: '123456789012' }))).toContainEqual(
      expect.stringMatching(/account van stage prod \(123456789012\) is een voorbeeld/),
    );
    expect(deployTargetProblems(ready({ account: '12345' }))).toContainEqual(expect.stringMatching(/12 cijfers/));
    expect(
      deployTargetProblems(ready({}, { certificateArn: siteCertificate.replace('us-east-1', 'eu-west-1') })),
    ).toEqual([expect.stringMatching(/domain\.certificateArn .* moet in us-east-1 staan/)]);
    expect(
      deployTargetProblems(ready({}, { apiCertificateArn: apiCertificate.replace(account, '999988887777') })),
    ).toEqual([expect.stringMatching(/hoort bij account 999988887777, de stage bij 210987654321/)]);
    expect(deployTargetProblems(ready({}, { certificateArn: 'arn:aws:acm:us-east-1:…' }))).toEqual([
      expect.stringMatching(/geen ACM-certificaat-ARN/),
    ]);
  });
});

describe('the deploy guard', () => {
  const sts = mockClient(STSClient);
  afterEach(() => sts.reset());
  const client = () => new STSClient({ region: 'eu-west-1' });

  it('lets a deploy go with the credentials of the stage’s account', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: account });
    await expect(checkDeployTarget(ready(), client())).resolves.toBeUndefined();
  });

  it('stops a deploy with another account’s credentials, naming both accounts', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '555566667777' });
    expect(await refusal(checkDeployTarget(ready(), client()))).toMatch(
      /credentials zijn van account 555566667777, stage prod staat in account 210987654321/,
    );
  });

  it('stops before asking AWS when the committed targets are not filled in', async () => {
    expect(await refusal(checkDeployTarget(stageConfig('acc'), client()))).toMatch(/geen AWS-account/);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
  });

  it('says in Dutch that there are no (valid) credentials, and lets any other failure through', async () => {
    sts
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      );
    expect(await refusal(checkDeployTarget(ready(), client()))).toMatch(/Geen AWS-inloggegevens: `aws sso login/);
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('throttled'), { name: 'Throttling' }));
    await expect(checkDeployTarget(ready(), client())).rejects.toThrow('throttled');
  });

  it('checks dev’s account only when dev has one', async () => {
    await expect(checkDeployTarget(stageConfig('dev'), client())).resolves.toBeUndefined();
    sts.on(GetCallerIdentityCommand).resolves({ Account: '555566667777' });
    expect(await refusal(checkDeployTarget({ ...stageConfig('dev'), account }, client()))).toMatch(/stage dev/);
  });
});
