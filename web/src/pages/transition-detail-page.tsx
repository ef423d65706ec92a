import { useParams } from '@solidjs/router';
import { createResource, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { Transition } from '../../../shared/domain/transition';
import { gemeenteNaam } from '../../../shared/domain/municipalities';
import { faseLabels, herkomstLabels } from '../../../shared/domain/vocabulary';
import { api, ApiError } from '../api/client';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TimelineList } from '../components/timeline-list';
import { datum, naam } from '../format';

const POLL_MS = 500;
const POLL_WINDOW_MS = 60_000;
const POLL_MAX_MS = 10_000;

export default function TransitionDetailPage() {
  const params = useParams<{ id: string }>();
  const [transition] = createResource(() => params.id, api.transitions.get);
  const [timeline, { refetch }] = createResource(() => params.id, api.transitions.timeline);

  // The workflow writes "traject-gestart" a moment after the aanmelding: look again for a little while.
  const started = Date.now();
  const timer = setInterval(() => {
    const t = transition();
    const events = timeline();
    if (!t || !events) return;
    const young = Date.now() - Date.parse(t.createdAt) < POLL_WINDOW_MS;
    const waiting = !events.items.some((e) => e.type === 'traject-gestart');
    if (young && waiting && Date.now() - started < POLL_MAX_MS) void refetch();
    else clearInterval(timer);
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

  const notFound = () => transition.error instanceof ApiError && transition.error.status === 404;

  return (
    <section class="landing-section">
      <Switch>
        <Match when={transition.loading}>
          <p class="utrecht-paragraph" role="status">
            Traject laden…
          </p>
        </Match>
        <Match when={notFound()}>
          <PageTitle>Traject niet gevonden</PageTitle>
          <p class="utrecht-paragraph">Dit traject bestaat niet of je hebt er geen toegang toe.</p>
        </Match>
        <Match when={transition.error}>
          <ProblemAlert message="Het traject kon niet worden geladen." />
        </Match>
        <Match when={transition()}>{(t) => <TransitionDetails transition={t()} />}</Match>
      </Switch>
      <Show when={transition()}>
        <h2 class="utrecht-heading-2">Tijdlijn</h2>
        <Show when={timeline()} fallback={<p class="utrecht-paragraph">Tijdlijn laden…</p>}>
          {(events) => <TimelineList items={events().items} />}
        </Show>
      </Show>
    </section>
  );
}

function TransitionDetails(props: { transition: Transition }) {
  const rows = () => [
    ['Geboortedatum', datum(props.transition.persoon.geboortedatum)],
    ['Gemeente', gemeenteNaam(props.transition.gemeenteCode)],
    ['Komt uit', herkomstLabels[props.transition.herkomst]],
    ['Fase', faseLabels[props.transition.fase]],
    ['Begeleiders', props.transition.begeleiders.map((b) => b.naam).join(' en ')],
    ['Aangemeld op', datum(props.transition.createdAt)],
  ];
  return (
    <>
      <PageTitle>{naam(props.transition.persoon)}</PageTitle>
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <For each={rows()}>
          {([key, value]) => (
            <div class="utrecht-data-list__item">
              <dt class="utrecht-data-list__item-key">{key}</dt>
              <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
            </div>
          )}
        </For>
      </dl>
    </>
  );
}
