import { createSignal } from 'solid-js';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { ApiError } from '../../api/client';
import { staleMessage } from '../action-runner';

/**
 * Runs one change of a transition for a panel: sends the version the user looked at, hands the new
 * transition on, and keeps the panel's error (a rule that blocks it, a stale version, field messages).
 */
export function createCommandRunner(options: { transition: () => Transition; onChanged: (t: Transition) => void }) {
  const [error, setError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);

  const run = async (command: (expectedVersion: number) => Promise<Transition>): Promise<boolean> => {
    setBusy(true);
    setError();
    setFieldErrors({});
    try {
      options.onChanged(await command(options.transition().version));
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 400) {
        setFieldErrors(e.fieldErrors());
        setError('Controleer de gemarkeerde velden.');
      } else if (e.problem.code === 'stale-version') {
        setError(staleMessage(e));
        options.onChanged(options.transition()); // the page reloads the transition
      } else {
        setError(e.message);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, error, fieldErrors, busy };
}

/**
 * "625,50" or "625.50" or "625" → 62550 cents; Dutch thousands too: "1.500,00" or "1.500" → 150000.
 * Undefined when it is not an amount.
 */
export function euroToCents(text: string): number | undefined {
  // "€ 1.500,-" as people write it: the sign, EUR and the dash for no cents carry no amount.
  const bare = text
    .replace(/^\s*(?:€|eur\b)\s*/i, '')
    .replace(/\s*(?:eur|euro)\s*$/i, '')
    .replace(/,-{1,2}\s*$/, '');
  const dutch = /^\s*(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?\s*$/.exec(bare);
  const match = dutch ?? /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(bare);
  if (!match) return undefined;
  return Number(match[1]!.replaceAll('.', '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

export function centsToEuro(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
