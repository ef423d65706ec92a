import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { geaccepteerdeAanbieding } from '../../../../shared/domain/woning/woning';
import { partnerSoortLabels, tredeLabel, wijkKey } from '../../../../shared/domain/wijk/sociale-kaart';
import { partnersInWijk } from '../../api/queries';

const SHOWN = 6;

/** The wijk of the accepted woning, when it has a name the sociale kaart can key. */
export function wijkVanWoning(t: Transition): string | undefined {
  const wijk = geaccepteerdeAanbieding(t.aanbiedingen)?.wijk;
  return wijk && wijkKey(wijk) ? wijk : undefined;
}

/** On a transition page: the partners of the wijk of the woning, in short, with the way to the whole kaart. */
export function InDeWijk(props: { wijk: string }) {
  const partners = createAsync(() => partnersInWijk(props.wijk));
  const href = () => `/sociale-kaart?${new URLSearchParams({ wijk: wijkKey(props.wijk), naam: props.wijk })}`;
  return (
    <section class="landing-panel" aria-labelledby="in-de-wijk-title">
      <h2 id="in-de-wijk-title" class="utrecht-heading-2">
        In de wijk {props.wijk}
      </h2>
      <Show when={partners()?.error}>
        <p class="utrecht-paragraph">De sociale kaart van deze wijk kon niet worden geladen.</p>
      </Show>
      <Show when={partners()?.value}>
        {(list) => (
          <Show
            when={list().items.length > 0}
            fallback={<p class="utrecht-paragraph">Nog geen partners op de sociale kaart van deze wijk.</p>}
          >
            <ul class="utrecht-unordered-list" aria-label={`Partners in ${props.wijk}`}>
              <For each={list().items.slice(0, SHOWN)}>
                {(p) => (
                  <li class="utrecht-unordered-list__item">
                    <strong>{p.naam}</strong> ({partnerSoortLabels[p.soort].toLowerCase()}), {tredeLabel(p.trede)}
                    {p.contactpersoon ? `; contact: ${p.contactpersoon.naam}` : ''}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={href()}>
          Sociale kaart van {props.wijk}
        </A>
      </p>
    </section>
  );
}
