import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getOutcomes } from '../api/queries';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/**
 * Beleid's start: how the people who moved into an own home are doing, per cohort (the quarter of the move)
 * and herkomst. Counts only; a hidden number says why. The full pages grow from this.
 */
export default function OutcomesPage() {
  const [params, setParams] = useSearchParams<{ gebied?: string }>();
  const view = createAsync(() => getOutcomes(params.gebied));
  return (
    <section class="landing-section">
      <PageTitle>Uitkomsten</PageTitle>
      <ProblemAlert message={view()?.error ? 'De uitkomsten konden niet worden geladen.' : undefined} />
      <Show when={view()?.value}>
        {(v) => (
          <>
            <Show when={v().keuzes.length > 1}>
              <label class="utrecht-form-label" for="gebied">
                Gebied
              </label>
              <select
                id="gebied"
                class="utrecht-select"
                value={v().gebied.code}
                onChange={(e) => setParams({ gebied: e.currentTarget.value })}
              >
                <For each={v().keuzes}>{(k) => <option value={k.code}>{k.naam}</option>}</For>
              </select>
            </Show>
            <p class="utrecht-paragraph">
              {v().gebied.naam}, peildatum {v().peildatum}. “&lt; 5 of afgeleid”: minder dan vijf mensen, of verborgen
              omdat een klein aantal anders uit te rekenen is.
            </p>
            <Show when={v().cohorten.length} fallback={<p class="utrecht-paragraph">Nog geen verhuizingen.</p>}>
              <div class="landing-table-scroll">
                <table class="utrecht-table">
                  <thead>
                    <tr>
                      <th scope="col">Cohort</th>
                      <th scope="col">Herkomst</th>
                      <For each={v().maten}>{(m) => <th scope="col">{m.label}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={v().cohorten}>
                      {(row) => (
                        <tr>
                          <th scope="row">{row.cohort}</th>
                          <td>{row.herkomst === 'alle' ? 'Alle' : row.herkomst}</td>
                          <For each={v().maten}>{(m) => <td>{row.cellen[m.maat]?.weergave}</td>}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
