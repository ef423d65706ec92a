import { Navigate } from '@solidjs/router';
import { Show, type ParentProps } from 'solid-js';
import { session } from './session';

/** Pages behind sign-in: without a session, go to the sign-in screen. */
export function RequireSession(props: ParentProps) {
  return (
    <Show when={session()} fallback={<Navigate href="/inloggen" />}>
      {props.children}
    </Show>
  );
}
