import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { TransitionSummary } from '../../../shared/domain/transition';
import { gemeenteNaam } from '../../../shared/domain/municipalities';
import { faseLabels, herkomstLabels } from '../../../shared/domain/vocabulary';
import { datum, naam } from '../format';

export function TransitionTable(props: { items: TransitionSummary[]; caption: string }) {
  return (
    <div class="utrecht-table-container utrecht-table-container--overflow-inline">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption landing-visually-hidden">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Naam</th>
            <th class="utrecht-table__header-cell" scope="col">Gemeente</th>
            <th class="utrecht-table__header-cell" scope="col">Komt uit</th>
            <th class="utrecht-table__header-cell" scope="col">Fase</th>
            <th class="utrecht-table__header-cell" scope="col">Begeleiders</th>
            <th class="utrecht-table__header-cell" scope="col">Aangemeld op</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For each={props.items}>
            {(t) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__cell" scope="row">
                  <A class="utrecht-link utrecht-link--html-a" href={`/trajecten/${t.id}`}>
                    {naam(t.persoon)}
                  </A>
                </th>
                <td class="utrecht-table__cell">{gemeenteNaam(t.gemeenteCode)}</td>
                <td class="utrecht-table__cell">{herkomstLabels[t.herkomst]}</td>
                <td class="utrecht-table__cell">
                  <span class={`utrecht-badge-status landing-fase landing-fase--${t.fase}`}>{faseLabels[t.fase]}</span>
                </td>
                <td class="utrecht-table__cell">{t.begeleiders.map((b) => b.naam).join(' en ')}</td>
                <td class="utrecht-table__cell">{datum(t.createdAt)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
