import { createSignal, For, Show } from 'solid-js';
import type { Timeline } from '../../../shared/api/contract';
import { timelineEventLabels } from '../../../shared/domain/common/vocabulary';
import { datumTijd } from '../format';
import { ProblemAlert } from './problem-alert';

/**
 * The timeline, newest first: the first page comes with the page, older ones follow their cursor on request.
 * A reload of the first page keeps the older ones shown (new events only come in at the top).
 */
export function TimelineList(props: { page: Timeline; older: (cursor: string) => Promise<Timeline> }) {
  const [more, setMore] = createSignal<Timeline>();
  const [loading, setLoading] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const items = () => {
    const first = props.page.items;
    const shown = new Set(first.map((e) => e.id));
    return [...first, ...(more()?.items ?? []).filter((e) => !shown.has(e.id))];
  };
  const nextCursor = () => (more() ? more()!.nextCursor : props.page.nextCursor);
  const loadOlder = async (cursor: string) => {
    setLoading(true);
    setFailed(false);
    try {
      const page = await props.older(cursor);
      setMore((had) => ({
        items: [...(had?.items ?? []), ...page.items],
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      }));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <ol class="landing-timeline" aria-label="Gebeurtenissen, nieuwste eerst" aria-busy={loading()}>
        <For each={items()}>
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
      <ProblemAlert message={failed() ? 'Oudere gebeurtenissen konden niet worden geladen.' : undefined} />
      <Show when={nextCursor()}>
        {(cursor) => (
          <p class="utrecht-paragraph">
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle"
              disabled={loading()}
              onClick={() => void loadOlder(cursor())}
            >
              Oudere gebeurtenissen
            </button>
          </p>
        )}
      </Show>
    </>
  );
}
