import { createSignal } from 'solid-js';
import { ApiError } from '../api/client';

/**
 * Runs a panel's API action and keeps what the user must see: after a failure the message and the messages per
 * field of a 400; after success what happened, when the caller says it. After success it runs `after` (reload
 * what changed).
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
      setError(e.status === 400 ? 'Controleer de gemarkeerde velden.' : e.message);
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
