import { createResource, For, Show } from 'solid-js';
import { api, type LocalClockState } from '../api/client';
import { datum } from '../format';

/**
 * The demo clock (local mode only): the product's today, and buttons that move it forward so a demo can
 * show weeks and years passing (the move day, the review, the omklap). On AWS `/local/clock` does not exist.
 */
const [clockState, { mutate }] = createResource<LocalClockState | undefined>(() => api.local.clock().catch(() => undefined));

/** The product's today, when known (in local mode it may lie ahead of the real date). */
export const today = () => clockState()?.today;

const steps = [
  { label: '+1 dag', days: 1 },
  { label: '+1 week', days: 7 },
  { label: '+1 maand', days: 30 },
  { label: '+1 jaar', days: 365 },
];

export function DemoClock() {
  const advance = async (days: number) => {
    mutate(await api.local.advanceClock(days));
    // Workflows woken by the jump write to the timeline; reload so every panel shows the new day.
    setTimeout(() => window.location.reload(), 600);
  };
  return (
    <Show when={clockState()}>
      {(state) => (
        <details class="landing-demo-clock">
          <summary>
            Ontwikkelaarsmenu — demo-klok: vandaag is {datum(state().today)}
            {state().offsetDays > 0 ? ` (${state().offsetDays} dagen vooruit)` : ''}
          </summary>
          <div class="utrecht-button-group" role="group" aria-label="Klok vooruitzetten">
            <For each={steps}>
              {(step) => (
                <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void advance(step.days)}>
                  Klok {step.label}
                </button>
              )}
            </For>
          </div>
        </details>
      )}
    </Show>
  );
}
