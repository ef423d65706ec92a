import { A, createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { TodayView } from '../../../shared/api/caseload-schemas';
import { signFaseLabels } from '../../../shared/domain/signals/signaleringsplan';
import { getBudgetInbox, getCorporations, getToday } from '../api/queries';
import { session } from '../auth/session';
import { useDemoClock } from '../clock/demo-clock';
import { CaseloadMeter } from '../components/caseload/caseload-meter';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { datum, datumTijd, naam } from '../format';

/**
 * "Vandaag": what asks for the caseworker now, across their transitions. Signals to answer first (their
 * tasks, earliest deadline first, overdue in red), then reviews of scale-ups and the deadlines of woning,
 * uitkering and move, and their own caseload. A budget holder and an administrator get their own start here.
 */
export default function TodayPage() {
  const role = () => session()?.principal.role;
  return (
    <section class="landing-section">
      <PageTitle>Vandaag</PageTitle>
      <Switch fallback={<OtherStart />}>
        <Match when={role() === 'begeleider' || role() === 'teamleider'}>
          <CaseworkerToday />
        </Match>
        <Match when={role() === 'budgethouder'}>
          <BudgetHolderToday />
        </Match>
        <Match when={role() === 'beheerder'}>
          <AdministratorToday />
        </Match>
      </Switch>
    </section>
  );
}

function CaseworkerToday() {
  const view = createAsync(() => getToday());
  keepUpToDate();
  return (
    <>
      <ProblemAlert message={view()?.error ? 'Vandaag kon niet worden geladen.' : undefined} />
      <Show when={view()?.value}>
        {(v) => (
          <>
            <NewItems view={v()} />
            <TodayLists view={v()} />
          </>
        )}
      </Show>
    </>
  );
}

/** A budget holder's day: the spends of the municipality that wait for their decision. */
function BudgetHolderToday() {
  const inbox = createAsync(() => getBudgetInbox());
  return (
    <>
      <h2 class="utrecht-heading-2">Uitgaven om te beoordelen</h2>
      <ProblemAlert message={inbox()?.error ? 'De uitgaven konden niet worden geladen.' : undefined} />
      <Show when={inbox()?.value}>
        {(list) => (
          <p class="utrecht-paragraph">
            {list().items.length === 0
              ? 'Er wachten geen uitgaven op jouw besluit.'
              : list().items.length === 1
                ? '1 uitgave wacht op jouw besluit.'
                : `${list().items.length} uitgaven wachten op jouw besluit.`}{' '}
            <A class="utrecht-link" href="/regelbudget">
              Naar Regelbudget: te beoordelen
            </A>
          </p>
        )}
      </Show>
    </>
  );
}

/** The administrator's day: the corporations' connections (webhooks and API keys), no person's record. */
function AdministratorToday() {
  const corporations = createAsync(() => getCorporations());
  return (
    <>
      <h2 class="utrecht-heading-2">Koppelingen met corporaties</h2>
      <ProblemAlert message={corporations()?.error ? 'De corporaties konden niet worden geladen.' : undefined} />
      <Show when={corporations()?.value}>
        {(list) => (
          <p class="utrecht-paragraph">
            {list().items.length === 1
              ? '1 corporatie werkt met Landing.'
              : `${list().items.length} corporaties werken met Landing.`}{' '}
            Beheer hun webhooks en API-sleutels bij{' '}
            <A class="utrecht-link" href="/corporaties">
              Corporaties
            </A>
            .
          </p>
        )}
      </Show>
    </>
  );
}

/** A role without work in this app (a corporation's account): say where its work is instead of a blank page. */
function OtherStart() {
  return (
    <p class="utrecht-paragraph">
      Voor jouw rol is er in deze app niets te doen: je organisatie werkt met Landing via haar eigen systeem (de
      koppeling met API-sleutel).
    </p>
  );
}

/** Well inside the half minute in which a new signal or task should show on an open Vandaag. */
const POLL_MS = 20_000;

/**
 * Asks again every POLL_MS while the tab is visible, and at once when it becomes visible again. The ask is
 * conditional (If-None-Match): while nothing changed the answer is a bodiless 304 and the page stays as it is.
 */
function keepUpToDate() {
  const poll = () => {
    if (document.visibilityState === 'visible') void revalidate(getToday.keyFor());
  };
  const timer = setInterval(poll, POLL_MS);
  document.addEventListener('visibilitychange', poll);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', poll);
  });
}

/**
 * Says, politely (aria-live) and visibly, which tasks arrived since the page opened, rood first; and counts the
 * open rood tasks in the document title, so a tab in the background shows them too.
 */
function NewItems(props: { view: TodayView }) {
  const seen = new Set(props.view.taken.map((t) => t.id));
  const [message, setMessage] = createSignal('');
  createEffect(() => {
    const arrived = props.view.taken.filter((t) => !seen.has(t.id));
    for (const t of arrived) seen.add(t.id);
    if (arrived.length > 0) setMessage(arrivalMessage(arrived));
  });
  createEffect(() => {
    const rood = props.view.taken.filter((t) => t.fase === 'rood').length;
    document.title = rood > 0 ? `(${rood}) Vandaag – Landing` : 'Vandaag – Landing';
  });
  return (
    <div class="landing-live" role="status" aria-live="polite">
      <Show when={message()}>
        <p class="utrecht-paragraph">
          <strong>{message()}</strong>
        </p>
      </Show>
    </div>
  );
}

function arrivalMessage(arrived: TodayView['taken']): string {
  const rood = arrived.filter((t) => t.fase === 'rood');
  const names = (ts: TodayView['taken']) => ts.map((t) => naam(t.persoon)).join(', ');
  const parts = [
    ...(rood.length > 0
      ? [`${rood.length === 1 ? 'Nieuw rood signaal' : `${rood.length} nieuwe rode signalen`}: ${names(rood)}`]
      : []),
    ...(arrived.length > rood.length
      ? [
          `${arrived.length - rood.length === 1 ? 'Nieuwe taak' : `${arrived.length - rood.length} nieuwe taken`}: ${names(arrived.filter((t) => t.fase !== 'rood'))}`,
        ]
      : []),
  ];
  return `${parts.join('. ')}.`;
}

function TodayLists(props: { view: TodayView }) {
  const { now: clockNow } = useDemoClock();
  const now = () => clockNow() ?? new Date().toISOString();
  const link = (t: { transitionId: string; persoon: { voornaam: string; achternaam: string } }) => (
    <A class="utrecht-link" href={`/trajecten/${t.transitionId}`}>
      {naam(t.persoon)}
    </A>
  );
  return (
    <>
      <h2 class="utrecht-heading-2">Signalen om op te pakken</h2>
      <Show
        when={props.view.taken.length > 0}
        fallback={<p class="utrecht-paragraph">Geen signalen die op jou wachten.</p>}
      >
        <ul class="landing-offers" aria-label="Taken">
          <For each={props.view.taken}>
            {(task) => (
              <li class="landing-offer" classList={{ 'landing-offer--overdue': task.deadline < now() }}>
                <strong>
                  <span class={`landing-risk landing-risk--${task.fase}`}>{signFaseLabels[task.fase]}</span>{' '}
                  {link(task)}
                  {task.rol === 'teamleider' ? ' — doorgezet naar jou als teamleider' : ''}
                </strong>
                <span>{task.wat}</span>
                <span>
                  {task.deadline < now()
                    ? `Te laat: oppakken vóór ${datumTijd(task.deadline)}`
                    : `Oppakken vóór ${datumTijd(task.deadline)}`}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Bevestigen en besluiten</h2>
      <Show
        when={props.view.vragen.length > 0}
        fallback={<p class="utrecht-paragraph">Niets om te bevestigen of te besluiten.</p>}
      >
        <ul class="landing-offers" aria-label="Vragen aan het duo">
          <For each={props.view.vragen}>
            {(v) => (
              <li class="landing-offer">
                <strong>{link(v)}</strong>
                <span>{v.wat}</span>
                <span>Sinds {datum(v.datum)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Evaluaties van opschalingen</h2>
      <Show
        when={props.view.evaluaties.length > 0}
        fallback={<p class="utrecht-paragraph">Geen evaluaties deze week.</p>}
      >
        <ul class="utrecht-unordered-list" aria-label="Evaluaties">
          <For each={props.view.evaluaties}>
            {(e) => (
              <li class="utrecht-unordered-list__item">
                {link(e)}: {e.datum < props.view.today ? `te laat (was ${datum(e.datum)})` : datum(e.datum)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Doelen evalueren</h2>
      <Show
        when={props.view.doelen.length > 0}
        fallback={<p class="utrecht-paragraph">Geen doelen om deze week te evalueren.</p>}
      >
        <ul class="utrecht-unordered-list" aria-label="Doelen evalueren">
          <For each={props.view.doelen}>
            {(d) => (
              <li class="utrecht-unordered-list__item">
                {link(d)}: {d.aantal === 1 ? '1 doel' : `${d.aantal} doelen`},{' '}
                {d.datum < props.view.today ? `te laat (was ${datum(d.datum)})` : `uiterlijk ${datum(d.datum)}`} —{' '}
                <A class="utrecht-link" href={`/trajecten/${d.transitionId}/plan#doelen`}>
                  naar het Plan van Aanpak
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Deadlines</h2>
      <Show
        when={props.view.deadlines.length > 0}
        fallback={<p class="utrecht-paragraph">Geen deadlines in de komende twee weken.</p>}
      >
        <ul class="utrecht-unordered-list" aria-label="Deadlines">
          <For each={props.view.deadlines}>
            {(d) => (
              <li class="utrecht-unordered-list__item">
                {link(d)}: {d.wat}, {d.datum < props.view.today ? `te laat (was ${datum(d.datum)})` : datum(d.datum)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.view.caseload}>
        {(entry) => (
          <>
            <h2 class="utrecht-heading-2">Mijn caseload</h2>
            <CaseloadMeter entry={entry()} />
          </>
        )}
      </Show>
    </>
  );
}
