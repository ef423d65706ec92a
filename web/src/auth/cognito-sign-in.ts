import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { Principal } from '../../../shared/domain/organisation/principal';
import type { CognitoAuthConfig } from '../api/client';
import { callbackProblem, cognitoSettings, IdTokenRejected, logoutUrl, principalFromIdToken } from './cognito';
import { endSession, onSessionEnd, session, signIn, signOut } from './session';

/**
 * The browser side of signing in with Cognito, on oidc-client-ts: the pending sign-in (verifier and state) and
 * the tokens wait in sessionStorage (this tab only); the ID token is renewed with the refresh token before it
 * expires, and the session (landing.session, which the API client reads) follows every renewal.
 */

/** A sign-in that could not be completed; the message is for the user, in Dutch. */
export class SignInFailed extends Error {}

const renewalFailed = 'Je sessie kon niet worden verlengd. Meld je opnieuw aan om verder te werken.';

const store = () => new WebStorageStateStore({ store: sessionStorage, prefix: 'landing.oidc.' });
const userKeyPrefix = 'user:';

let current: { config: CognitoAuthConfig; manager: UserManager } | undefined;

/** One manager per page and configuration: it keeps the renewal timers. */
function managerFor(config: CognitoAuthConfig): UserManager {
  if (current?.config === config) return current.manager;
  current?.manager.stopSilentRenew();
  const manager = new UserManager(cognitoSettings(config, store()));
  manager.events.addUserLoaded((user) => renewed(config, user));
  // Cognito refused (the refresh token expired or was revoked): nothing will renew this session.
  manager.events.addSilentRenewError((error) => {
    if (error instanceof ErrorResponse) endSession(renewalFailed);
  });
  // Renewal did not happen before expiry (offline at that minute, or a tab that slept): one more try.
  manager.events.addAccessTokenExpired(() => {
    manager.signinSilent().catch(() => endSession(renewalFailed));
  });
  onSessionEnd(() => void manager.removeUser());
  current = { config, manager };
  return manager;
}

/** A renewed ID token replaces the session's, once it still names a principal Landing can serve. */
function renewed(config: CognitoAuthConfig, user: User): void {
  if (!session() || !user.id_token) return;
  try {
    signIn({
      token: user.id_token,
      principal: principalFromIdToken(user.id_token, { clientId: config.clientId, now: new Date() }),
    });
  } catch {
    endSession(renewalFailed);
  }
}

/** After a reload: the stored tokens are renewed again (at once when they already expired). */
export function resumeCognitoSession(config: CognitoAuthConfig): void {
  if (session()) managerFor(config);
}

export async function startCognitoSignIn(config: CognitoAuthConfig): Promise<void> {
  await managerFor(config).signinRedirect();
}

/** Checks the callback, redeems the code and stores the session; nothing is stored when any step fails. */
export async function completeCognitoSignIn(config: CognitoAuthConfig, url: string): Promise<Principal> {
  const manager = managerFor(config);
  const query = new URL(url).searchParams;
  const state = query.get('state');
  const pending = state ? (await manager.settings.stateStore.get(state)) !== null : false;
  let user: User;
  try {
    const problem = callbackProblem(query, pending);
    if (problem) throw new SignInFailed(callbackMessages[problem]);
    user = await manager.signinRedirectCallback(url).catch(() => {
      throw new SignInFailed('De organisatie-inlog kon de aanmelding niet afronden. Er is niets opgeslagen.');
    });
  } finally {
    await dropPendingSignIns();
  }
  let principal: Principal;
  try {
    principal = principalFromIdToken(user.id_token ?? '', { clientId: config.clientId, now: new Date() });
  } catch (error) {
    await manager.removeUser();
    throw new SignInFailed(
      error instanceof IdTokenRejected && error.reason === 'principal'
        ? 'Je account is nog niet ingericht voor Landing: je organisatie of rol ontbreekt. Vraag de beheerder van je organisatie om dit in te stellen.'
        : 'Het aanmeldbewijs van de organisatie-inlog is verlopen of niet voor Landing bedoeld. Er is niets opgeslagen.',
    );
  }
  signIn({ token: user.id_token!, principal });
  return principal;
}

/**
 * "Uitloggen": the refresh token is revoked (it would otherwise renew for hours whoever holds it), the tab's
 * tokens are dropped, and Cognito ends its own session and sends the browser back to the sign-in page.
 */
export async function signOutOfCognito(config: CognitoAuthConfig): Promise<void> {
  // Unreachable Cognito does not keep anyone signed in here; the refresh token then expires by itself.
  await managerFor(config)
    .revokeTokens(['refresh_token'])
    .catch(() => undefined);
  signOut();
  window.location.assign(logoutUrl(config, `${window.location.origin}/inloggen`));
}

const callbackMessages = {
  refused: 'Inloggen met je organisatie-account is afgebroken of geweigerd. Er is niets opgeslagen.',
  'state-mismatch':
    'Deze aanmelding is niet in dit venster begonnen of is al gebruikt, en is daarom niet aanvaard. Er is niets opgeslagen.',
  'missing-code': 'Het antwoord van de organisatie-inlog was onvolledig. Er is niets opgeslagen.',
} as const;

/** A sign-in is answered once: a reload of the callback, or a replayed link, finds nothing to redeem. */
async function dropPendingSignIns(): Promise<void> {
  const pending = store();
  for (const key of await pending.getAllKeys()) if (!key.startsWith(userKeyPrefix)) await pending.remove(key);
}
