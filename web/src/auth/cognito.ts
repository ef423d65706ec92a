import type { StateStore, UserManagerSettings } from 'oidc-client-ts';
import { Principal, principalClaims } from '../../../shared/domain/organisation/principal';
import type { CognitoAuthConfig } from '../api/client';

/**
 * Cognito's hosted sign-in pages, as oidc-client-ts needs them (code flow, PKCE with S256, state, renewal with
 * the refresh token), and what Landing adds: the principal from the ID token, and Dutch reasons for a refused
 * callback. Pure: the browser glue (storage, navigation, events) is in cognito-sign-in.ts.
 */

export type CognitoClient = Pick<CognitoAuthConfig, 'userPoolId' | 'clientId' | 'domain' | 'redirectUri'>;

// The ID token carries name and the custom attributes; email and profile are what the client may read.
const scope = 'openid email profile';

const base = (domain: string) => domain.replace(/\/+$/, '');

/** The user pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>`, the pool id starting with the region. */
export function issuerOf(userPoolId: string): string {
  return `https://cognito-idp.${userPoolId.split('_')[0]}.amazonaws.com/${userPoolId}`;
}

/**
 * The endpoints are given, not discovered: the hosted pages' domain has no discovery document (the issuer has,
 * on another host), and this saves a round trip before every sign-in. The tokens stay in this tab (`store`).
 */
export function cognitoSettings(client: CognitoClient, store: StateStore): UserManagerSettings {
  const issuer = issuerOf(client.userPoolId);
  const domain = base(client.domain);
  return {
    authority: issuer,
    metadata: {
      issuer,
      authorization_endpoint: `${domain}/oauth2/authorize`,
      token_endpoint: `${domain}/oauth2/token`,
      revocation_endpoint: `${domain}/oauth2/revoke`,
      userinfo_endpoint: `${domain}/oauth2/userInfo`,
      end_session_endpoint: `${domain}/logout`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
    },
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope,
    stateStore: store,
    userStore: store,
    // Renewed with the refresh token a minute before the access token (which lives as long as the ID token) expires.
    automaticSilentRenew: true,
    // Cognito revokes refresh tokens only; revoking one also ends the access tokens issued with it.
    revokeTokenTypes: ['refresh_token'],
    loadUserInfo: false,
    monitorSession: false,
  };
}

/** Ends the session at Cognito too; otherwise the next "Inloggen" would sign the same person in silently. */
export function logoutUrl(client: Pick<CognitoClient, 'clientId' | 'domain'>, logoutUri: string): string {
  return `${base(client.domain)}/logout?${new URLSearchParams({ client_id: client.clientId, logout_uri: logoutUri })}`;
}

export type CallbackProblem = 'refused' | 'state-mismatch' | 'missing-code';

/**
 * Why the redirect cannot be redeemed, before anything is exchanged: the library refuses the same callbacks, but
 * with one English message for all; these reasons get their own Dutch one. `pending` says whether this tab
 * started the sign-in the state names: an answer to a sign-in someone else started (login CSRF) or a replayed
 * link is refused.
 */
export function callbackProblem(query: URLSearchParams, pending: boolean): CallbackProblem | undefined {
  if (query.has('error')) return 'refused';
  if (!query.get('state') || !pending) return 'state-mismatch';
  if (!query.get('code')) return 'missing-code';
  return undefined;
}

export class IdTokenRejected extends Error {
  constructor(readonly reason: 'malformed' | 'audience' | 'expired' | 'principal') {
    super(`ID token rejected: ${reason}`);
  }
}

/**
 * Who the ID token says signed in, for display and routing; on sign-in and on every renewal. The signature is
 * not checked here: the API's JWT authorizer verifies every call. This refuses a token that is not for this
 * client or is already expired (it would fail on the first call), or that lacks the attributes Landing needs:
 * oidc-client-ts checks none of these (only that there is a subject), and each gets its own Dutch message.
 */
export function principalFromIdToken(token: string, expected: { clientId: string; now: Date }): Principal {
  const claims = decodePayload(token);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenRejected('audience');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= expected.now.getTime())
    throw new IdTokenRejected('expired');
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
