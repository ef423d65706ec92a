import { A } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import type { TransitionOverview } from '../../../../shared/api/contract';
import { faseLabels, type Plek, verblijfSoortLabels } from '../../../../shared/domain/common/vocabulary';
import type { Signal } from '../../../../shared/domain/signals/signal-schemas';
import { supportLevelLabels } from '../../../../shared/domain/support/support';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { aantal, datum } from '../../format';

/** The parts of a transition's page, each at its own address under /trajecten/:id (Overzicht at the bare one). */
export const sections = [
  { path: '', label: 'Overzicht' },
  { path: 'wonen', label: 'Wonen & verhuizing' },
  { path: 'geld', label: 'Geld' },
  { path: 'ondersteuning', label: 'Ondersteuning & signalen' },
  { path: 'plan', label: 'Plan & netwerk' },
  { path: 'tijdlijn', label: 'Tijdlijn' },
  { path: 'dossier', label: 'Dossier' },
] as const;
export type Section = (typeof sections)[number]['path'];

export const sectionOf = (path: string | undefined): Section | undefined =>
  sections.find((s) => s.path === (path ?? ''))?.path;

export const sectionHref = (transitionId: string, section: Section) =>
  `/trajecten/${transitionId}${section ? `/${section}` : ''}`;

/** The section each place where work is done belongs to: a line on Vandaag links to the panel inside it. */
const sectionOfPlek: Record<Plek, Section> = {
  besluiten: '',
  woning: 'wonen',
  verhuizing: 'wonen',
  ondersteuning: 'ondersteuning',
  signalen: 'ondersteuning',
  doelen: 'plan',
};

export const plekHref = (transitionId: string, plek: Plek | undefined) =>
  plek ? `${sectionHref(transitionId, sectionOfPlek[plek])}#${plek}` : sectionHref(transitionId, '');

/** The section links; they wrap on a phone rather than scroll sideways. */
export function SectionNav(props: { transitionId: string; current: Section; person: string }) {
  // After the page title's own: the tab names the person and the section.
  createEffect(() => {
    document.title = `${props.person} – ${sections.find((s) => s.path === props.current)?.label} – Landing`;
  });
  return (
    <nav class="landing-section-nav" aria-label="Onderdelen van het traject">
      <ul>
        <For each={sections}>
          {(s) => (
            <li>
              <A
                class="utrecht-link"
                href={sectionHref(props.transitionId, s.path)}
                end
                aria-current={props.current === s.path ? 'page' : undefined}
              >
                {s.label}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

const openSignal = (s: Signal) => s.status !== 'afgehandeld';

/** The one thing to do next, and where it is done: a red signal first, then what the workflow asks, and so on. */
export function nextStep(
  transition: Transition,
  overview: TransitionOverview,
  signals: readonly Signal[],
): { wat: string; section: Section } {
  const open = signals.filter(openSignal);
  const rood = open.find((s) => s.fase === 'rood');
  if (rood) return { wat: `Reageer op het rode signaal: ${rood.omschrijving}`, section: 'ondersteuning' };
  const vraag = overview.openVragen[0];
  if (vraag) return { wat: vraag.wat, section: '' };
  if (open.length > 0) {
    return { wat: `Pak ${aantal(open.length, 'het open signaal', 'de open signalen')} op`, section: 'ondersteuning' };
  }
  const blocking = overview.gereedheid.openBlocking.length;
  if (blocking > 0 && ['aanmelding', 'voorbereiding'].includes(transition.fase)) {
    const punten = aantal(blocking, 'verplicht punt', 'verplichte punten');
    return { wat: `Werk ${punten} van de woongereedheid af`, section: 'wonen' };
  }
  const deadline = overview.deadlines[0];
  if (deadline) return { wat: `${deadline.wat} (uiterlijk ${datum(deadline.datum)})`, section: '' };
  return { wat: 'Niets dringends: kijk samen naar het plan', section: 'plan' };
}

/** Where the transition stands, on every section: phase, next deadline, open signals, support, what to do next. */
export function TransitionSummary(props: {
  transition: Transition;
  overview: TransitionOverview;
  signals: readonly Signal[] | undefined;
  /** The section shown: the next step links to its section only from another one. */
  current: Section;
}) {
  const open = () => (props.signals ?? []).filter(openSignal);
  const rood = () => open().filter((s) => s.fase === 'rood').length;
  const niveau = () => props.overview.ondersteuning.niveau;
  const deadline = () => props.overview.deadlines[0];
  const next = () => nextStep(props.transition, props.overview, props.signals ?? []);
  return (
    <section class="landing-summary" aria-labelledby="samenvatting-title">
      <h2 id="samenvatting-title" class="utrecht-heading-2 landing-visually-hidden">
        Samenvatting
      </h2>
      <dl class="landing-summary__list">
        <div>
          <dt>Fase</dt>
          <dd>{faseLabels[props.transition.fase]}</dd>
        </div>
        <Show when={props.transition.tijdelijkVerblijf}>
          {(v) => (
            // Support goes on during a temporary stay: whoever opens any section sees where the person is now.
            <div>
              <dt>Tijdelijk elders</dt>
              <dd>
                {v().soort ? `${verblijfSoortLabels[v().soort!]} sinds` : 'Sinds'}{' '}
                <time datetime={v().sinds}>{datum(v().sinds)}</time>
                {v().woningBehouden ? ', woning behouden' : ', zonder de woning'}
              </dd>
            </div>
          )}
        </Show>
        <div>
          <dt>Volgende deadline</dt>
          <dd>
            <Show when={deadline()} fallback="Geen">
              {(d) => (
                <>
                  <time datetime={d().datum}>{datum(d().datum)}</time>: {d().wat}
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Open signalen</dt>
          <dd>
            <Show when={props.signals} fallback="laden…">
              {open().length === 0 ? 'Geen' : `${open().length}${rood() ? `, waarvan ${rood()} rood` : ''}`}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Ondersteuning</dt>
          <dd>{niveau() ? supportLevelLabels[niveau()!] : 'Nog niet vastgelegd'}</dd>
        </div>
        <div class="landing-summary__next">
          <dt>Nu te doen</dt>
          <dd>
            <Show when={props.signals} fallback="laden…">
              {next().wat}
              <Show when={next().section !== props.current}>
                {' '}
                —{' '}
                <A class="utrecht-link" href={sectionHref(props.transition.id, next().section)}>
                  naar {sections.find((s) => s.path === next().section)?.label}
                </A>
              </Show>
            </Show>
          </dd>
        </div>
      </dl>
    </section>
  );
}
