import { For, Show } from 'solid-js';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { timelineEventLabels } from '../../../shared/domain/vocabulary';
import { datumTijd } from '../format';

export function TimelineList(props: { items: TimelineEvent[] }) {
  return (
    <ol class="landing-timeline" aria-label="Gebeurtenissen, oudste eerst">
      <For each={props.items}>
        {(event) => (
          <li class="landing-timeline__item">
            <time datetime={event.at}>{datumTijd(event.at)}</time>
            <span class="landing-timeline__what">{timelineEventLabels[event.type]}</span>
            <Show when={event.omschrijving}>
              <span>{event.omschrijving}</span>
            </Show>
            <span class="landing-timeline__who">door {event.actor.naam}</span>
          </li>
        )}
      </For>
    </ol>
  );
}
