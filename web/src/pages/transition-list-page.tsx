import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { TransitionListScope } from '../../../shared/api/contract';
import type { TransitionSummary } from '../../../shared/domain/transition';
import { api, ApiError } from '../api/client';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TransitionTable } from '../components/transition-table';

const titles: Record<TransitionListScope, string> = {
  mine: 'Mijn trajecten',
  organisation: 'Alle trajecten van de organisatie',
};

/** Page container: loads a list page by page; the table only shows. */
export function TransitionListPage() {
  const [params] = useSearchParams();
  const scope = (): TransitionListScope => (params.scope === 'organisation' ? 'organisation' : 'mine');
  const [first] = createResource(scope, (s) => api.transitions.list(s));
  const [more, setMore] = createSignal<{ scope: TransitionListScope; items: TransitionSummary[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();

  // Pages loaded with "Meer laden" belong to one scope; switching lists starts again.
  const extra = () => (more()?.scope === scope() ? more() : undefined);
  const items = () => [...(first()?.items ?? []), ...(extra()?.items ?? [])];
  const nextCursor = () => (extra() ? extra()!.nextCursor : first()?.nextCursor);

  const loadMore = async () => {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError();
    try {
      const page = await api.transitions.list(scope(), cursor);
      setMore({ scope: scope(), items: [...(extra()?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setMoreError(e instanceof ApiError ? e.message : 'Laden lukte niet.');
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section class="landing-section">
      <Show when={scope()} keyed>
        {(s) => <PageTitle>{titles[s]}</PageTitle>}
      </Show>
      <div class="landing-actions">
        <A href="/trajecten/nieuw" class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
          Nieuwe aanmelding
        </A>
      </div>
      <Switch>
        <Match when={first.loading}>
          <p class="utrecht-paragraph" role="status">
            Trajecten laden…
          </p>
        </Match>
        <Match when={first.error}>
          <ProblemAlert message={first.error instanceof ApiError ? first.error.message : 'De trajecten konden niet worden geladen.'} />
        </Match>
        <Match when={items().length === 0}>
          <p class="utrecht-paragraph">
            {scope() === 'mine' ? 'Je begeleidt nog geen trajecten.' : 'Je organisatie heeft nog geen trajecten.'}
          </p>
        </Match>
        <Match when={items().length > 0}>
          <TransitionTable items={items()} caption={titles[scope()]} />
          <ProblemAlert message={moreError()} />
          <Show when={nextCursor()}>
            <button type="button" class="utrecht-button utrecht-button--secondary-action landing-more" disabled={loadingMore()} onClick={() => void loadMore()}>
              {loadingMore() ? 'Laden…' : 'Meer laden'}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
