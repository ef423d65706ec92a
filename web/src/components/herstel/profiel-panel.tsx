import { For, Index, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { todayInNetherlands } from '../../../../shared/domain/common/calendar';
import {
  levensdomeinen,
  levensdomeinLabels,
  type Levensdomein,
} from '../../../../shared/domain/herstel/levensdomeinen';
import type { ProfielDomein, ProfielVersie } from '../../../../shared/domain/herstel/profiel';
import { api } from '../../api/client';
import { useDemoClock } from '../../clock/demo-clock';
import { datum } from '../../format';
import { createConfirm } from '../confirm-dialog';
import { describedBy, FormField } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import type { HerstelPartProps } from './herstel-section';
import { createHerstelRunner } from './profiel-runner';

/** The form's three columns, with the questions Supportgericht Werken asks for each. */
const kolommen = [
  {
    key: 'huidig',
    label: 'Huidige mogelijkheden en ervaringen',
    hint: 'Hoe ziet mijn leven er nu uit? Wat vind ik belangrijk, waar beleef ik plezier aan? Waar kan ik gebruik van maken? Waar kan ik hulp en steun krijgen? Van wie?',
  },
  { key: 'wensen', label: 'Wensen', hint: 'Wat wil de persoon hier, in eigen woorden?' },
  {
    key: 'vroeger',
    label: 'Vroegere mogelijkheden en ervaringen',
    hint: 'Wat was de situatie hiervoor? Hoe hield ik mij staande in moeilijke tijden? Wat waren mensen en andere bronnen in mijn omgeving die mij steun gaven?',
  },
] as const satisfies readonly { key: keyof ProfielDomein; label: string; hint: string }[];

const leeg = (): Record<Levensdomein, ProfielDomein> =>
  Object.fromEntries(levensdomeinen.map((d) => [d, { huidig: '', wensen: '', vroeger: '' }])) as Record<
    Levensdomein,
    ProfielDomein
  >;

/** One version as the form's table; on a phone each domain becomes a block with its three fields. */
/** `nested` under a version's own heading (the earlier versions): its list heading goes one level lower. */
function ProfielTabel(props: { versie: ProfielVersie; caption: string; nested?: boolean }) {
  const wensen = 'Welke wensen zijn het belangrijkst?';
  return (
    <>
      <table class="utrecht-table utrecht-table--html-table landing-profiel-tabel">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Levensdomein
            </th>
            <For each={kolommen}>
              {(k) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {k.label}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          <For each={levensdomeinen}>
            {(d) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {levensdomeinLabels[d]}
                </th>
                <For each={kolommen}>
                  {(k) => (
                    <td class="utrecht-table__cell" data-kolom={k.label}>
                      {props.versie.domeinen[d][k.key] || '—'}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={props.nested} fallback={<h4 class="utrecht-heading-4">{wensen}</h4>}>
        <h5 class="utrecht-heading-5">{wensen}</h5>
      </Show>
      <ol class="utrecht-ordered-list">
        <For each={props.versie.belangrijksteWensen}>
          {(w) => (
            <li class="utrecht-ordered-list__item">
              {w.wens} <span class="landing-muted">({levensdomeinLabels[w.levensdomein]})</span>
            </li>
          )}
        </For>
      </ol>
    </>
  );
}

function akkoordTekst(v: ProfielVersie): string {
  return v.akkoordPersoonOp
    ? `De persoon gaf akkoord op ${datum(v.akkoordPersoonOp)}.`
    : 'Nog geen akkoord van de persoon.';
}

/**
 * Persoonlijk Profiel: the latest version as the form, the person's agreement, the earlier versions, and an
 * edit form prefilled from the latest version (saving makes a new version).
 */
export function ProfielPanel(props: HerstelPartProps) {
  const runner = createHerstelRunner(props.onChanged);
  const { today: clockToday } = useDemoClock();
  const today = () => clockToday() ?? todayInNetherlands(new Date());
  const versies = () => props.herstel.profiel;
  const latest = () => versies().at(-1);
  const [form, setForm] = createStore({
    domeinen: leeg(),
    wensen: [{ levensdomein: 'wonen' as Levensdomein, wens: '' }],
    opgesteldMet: '',
  });
  const prefill = () => {
    const v = latest();
    setForm({
      domeinen: v ? structuredClone(v.domeinen) : leeg(),
      wensen: v ? v.belangrijksteWensen.map((w) => ({ ...w })) : [{ levensdomein: 'wonen', wens: '' }],
      opgesteldMet: v?.opgesteldMet ?? '',
    });
  };
  prefill();
  const err = (name: string) => runner.fieldErrors()[name];

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const volgende = (latest()?.versie ?? 0) + 1;
    void runner
      .run(
        () =>
          api.herstel.newProfielVersie(props.transition.id, {
            domeinen: form.domeinen,
            belangrijksteWensen: form.wensen.filter((w) => w.wens.trim() !== ''),
            opgesteldMet: form.opgesteldMet,
            gebaseerdOpVersie: latest()?.versie ?? 0,
          }),
        `Versie ${volgende} van het Persoonlijk Profiel is vastgelegd.`,
      )
      .then((ok) => ok && prefill());
  };
  const confirm = createConfirm();
  const agree = async () => {
    const v = latest();
    if (!v) return;
    const sure = await confirm.ask({
      title: `Akkoord van de persoon op versie ${v.versie} vastleggen?`,
      lines: [
        `Vastgelegd wordt dat de persoon akkoord gaf op versie ${v.versie} van het Persoonlijk Profiel.`,
        'Leg het alleen vast als de persoon deze versie zelf heeft gezien en ermee instemt.',
      ],
      confirm: 'Akkoord vastleggen',
    });
    if (sure)
      await runner.run(
        () => api.herstel.agreeProfiel(props.transition.id, { versie: v.versie, op: today() }),
        `Het akkoord van de persoon op versie ${v.versie} is vastgelegd.`,
      );
  };

  return (
    <section class="landing-herstel-part" aria-labelledby="profiel-title">
      <h3 id="profiel-title" class="utrecht-heading-3">
        Persoonlijk Profiel
      </h3>
      <ProblemAlert message={runner.error()} />
      <p class="utrecht-paragraph" role="status">
        {runner.done()}
      </p>
      <confirm.Dialog />
      <Show
        when={latest()}
        fallback={
          <p class="utrecht-paragraph">
            Nog geen Persoonlijk Profiel. Stel het op met de persoon, in de eigen woorden van de persoon.
          </p>
        }
      >
        {(v) => (
          <>
            <p class="utrecht-paragraph">
              Versie {v().versie}, opgesteld met {v().opgesteldMet} op {datum(v().vastgelegdOp)} (vastgelegd door{' '}
              {v().vastgelegdDoor.naam}). {akkoordTekst(v())}
            </p>
            <Show when={!v().akkoordPersoonOp && !props.readOnly}>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={runner.busy()}
                onClick={() => void agree()}
              >
                Akkoord van de persoon vastleggen
              </button>
            </Show>
            <ProfielTabel versie={v()} caption={`Persoonlijk Profiel, versie ${v().versie}`} />
          </>
        )}
      </Show>
      <Show when={versies().length > 1}>
        <details class="landing-details">
          <summary>Eerdere versies ({versies().length - 1})</summary>
          <For each={versies().slice(0, -1).reverse()}>
            {(v) => (
              <div class="landing-profiel-eerder">
                <h4 class="utrecht-heading-4">
                  Versie {v.versie}, {datum(v.vastgelegdOp)}
                </h4>
                <p class="utrecht-paragraph">
                  Opgesteld met {v.opgesteldMet}. {akkoordTekst(v)}
                </p>
                <ProfielTabel versie={v} caption={`Persoonlijk Profiel, versie ${v.versie}`} nested />
              </div>
            )}
          </For>
        </details>
      </Show>
      <Show when={!props.readOnly}>
        <details class="landing-details" onToggle={(e) => e.currentTarget.open && prefill()}>
          <summary>{latest() ? 'Profiel bijwerken (nieuwe versie)' : 'Persoonlijk Profiel opstellen'}</summary>
          <form class="utrecht-form landing-form" onSubmit={save}>
            <p class="utrecht-paragraph">
              Schrijf met de persoon, in de eigen woorden van de persoon. Niet elk levensdomein hoeft even belangrijk te
              zijn: een vak mag leeg blijven.
            </p>
            <For each={kolommen}>
              {(k) => (
                <p class="utrecht-paragraph landing-muted" id={`profiel-hint-${k.key}`}>
                  <strong>{k.label}:</strong> {k.hint}
                </p>
              )}
            </For>
            <For each={levensdomeinen}>
              {(d) => (
                <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced">
                  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                    {levensdomeinLabels[d]}
                  </legend>
                  <For each={kolommen}>
                    {(k) => {
                      const id = `profiel-${d}-${k.key}`;
                      const error = () => err(`domeinen.${d}.${k.key}`);
                      return (
                        <FormField id={id} label={k.label} error={error()}>
                          <textarea
                            id={id}
                            class="utrecht-textarea utrecht-textarea--html-textarea"
                            rows={2}
                            value={form.domeinen[d][k.key]}
                            onInput={(e) => setForm('domeinen', d, k.key, e.currentTarget.value)}
                            aria-invalid={error() ? 'true' : undefined}
                            aria-describedby={[`profiel-hint-${k.key}`, describedBy(id, { error: error() })]
                              .filter(Boolean)
                              .join(' ')}
                          />
                        </FormField>
                      );
                    }}
                  </For>
                </fieldset>
              )}
            </For>
            <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                Welke wensen zijn het belangrijkst?
              </legend>
              <Show when={err('belangrijksteWensen')}>
                <div class="utrecht-form-field-error-message">{err('belangrijksteWensen')}</div>
              </Show>
              <Index each={form.wensen}>
                {(w, i) => (
                  <div class="landing-profiel-wens">
                    <FormField id={`profiel-wens-${i}-domein`} label={`Levensdomein van wens ${i + 1}`}>
                      <select
                        id={`profiel-wens-${i}-domein`}
                        class="utrecht-select utrecht-select--html-select"
                        value={w().levensdomein}
                        onChange={(e) => setForm('wensen', i, 'levensdomein', e.currentTarget.value as Levensdomein)}
                      >
                        <For each={levensdomeinen}>{(d) => <option value={d}>{levensdomeinLabels[d]}</option>}</For>
                      </select>
                    </FormField>
                    <TextInput
                      id={`profiel-wens-${i}`}
                      label={`Wens ${i + 1}, in de woorden van de persoon`}
                      value={w().wens}
                      onInput={(value) => setForm('wensen', i, 'wens', value)}
                      error={err(`belangrijksteWensen.${i}.wens`)}
                    />
                  </div>
                )}
              </Index>
              <Show when={form.wensen.length < 5}>
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle"
                  onClick={() =>
                    setForm(
                      'wensen',
                      produce((list) => {
                        list.push({ levensdomein: 'wonen', wens: '' });
                      }),
                    )
                  }
                >
                  Nog een wens
                </button>
              </Show>
            </fieldset>
            <TextInput
              id="profiel-met"
              label="Opgesteld met (de persoon, en wie er nog bij was)"
              value={form.opgesteldMet}
              onInput={(v) => setForm('opgesteldMet', v)}
              error={err('opgesteldMet')}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
              Nieuwe versie vastleggen
            </button>
          </form>
        </details>
      </Show>
    </section>
  );
}
