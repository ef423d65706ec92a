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

export { session };

export function signIn(next: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(next));
  setSession(next);
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
  setSession(undefined);
}

configureClient({ token: () => session()?.token, onUnauthenticated: signOut });
