import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { TransitionSummary } from '../../../shared/domain/transition/transition';
import { gemeenteNaam } from '../../../shared/domain/organisation/municipalities';
import { faseLabels, herkomstLabels } from '../../../shared/domain/common/vocabulary';
import { datum, naam } from '../format';

const riskLabels = { groen: 'Groen', oranje: 'Oranje', rood: 'Rood', open: 'Nog open' } as const;

export function TransitionTable(props: { items: TransitionSummary[]; caption: string; today?: string | undefined }) {
  return (
    <div class="utrecht-table-container utrecht-table-container--overflow-inline">
      <table class="utrecht-table utrecht-table--html-table landing-stapel-tabel">
        <caption class="utrecht-table__caption landing-visually-hidden">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Naam
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Gemeente
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Komt uit
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Fase
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Uitkering
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Volgende deadline
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Begeleiders
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Aangemeld op
            </th>
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
                <td class="utrecht-table__cell" data-kolom="Gemeente">
                  {gemeenteNaam(t.gemeenteCode)}
                </td>
                <td class="utrecht-table__cell" data-kolom="Komt uit">
                  {herkomstLabels[t.herkomst]}
                </td>
                <td class="utrecht-table__cell" data-kolom="Fase">
                  <span class={`utrecht-badge-status landing-fase landing-fase--${t.fase}`}>{faseLabels[t.fase]}</span>
                </td>
                <td class="utrecht-table__cell" data-kolom="Uitkering">
                  <span class={`landing-risk landing-risk--${t.signalen?.uitkeringRisico ?? 'open'}`}>
                    {riskLabels[t.signalen?.uitkeringRisico ?? 'open']}
                  </span>
                </td>
                <td class="utrecht-table__cell" data-kolom="Volgende deadline">
                  {t.signalen?.volgendeDeadline ? (
                    <>
                      <time datetime={t.signalen.volgendeDeadline.datum}>
                        {datum(t.signalen.volgendeDeadline.datum)}
                      </time>
                      {props.today && t.signalen.volgendeDeadline.datum < props.today ? ' (verlopen)' : ''}
                      <br />
                      <span class="landing-muted">{t.signalen.volgendeDeadline.wat}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="utrecht-table__cell" data-kolom="Begeleiders">
                  {t.begeleiders.map((b) => b.naam).join(' en ')}
                </td>
                <td class="utrecht-table__cell" data-kolom="Aangemeld op">
                  {datum(t.createdAt)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
