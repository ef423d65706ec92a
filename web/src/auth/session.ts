import { createSignal } from 'solid-js';
import type { Principal } from '../../../shared/domain/principal';
import { configureClient } from '../api/client';

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

// Set when the API refused the token of a live session (it expired): the sign-in page says why you are there.
const [sessionEnded, setSessionEnded] = createSignal(false);

export { session, sessionEnded };

export function signIn(next: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(next));
  setSession(next);
  setSessionEnded(false);
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
  setSession(undefined);
}

// A 401 means the token is no longer accepted: drop it; RequireSession then sends the user to /aanmelden.
function tokenRefused(): void {
  if (!session()) return;
  signOut();
  setSessionEnded(true);
}

configureClient({ token: () => session()?.token, onUnauthenticated: tokenRefused });
