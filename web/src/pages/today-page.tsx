import { A, createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { TodayView } from '../../../shared/api/caseload-schemas';
import type { Plek } from '../../../shared/domain/common/vocabulary';
import { signFaseLabels } from '../../../shared/domain/signals/signaleringsplan';
import { getBudgetInbox, getCorporations, getToday } from '../api/queries';
import { session } from '../auth/session';
import { useDemoClock } from '../clock/demo-clock';
import { CaseloadMeter } from '../components/caseload/caseload-meter';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { plekHref } from '../components/transition/transition-sections';
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

/** By when, in words: "uiterlijk 12 maart 2027", or "te laat: uiterlijk 3 maart 2027" once past. */
function uiterlijk(iso: string, today: string): string {
  return iso < today ? `te laat: uiterlijk ${datum(iso)}` : `uiterlijk ${datum(iso)}`;
}

type Ref = { transitionId: string; persoon: { voornaam: string; achternaam: string }; plek?: Plek };

/** The one link of a line: to the person's transition, at the part of the page where the work is done. */
function PlaceLink(props: { to: Ref }) {
  return (
    <A class="utrecht-link" href={plekHref(props.to.transitionId, props.to.plek)}>
      {naam(props.to.persoon)}
    </A>
  );
}

function TodayLists(props: { view: TodayView }) {
  const { now: clockNow } = useDemoClock();
  const now = () => clockNow() ?? new Date().toISOString();
  const link = (t: Ref) => <PlaceLink to={t} />;
  const teamleider = () => props.view.team !== undefined;
  return (
    <>
      <Show when={props.view.team}>{(team) => <TeamToday team={team()} />}</Show>
      <Show when={!teamleider() || props.view.taken.some((t) => t.rol !== 'teamleider')}>
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
                    {link({ ...task, plek: 'signalen' })}
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
      </Show>
      <h2 class="utrecht-heading-2">Bevestigen en besluiten</h2>
      <Show
        when={props.view.vragen.length > 0}
        fallback={<p class="utrecht-paragraph">Niets om te bevestigen of te besluiten.</p>}
      >
        <ul class="landing-offers" aria-label="Vragen aan het duo">
          <For each={props.view.vragen}>
            {(v) => (
              <li class="landing-offer" classList={{ 'landing-offer--overdue': v.uiterlijk < props.view.today }}>
                <strong>{link(v)}</strong>
                <span>{v.wat}</span>
                <span>{capitalize(uiterlijk(v.uiterlijk, props.view.today))}</span>
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
                {link({ ...e, plek: 'ondersteuning' })}: opschaling evalueren, {uiterlijk(e.datum, props.view.today)}
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
                {link({ ...d, plek: 'doelen' })}: {d.aantal === 1 ? '1 doel' : `${d.aantal} doelen`} evalueren,{' '}
                {uiterlijk(d.datum, props.view.today)}
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
                {link(d)}: {d.wat}, {uiterlijk(d.datum, props.view.today)}
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Team = NonNullable<TodayView['team']>;
type TeamLine = Team['teLaat'][number];

/** One line of the team: who (the person), which begeleiders, what, since when; the name links to the place. */
function TeamLineItem(props: { line: TeamLine; sinds: string }) {
  return (
    <li class="landing-offer">
      <strong>
        <PlaceLink to={props.line} />
      </strong>
      <span>{props.line.wat}</span>
      <span>
        {props.sinds} · {props.line.begeleiders.length > 0 ? props.line.begeleiders.join(' en ') : 'geen begeleider'}
      </span>
    </li>
  );
}

/** A teamleider's day: the team's overdue work, what was escalated to them, and transitions stalled in a phase. */
function TeamToday(props: { team: Team }) {
  return (
    <>
      <h2 class="utrecht-heading-2">Doorgezet naar jou</h2>
      <Show
        when={props.team.escalaties.length > 0}
        fallback={<p class="utrecht-paragraph">Geen signalen naar jou doorgezet.</p>}
      >
        <ul class="landing-offers" aria-label="Doorgezet naar jou">
          <For each={props.team.escalaties}>
            {(l) => <TeamLineItem line={l} sinds={`Doorgezet op ${datum(l.sinds)}`} />}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Te laat in het team</h2>
      <Show
        when={props.team.teLaat.length > 0}
        fallback={<p class="utrecht-paragraph">Niets in het team is over zijn datum.</p>}
      >
        <ul class="landing-offers" aria-label="Te laat in het team">
          <For each={props.team.teLaat}>
            {(l) => <TeamLineItem line={l} sinds={`Te laat sinds ${datum(l.sinds)}`} />}
          </For>
        </ul>
      </Show>
      <h2 class="utrecht-heading-2">Stilstand</h2>
      <Show
        when={props.team.stilstand.length > 0}
        fallback={<p class="utrecht-paragraph">Geen traject staat langer stil dan de norm.</p>}
      >
        <ul class="landing-offers" aria-label="Stilstand">
          <For each={props.team.stilstand}>
            {(l) => <TeamLineItem line={l} sinds={`In deze fase sinds ${datum(l.sinds)}`} />}
          </For>
        </ul>
      </Show>
    </>
  );
}
