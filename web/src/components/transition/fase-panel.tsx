import { createSignal, For, Show } from 'solid-js';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { faseLabels, type Fase } from '../../../../shared/domain/common/vocabulary';
import { api } from '../../api/client';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from '../webhooks/announcer';
import { createCommandRunner } from './command-runner';

/** The phase, and the phases the transition can move to next, each with its reason. */
export function FasePanel(props: { transition: Transition; nextFases: Fase[]; onChanged: (t: Transition) => void }) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const [naar, setNaar] = createSignal<Fase>();
  const [reden, setReden] = createSignal('');
  const confirm = createConfirm();
  const { message, announce } = createAnnouncer();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const target = naar();
    // Ending is its own decision (the end panel), never offered here.
    if (!target || target === 'beeindigd') return;
    const van = faseLabels[props.transition.fase].toLowerCase();
    const sure = await confirm.ask({
      title: `Fase wijzigen naar ${faseLabels[target].toLowerCase()}?`,
      lines: [
        `Het traject gaat van ${van} naar ${faseLabels[target].toLowerCase()}; de reden komt in de tijdlijn.`,
        'Niemand buiten Landing krijgt hiervan bericht.',
      ],
      confirm: 'Fase wijzigen',
    });
    if (!sure) return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.changeFase(props.transition.id, { naar: target, reden: reden(), expectedVersion }),
    );
    if (ok) {
      setNaar();
      setReden('');
      announce(`Fase gewijzigd: van ${van} naar ${faseLabels[target].toLowerCase()}.`);
    }
  };

  return (
    <section class="landing-panel" aria-labelledby="fase-title">
      <h2 id="fase-title" class="utrecht-heading-2">
        Fase: {faseLabels[props.transition.fase]}
      </h2>
      <Show
        when={props.nextFases.length > 0}
        fallback={
          <p class="utrecht-paragraph">
            {props.transition.fase === 'geland' ? 'De persoon is geland.' : 'Dit traject is beëindigd.'}
          </p>
        }
      >
        <div class="utrecht-button-group" role="group" aria-label="Volgende fase">
          <For each={props.nextFases}>
            {(fase) => (
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                aria-pressed={naar() === fase}
                onClick={() => setNaar(fase)}
              >
                Naar {faseLabels[fase].toLowerCase()}
              </button>
            )}
          </For>
        </div>
        <Show when={naar()}>
          {(target) => (
            <form class="utrecht-form landing-inline-form" onSubmit={(e) => void submit(e)}>
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="fase-reden">
                  Reden voor {faseLabels[target()].toLowerCase()}
                </label>
                <textarea
                  id="fase-reden"
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  rows="2"
                  value={reden()}
                  onInput={(e) => setReden(e.currentTarget.value)}
                />
              </div>
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
                Fase wijzigen
              </button>
            </form>
          )}
        </Show>
      </Show>
      <StatusMessage message={message()} />
      <ProblemAlert message={runner.fieldErrors().reden ?? runner.error()} />
      <confirm.Dialog />
    </section>
  );
}
