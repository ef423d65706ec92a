import { createSignal } from 'solid-js';
import { ApiError } from '../../api/client';
import { staleWho } from '../action-runner';

/**
 * Runs one change of the person's plan for the profile and score panels: keeps the panel's error and field
 * messages, says what happened on success, and reloads the plan after (also after a stale version, so the
 * form shows what someone else wrote).
 */
export function createHerstelRunner(onChanged: () => Promise<void>) {
  const [error, setError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [done, setDone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const run = async (send: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    setError();
    setDone();
    setFieldErrors({});
    try {
      await send();
      await onChanged();
      setDone(success);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 400) {
        setFieldErrors(e.fieldErrors());
        setError('Controleer de gemarkeerde velden.');
      } else if (e.problem.code === 'stale-version') {
        setError(`${staleWho(e)} Het plan is opnieuw geladen.`);
        await onChanged();
      } else setError(e.message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, fieldErrors, done, busy };
}
