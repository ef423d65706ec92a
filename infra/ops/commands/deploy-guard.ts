import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { StageConfig } from '../../aws/config/stages';
import { credentialsProblem } from './command-line';

/**
 * Before `npm run diff` or `npm run deploy` touches a stage: are its deploy targets filled in, and are the
 * credentials of its account? acc and prod must have their account, both certificates and real alarm
 * addresses in infra/aws/config/stages.ts; dev may run without a domain. Every answer is a Dutch line an
 * operator can act on; account ids and ARNs are identifiers, not secrets, so they may be shown.
 */

/** Stages whose deploy needs every target filled in: people work there, on its own address. */
const strictStages = new Set(['acc', 'prod']);

/** AWS's example account ids (its documentation uses these), and the ones people type as a stand-in. */
const exampleAccounts = new Set(['123456789012', '111122223333', '444455556666', '777788889999', '012345678901']);
const isPlaceholderAccount = (account: string) => exampleAccounts.has(account) || /^(\d)\1{11}$/.test(account);
/** The reserved example domains (RFC 2606) and a domain below them. */
const isExampleDomain = (domain: string) =>
  /(^|\.)example\.(nl|com|org|net)$/i.test(domain) || /(^|\.)(test|invalid|localhost)$/i.test(domain);

const CERTIFICATE_ARN = /^arn:aws:acm:([a-z0-9-]+):(\d{12}):certificate\/[0-9a-f-]{36}$/;

export class DeployRefused extends Error {
  override name = 'DeployRefused';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** What keeps the stage's committed deploy targets from a deploy, as Dutch lines; none when it may go. */
export function deployTargetProblems(stage: StageConfig): string[] {
  if (!strictStages.has(stage.name)) return [];
  const file = 'infra/aws/config/stages.ts';
  const problems: string[] = [];
  const { account } = stage;
  if (!account) problems.push(`Stage ${stage.name} heeft geen AWS-account: vul account in ${file} in.`);
  else if (!/^\d{12}$/.test(account))
    problems.push(`Het account van stage ${stage.name} (${account}) is geen AWS-account-id van 12 cijfers.`);
  else if (isPlaceholderAccount(account))
    problems.push(`Het account van stage ${stage.name} (${account}) is een voorbeeld: vul het echte account in.`);

  if (isExampleDomain(stage.domain.name))
    problems.push(`Het adres van stage ${stage.name} (${stage.domain.name}) is een voorbeeld: vul domain.name in.`);
  const certificates = [
    { key: 'certificateArn', label: 'het certificaat van de site', region: 'us-east-1' },
    { key: 'apiCertificateArn', label: 'het certificaat van de API', region: stage.region },
  ] as const;
  for (const { key, label, region } of certificates) {
    const arn = stage.domain[key];
    if (!arn) {
      problems.push(`Stage ${stage.name} mist ${label} (domain.${key} in ${file}, een ACM-ARN in ${region}).`);
      continue;
    }
    const match = CERTIFICATE_ARN.exec(arn);
    if (!match) problems.push(`domain.${key} van stage ${stage.name} is geen ACM-certificaat-ARN: ${arn}`);
    else if (match[1] !== region)
      problems.push(`domain.${key} van stage ${stage.name} moet in ${region} staan, niet in ${match[1]}.`);
    else if (isPlaceholderAccount(match[2]!))
      problems.push(`domain.${key} van stage ${stage.name} is een voorbeeld (account ${match[2]}).`);
    else if (account && match[2] !== account)
      problems.push(`domain.${key} van stage ${stage.name} hoort bij account ${match[2]}, de stage bij ${account}.`);
  }

  if (stage.alarmEmails.length === 0)
    problems.push(`Stage ${stage.name} heeft geen alarmEmails: wie krijgt de alarmen?`);
  for (const address of stage.alarmEmails) {
    if (isExampleDomain(address.split('@')[1] ?? ''))
      problems.push(`Het alarmadres ${address} van stage ${stage.name} is een voorbeeld: vul alarmEmails in.`);
  }
  return problems;
}

/**
 * The stage's targets, and then whose credentials these are (STS GetCallerIdentity): throws DeployRefused
 * with every reason when the deploy must not go on. A dev without an account is not checked against one.
 */
export async function checkDeployTarget(stage: StageConfig, sts: Pick<STSClient, 'send'>): Promise<void> {
  const problems = deployTargetProblems(stage);
  if (problems.length > 0) throw new DeployRefused(problems);
  if (!stage.account) return;
  let caller: string | undefined;
  try {
    caller = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    const problem = credentialsProblem(error);
    if (problem) throw new DeployRefused([problem]);
    throw error;
  }
  if (caller !== stage.account)
    throw new DeployRefused([
      `Deze credentials zijn van account ${caller ?? 'onbekend'}, stage ${stage.name} staat in account ` +
        `${stage.account}: meld je aan bij het account van ${stage.name}.`,
    ]);
}
