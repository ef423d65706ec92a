import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api } from '../api/client';
import { getClock } from '../api/queries';
import { aantal, datumTijd } from '../format';

/**
 * The demo clock (local mode only): the product's today, and buttons that move it forward so a demo can
 * show weeks and years passing (the move day, the review, the omklap). On AWS `/local/clock` does not exist.
 * It is read once per page load (the shell keeps it in the router's cache): only its own buttons move it,
 * and they reload the page.
 */
export function useDemoClock() {
  const state = createAsync(() => getClock());
  return {
    state,
    /** The product's today, when known (in local mode it may lie ahead of the real date). */
    today: () => state()?.today,
    /** The product's now, when known: deadlines are overdue against this, not the browser's clock. */
    now: () => state()?.now,
  };
}

// Hours for a signal's deadline (rood: 4 hours), days to years for the move, reviews and the omklap.
const steps = [
  { label: '+1 uur', step: { advanceHours: 1 } },
  { label: '+4 uur', step: { advanceHours: 4 } },
  { label: '+1 dag', step: { advanceDays: 1 } },
  { label: '+1 week', step: { advanceDays: 7 } },
  { label: '+1 maand', step: { advanceDays: 30 } },
  { label: '+1 jaar', step: { advanceDays: 365 } },
];

export function DemoClock() {
  const { state: clockState } = useDemoClock();
  const [busy, setBusy] = createSignal(false);
  const advance = async (step: Parameters<typeof api.local.advanceClock>[0]) => {
    setBusy(true);
    try {
      // Answered once the workflows woken by the jump have written: reload so every panel shows the new day.
      await api.local.advanceClock(step);
      window.location.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={clockState()}>
      {(state) => (
        // A landmark of its own: outside one, a screen reader's landmark list would skip it.
        <aside aria-label="Ontwikkelaarsmenu">
          <details class="landing-demo-clock">
            <summary>
              Ontwikkelaarsmenu — demo-klok: het is {datumTijd(state().now)}
              {state().offsetDays > 0 ? ` (${aantal(state().offsetDays, 'dag', 'dagen')} vooruit)` : ''}
            </summary>
            <div class="utrecht-button-group" role="group" aria-label="Klok vooruitzetten">
              <For each={steps}>
                {(step) => (
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    disabled={busy()}
                    onClick={() => void advance(step.step)}
                  >
                    Klok {step.label}
                  </button>
                )}
              </For>
            </div>
            <p class="utrecht-paragraph" role="status">
              {busy()
                ? 'De klok gaat vooruit; wat Landing op die dagen doet (herinneringen, taken, meldingen), loopt…'
                : ''}
            </p>
          </details>
        </aside>
      )}
    </Show>
  );
}
