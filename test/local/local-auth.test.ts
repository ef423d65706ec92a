import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LocalAuth } from '../../infra/local/local-auth';
import type { Principal } from '../../shared/domain/organisation/principal';

const secret = new Uint8Array(32).fill(7);
const sanne: Principal = {
  userId: 'u-sanne',
  naam: 'Sanne de Vries',
  organisationId: 'org-a',
  role: 'begeleider',
  teamId: 'team-a1',
};

/** A token as LocalAuth signs it, but with the header and claims a test chooses. */
function token(alg: string, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt.setExpirationTime('1h')) {
  const jwt = new SignJWT({ name: sanne.naam })
    .setProtectedHeader({ alg })
    .setSubject(sanne.userId)
    .setIssuer('urn:landing:local')
    .setAudience('landing-spa')
    .setIssuedAt();
  return build(jwt).sign(secret);
}

describe('the local token check, as strict as API Gateway’s JWT authorizer', () => {
  it('accepts the tokens it issues', async () => {
    const auth = new LocalAuth(secret);
    expect(await auth.verify(`Bearer ${await auth.issue(sanne)}`)).toMatchObject({ claims: { sub: 'u-sanne' } });
    expect(await auth.verify(`Bearer ${await token('HS256')}`)).toMatchObject({ claims: { sub: 'u-sanne' } });
  });

  it('refuses a token without exp, as the authorizer does (exp must be present)', async () => {
    const auth = new LocalAuth(secret);
    expect(await auth.verify(`Bearer ${await token('HS256', (jwt) => jwt)}`)).toEqual({ refused: 'invalid token' });
  });

  it('refuses a token signed with another algorithm than the issuer’s, even with the right key', async () => {
    const auth = new LocalAuth(secret);
    for (const alg of ['HS384', 'HS512'])
      expect(await auth.verify(`Bearer ${await token(alg)}`), alg).toEqual({ refused: 'invalid token' });
  });
});
