import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { schaalLabels } from '../../../../shared/domain/herstel/doelen';
import { getHerstel } from '../../api/queries';
import { datum } from '../../format';

/**
 * The person's active goals beside a review (the evaluation after the move, the landing review): "deze
 * beoordeling evalueert ook de doelen". Each with its last progress and a link to its evaluation form.
 */
export function DoelenOverzicht(props: { transitionId: string }) {
  const loaded = createAsync(() => getHerstel(props.transitionId));
  const actief = () => (loaded()?.value?.doelen ?? []).filter((d) => d.status === 'actief');
  return (
    <Show when={actief().length > 0}>
      <div class="landing-inline-form">
        <p class="utrecht-paragraph">Deze beoordeling evalueert ook de doelen:</p>
        <ul class="utrecht-unordered-list" aria-label="Doelen om mee te evalueren">
          <For each={actief()}>
            {(d) => {
              const laatste = () => d.evaluaties.at(-1);
              return (
                <li class="utrecht-unordered-list__item">
                  <a class="utrecht-link" href={`#doel-${d.id}-evalueren`}>
                    {d.doel}
                  </a>
                  {laatste()
                    ? ` — ${schaalLabels[laatste()!.schaal].toLowerCase()} op ${datum(laatste()!.op)}: “${laatste()!.voortgang}”`
                    : ' — nog niet geëvalueerd'}
                </li>
              );
            }}
          </For>
        </ul>
      </div>
    </Show>
  );
}
