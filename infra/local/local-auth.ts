import { jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { principalClaims, type Principal } from '../../shared/domain/principal';

const issuer = 'urn:landing:local';
const audience = 'landing-spa';

/**
 * Local stand-in for Cognito + API Gateway's JWT authorizer: signs a token for a seeded user and verifies
 * it, yielding the same claims Cognito puts in an ID token. Handlers cannot tell the difference.
 */
export class LocalAuth {
  private readonly secret: Uint8Array;

  constructor(secret: Uint8Array = randomBytes(32)) {
    this.secret = secret;
  }

  async issue(principal: Principal): Promise<string> {
    return new SignJWT({
      [principalClaims.naam]: principal.naam,
      [principalClaims.organisationId]: principal.organisationId,
      [principalClaims.role]: principal.role,
      ...(principal.teamId ? { [principalClaims.teamId]: principal.teamId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.secret);
  }

  /** The verified claims, or undefined for a missing, forged or expired token. */
  async verify(authorization: string | undefined): Promise<Record<string, string | number | boolean | string[]> | undefined> {
    const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer, audience });
      return payload as Record<string, string | number | boolean | string[]>;
    } catch {
      return undefined;
    }
  }
}
