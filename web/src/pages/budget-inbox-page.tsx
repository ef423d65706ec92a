import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api, ApiError } from '../api/client';
import { getBudgetInbox } from '../api/queries';
import { useDemoClock } from '../clock/demo-clock';
import { SpendHeading } from '../components/budget/spend-heading';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TextInput } from '../components/transition/text-input';
import { datum } from '../format';
import { centsToEuro } from '../components/transition/command-runner';
import { saveFile } from '../download';

/** The budget holder's inbox: spends across the municipality waiting for a decision, and the finance export. */
export default function BudgetInboxPage() {
  const inbox = createAsync(() => getBudgetInbox());
  const { today: clockToday } = useDemoClock();
  const today = () => clockToday() ?? new Date().toISOString().slice(0, 10);
  // Until the user picks dates: this month so far, by the product's today (it arrives a moment after the page).
  const [pickedVan, setVan] = createSignal<string>();
  const [pickedTot, setTot] = createSignal<string>();
  const van = () => pickedVan() ?? `${today().slice(0, 8)}01`;
  const tot = () => pickedTot() ?? today();
  const [error, setError] = createSignal<string>();

  const download = async (event: SubmitEvent) => {
    event.preventDefault();
    setError();
    try {
      saveFile(await api.budget.exportCsv(van(), tot()), `regelbudget-${van()}-${tot()}.csv`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Het exporteren lukte niet.');
    }
  };

  return (
    <section class="landing-section">
      <PageTitle>Regelbudget: te beoordelen</PageTitle>
      <ProblemAlert message={inbox()?.error ? 'De uitgaven konden niet worden geladen.' : undefined} />
      <Show when={inbox()?.value}>
        {(list) => (
          <Show
            when={list().items.length + list().aanvragen.length > 0}
            fallback={<p class="utrecht-paragraph">Er wachten geen aanvragen of uitgaven op een besluit.</p>}
          >
            <Show when={list().aanvragen.length > 0}>
              <h2 class="utrecht-heading-2">Aanvragen van een regelbudget</h2>
              <ul class="landing-offers">
                <For each={list().aanvragen}>
                  {(a) => (
                    <li class="landing-offer">
                      <strong>
                        {a.persoon}: {centsToEuro(a.bedragCent)} aangevraagd
                      </strong>
                      <span>{a.reden}</span>
                      <span>
                        Door {a.aangevraagdDoor.naam} op {datum(a.aangevraagdOp)} ·{' '}
                        <A class="utrecht-link" href={`/regelbudget/${a.transitionId}`}>
                          Beoordelen<span class="landing-visually-hidden"> (aanvraag voor {a.persoon})</span>
                        </A>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={list().items.length > 0}>
              <h2 class="utrecht-heading-2">Uitgaven</h2>
              <ul class="landing-offers">
                <For each={list().items}>
                  {(s) => (
                    <li class="landing-offer">
                      <span>{s.persoon}</span>
                      <SpendHeading spend={s} />
                      <span>
                        Voorgesteld door {s.voorgesteldDoor.naam} op {datum(s.voorgesteldOp)} ·{' '}
                        <A class="utrecht-link" href={`/regelbudget/${s.transitionId}`}>
                          Beoordelen<span class="landing-visually-hidden"> (uitgave voor {s.persoon})</span>
                        </A>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        )}
      </Show>
      <h2 class="utrecht-heading-2">Export voor de financiële administratie</h2>
      <form class="utrecht-form landing-filters" onSubmit={(e) => void download(e)}>
        <TextInput id="export-van" label="Van" type="date" value={van()} onInput={setVan} />
        <TextInput id="export-tot" label="Tot en met" type="date" value={tot()} onInput={setTot} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Grootboek downloaden (CSV)
        </button>
      </form>
      <ProblemAlert message={error()} />
    </section>
  );
}
