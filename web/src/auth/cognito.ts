import { Principal, principalClaims } from '../../../shared/domain/principal';
import type { CognitoAuthConfig } from '../api/client';

/**
 * Cognito's hosted sign-in pages with the authorization code flow and PKCE, as pure functions: they build
 * URLs and requests and read answers; the browser glue (storage, navigation) is in cognito-sign-in.ts.
 */

export type CognitoClient = Pick<CognitoAuthConfig, 'clientId' | 'domain' | 'redirectUri'>;

/** The sign-in a tab started: kept until the callback, never longer. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
}

// The ID token carries name and the custom attributes; email and profile are what the client may read.
const scope = 'openid email profile';

const base = (domain: string) => domain.replace(/\/+$/, '');

export function authorizeUrl(client: CognitoClient, request: { state: string; codeChallenge: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${base(client.domain)}/oauth2/authorize?${query}`;
}

/** Redeems the code: a public client, so the verifier proves who asks, not a secret. */
export function tokenRequest(client: CognitoClient, grant: { code: string; codeVerifier: string }): { url: string; init: RequestInit } {
  return {
    url: `${base(client.domain)}/oauth2/token`,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: client.clientId,
        code: grant.code,
        redirect_uri: client.redirectUri,
        code_verifier: grant.codeVerifier,
      }).toString(),
    },
  };
}

/** Ends the session at Cognito too; otherwise the next "Aanmelden" would sign the same person in silently. */
export function logoutUrl(client: Pick<CognitoClient, 'clientId' | 'domain'>, logoutUri: string): string {
  return `${base(client.domain)}/logout?${new URLSearchParams({ client_id: client.clientId, logout_uri: logoutUri })}`;
}

export type CallbackResult =
  | { ok: true; code: string; codeVerifier: string }
  | { ok: false; reason: 'refused' | 'state-mismatch' | 'missing-code' };

/**
 * What came back on the redirect. The state must be the one this tab sent: an answer to a sign-in someone
 * else started (login CSRF) or a replayed link is refused before anything is exchanged.
 */
export function readCallback(query: URLSearchParams, pending: PendingSignIn | undefined): CallbackResult {
  if (query.has('error')) return { ok: false, reason: 'refused' };
  const state = query.get('state');
  if (!pending || !state || state !== pending.state) return { ok: false, reason: 'state-mismatch' };
  const code = query.get('code');
  if (!code) return { ok: false, reason: 'missing-code' };
  return { ok: true, code, codeVerifier: pending.codeVerifier };
}

export class TokenExchangeError extends Error {
  constructor(
    readonly status: number,
    readonly oauthError: string | undefined,
  ) {
    super(`Token exchange failed (${status}${oauthError ? `, ${oauthError}` : ''})`);
  }
}

/** The ID token for the code: the one token that carries the principal's custom attributes. */
export async function exchangeCode(
  client: CognitoClient,
  grant: { code: string; codeVerifier: string },
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const { url, init } = tokenRequest(client, grant);
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch {
    throw new TokenExchangeError(0, undefined);
  }
  const body = (await response.json().catch(() => undefined)) as { id_token?: unknown; error?: unknown } | undefined;
  if (!response.ok) throw new TokenExchangeError(response.status, typeof body?.error === 'string' ? body.error : undefined);
  if (typeof body?.id_token !== 'string') throw new TokenExchangeError(response.status, 'no_id_token');
  return body.id_token;
}

export class IdTokenRejected extends Error {
  constructor(readonly reason: 'malformed' | 'audience' | 'expired' | 'principal') {
    super(`ID token rejected: ${reason}`);
  }
}

/**
 * Who the ID token says signed in, for display and routing. The signature is not checked here: the API's
 * JWT authorizer verifies every call. This only refuses a token that is not for this client or is already
 * expired (it would fail on the first call), or that lacks the attributes Landing needs.
 */
export function principalFromIdToken(token: string, expected: { clientId: string; now: Date }): Principal {
  const claims = decodePayload(token);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenRejected('audience');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= expected.now.getTime()) throw new IdTokenRejected('expired');
  const fields = Object.fromEntries(
    Object.entries(principalClaims)
      .map(([field, claim]) => [field, claims[claim]] as const)
      .filter(([, value]) => value !== undefined),
  );
  const principal = Principal.safeParse(fields);
  if (!principal.success) throw new IdTokenRejected('principal');
  return principal.data;
}

function decodePayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) throw new IdTokenRejected('malformed');
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    // Names carry diacritics: the payload is UTF-8, which atob alone would mangle.
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('not an object');
    return claims as Record<string, unknown>;
  } catch {
    throw new IdTokenRejected('malformed');
  }
}
