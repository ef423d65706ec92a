import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  spendCategories,
  spendCategoryLabels,
  spendStatusLabels,
} from '../../../../shared/domain/regelbudget/regelbudget';
import type { Spend } from '../../../../shared/domain/regelbudget/regelbudget-schemas';
import { api, retryKey } from '../../api/client';
import { getBudget, overviewsChanged } from '../../api/queries';
import { createActionRunner } from '../action-runner';
import { session } from '../../auth/session';
import { useDemoClock } from '../../clock/demo-clock';
import { datum, datumTijd } from '../../format';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { StatusMessage } from '../webhooks/announcer';
import { centsToEuro, euroToCents } from '../transition/command-runner';
import { TextInput } from '../transition/text-input';
import { BudgetBar } from './budget-bar';
import { BudgetRequestForBudgetHolder, BudgetRequestForCaseworker } from './budget-request';
import { SpendHeading } from './spend-heading';

const ledgerLabels = {
  toegekend: 'Toegekend',
  voorgesteld: 'Voorgesteld (gereserveerd)',
  'direct-goedgekeurd': 'Goedgekeurd (onder de drempel)',
  goedgekeurd: 'Goedgekeurd',
  afgewezen: 'Afgewezen',
  betaald: 'Betaald',
  geannuleerd: 'Geannuleerd',
} as const;

/**
 * The regelbudget of one transition: the bar, the spends with what the signed-in role may do with them, a
 * proposal form for caseworkers, a grant form for budget holders, and the ledger.
 */
export function BudgetPanel(props: { transitionId: string; verhuisdatum?: string | undefined }) {
  const loaded = createAsync(() => getBudget(props.transitionId));
  const view = () => loaded()?.value;
  const { today } = useDemoClock();
  const role = () => session()?.principal.role;
  // After a change: this budget again, and the budget holder's inbox is stale.
  const { act, error, fieldErrors, fail, done } = createActionRunner(() =>
    Promise.all([revalidate(getBudget.keyFor(props.transitionId)), overviewsChanged()]),
  );
  const confirm = createConfirm();
  const wat = (s: Spend) => `${centsToEuro(s.bedragCent)} aan ${s.ontvanger}`;
  // Moving money or withdrawing it asks first, saying what happens and who sees it.
  const approve = async (s: Spend) => {
    const sure = await confirm.ask({
      title: 'Uitgave goedkeuren?',
      lines: [
        `${wat(s)} (${spendCategoryLabels[s.categorie].toLowerCase()}) wordt goedgekeurd en gaat af van het budget.`,
        `${s.voorgesteldDoor.naam} ziet het besluit; daarna kan het bedrag betaald worden.`,
      ],
      confirm: 'Goedkeuren',
    });
    if (sure)
      await act(
        () => api.budget.decide(props.transitionId, s.id, { besluit: 'goedgekeurd' }),
        `Uitgave goedgekeurd: ${wat(s)}. ${s.voorgesteldDoor.naam} ziet het besluit.`,
      );
  };
  const pay = async (s: Spend) => {
    const op = today() ?? new Date().toISOString().slice(0, 10);
    const sure = await confirm.ask({
      title: 'Uitgave als betaald markeren?',
      lines: [`Vastgelegd wordt dat ${wat(s)} is betaald op ${datum(op)}. Dit gaat niet meer terug.`],
      confirm: 'Markeer als betaald',
    });
    if (sure) await act(() => api.budget.pay(props.transitionId, s.id, { betaaldOp: op }), `Betaald: ${wat(s)}.`);
  };
  const cancel = async (s: Spend) => {
    const sure = await confirm.ask({
      title: 'Uitgave annuleren?',
      lines: [
        `${wat(s)} wordt geannuleerd; het bedrag komt terug in het regelbudget.`,
        s.status === 'goedgekeurd'
          ? 'De budgethouder ziet dat de goedgekeurde uitgave niet meer betaald hoeft te worden.'
          : 'De budgethouder hoeft er dan niet meer over te beslissen.',
      ],
      confirm: 'Uitgave annuleren',
      keep: 'Uitgave houden',
    });
    if (sure)
      await act(
        () => api.budget.cancel(props.transitionId, s.id, { reden: 'Geannuleerd door de begeleider' }),
        `Uitgave geannuleerd: ${wat(s)}. Het bedrag is terug in het regelbudget.`,
      );
  };
  const [form, setForm] = createStore({ categorie: '', bedrag: '', ontvanger: '', reden: '', bonReferentie: '' });
  const [grant, setGrant] = createStore({ bedrag: '', geldigVan: '', geldigTot: '' });
  const [rejectReason, setRejectReason] = createSignal('');
  const keyed = retryKey();

  const propose = async (event: SubmitEvent) => {
    event.preventDefault();
    if (form.bedrag && euroToCents(form.bedrag) === undefined) {
      fail({ bedragCent: 'Vul een bedrag in als 12,50: euro met hooguit twee decimalen.' });
      return;
    }
    const body = {
      categorie: form.categorie as (typeof spendCategories)[number],
      bedragCent: euroToCents(form.bedrag) ?? Number.NaN,
      ontvanger: form.ontvanger,
      reden: form.reden,
      ...(form.bonReferentie ? { bonReferentie: form.bonReferentie } : {}),
    };
    const ok = await act(() => keyed((key) => api.budget.propose(props.transitionId, body, key)));
    if (ok) setForm({ categorie: '', bedrag: '', ontvanger: '', reden: '', bonReferentie: '' });
  };

  // A move with a date but no approved moving costs: the regelbudget is where they are covered (seed 004).
  const moveUncovered = () =>
    Boolean(props.verhuisdatum) &&
    !(view()?.uitgaven ?? []).some(
      (s) => s.categorie === 'verhuiskosten' && (s.status === 'goedgekeurd' || s.status === 'betaald'),
    );

  return (
    <section class="landing-panel" aria-labelledby="regelbudget-title">
      <h2 id="regelbudget-title" class="utrecht-heading-2">
        Regelbudget
      </h2>
      <StatusMessage message={done()} />
      <ProblemAlert message={error() ?? (loaded()?.error ? 'Het regelbudget kon niet worden geladen.' : undefined)} />
      <confirm.Dialog />
      <Show when={view()}>
        {(v) => (
          <>
            <Show
              when={v().budget}
              fallback={
                <Show
                  when={role() === 'budgethouder'}
                  fallback={
                    <BudgetRequestForCaseworker
                      transitionId={props.transitionId}
                      persoon={v().persoon}
                      aanvraag={v().aanvraag}
                      {...{ act, fail, fieldErrors }}
                    />
                  }
                >
                  <Show when={v().aanvraag?.status === 'aangevraagd' ? v().aanvraag : undefined}>
                    {(a) => (
                      <BudgetRequestForBudgetHolder
                        transitionId={props.transitionId}
                        persoon={v().persoon}
                        aanvraag={a()}
                        {...{ act, fail, fieldErrors }}
                      />
                    )}
                  </Show>
                  <Show when={v().aanvraag?.status !== 'aangevraagd'}>
                    <form
                      class="utrecht-form landing-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act(() =>
                          api.budget.grant(props.transitionId, {
                            toegekendCent: euroToCents(grant.bedrag) ?? Number.NaN,
                            geldigVan: grant.geldigVan,
                            geldigTot: grant.geldigTot,
                          }),
                        );
                      }}
                    >
                      <TextInput
                        id="budget-bedrag"
                        label="Toe te kennen bedrag (euro)"
                        inputmode="decimal"
                        value={grant.bedrag}
                        onInput={(x) => setGrant('bedrag', x)}
                        error={fieldErrors().toegekendCent}
                      />
                      <TextInput
                        id="budget-van"
                        label="Geldig van"
                        type="date"
                        value={grant.geldigVan}
                        onInput={(x) => setGrant('geldigVan', x)}
                        error={fieldErrors().geldigVan}
                      />
                      <TextInput
                        id="budget-tot"
                        label="Geldig tot en met"
                        type="date"
                        value={grant.geldigTot}
                        onInput={(x) => setGrant('geldigTot', x)}
                        error={fieldErrors().geldigTot}
                      />
                      <button type="submit" class="utrecht-button utrecht-button--primary-action">
                        Regelbudget toekennen
                      </button>
                    </form>
                  </Show>
                </Show>
              }
            >
              {(budget) => (
                <>
                  <BudgetBar budget={budget()} />
                  <Show when={v().aanvraag?.status === 'toegekend' ? v().aanvraag : undefined}>
                    {(a) => (
                      <p class="utrecht-paragraph">
                        Toegekend door {a().besluit?.door.naam} op {datum(a().besluit?.op ?? a().aangevraagdOp)}
                        {a().besluit?.toegekendCent !== a().bedragCent
                          ? ` (aangevraagd: ${centsToEuro(a().bedragCent)})`
                          : ''}
                        .
                      </p>
                    )}
                  </Show>
                  <p class="utrecht-paragraph">
                    Geldig van {datum(budget().geldigVan)} tot en met {datum(budget().geldigTot)}. Uitgaven tot{' '}
                    {centsToEuro(v().drempelCent)} zijn direct goedgekeurd; daarboven beslist de budgethouder.
                  </p>
                </>
              )}
            </Show>
            <Show when={moveUncovered()}>
              <div class="utrecht-alert utrecht-alert--warning" role="status">
                <p class="utrecht-paragraph">
                  De verhuiskosten zijn nog niet gedekt:{' '}
                  {v().budget ? 'stel ze voor uit het regelbudget.' : 'vraag eerst een regelbudget aan.'}
                </p>
              </div>
            </Show>

            <Show when={v().uitgaven.length > 0}>
              <h3 class="utrecht-heading-3">Uitgaven</h3>
              <ul class="landing-offers">
                <For each={v().uitgaven}>
                  {(s: Spend) => (
                    <li class="landing-offer">
                      <SpendHeading spend={s} />
                      <span>
                        {spendStatusLabels[s.status]}
                        {s.besluit?.reden ? ` (${s.besluit.reden})` : ''}
                        {s.betaaldOp ? ` op ${datum(s.betaaldOp)}` : ''} · voorgesteld door {s.voorgesteldDoor.naam}
                      </span>
                      <div class="utrecht-button-group">
                        <Show when={role() === 'budgethouder' && s.status === 'voorgesteld'}>
                          <button
                            type="button"
                            class="utrecht-button utrecht-button--primary-action"
                            onClick={() => void approve(s)}
                          >
                            Goedkeuren
                          </button>
                          <button
                            type="button"
                            class="utrecht-button utrecht-button--secondary-action"
                            onClick={() =>
                              void act(() =>
                                api.budget.decide(props.transitionId, s.id, {
                                  besluit: 'afgewezen',
                                  reden: rejectReason(),
                                }),
                              )
                            }
                          >
                            Afwijzen
                          </button>
                        </Show>
                        <Show when={role() === 'budgethouder' && s.status === 'goedgekeurd'}>
                          <button
                            type="button"
                            class="utrecht-button utrecht-button--secondary-action"
                            onClick={() => void pay(s)}
                          >
                            Markeer als betaald
                          </button>
                        </Show>
                        <Show
                          when={role() !== 'budgethouder' && (s.status === 'voorgesteld' || s.status === 'goedgekeurd')}
                        >
                          <button
                            type="button"
                            class="utrecht-button utrecht-button--subtle"
                            onClick={() => void cancel(s)}
                          >
                            Annuleren
                          </button>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={role() === 'budgethouder' && v().uitgaven.some((s) => s.status === 'voorgesteld')}>
                <TextInput
                  id="afwijs-reden"
                  label="Reden bij afwijzen"
                  value={rejectReason()}
                  onInput={setRejectReason}
                  error={fieldErrors().reden}
                />
              </Show>
            </Show>

            <Show when={v().budget && role() !== 'budgethouder'}>
              <details class="landing-details">
                <summary>Uitgave voorstellen</summary>
                <form class="utrecht-form landing-form" onSubmit={(e) => void propose(e)}>
                  <div
                    class="utrecht-form-field"
                    classList={{ 'utrecht-form-field--invalid': Boolean(fieldErrors().categorie) }}
                  >
                    <label class="utrecht-form-label" for="uitgave-categorie">
                      Categorie
                    </label>
                    <Show when={fieldErrors().categorie}>
                      <div class="utrecht-form-field-error-message">{fieldErrors().categorie}</div>
                    </Show>
                    <select
                      id="uitgave-categorie"
                      class="utrecht-select utrecht-select--html-select"
                      value={form.categorie}
                      onChange={(e) => setForm('categorie', e.currentTarget.value)}
                    >
                      <option value="">Kies een categorie</option>
                      <For each={spendCategories}>{(c) => <option value={c}>{spendCategoryLabels[c]}</option>}</For>
                    </select>
                  </div>
                  <TextInput
                    id="uitgave-bedrag"
                    label="Bedrag (euro)"
                    inputmode="decimal"
                    value={form.bedrag}
                    onInput={(x) => setForm('bedrag', x)}
                    error={fieldErrors().bedragCent}
                  />
                  <TextInput
                    id="uitgave-ontvanger"
                    label="Aan wie"
                    value={form.ontvanger}
                    onInput={(x) => setForm('ontvanger', x)}
                    error={fieldErrors().ontvanger}
                  />
                  <TextInput
                    id="uitgave-reden"
                    label="Waarom (in gewone woorden)"
                    value={form.reden}
                    onInput={(x) => setForm('reden', x)}
                    error={fieldErrors().reden}
                  />
                  <TextInput
                    id="uitgave-bon"
                    label="Bonnummer of factuur (optioneel)"
                    value={form.bonReferentie}
                    onInput={(x) => setForm('bonReferentie', x)}
                    error={fieldErrors().bonReferentie}
                  />
                  <button type="submit" class="utrecht-button utrecht-button--primary-action">
                    Uitgave voorstellen
                  </button>
                </form>
              </details>
            </Show>

            <Show when={v().grootboek.length > 0}>
              <h3 class="utrecht-heading-3">Grootboek</h3>
              <div class="utrecht-table-container">
                <table class="utrecht-table utrecht-table--html-table landing-stapel-tabel">
                  <caption class="utrecht-table__caption landing-visually-hidden">
                    Grootboek van het regelbudget
                  </caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <th class="utrecht-table__header-cell" scope="col">
                        Wanneer
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        Wat
                      </th>
                      <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">
                        Bedrag
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        Door
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        Waarom
                      </th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    <For each={v().grootboek}>
                      {(e) => (
                        <tr class="utrecht-table__row">
                          <td class="utrecht-table__cell" data-kolom="Wanneer">
                            {datumTijd(e.at)}
                          </td>
                          <td class="utrecht-table__cell" data-kolom="Wat">
                            {ledgerLabels[e.soort]}
                            {e.categorie ? ` — ${spendCategoryLabels[e.categorie]}` : ''}
                          </td>
                          <td class="utrecht-table__cell utrecht-table__cell--numeric-data" data-kolom="Bedrag">
                            {centsToEuro(e.bedragCent)}
                          </td>
                          <td class="utrecht-table__cell" data-kolom="Door">
                            {e.door.naam}
                          </td>
                          <Show when={e.reden}>
                            <td class="utrecht-table__cell" data-kolom="Waarom">
                              {e.reden}
                            </td>
                          </Show>
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
