import { createSignal } from 'solid-js';
import { ApiError } from '../api/client';
import { datumTijd } from '../format';

/** Who changed it since, when the API knows; else the API's words without its advice to reload. */
export function staleWho(e: ApiError): string {
  const g = e.problem.gewijzigd;
  if (g) return `${g.door} heeft dit traject op ${datumTijd(g.op)} gewijzigd (${g.wat.toLowerCase()}).`;
  return e.message.replace(/\s*Laad [^.]*opnieuw[^.]*\./g, '');
}

/**
 * A stale write, after the page reloaded what changed: who changed it, that the new state is shown and that
 * what the user typed is still there (the forms keep it), so no advice to reload.
 */
export function staleMessage(e: ApiError): string {
  return `${staleWho(e)} Je ziet nu de nieuwe stand; wat je invulde staat er nog. Controleer het en sla opnieuw op.`;
}

/**
 * Runs a panel's API action and keeps what the user must see: after a failure the message and the messages per
 * field of a 400; after success what happened, when the caller says it. After success, and after a stale
 * write, it runs `after` (reload what changed).
 */
export function createActionRunner(after: () => unknown) {
  const [error, setError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [done, setDone] = createSignal<string>();

  const act = async (action: () => Promise<unknown>, doneMessage?: string): Promise<boolean> => {
    setError();
    setFieldErrors({});
    setDone();
    try {
      await action();
      await after();
      setDone(doneMessage);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setFieldErrors(e.fieldErrors());
      if (e.problem.code === 'stale-version') {
        // Reload what changed underneath; the forms keep what was typed.
        await after();
        setError(staleMessage(e));
      } else setError(e.status === 400 ? 'Controleer de gemarkeerde velden.' : e.message);
      return false;
    }
  };

  /** A message found before sending (a malformed amount), shown like the API's. */
  const fail = (fields: Record<string, string>) => {
    setFieldErrors(fields);
    setError('Controleer de gemarkeerde velden.');
  };

  return { act, error, fieldErrors, fail, done };
}
