import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { LocalAuth } from '../../infra/local/local-auth';
import {
  callbackProblem,
  cognitoSettings,
  IdTokenRejected,
  issuerOf,
  logoutUrl,
  principalFromIdToken,
} from '../../web/src/auth/cognito';

const client = {
  userPoolId: 'eu-west-1_abc',
  clientId: 'spa-client-1',
  domain: 'https://landing-aanmelden.auth.eu-west-1.amazoncognito.com',
  redirectUri: 'https://landing.example.nl/inloggen/terug',
};
const now = new Date('2025-03-01T10:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** An ID token as the SPA sees it: only the payload matters here (the API checks the signature). */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  return `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const sanneClaims = {
  sub: 'u-sanne',
  name: 'Sanne de Vries',
  'custom:organisation_id': 'org-overstap',
  'custom:role': 'begeleider',
  'custom:team_id': 'team-utrecht',
  aud: client.clientId,
  iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  token_use: 'id',
  exp: seconds(now) + 3600,
  email: 'sanne@example.nl',
};

describe('Signing in at Cognito with oidc-client-ts', () => {
  const store = () => new WebStorageStateStore({ store: new InMemoryWebStorage(), prefix: 'landing.oidc.' });

  it('knows the user pool’s issuer from its id', () => {
    expect(issuerOf('eu-west-1_abc')).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc');
  });

  it('asks the hosted pages for a code with an S256 challenge, a state and the scopes, without discovery', async () => {
    const settings = cognitoSettings({ ...client, domain: `${client.domain}/` }, store());
    // The endpoints are given: a discovery fetch would need a network, which this test does not have.
    const request = await new OidcClient(settings).createSigninRequest({});
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${client.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'spa-client-1',
      redirect_uri: 'https://landing.example.nl/inloggen/terug',
      scope: 'openid email profile',
      state: request.state.id,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    // The verifier stays behind, under the state, until the callback.
    expect(await settings.stateStore!.get(request.state.id)).toContain(request.state.code_verifier!);
  });

  it('renews with the refresh token before expiry, keeps the tokens in the tab and revokes only the refresh token', () => {
    const settings = cognitoSettings(client, store());
    expect(settings).toMatchObject({
      authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
      automaticSilentRenew: true,
      revokeTokenTypes: ['refresh_token'],
      metadata: {
        token_endpoint: `${client.domain}/oauth2/token`,
        revocation_endpoint: `${client.domain}/oauth2/revoke`,
      },
    });
    expect(settings.userStore).toBe(settings.stateStore);
  });

  it('ends the Cognito session and comes back to the sign-in page', () => {
    const url = new URL(logoutUrl(client, 'https://landing.example.nl/inloggen'));
    expect(`${url.origin}${url.pathname}`).toBe(`${client.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'spa-client-1',
      logout_uri: 'https://landing.example.nl/inloggen',
    });
  });
});

describe('The callback', () => {
  it('accepts the code when the state names a sign-in this tab started', () => {
    expect(callbackProblem(new URLSearchParams({ code: 'c', state: 'state-1' }), true)).toBeUndefined();
  });

  it('refuses a state this tab did not send, and a missing one', () => {
    expect(callbackProblem(new URLSearchParams({ code: 'c', state: 'state-2' }), false)).toBe('state-mismatch');
    expect(callbackProblem(new URLSearchParams({ code: 'c' }), true)).toBe('state-mismatch');
  });

  it('reports an error from the hosted pages, and a missing code', () => {
    expect(callbackProblem(new URLSearchParams({ error: 'access_denied', state: 'state-1' }), true)).toBe('refused');
    expect(callbackProblem(new URLSearchParams({ state: 'state-1' }), true)).toBe('missing-code');
  });
});

describe('The principal from the ID token', () => {
  const expected = { clientId: client.clientId, now };

  it('reads the principal from the claims, with the team', () => {
    expect(principalFromIdToken(idToken(sanneClaims), expected)).toEqual({
      userId: 'u-sanne',
      naam: 'Sanne de Vries',
      organisationId: 'org-overstap',
      role: 'begeleider',
      teamId: 'team-utrecht',
    });
  });

  it('keeps the diacritics of a name, and needs no team', () => {
    const { 'custom:team_id': _team, ...withoutTeam } = sanneClaims;
    expect(
      principalFromIdToken(idToken({ ...withoutTeam, name: 'Zoë Çelik', 'custom:role': 'budgethouder' }), expected),
    ).toEqual({
      userId: 'u-sanne',
      naam: 'Zoë Çelik',
      organisationId: 'org-overstap',
      role: 'budgethouder',
    });
  });

  it('rejects a token for another client', () => {
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, aud: 'other-client' }), expected)).toThrow(
      new IdTokenRejected('audience'),
    );
    const { aud: _aud, ...withoutAudience } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutAudience), expected)).toThrow(new IdTokenRejected('audience'));
  });

  it('rejects an expired token, and one without expiry', () => {
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, exp: seconds(now) }), expected)).toThrow(
      new IdTokenRejected('expired'),
    );
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, exp: seconds(now) - 60 }), expected)).toThrow(
      new IdTokenRejected('expired'),
    );
    const { exp: _exp, ...withoutExpiry } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutExpiry), expected)).toThrow(new IdTokenRejected('expired'));
  });

  it('rejects an account without organisation or with an unknown role', () => {
    const { 'custom:organisation_id': _org, ...withoutOrganisation } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutOrganisation), expected)).toThrow(
      new IdTokenRejected('principal'),
    );
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, 'custom:role': 'admin' }), expected)).toThrow(
      new IdTokenRejected('principal'),
    );
  });

  it('rejects what is not a JWT', () => {
    for (const token of ['', 'abc', 'a.b', 'a.!!!.c', `a.${base64url(new TextEncoder().encode('[1]'))}.c`]) {
      expect(() => principalFromIdToken(token, expected)).toThrow(new IdTokenRejected('malformed'));
    }
  });

  it('reads the token the local stand-in signs, as the gateway accepts it (client id landing-spa)', async () => {
    const principal = {
      userId: 'u-ingrid',
      naam: 'Ingrid Visser',
      organisationId: 'org-overstap',
      role: 'teamleider' as const,
      teamId: 'team-utrecht',
    };
    const token = await new LocalAuth().issue(principal);
    expect(principalFromIdToken(token, { clientId: 'landing-spa', now: new Date() })).toEqual(principal);
    expect(() => principalFromIdToken(token, { clientId: client.clientId, now: new Date() })).toThrow(IdTokenRejected);
  });
});
