import { createResource, createSignal, For, Show } from 'solid-js';
import { api, type LocalClockState } from '../api/client';
import { datumTijd } from '../format';

/**
 * The demo clock (local mode only): the product's today, and buttons that move it forward so a demo can
 * show weeks and years passing (the move day, the review, the omklap). On AWS `/local/clock` does not exist.
 */
const [clockState, { mutate }] = createResource<LocalClockState | undefined>(() =>
  api.local.clock().catch(() => undefined),
);

/** The product's today, when known (in local mode it may lie ahead of the real date). */
export const today = () => clockState()?.today;
/** The product's now, when known: deadlines are overdue against this, not the browser's clock. */
export const now = () => clockState()?.now;

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
  const [busy, setBusy] = createSignal(false);
  const advance = async (step: Parameters<typeof api.local.advanceClock>[0]) => {
    setBusy(true);
    try {
      // Answered once the workflows woken by the jump have written: reload so every panel shows the new day.
      mutate(await api.local.advanceClock(step));
      window.location.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={clockState()}>
      {(state) => (
        <details class="landing-demo-clock">
          <summary>
            Ontwikkelaarsmenu — demo-klok: het is {datumTijd(state().now)}
            {state().offsetDays > 0 ? ` (${state().offsetDays} dagen vooruit)` : ''}
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
            {busy() ? 'De klok gaat vooruit; de werkprocessen die daardoor wakker worden, lopen…' : ''}
          </p>
        </details>
      )}
    </Show>
  );
}
