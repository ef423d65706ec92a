import { A, createAsync, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { Timeline } from '../../../shared/api/contract';
import { faseLabels, herkomstLabels, timelineEventLabels } from '../../../shared/domain/common/vocabulary';
import { wieLabels } from '../../../shared/domain/herstel/doelen';
import { netwerkRelatieLabels } from '../../../shared/domain/herstel/netwerk';
import { gemeenteNaam } from '../../../shared/domain/organisation/municipalities';
import { currentPlan, signFaseLabels, signFases } from '../../../shared/domain/signals/signaleringsplan';
import { supportLevelLabels } from '../../../shared/domain/support/support';
import { api } from '../api/client';
import { settle } from '../api/queries';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { datum, datumTijd, naam } from '../format';

/** Every page of the timeline (newest first): the printed dossier is the whole story, not its first page. */
async function wholeTimeline(id: string): Promise<Timeline> {
  const first = await api.transitions.timeline(id);
  const items = [...first.items];
  for (let cursor = first.nextCursor; cursor; ) {
    const page = await api.transitions.timeline(id, cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { items };
}

/**
 * The dossier on paper, for the overdracht and the person's own copy: the same reads as the page (audited
 * as any look at the person's data), laid out to print — the print stylesheet leaves out navigation and buttons.
 */
export default function TransitionPrintPage() {
  const params = useParams<{ id: string }>();
  const loaded = createAsync(() =>
    settle(
      Promise.all([
        api.transitions.get(params.id),
        api.transitions.overview(params.id),
        api.herstel.get(params.id),
        wholeTimeline(params.id),
      ]),
    ),
  );
  return (
    <section class="landing-section landing-print">
      <Switch>
        <Match when={loaded()?.error}>
          <PageTitle>Dossier afdrukken</PageTitle>
          <ProblemAlert message="Het dossier kon niet worden geladen om af te drukken." />
        </Match>
        <Match when={loaded() === undefined}>
          <p class="utrecht-paragraph" role="status">
            Dossier laden…
          </p>
        </Match>
        <Match when={loaded()?.value}>
          {(value) => {
            const [t, overview, herstel, timeline] = value();
            const plan = currentPlan(t.signaleringsplan);
            const niveau = overview.ondersteuning.niveau;
            const netwerk = herstel.netwerk.filter((lid) => !lid.nietMeerOp);
            const rows = [
              ['Geboortedatum', datum(t.persoon.geboortedatum)],
              ['Gemeente', gemeenteNaam(t.gemeenteCode)],
              ['Komt uit', herkomstLabels[t.herkomst]],
              ['Fase', faseLabels[t.fase]],
              ['Ondersteuning', niveau ? supportLevelLabels[niveau] : 'Nog niet vastgelegd'],
              ['Begeleiders', t.begeleiders.map((b) => b.naam).join(' en ')],
              ['Aangemeld op', datum(t.createdAt)],
              ['Afgedrukt op', datum(overview.today)],
            ];
            return (
              <>
                <p class="landing-print__actions">
                  <A class="utrecht-link" href={`/trajecten/${t.id}/dossier`}>
                    Terug naar het dossier
                  </A>{' '}
                  <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => print()}>
                    Afdrukken of opslaan als pdf
                  </button>
                </p>
                <PageTitle>{`Dossier ${naam(t.persoon)}`}</PageTitle>
                <section aria-labelledby="print-persoon">
                  <h2 id="print-persoon" class="utrecht-heading-2">
                    Samenvatting
                  </h2>
                  <dl class="utrecht-data-list utrecht-data-list--rows">
                    <For each={rows}>
                      {([key, value]) => (
                        <div class="utrecht-data-list__item">
                          <dt class="utrecht-data-list__item-key">{key}</dt>
                          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
                        </div>
                      )}
                    </For>
                  </dl>
                </section>
                <section aria-labelledby="print-plan">
                  <h2 id="print-plan" class="utrecht-heading-2">
                    Plan van Aanpak
                  </h2>
                  <Show when={herstel.doelen.length > 0} fallback={<p class="utrecht-paragraph">Nog geen doelen.</p>}>
                    <For each={herstel.doelen}>
                      {(doel) => (
                        <article class="landing-print__block">
                          <h3 class="utrecht-heading-3">{doel.doel}</h3>
                          <p class="utrecht-paragraph">Wens: {doel.wens}</p>
                          <Show when={doel.stappen.length > 0}>
                            <ol class="utrecht-ordered-list">
                              <For each={doel.stappen}>
                                {(stap) => (
                                  <li class="utrecht-ordered-list__item">
                                    {stap.wat} ({wieLabels[stap.wie.soort]}
                                    {stap.gedaanOp ? `, gedaan op ${datum(stap.gedaanOp)}` : ''})
                                  </li>
                                )}
                              </For>
                            </ol>
                          </Show>
                          <Show when={doel.evaluatieOp}>
                            {(op) => <p class="utrecht-paragraph">Evaluatie op {datum(op())}</p>}
                          </Show>
                        </article>
                      )}
                    </For>
                  </Show>
                </section>
                <section aria-labelledby="print-signaleringsplan">
                  <h2 id="print-signaleringsplan" class="utrecht-heading-2">
                    Signaleringsplan
                  </h2>
                  <Show when={plan} fallback={<p class="utrecht-paragraph">Nog geen signaleringsplan.</p>}>
                    {(p) => (
                      <>
                        <p class="utrecht-paragraph">
                          Versie {p().versie}, opgesteld met {p().opgesteldMet} op {datum(p().vastgelegdOp)}
                          {p().akkoordPersoonOp ? `; akkoord van de persoon op ${datum(p().akkoordPersoonOp!)}` : ''}.
                        </p>
                        <For each={signFases}>
                          {(fase) => (
                            <Show when={p().tekens.filter((s) => s.fase === fase).length > 0}>
                              <h3 class="utrecht-heading-3">{signFaseLabels[fase]}</h3>
                              <ul class="utrecht-unordered-list">
                                <For each={p().tekens.filter((s) => s.fase === fase)}>
                                  {(s) => (
                                    <li class="utrecht-unordered-list__item">
                                      {s.teken} — {s.actie} ({s.wie})
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          )}
                        </For>
                      </>
                    )}
                  </Show>
                </section>
                <section aria-labelledby="print-netwerk">
                  <h2 id="print-netwerk" class="utrecht-heading-2">
                    Netwerk
                  </h2>
                  <Show when={netwerk.length > 0} fallback={<p class="utrecht-paragraph">Nog niemand vastgelegd.</p>}>
                    <ul class="utrecht-unordered-list">
                      <For each={netwerk}>
                        {(lid) => (
                          <li class="utrecht-unordered-list__item">
                            {lid.naam} ({netwerkRelatieLabels[lid.relatie].toLowerCase()}), sinds {datum(lid.sinds)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
                <section aria-labelledby="print-tijdlijn">
                  <h2 id="print-tijdlijn" class="utrecht-heading-2">
                    Tijdlijn
                  </h2>
                  <ol class="landing-timeline" aria-label="Gebeurtenissen, oudste eerst">
                    <For each={[...timeline.items].reverse()}>
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
                </section>
              </>
            );
          }}
        </Match>
      </Switch>
    </section>
  );
}
