// biome-ignore-all lint/a11y/noRedundantRoles: grid rows keep their table semantics for every screen reader.
import { For } from 'solid-js';
import type { TransitionSummary } from '../../../shared/domain/transition/transition';
import { gemeenteNaam } from '../../../shared/domain/organisation/municipalities';
import { faseLabels, herkomstLabels } from '../../../shared/domain/common/vocabulary';
import { datum, naam } from '../format';

const riskLabels = { groen: 'Groen', oranje: 'Oranje', rood: 'Rood', open: 'Nog open' } as const;
const columns = ['Gemeente', 'Komt uit', 'Fase', 'Uitkering', 'Volgende deadline', 'Begeleiders', 'Aangemeld op'];

/**
 * The list of transitions: a real table whose rows are laid out as a grid (styles.css, `landing-trajecten-tabel`),
 * so rows off screen skip style and layout (`content-visibility: auto` has no effect on table rows) and a list of
 * a thousand rows renders at once. The explicit roles keep the table's semantics for screen readers that drop them
 * when a table's CSS display changes. Plain links: the router takes their clicks, without a component per row.
 */
export function TransitionTable(props: { items: TransitionSummary[]; caption: string; today?: string | undefined }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table utrecht-table--html-table landing-stapel-tabel landing-trajecten-tabel" role="table">
        <caption class="utrecht-table__caption landing-visually-hidden">{props.caption}</caption>
        <thead class="utrecht-table__header" role="rowgroup">
          <tr class="utrecht-table__row" role="row">
            <th class="utrecht-table__header-cell" scope="col" role="columnheader">
              Naam
            </th>
            <For each={columns}>
              {(kolom) => (
                <th class="utrecht-table__header-cell" scope="col" role="columnheader">
                  {kolom}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody class="utrecht-table__body" role="rowgroup">
          <For each={props.items}>
            {(t) => {
              const risico = t.signalen?.uitkeringRisico ?? 'open';
              const deadline = t.signalen?.volgendeDeadline;
              return (
                <tr class="utrecht-table__row" role="row">
                  <th class="utrecht-table__cell" scope="row" role="rowheader">
                    <a class="utrecht-link utrecht-link--html-a" href={`/trajecten/${t.id}`}>
                      {naam(t.persoon)}
                    </a>
                  </th>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Gemeente">
                    {gemeenteNaam(t.gemeenteCode)}
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Komt uit">
                    {herkomstLabels[t.herkomst]}
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Fase">
                    <span class={`utrecht-badge-status landing-fase landing-fase--${t.fase}`}>
                      {faseLabels[t.fase]}
                    </span>
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Uitkering">
                    <span class={`landing-risk landing-risk--${risico}`}>{riskLabels[risico]}</span>
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Volgende deadline">
                    {deadline ? (
                      <>
                        <time datetime={deadline.datum}>{datum(deadline.datum)}</time>
                        {props.today && deadline.datum < props.today ? ' (verlopen)' : ''}
                        <br />
                        <span class="landing-muted">{deadline.wat}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Begeleiders">
                    {t.begeleiders.map((b) => b.naam).join(' en ')}
                  </td>
                  <td class="utrecht-table__cell" role="cell" data-kolom="Aangemeld op">
                    {datum(t.createdAt)}
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
