import { errors, jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { principalClaims, type Principal } from '../../shared/domain/organisation/principal';

const issuer = 'urn:landing:local';
const audience = 'landing-spa';
// As API Gateway's JWT authorizer: only the issuer's own algorithm (no other HMAC with the same key), and exp
// must be present (a token without it would never expire).
const algorithm = 'HS256';

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
      .setProtectedHeader({ alg: algorithm })
      .setSubject(principal.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.secret);
  }

  /**
   * The verified claims, or why not — in the words API Gateway's JWT authorizer logs (`$context.authorizer.error`):
   * nothing for a missing token, the expiry, or an invalid token.
   */
  async verify(authorization: string | undefined): Promise<{ claims: Claims } | { refused: string | undefined }> {
    const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
    if (!token) return { refused: undefined };
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer,
        audience,
        algorithms: [algorithm],
        requiredClaims: ['exp'],
      });
      return { claims: payload as Claims };
    } catch (error) {
      return { refused: error instanceof errors.JWTExpired ? 'the token has expired' : 'invalid token' };
    }
  }
}

type Claims = Record<string, string | number | boolean | string[]>;
