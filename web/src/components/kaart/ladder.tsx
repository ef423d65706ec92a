import { For } from 'solid-js';
import { bindingsladder, treden, type Trede } from '../../../../shared/domain/wijk/sociale-kaart';

/**
 * The bindingsladder as five rungs, the partner's own highlighted. Colour and weight are not the only carriers:
 * the rung says "nu" in words too, and the list's label reads the position out.
 */
export function Ladder(props: { trede: Trede; naam: string }) {
  return (
    <ol class="landing-ladder" aria-label={`Bindingsladder van ${props.naam}: trede ${props.trede} van 5`}>
      <For each={[...treden]}>
        {(t) => (
          <li
            class="landing-ladder__rung"
            classList={{
              'landing-ladder__rung--current': t === props.trede,
              'landing-ladder__rung--reached': t < props.trede,
            }}
            aria-current={t === props.trede ? 'step' : undefined}
          >
            <span class="landing-ladder__number">{t}</span> {bindingsladder[t].naam}
            {t === props.trede ? <span class="landing-ladder__now"> (nu)</span> : ''}
          </li>
        )}
      </For>
    </ol>
  );
}
