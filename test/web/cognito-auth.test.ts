import { describe, expect, it } from 'vitest';
import { LocalAuth } from '../../infra/local/local-auth';
import {
  authorizeUrl,
  exchangeCode,
  IdTokenRejected,
  logoutUrl,
  principalFromIdToken,
  readCallback,
  tokenRequest,
  TokenExchangeError,
} from '../../web/src/auth/cognito';
import { base64url, codeChallengeS256, createCodeVerifier, createState } from '../../web/src/auth/pkce';

const client = {
  clientId: 'spa-client-1',
  domain: 'https://landing-aanmelden.auth.eu-west-1.amazoncognito.com',
  redirectUri: 'https://landing.example.nl/aanmelden/terug',
};
const now = new Date('2025-03-01T10:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

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

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636, appendix B', async () => {
    // The appendix's 32 random octets, its verifier (their base64url) and its challenge.
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(base64url(new Uint8Array(octets))).toBe(verifier);
    expect(await codeChallengeS256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, different each time', () => {
    const verifiers = Array.from({ length: 20 }, createCodeVerifier);
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(new Set(verifiers).size).toBe(20);
  });

  it('refuses a verifier RFC 7636 does not allow', async () => {
    await expect(codeChallengeS256('too-short')).rejects.toThrow();
    await expect(codeChallengeS256('a'.repeat(129))).rejects.toThrow();
    await expect(codeChallengeS256(`${'a'.repeat(42)}+`)).rejects.toThrow();
  });

  it('makes url-safe states that differ', () => {
    const a = createState();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createState()).not.toBe(a);
  });

  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('Cognito requests', () => {
  it('asks the hosted pages for a code with the challenge, the state and the scopes', () => {
    const url = new URL(authorizeUrl({ ...client, domain: `${client.domain}/` }, { state: 'st-1', codeChallenge: 'ch-1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${client.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'spa-client-1',
      redirect_uri: 'https://landing.example.nl/aanmelden/terug',
      scope: 'openid email profile',
      state: 'st-1',
      code_challenge: 'ch-1',
      code_challenge_method: 'S256',
    });
  });

  it('redeems the code with the verifier as a form post, without a client secret', () => {
    const { url, init } = tokenRequest(client, { code: 'code-1', codeVerifier: 'verifier-1' });
    expect(url).toBe(`${client.domain}/oauth2/token`);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(init.body as string))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'spa-client-1',
      code: 'code-1',
      redirect_uri: 'https://landing.example.nl/aanmelden/terug',
      code_verifier: 'verifier-1',
    });
  });

  it('returns the ID token of a successful exchange, and the OAuth error of a refused one', async () => {
    const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const grant = { code: 'code-1', codeVerifier: 'verifier-1' };
    expect(await exchangeCode(client, grant, answer(200, { id_token: 'id.token.sig', access_token: 'a', token_type: 'Bearer' }))).toBe('id.token.sig');

    const refused = await exchangeCode(client, grant, answer(400, { error: 'invalid_grant' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TokenExchangeError);
    expect(refused).toMatchObject({ status: 400, oauthError: 'invalid_grant' });
    await expect(exchangeCode(client, grant, answer(200, { access_token: 'only' }))).rejects.toBeInstanceOf(TokenExchangeError);
    await expect(exchangeCode(client, grant, () => Promise.reject(new TypeError('offline')))).rejects.toMatchObject({ status: 0 });
  });

  it('ends the Cognito session and comes back to the sign-in page', () => {
    const url = new URL(logoutUrl(client, 'https://landing.example.nl/aanmelden'));
    expect(`${url.origin}${url.pathname}`).toBe(`${client.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'spa-client-1', logout_uri: 'https://landing.example.nl/aanmelden' });
  });
});

describe('The callback', () => {
  const pending = { state: 'state-1', codeVerifier: 'verifier-1' };

  it('accepts the code when the state is the one this tab sent', () => {
    expect(readCallback(new URLSearchParams({ code: 'c', state: 'state-1' }), pending)).toEqual({ ok: true, code: 'c', codeVerifier: 'verifier-1' });
  });

  it('refuses another state, or any state when this tab started no sign-in', () => {
    expect(readCallback(new URLSearchParams({ code: 'c', state: 'state-2' }), pending)).toEqual({ ok: false, reason: 'state-mismatch' });
    expect(readCallback(new URLSearchParams({ code: 'c' }), pending)).toEqual({ ok: false, reason: 'state-mismatch' });
    expect(readCallback(new URLSearchParams({ code: 'c', state: 'state-1' }), undefined)).toEqual({ ok: false, reason: 'state-mismatch' });
  });

  it('reports an error from the hosted pages, and a missing code', () => {
    expect(readCallback(new URLSearchParams({ error: 'access_denied', state: 'state-1' }), pending)).toEqual({ ok: false, reason: 'refused' });
    expect(readCallback(new URLSearchParams({ state: 'state-1' }), pending)).toEqual({ ok: false, reason: 'missing-code' });
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
    expect(principalFromIdToken(idToken({ ...withoutTeam, name: 'Zoë Çelik', 'custom:role': 'budgethouder' }), expected)).toEqual({
      userId: 'u-sanne',
      naam: 'Zoë Çelik',
      organisationId: 'org-overstap',
      role: 'budgethouder',
    });
  });

  it('rejects a token for another client', () => {
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, aud: 'other-client' }), expected)).toThrow(new IdTokenRejected('audience'));
    const { aud: _aud, ...withoutAudience } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutAudience), expected)).toThrow(new IdTokenRejected('audience'));
  });

  it('rejects an expired token, and one without expiry', () => {
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, exp: seconds(now) }), expected)).toThrow(new IdTokenRejected('expired'));
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, exp: seconds(now) - 60 }), expected)).toThrow(new IdTokenRejected('expired'));
    const { exp: _exp, ...withoutExpiry } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutExpiry), expected)).toThrow(new IdTokenRejected('expired'));
  });

  it('rejects an account without organisation or with an unknown role', () => {
    const { 'custom:organisation_id': _org, ...withoutOrganisation } = sanneClaims;
    expect(() => principalFromIdToken(idToken(withoutOrganisation), expected)).toThrow(new IdTokenRejected('principal'));
    expect(() => principalFromIdToken(idToken({ ...sanneClaims, 'custom:role': 'admin' }), expected)).toThrow(new IdTokenRejected('principal'));
  });

  it('rejects what is not a JWT', () => {
    for (const token of ['', 'abc', 'a.b', 'a.!!!.c', `a.${base64url(new TextEncoder().encode('[1]'))}.c`]) {
      expect(() => principalFromIdToken(token, expected)).toThrow(new IdTokenRejected('malformed'));
    }
  });

  it('reads the token the local stand-in signs, as the gateway accepts it (client id landing-spa)', async () => {
    const principal = { userId: 'u-ingrid', naam: 'Ingrid Visser', organisationId: 'org-overstap', role: 'teamleider' as const, teamId: 'team-utrecht' };
    const token = await new LocalAuth().issue(principal);
    expect(principalFromIdToken(token, { clientId: 'landing-spa', now: new Date() })).toEqual(principal);
    expect(() => principalFromIdToken(token, { clientId: client.clientId, now: new Date() })).toThrow(IdTokenRejected);
  });
});
