import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoSignIn, SignInError } from '../../infra/ops/smoke/sign-in';

// Cognito, Secrets Manager and CloudFormation exist only on AWS: stand-ins that answer as they do.
const secrets = mockClient(SecretsManagerClient);
const cloudFormation = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);

// RFC 6238's test secret ("12345678901234567890" in base32); at 59 s its SHA-1 code is 94287082, six digits 287082.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const signIn = () =>
  cognitoSignIn({
    stage: 'acc',
    secrets: new SecretsManagerClient({}),
    cloudFormation: new CloudFormationClient({}),
    cognito: new CognitoIdentityProviderClient({}),
    now: () => 59_000,
  });

beforeEach(() => {
  secrets.reset();
  cloudFormation.reset();
  cognito.reset();
  secrets.on(GetSecretValueCommand, { SecretId: 'landing/acc/smoke-user' }).resolves({
    SecretString: JSON.stringify({
      username: 'rooktest@landing.example.nl',
      password: 'een lang wachtwoord',
      totpSecret: rfcSecret,
    }),
  });
  cloudFormation.on(DescribeStacksCommand, { StackName: 'Landing-acc-Api' }).resolves({
    Stacks: [
      {
        StackName: 'Landing-acc-Api',
        CreationTime: new Date(),
        StackStatus: 'UPDATE_COMPLETE',
        Outputs: [
          { OutputKey: 'UserPoolId', OutputValue: 'eu-west-1_pool' },
          { OutputKey: 'UserPoolClientId', OutputValue: 'spa-client' },
          { OutputKey: 'SmokeClientId', OutputValue: 'smoke-client' },
        ],
      },
    ],
  });
});

describe('npm run smoke on AWS: the smoke user signs in through Cognito', () => {
  it('signs in with the password on the smoke client, answers the second factor with the TOTP code, and returns the ID token', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'sessie-1',
      ChallengeParameters: { USER_ID_FOR_SRP: 'sub-123' },
    });
    cognito
      .on(AdminRespondToAuthChallengeCommand)
      .resolves({ AuthenticationResult: { IdToken: 'id-token', AccessToken: 'access-token' } });

    expect(await signIn()).toBe('id-token');
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      ClientId: 'smoke-client',
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'rooktest@landing.example.nl', PASSWORD: 'een lang wachtwoord' },
    });
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      ClientId: 'smoke-client',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'sessie-1',
      ChallengeResponses: { USERNAME: 'sub-123', SOFTWARE_TOKEN_MFA_CODE: '287082' },
    });
  });

  it('says what is wrong with the secret without showing it', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ username: 'rooktest', password: 'geheim-wachtwoord' }) });
    const failed = signIn();
    await expect(failed).rejects.toThrow(SignInError);
    await expect(failed).rejects.toThrow(
      'het geheim landing/acc/smoke-user moet username, password en totpSecret hebben (klopt niet: totpSecret)',
    );
    await expect(failed).rejects.not.toThrow(/geheim-wachtwoord/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('stops when Cognito asks for something else than the code (a user whose authenticator was never set up)', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: 'sessie-2' });
    await expect(signIn()).rejects.toThrow('Cognito vroeg MFA_SETUP, verwacht SOFTWARE_TOKEN_MFA');
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('stops on a stage without the smoke client (deployed before it)', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'Landing-acc-Api',
          CreationTime: new Date(),
          StackStatus: 'UPDATE_COMPLETE',
          Outputs: [{ OutputKey: 'UserPoolId', OutputValue: 'p' }],
        },
      ],
    });
    await expect(signIn()).rejects.toThrow(
      'Landing-acc-Api heeft geen UserPoolId of SmokeClientId: is de stage uitgerold?',
    );
  });
});
