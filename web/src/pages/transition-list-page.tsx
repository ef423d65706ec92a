import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { RiskLevel } from '../../../shared/domain/uitkering/uitkering';
import { faseLabels, fases, type Fase } from '../../../shared/domain/common/vocabulary';
import { useDemoClock } from '../clock/demo-clock';
import type { TransitionListScope } from '../../../shared/api/contract';
import type { TransitionSummary } from '../../../shared/domain/transition/transition';
import { api, ApiError } from '../api/client';
import { getTransitions } from '../api/queries';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TransitionTable } from '../components/transition-table';

type Sortering = 'aangemeld' | 'deadline' | 'fase' | 'risico';
const riskOrder: Record<RiskLevel, number> = { rood: 0, oranje: 1, open: 2, groen: 3 };
const sorters: Record<Sortering, (a: TransitionSummary, b: TransitionSummary) => number> = {
  aangemeld: (a, b) => b.createdAt.localeCompare(a.createdAt),
  deadline: (a, b) =>
    (a.signalen?.volgendeDeadline?.datum ?? '9999').localeCompare(b.signalen?.volgendeDeadline?.datum ?? '9999'),
  fase: (a, b) => fases.indexOf(a.fase) - fases.indexOf(b.fase),
  risico: (a, b) => riskOrder[a.signalen?.uitkeringRisico ?? 'open'] - riskOrder[b.signalen?.uitkeringRisico ?? 'open'],
};

const titles: Record<TransitionListScope, string> = {
  mine: 'Mijn trajecten',
  team: 'Trajecten van het team',
};

/** Page container: loads a list page by page; the table only shows. */
export function TransitionListPage() {
  const [params] = useSearchParams();
  const scope = (): TransitionListScope => (params.scope === 'team' ? 'team' : 'mine');
  const { today } = useDemoClock();
  // The first page through the router's cache (a new aanmelding marks it stale); further pages are appended here.
  const list = createAsync(() => getTransitions(scope()));
  const first = () => list()?.value;
  const listError = () => {
    const error = list()?.error;
    if (error === undefined) return undefined;
    return error instanceof ApiError ? error.message : 'De trajecten konden niet worden geladen.';
  };
  const [more, setMore] = createSignal<{
    scope: TransitionListScope;
    items: TransitionSummary[];
    nextCursor?: string;
  }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();

  const [fase, setFase] = createSignal<Fase | ''>('');
  const [risico, setRisico] = createSignal<RiskLevel | ''>('');
  const [sortering, setSortering] = createSignal<Sortering>('aangemeld');

  // Pages loaded with "Meer laden" belong to one scope; switching lists starts again.
  const extra = () => (more()?.scope === scope() ? more() : undefined);
  const loaded = () => [...(first()?.items ?? []), ...(extra()?.items ?? [])];
  // Filtering and sorting work on what is loaded (a page of 50, more with "Meer laden").
  const items = () =>
    loaded()
      .filter((t) => !fase() || t.fase === fase())
      .filter((t) => !risico() || (t.signalen?.uitkeringRisico ?? 'open') === risico())
      .sort(sorters[sortering()]);
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

  const filters = () => (
    <div class="landing-filters" role="group" aria-label="Filteren en sorteren">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="filter-fase">
          Fase
        </label>
        <select
          id="filter-fase"
          class="utrecht-select utrecht-select--html-select"
          value={fase()}
          onChange={(e) => setFase(e.currentTarget.value as Fase | '')}
        >
          <option value="">Alle fasen</option>
          <For each={fases}>{(f) => <option value={f}>{faseLabels[f]}</option>}</For>
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="filter-risico">
          Uitkering
        </label>
        <select
          id="filter-risico"
          class="utrecht-select utrecht-select--html-select"
          value={risico()}
          onChange={(e) => setRisico(e.currentTarget.value as RiskLevel | '')}
        >
          <option value="">Alle</option>
          <option value="rood">Rood</option>
          <option value="oranje">Oranje</option>
          <option value="groen">Groen</option>
          <option value="open">Nog open</option>
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="sortering">
          Sorteren op
        </label>
        <select
          id="sortering"
          class="utrecht-select utrecht-select--html-select"
          value={sortering()}
          onChange={(e) => setSortering(e.currentTarget.value as Sortering)}
        >
          <option value="aangemeld">Nieuwste aanmelding</option>
          <option value="deadline">Eerstvolgende deadline</option>
          <option value="fase">Fase</option>
          <option value="risico">Uitkeringsrisico</option>
        </select>
      </div>
    </div>
  );

  return (
    <section class="landing-section">
      <Show when={scope()} keyed>
        {(s) => <PageTitle>{titles[s]}</PageTitle>}
      </Show>
      <div class="landing-actions">
        <A
          href="/trajecten/nieuw"
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          Nieuwe aanmelding
        </A>
      </div>
      <Switch>
        <Match when={list() === undefined}>
          <p class="utrecht-paragraph" role="status">
            Trajecten laden…
          </p>
        </Match>
        <Match when={listError()}>
          <ProblemAlert message={listError()} />
        </Match>
        <Match when={loaded().length > 0 && items().length === 0}>
          {filters()}
          <p class="utrecht-paragraph">Geen trajecten met deze filters.</p>
        </Match>
        <Match when={items().length === 0}>
          <p class="utrecht-paragraph">
            {scope() === 'mine' ? 'Je begeleidt nog geen trajecten.' : 'Je organisatie heeft nog geen trajecten.'}
          </p>
        </Match>
        <Match when={items().length > 0}>
          {filters()}
          <TransitionTable items={items()} caption={titles[scope()]} today={today()} />
          <ProblemAlert message={moreError()} />
          <Show when={nextCursor()}>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action landing-more"
              disabled={loadingMore()}
              onClick={() => void loadMore()}
            >
              {loadingMore() ? 'Laden…' : 'Meer laden'}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
