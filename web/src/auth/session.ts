import { query } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { Principal } from '../../../shared/domain/organisation/principal';
import { configureClient, endEmergencyAccess, forgetLastAnswers } from '../api/client';

interface Session {
  token: string;
  principal: Principal;
}

const storageKey = 'landing.session';

function restore(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

// sessionStorage: the token lives as long as the tab, and is gone when the browser closes.
const [session, setSession] = createSignal<Session | undefined>(restore());

// Why a live session ended without the user signing out: the sign-in page says why you are there.
const [sessionEnded, setSessionEnded] = createSignal<string>();

export { session, sessionEnded };

const sessionExpired = 'Je sessie is verlopen. Meld je opnieuw aan om verder te werken.';

/** Also sign-in on AWS keeps state in the tab (the refresh token): it is dropped with the session. */
const endListeners = new Set<() => void>();

export function onSessionEnd(listener: () => void): void {
  endListeners.add(listener);
}

/** A new session, or the same person's with a renewed token. */
export function signIn(next: Session): void {
  if (session()?.principal.userId !== next.principal.userId) {
    query.clear();
    forgetLastAnswers();
    endEmergencyAccess();
  }
  sessionStorage.setItem(storageKey, JSON.stringify(next));
  setSession(next);
  setSessionEnded(undefined);
}

export function signOut(): void {
  // What the router cached was read for this person: none of it may show for the next.
  query.clear();
  forgetLastAnswers();
  endEmergencyAccess();
  sessionStorage.removeItem(storageKey);
  setSession(undefined);
  for (const listener of endListeners) listener();
}

/** Ends a live session with the reason, in Dutch; RequireSession then sends the user to /inloggen. */
export function endSession(reason: string): void {
  if (!session()) return;
  signOut();
  setSessionEnded(reason);
}

// A 401 means the token is no longer accepted (it expired): drop it.
configureClient({ token: () => session()?.token, onUnauthenticated: () => endSession(sessionExpired) });
