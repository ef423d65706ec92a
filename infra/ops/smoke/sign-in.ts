import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Secret, TOTP } from 'otpauth';
import * as z from 'zod';

/** A sign-in that could not be done: the reason, never a password, code or token. */
export class SignInError extends Error {
  override name = 'SignInError';
}

/** The local product's sign-in (the SPA's demo screen): a token for a seeded user, no password. */
export async function localSignIn(base: string, userId: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const root = base.replace(/\/+$/, '');
  const config = (await (await fetchImpl(`${root}/config.json`)).json().catch(() => undefined)) as
    | { auth?: { mode?: string } }
    | undefined;
  if (config?.auth?.mode !== 'local') {
    throw new SignInError(`${root} is geen lokale Landing (inloggen gaat via Cognito): geef --stage`);
  }
  const response = await fetchImpl(`${root}/local/sign-in`, { method: 'POST', body: JSON.stringify({ userId }) });
  const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.token !== 'string') {
    throw new SignInError(`lokaal inloggen als ${userId} lukte niet (${response.status})`);
  }
  return body.token;
}

/** What `landing/<stage>/smoke-user` in Secrets Manager holds: the smoke user and its authenticator's secret. */
const SmokeUserSecret = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  /** The TOTP secret in base32, as Cognito shows it when the authenticator app is set up. */
  totpSecret: z.string().min(16),
});

const smokeUserSecretId = (stage: string) => `landing/${stage}/smoke-user`;
const smokeClientOutput = 'SmokeClientId';

interface CognitoSignInDeps {
  stage: string;
  secrets: Pick<SecretsManagerClient, 'send'>;
  cloudFormation: Pick<CloudFormationClient, 'send'>;
  cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  now?: () => number;
}

/**
 * Signs the stage's smoke user in through Cognito: the password (ADMIN_USER_PASSWORD_AUTH, on the smoke app client
 * only, which takes the caller's AWS credentials), then the second factor the pool requires for everyone, computed
 * from the TOTP secret in the same secret. Returns the ID token, the token the API's authorizer takes.
 */
export async function cognitoSignIn(deps: CognitoSignInDeps): Promise<string> {
  const secretId = smokeUserSecretId(deps.stage);
  const { SecretString } = await deps.secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  const parsed = SmokeUserSecret.safeParse(JSON.parse(SecretString ?? 'null'));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '(geheel)')))].join(', ');
    throw new SignInError(
      `het geheim ${secretId} moet username, password en totpSecret hebben (klopt niet: ${fields})`,
    );
  }
  const user = parsed.data;
  const stackName = `Landing-${deps.stage}-Api`;
  const { Stacks } = await deps.cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const output = (key: string) => Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  const userPoolId = output('UserPoolId');
  const clientId = output(smokeClientOutput);
  if (!userPoolId || !clientId)
    throw new SignInError(`${stackName} heeft geen UserPoolId of ${smokeClientOutput}: is de stage uitgerold?`);

  const started = await deps.cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId: userPoolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  if (started.ChallengeName !== 'SOFTWARE_TOKEN_MFA') {
    throw new SignInError(
      `Cognito vroeg ${started.ChallengeName ?? 'geen tweede factor'}, verwacht SOFTWARE_TOKEN_MFA (zie docs/OPERATIONS.md)`,
    );
  }
  const code = new TOTP({
    secret: Secret.fromBase32(user.totpSecret.replace(/\s+/g, '')),
    digits: 6,
    period: 30,
  }).generate({
    timestamp: (deps.now ?? Date.now)(),
  });
  const answered = await deps.cognito.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: userPoolId,
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: started.Session,
      // Signed in by e-mail alias, the challenge wants the user's own name, which Cognito hands back.
      ChallengeResponses: {
        USERNAME: started.ChallengeParameters?.USER_ID_FOR_SRP ?? user.username,
        SOFTWARE_TOKEN_MFA_CODE: code,
      },
    }),
  );
  const idToken = answered.AuthenticationResult?.IdToken;
  if (!idToken) throw new SignInError(`Cognito gaf geen ID-token (vroeg ${answered.ChallengeName ?? 'niets'})`);
  return idToken;
}
