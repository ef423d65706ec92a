import type { Principal } from '../../../shared/domain/principal';
import type { CognitoAuthConfig } from '../api/client';
import { authorizeUrl, exchangeCode, IdTokenRejected, logoutUrl, principalFromIdToken, readCallback, type PendingSignIn } from './cognito';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import { signIn } from './session';

/**
 * The browser side of signing in with Cognito: the verifier and state wait in sessionStorage (this tab only)
 * while the user is at the hosted pages, and are used once on the way back.
 */

const pendingKey = 'landing.cognito.pending';

/** A sign-in that could not be completed; the message is for the user, in Dutch. */
export class SignInFailed extends Error {}

export async function startCognitoSignIn(config: CognitoAuthConfig): Promise<void> {
  const pending: PendingSignIn = { state: createState(), codeVerifier: createCodeVerifier() };
  const codeChallenge = await codeChallengeS256(pending.codeVerifier);
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  window.location.assign(authorizeUrl(config, { state: pending.state, codeChallenge }));
}

/** Checks the callback, redeems the code and stores the session; nothing is stored when any step fails. */
export async function completeCognitoSignIn(config: CognitoAuthConfig, query: URLSearchParams): Promise<Principal> {
  const callback = readCallback(query, takePending());
  if (!callback.ok) throw new SignInFailed(callbackMessages[callback.reason]);
  let idToken: string;
  try {
    idToken = await exchangeCode(config, callback);
  } catch {
    throw new SignInFailed('De organisatie-inlog kon de aanmelding niet afronden. Er is niets opgeslagen.');
  }
  let principal: Principal;
  try {
    principal = principalFromIdToken(idToken, { clientId: config.clientId, now: new Date() });
  } catch (error) {
    throw new SignInFailed(
      error instanceof IdTokenRejected && error.reason === 'principal'
        ? 'Je account is nog niet ingericht voor Landing: je organisatie of rol ontbreekt. Vraag de beheerder van je organisatie om dit in te stellen.'
        : 'Het aanmeldbewijs van de organisatie-inlog is verlopen of niet voor Landing bedoeld. Er is niets opgeslagen.',
    );
  }
  signIn({ token: idToken, principal });
  return principal;
}

/** Where "Afmelden" goes: Cognito ends its own session and sends the browser back to the sign-in page. */
export function cognitoLogoutUrl(config: CognitoAuthConfig): string {
  return logoutUrl(config, `${window.location.origin}/aanmelden`);
}

const callbackMessages = {
  refused: 'Aanmelden met je organisatie-account is afgebroken of geweigerd. Er is niets opgeslagen.',
  'state-mismatch': 'Deze aanmelding is niet in dit venster begonnen of is al gebruikt, en is daarom niet aanvaard. Er is niets opgeslagen.',
  'missing-code': 'Het antwoord van de organisatie-inlog was onvolledig. Er is niets opgeslagen.',
} as const;

/** Read once and removed at once: a reload of the callback, or a replayed link, finds nothing to redeem. */
function takePending(): PendingSignIn | undefined {
  const raw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  try {
    const pending = raw ? (JSON.parse(raw) as Partial<PendingSignIn>) : undefined;
    return typeof pending?.state === 'string' && typeof pending.codeVerifier === 'string' ? { state: pending.state, codeVerifier: pending.codeVerifier } : undefined;
  } catch {
    return undefined;
  }
}
