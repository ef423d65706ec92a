import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { RiskLevel } from '../../../shared/domain/uitkering/uitkering';
import { faseLabels, fases, type Fase } from '../../../shared/domain/common/vocabulary';
import { useDemoClock } from '../clock/demo-clock';
import type { TransitionListScope } from '../../../shared/api/contract';
import type { TransitionSummary } from '../../../shared/domain/transition/transition';
import { api, ApiError } from '../api/client';
import { getStaff, getTransitions, searchTransitions } from '../api/queries';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TransitionTable } from '../components/transition-table';

type Sortering = 'aangemeld' | 'deadline' | 'fase' | 'risico';
const riskOrder: Record<RiskLevel, number> = { rood: 0, oranje: 1, open: 2, groen: 3 };
// ISO dates and times sort as plain strings: no collator (localeCompare costs a thousand rows tens of ms).
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorters: Record<Sortering, (a: TransitionSummary, b: TransitionSummary) => number> = {
  aangemeld: (a, b) => byString(b.createdAt, a.createdAt),
  deadline: (a, b) =>
    byString(a.signalen?.volgendeDeadline?.datum ?? '9999', b.signalen?.volgendeDeadline?.datum ?? '9999'),
  fase: (a, b) => fases.indexOf(a.fase) - fases.indexOf(b.fase),
  risico: (a, b) => riskOrder[a.signalen?.uitkeringRisico ?? 'open'] - riskOrder[b.signalen?.uitkeringRisico ?? 'open'],
};

const titles: Record<TransitionListScope, string> = {
  mine: 'Mijn trajecten',
  team: 'Trajecten van het team',
};

const risicos = ['rood', 'oranje', 'groen', 'open'] as const;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * Page container: loads a list page by page; the table only shows. The search and the filters live in the URL's
 * query (shareable, the back button undoes them); the search goes to the API in a POST body, never in a URL.
 */
export function TransitionListPage() {
  const [params, setParams] = useSearchParams();
  const scope = (): TransitionListScope => (params.scope === 'team' ? 'team' : 'mine');
  const { today } = useDemoClock();
  const zoek = () => text(params.zoek).trim();
  const fase = () => oneOf(fases, params.fase) ?? '';
  const risico = () => oneOf(risicos, params.risico) ?? '';
  const begeleider = () => (scope() === 'team' ? text(params.begeleider) : '');
  const sortering = () => oneOf(Object.keys(sorters) as Sortering[], params.sortering) ?? 'aangemeld';
  const filter = () => ({
    ...(zoek() ? { zoek: zoek() } : {}),
    ...(fase() ? { fase: fase() as Fase } : {}),
    ...(risico() ? { risico: risico() as RiskLevel } : {}),
    ...(begeleider() ? { begeleiderId: begeleider() } : {}),
  });
  const searching = () => Object.keys(filter()).length > 0;
  // The first page through the router's cache (a new aanmelding marks it stale); further pages are appended here.
  const list = createAsync(() =>
    searching() ? searchTransitions({ scope: scope(), ...filter() }) : getTransitions(scope()),
  );
  const staff = createAsync(async () => (scope() === 'team' ? getStaff() : undefined));
  const begeleiders = () => (staff()?.value?.items ?? []).filter((s) => s.role === 'begeleider');
  const first = () => list()?.value;
  const listError = () => {
    const error = list()?.error;
    if (error === undefined) return undefined;
    return error instanceof ApiError ? error.message : 'De trajecten konden niet worden geladen.';
  };
  // Pages loaded with "Meer laden" belong to one list and search; another list or search starts again.
  const listKey = () => JSON.stringify([scope(), filter()]);
  const [more, setMore] = createSignal<{ key: string; items: TransitionSummary[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();

  const setParam = (name: string, value: string) => setParams({ [name]: value || undefined });

  const extra = () => (more()?.key === listKey() ? more() : undefined);
  const loaded = () => [...(first()?.items ?? []), ...(extra()?.items ?? [])];
  // The API filters; sorting works on what is loaded (a page of 50, more with "Meer laden").
  const items = () => [...loaded()].sort(sorters[sortering()]);
  const nextCursor = () => (extra() ? extra()!.nextCursor : first()?.nextCursor);

  const loadMore = async () => {
    const cursor = nextCursor();
    if (!cursor) return;
    const key = listKey();
    setLoadingMore(true);
    setMoreError();
    try {
      const page = searching()
        ? await api.transitions.search({ scope: scope(), ...filter(), cursor })
        : await api.transitions.list(scope(), cursor);
      setMore({ key, items: [...(extra()?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setMoreError(e instanceof ApiError ? e.message : 'Laden lukte niet.');
    } finally {
      setLoadingMore(false);
    }
  };

  const zoekForm = () => (
    <form
      class="landing-zoeken"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        setParam('zoek', (new FormData(e.currentTarget).get('zoek') as string).trim());
      }}
    >
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="zoek">
          Zoek op naam of geboortedatum
        </label>
        <p class="utrecht-form-field-description" id="zoek-uitleg">
          Bijvoorbeeld Jansen of 3-4-1990
        </p>
        <div class="landing-zoeken__regel">
          <input
            id="zoek"
            name="zoek"
            type="search"
            class="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="zoek-uitleg"
            autocomplete="off"
            maxLength={100}
            value={zoek()}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Zoeken
          </button>
        </div>
      </div>
    </form>
  );

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
          onChange={(e) => setParam('fase', e.currentTarget.value)}
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
          onChange={(e) => setParam('risico', e.currentTarget.value)}
        >
          <option value="">Alle</option>
          <option value="rood">Rood</option>
          <option value="oranje">Oranje</option>
          <option value="groen">Groen</option>
          <option value="open">Nog open</option>
        </select>
      </div>
      <Show when={scope() === 'team'}>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="filter-begeleider">
            Begeleider
          </label>
          <select
            id="filter-begeleider"
            class="utrecht-select utrecht-select--html-select"
            value={begeleider()}
            onChange={(e) => setParam('begeleider', e.currentTarget.value)}
          >
            <option value="">Alle begeleiders</option>
            <For each={begeleiders()}>
              {(b) => (
                // Selected by the option itself: the staff arrive after the select got its value from the URL.
                <option value={b.id} selected={b.id === begeleider()}>
                  {b.naam}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="sortering">
          Sorteren op
        </label>
        <select
          id="sortering"
          class="utrecht-select utrecht-select--html-select"
          value={sortering()}
          onChange={(e) => setParam('sortering', e.currentTarget.value === 'aangemeld' ? '' : e.currentTarget.value)}
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
      {zoekForm()}
      {filters()}
      <Switch>
        <Match when={list() === undefined}>
          <p class="utrecht-paragraph" role="status">
            Trajecten laden…
          </p>
        </Match>
        <Match when={listError()}>
          <ProblemAlert message={listError()} />
        </Match>
        <Match when={items().length === 0 && !searching()}>
          <p class="utrecht-paragraph">
            {scope() === 'mine' ? 'Je begeleidt nog geen trajecten.' : 'Je organisatie heeft nog geen trajecten.'}
          </p>
        </Match>
        <Match when={true}>
          <Show when={searching()}>
            <p class="utrecht-paragraph" role="status">
              {items().length === 0
                ? `Niemand gevonden${nextCursor() ? ' in het eerste deel van de lijst' : ''} met deze zoekopdracht of filters.`
                : `${items().length} ${items().length === 1 ? 'traject' : 'trajecten'} gevonden${nextCursor() ? ', er zijn er mogelijk meer' : ''}.`}
            </p>
          </Show>
          <Show when={items().length > 0}>
            <TransitionTable items={items()} caption={titles[scope()]} today={today()} />
          </Show>
          <ProblemAlert message={moreError()} />
          <Show when={nextCursor()}>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action landing-more"
              disabled={loadingMore()}
              onClick={() => void loadMore()}
            >
              {loadingMore() ? 'Laden…' : searching() ? 'Verder zoeken' : 'Meer laden'}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
