import { A, createAsync, createAsyncStore, Navigate, query, revalidate, useLocation, useParams } from '@solidjs/router';
import { createEffect, For, type JSX, Match, onCleanup, Show, Switch } from 'solid-js';
import type { Transition } from '../../../shared/domain/transition/transition';
import { gemeenteNaam } from '../../../shared/domain/organisation/municipalities';
import { herkomstLabels } from '../../../shared/domain/common/vocabulary';
import { api, ApiError, emergencyAccessFor, emergencyAccessUntil } from '../api/client';
import { overviewsChanged, settle } from '../api/queries';
import { AuditPanel } from '../components/audit/audit-panel';
import { InDeWijk, wijkVanWoning } from '../components/kaart/in-de-wijk';
import { EmergencyAccess } from '../components/audit/emergency-access';
import { HerstelSection } from '../components/herstel/herstel-section';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TimelineList } from '../components/timeline-list';
import { BudgetPanel } from '../components/budget/budget-panel';
import { PlanPanel } from '../components/support/plan-panel';
import { SignalsPanel } from '../components/support/signals-panel';
import { SupportPanel } from '../components/support/support-panel';
import { ContinuityPanel } from '../components/transition/continuity-panel';
import { FasePanel } from '../components/transition/fase-panel';
import { MovePanel } from '../components/transition/move-panel';
import { DecisionsPanel } from '../components/transition/decisions-panel';
import { ReadinessPanel } from '../components/transition/readiness-panel';
import { WoningPanel } from '../components/transition/woning-panel';
import { SectionNav, sectionOf, TransitionSummary } from '../components/transition/transition-sections';
import { datum, naam } from '../format';

/** The hour and minute an emergency access ends, as the clock on the wall says it: "14:35". */
const tijd = (epochMs: number) =>
  new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
    epochMs,
  );

const POLL_MS = 500;
const POLL_WINDOW_MS = 60_000;
const POLL_MAX_MS = 10_000;
/**
 * When to look again after a change: the workflows answer it a moment later (a task, the move, a proposed
 * scale-up), sooner or later with load and cold starts. Each look reads the timeline only; news there reloads the rest.
 */
const WORKFLOW_LOOKS_MS = [800, 2_000, 4_000, 8_000];

/** What tells one timeline from a later one: its newest event (the first, newest first). */
const timelineMark = (timeline: { items: { id: string }[] } | undefined) =>
  timeline ? (timeline.items[0]?.id ?? '') : '';

// The router's cache, one entry per transition and part: a change revalidates the parts it touched.
const getTransition = query((id: string) => settle(api.transitions.get(id)), 'transition');
const getOverview = query((id: string) => settle(api.transitions.overview(id)), 'transition-overview');
const getTimeline = query((id: string) => settle(api.transitions.timeline(id)), 'transition-timeline');
const getSignals = query((id: string) => settle(api.signals.list(id)), 'transition-signals');

/** Page container: loads the transition, its overview and timeline; every panel's change reloads all three. */
export default function TransitionDetailPage() {
  const params = useParams<{ id: string; sectie?: string }>();
  const section = () => sectionOf(params.sectie) ?? '';
  const transition = createAsync(() => getTransition(params.id));
  const overview = createAsync(() => getOverview(params.id));
  const timeline = createAsync(() => getTimeline(params.id));
  // A store reconciled by id: a reload keeps each signal's item (and a form open in it) instead of remounting it.
  const signals = createAsyncStore(() => getSignals(params.id));

  const currentTransition = () => transition()?.value;
  const currentOverview = () => overview()?.value;
  const currentTimeline = () => timeline()?.value;
  const currentSignals = () => signals()?.value;
  const transitionError = () => transition()?.error;
  // A link from Vandaag names the part of the page where the work is done: go there once the page is drawn.
  const location = useLocation();
  let scrolledTo = '';
  createEffect(() => {
    const hash = location.hash.replace(/^#/, '');
    if (!hash || !currentOverview() || currentSignals() === undefined || scrolledTo === hash) return;
    const target = document.getElementById(hash);
    if (target) {
      scrolledTo = hash;
      target.scrollIntoView({ block: 'start' });
    }
  });

  const rest = () => [getOverview.keyFor(params.id), getTimeline.keyFor(params.id), getSignals.keyFor(params.id)];
  const reload = () => void revalidate([getTransition.keyFor(params.id), ...rest()]);

  let looks: ReturnType<typeof setTimeout>[] = [];
  const lookForWorkflowAnswers = () => {
    looks.forEach(clearTimeout);
    const id = params.id;
    let known = timelineMark(currentTimeline());
    looks = WORKFLOW_LOOKS_MS.map((ms) =>
      setTimeout(() => {
        void revalidate(getTimeline.keyFor(id))
          .then(() => getTimeline(id))
          .then((events) => {
            const mark = timelineMark(events.value);
            if (mark === known) return;
            known = mark;
            void revalidate([getTransition.keyFor(id), getOverview.keyFor(id), getSignals.keyFor(id)]);
          });
      }, ms),
    );
  };
  onCleanup(() => looks.forEach(clearTimeout));

  const changed = (next?: Transition) => {
    const key = getTransition.keyFor(params.id);
    // Same version back means "reload" (a stale write); otherwise show the new version at once (no refetch).
    const fresh = next && next.version !== currentTransition()?.version;
    if (fresh) query.set(key, { value: next });
    void revalidate(key, !fresh);
    void revalidate(rest());
    void overviewsChanged();
    lookForWorkflowAnswers();
  };

  // The workflow writes "traject-gestart" a moment after the aanmelding: look again for a little while.
  const started = Date.now();
  const timer = setInterval(() => {
    const t = currentTransition();
    const events = currentTimeline();
    if (!t || !events) return;
    const young = Date.now() - Date.parse(t.createdAt) < POLL_WINDOW_MS;
    const waiting = !events.items.some((e) => e.type === 'traject-gestart');
    if (young && waiting && Date.now() - started < POLL_MAX_MS) void revalidate(getTimeline.keyFor(params.id));
    else clearInterval(timer);
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

  const notFound = () => {
    const error = transitionError();
    return error instanceof ApiError && error.status === 404;
  };
  const otherTeam = () => {
    const error = transitionError();
    return error instanceof ApiError && error.problem.code === 'noodtoegang-mogelijk' && !emergencyAccessFor(params.id);
  };

  return (
    <section class="landing-section">
      <Switch>
        <Match when={params.sectie !== undefined && sectionOf(params.sectie) === undefined}>
          <Navigate href={`/trajecten/${params.id}`} />
        </Match>
        <Match when={otherTeam()}>
          <EmergencyAccess transitionId={params.id} onGranted={reload} />
        </Match>
        <Match when={notFound()}>
          <PageTitle>Traject niet gevonden</PageTitle>
          <p class="utrecht-paragraph">Dit traject bestaat niet of je hebt er geen toegang toe.</p>
        </Match>
        <Match when={transitionError()}>
          <ProblemAlert message="Het traject kon niet worden geladen." />
        </Match>
        <Match when={transition() === undefined}>
          <p class="utrecht-paragraph" role="status">
            Traject laden…
          </p>
        </Match>
        <Match when={currentTransition()}>
          {(t) => (
            <>
              <Show when={emergencyAccessUntil(t().id)}>
                {(until) => (
                  <div class="utrecht-alert utrecht-alert--warning" role="status">
                    <p class="utrecht-paragraph">
                      <strong>Noodtoegang tot {tijd(until())}</strong>
                    </p>
                    <p class="utrecht-paragraph">
                      Je gebruikt noodtoegang tot dit dossier: je kunt het inzien en een signaal doorgeven aan het team.
                      Wijzigen kan alleen het team van de persoon. Alles wat je inziet komt met je reden in het
                      auditlog.
                    </p>
                  </div>
                )}
              </Show>
              <TransitionDetails transition={t()} full={section() === ''} />
              <Show when={currentOverview()}>
                {(o) => (
                  <TransitionSummary
                    transition={t()}
                    overview={o()}
                    signals={currentSignals()?.items}
                    current={section()}
                  />
                )}
              </Show>
              <SectionNav transitionId={t().id} current={section()} person={naam(t().persoon)} />
              <Show when={currentOverview()}>
                {(o) => {
                  const emergency = () => Boolean(emergencyAccessFor(t().id));
                  // Emergency access is for looking (and passing on a signal): the rest is shown, its forms disabled.
                  const Record = (p: { children: JSX.Element }) => (
                    <fieldset class="landing-record-parts" disabled={emergency()}>
                      {p.children}
                    </fieldset>
                  );
                  return (
                    <Switch>
                      <Match when={section() === ''}>
                        <Show when={o().deadlines.length > 0}>
                          <section class="landing-panel" aria-labelledby="deadlines-title">
                            <h2 id="deadlines-title" class="utrecht-heading-2">
                              Komende deadlines
                            </h2>
                            <ul class="utrecht-unordered-list">
                              <For each={o().deadlines}>
                                {(d) => (
                                  <li class="utrecht-unordered-list__item">
                                    <time datetime={d.datum}>{datum(d.datum)}</time>: {d.wat}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </section>
                        </Show>
                        <Record>
                          <Show when={t().verhuisdatum}>
                            <DecisionsPanel transition={t()} overview={o()} onChanged={changed} />
                          </Show>
                          <FasePanel transition={t()} nextFases={o().nextFases} onChanged={changed} />
                        </Record>
                      </Match>
                      <Match when={section() === 'wonen'}>
                        <Record>
                          <ReadinessPanel transition={t()} overview={o()} onChanged={changed} />
                          <Show
                            when={
                              ['woning', 'verhuizing', 'landing', 'omklap', 'geland', 'beeindigd'].includes(t().fase) ||
                              t().aanbiedingen.length > 0
                            }
                          >
                            <WoningPanel transition={t()} overview={o()} onChanged={changed} />
                            <MovePanel transition={t()} overview={o()} onChanged={changed} />
                          </Show>
                        </Record>
                        <Show when={wijkVanWoning(t())}>{(wijk) => <InDeWijk wijk={wijk()} />}</Show>
                      </Match>
                      <Match when={section() === 'geld'}>
                        <Record>
                          <BudgetPanel transitionId={t().id} verhuisdatum={t().verhuisdatum} />
                        </Record>
                      </Match>
                      <Match when={section() === 'ondersteuning'}>
                        <SignalsPanel
                          transition={t()}
                          signals={currentSignals()?.items}
                          onChanged={() => changed()}
                          emergency={emergency()}
                        />
                        <Record>
                          <SupportPanel
                            transition={t()}
                            overview={o()}
                            signals={currentSignals()?.items ?? []}
                            onChanged={changed}
                          />
                        </Record>
                      </Match>
                      <Match when={section() === 'plan'}>
                        <Record>
                          <PlanPanel transition={t()} overview={o()} onChanged={changed} />
                          <HerstelSection transition={t()} readOnly={emergency()} />
                        </Record>
                      </Match>
                      <Match when={section() === 'tijdlijn'}>
                        <section class="landing-panel" aria-labelledby="tijdlijn-title">
                          <h2 id="tijdlijn-title" class="utrecht-heading-2">
                            Tijdlijn
                          </h2>
                          <Show when={currentTimeline()} fallback={<p class="utrecht-paragraph">Tijdlijn laden…</p>}>
                            {(events) => (
                              <TimelineList
                                page={events()}
                                older={(cursor) => api.transitions.timeline(params.id, cursor)}
                              />
                            )}
                          </Show>
                        </section>
                      </Match>
                      <Match when={section() === 'dossier'}>
                        <section class="landing-panel" aria-labelledby="afdrukken-title">
                          <h2 id="afdrukken-title" class="utrecht-heading-2">
                            Afdrukken
                          </h2>
                          <p class="utrecht-paragraph">
                            Voor de overdracht of het eigen exemplaar van de persoon: de samenvatting, het plan, het
                            signaleringsplan, het netwerk en de tijdlijn op papier of als pdf.
                          </p>
                          <p class="utrecht-paragraph">
                            <A class="utrecht-link" href={`/trajecten/${t().id}/afdrukken`}>
                              Dossier afdrukken
                            </A>
                          </p>
                        </section>
                        <Record>
                          <ContinuityPanel transition={t()} onChanged={changed} />
                        </Record>
                        <Show when={!emergency()}>
                          <AuditPanel transitionId={t().id} />
                        </Show>
                      </Match>
                    </Switch>
                  );
                }}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** The person's name on every section; who they are (the phase is in the summary) on Overzicht only. */
function TransitionDetails(props: { transition: Transition; full: boolean }) {
  const rows = () => [
    ['Geboortedatum', datum(props.transition.persoon.geboortedatum)],
    ['Gemeente', gemeenteNaam(props.transition.gemeenteCode)],
    ['Komt uit', herkomstLabels[props.transition.herkomst]],
    ['Begeleiders', props.transition.begeleiders.map((b) => b.naam).join(' en ')],
    ['Aangemeld op', datum(props.transition.createdAt)],
  ];
  return (
    <>
      <PageTitle>{naam(props.transition.persoon)}</PageTitle>
      <Show when={props.full}>
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
      </Show>
    </>
  );
}
