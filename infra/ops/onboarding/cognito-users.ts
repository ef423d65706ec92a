import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { principalClaims } from '../../../shared/domain/organisation/principal';
import type { StaffEntry } from './onboarding-file';
import type { PoolUser, UserDirectory } from './onboard';

/**
 * The stage's Cognito user pool. Users sign in with their e-mail; organisation, role and team are custom
 * attributes only an administrator (this tool) sets. A new user gets Cognito's invitation with a temporary
 * password; the first sign-in asks for a new one and an authenticator app (MFA is required).
 */
export class CognitoUsers implements UserDirectory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async find(email: string): Promise<PoolUser | undefined> {
    const { Users } = await this.cognito.send(
      new ListUsersCommand({ UserPoolId: this.userPoolId, Filter: `email = "${email.replace(/"/g, '')}"`, Limit: 1 }),
    );
    const user = Users?.[0];
    const attribute = (name: string) => user?.Attributes?.find((a) => a.Name === name)?.Value;
    const sub = attribute('sub');
    if (!user || !sub) return undefined;
    const organisationId = attribute(principalClaims.organisationId);
    const teamId = attribute(principalClaims.teamId);
    const naam = attribute(principalClaims.naam);
    return {
      sub,
      status: user.UserStatus ?? 'UNKNOWN',
      enabled: user.Enabled !== false,
      ...(organisationId ? { organisationId } : {}),
      ...(teamId ? { teamId } : {}),
      ...(naam ? { naam } : {}),
    };
  }

  async resendInvitation(email: string): Promise<void> {
    await this.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: email,
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  }

  async disable(email: string): Promise<void> {
    const user = { UserPoolId: this.userPoolId, Username: email };
    await this.cognito.send(new AdminDisableUserCommand(user));
    // Disabling stops new sign-ins; the refresh tokens already handed out are revoked too.
    await this.cognito.send(new AdminUserGlobalSignOutCommand(user));
    await this.cognito.send(
      new AdminDeleteUserAttributesCommand({ ...user, UserAttributeNames: [principalClaims.teamId] }),
    );
  }

  async create(entry: StaffEntry): Promise<string> {
    const { User } = await this.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: entry.email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: entry.email },
          { Name: 'email_verified', Value: 'true' },
          ...attributes(entry),
        ],
      }),
    );
    const sub = User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito returned a user without a sub');
    return sub;
  }

  async update(email: string, entry: StaffEntry): Promise<void> {
    await this.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: email,
        UserAttributes: attributes(entry),
      }),
    );
    // Someone who left their team (now an administrator, say) loses the team claim, or they would still see its records.
    if (!entry.teamId)
      await this.cognito.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributeNames: [principalClaims.teamId],
        }),
      );
  }
}

function attributes(entry: StaffEntry): AttributeType[] {
  return [
    { Name: principalClaims.naam, Value: entry.naam },
    { Name: principalClaims.organisationId, Value: entry.organisatieId },
    { Name: principalClaims.role, Value: entry.rol },
    ...(entry.teamId ? [{ Name: principalClaims.teamId, Value: entry.teamId }] : []),
  ];
}
