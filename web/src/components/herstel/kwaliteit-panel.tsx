import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { todayInNetherlands } from '../../../../shared/domain/common/calendar';
import {
  instrumentLabels,
  kvbDimensieLabels,
  kvbDimensies,
  scoreMomentLabels,
  scoreMomenten,
  verloop,
  zrmDomeinen,
  zrmDomeinLabels,
  type Instrument,
  type Score,
  type ScoreMoment,
} from '../../../../shared/domain/herstel/kwaliteit';
import { api } from '../../api/client';
import { useDemoClock } from '../../clock/demo-clock';
import { datum } from '../../format';
import { FormField, FormFieldset } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import type { HerstelPartProps } from './herstel-section';
import { createHerstelRunner } from './profiel-runner';

const onderdelen: Record<Instrument, readonly { key: string; label: string }[]> = {
  kvb: kvbDimensies.map((key) => ({ key, label: kvbDimensieLabels[key] })),
  zrm: zrmDomeinen.map((key) => ({ key, label: zrmDomeinLabels[key] })),
};

const momentKort = (s: Pick<Score, 'moment' | 'op'>) => `${scoreMomentLabels[s.moment]} (${datum(s.op)})`;

/** One dimension's scores over time as a small line chart; the table beside it carries the same for everyone. */
function Lijn(props: { punten: { score: number }[] }) {
  const w = 280;
  const h = 120;
  const pad = 16;
  const x = (i: number) => pad + (props.punten.length < 2 ? 0 : (i * (w - 2 * pad)) / (props.punten.length - 1));
  const y = (score: number) => h - pad - ((score - 1) * (h - 2 * pad)) / 4;
  return (
    <svg class="landing-kwaliteit-lijn" viewBox={`0 0 ${w} ${h}`} width="100%" aria-hidden="true">
      <For each={[1, 2, 3, 4, 5]}>
        {(s) => (
          <>
            <line x1={pad} x2={w - pad} y1={y(s)} y2={y(s)} stroke="#ccc" stroke-width="1" />
            <text x={2} y={y(s) + 4} font-size="10" fill="#555">
              {s}
            </text>
          </>
        )}
      </For>
      <polyline
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        points={props.punten.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}
      />
      <For each={props.punten}>{(p, i) => <circle cx={x(i())} cy={y(p.score)} r="4" fill="currentColor" />}</For>
    </svg>
  );
}

/** The scorings of one instrument: a chart of the chosen dimension, and every dimension in a table. */
function Verloop(props: { instrument: Instrument; scores: Score[] }) {
  const own = () => props.scores.filter((s) => s.instrument === props.instrument);
  const rows = () =>
    onderdelen[props.instrument].map((o) => ({ ...o, verloop: verloop(own(), props.instrument, o.key) }));
  const [gekozen, setGekozen] = createSignal<string>();
  const chosen = () => rows().find((r) => r.key === gekozen()) ?? rows().find((r) => r.verloop.punten.length > 0);
  const id = `kwaliteit-${props.instrument}`;
  return (
    <Show
      when={own().length > 0}
      fallback={<p class="utrecht-paragraph">Nog geen scoring met de {instrumentLabels[props.instrument]}.</p>}
    >
      <FormField id={`${id}-dimensie`} label="Toon in de grafiek">
        <select
          id={`${id}-dimensie`}
          class="utrecht-select utrecht-select--html-select"
          value={chosen()?.key}
          onChange={(e) => setGekozen(e.currentTarget.value)}
        >
          <For each={rows().filter((r) => r.verloop.punten.length > 0)}>
            {(r) => <option value={r.key}>{r.label}</option>}
          </For>
        </select>
      </FormField>
      <Show when={chosen()}>
        {(c) => (
          <figure class="landing-kwaliteit-figuur">
            <Lijn punten={c().verloop.punten} />
            <figcaption class="landing-muted">
              {c().label}:{' '}
              {c()
                .verloop.punten.map((p) => `${p.score} (${scoreMomentLabels[p.moment]})`)
                .join(', ')}
            </figcaption>
          </figure>
        )}
      </Show>
      {/* Eight dimensions and their moments: on a phone the table scrolls in its own box, words stay whole. */}
      <div
        class="utrecht-table-container"
        tabindex="0"
        role="region"
        aria-label={`${instrumentLabels[props.instrument]}, tabel van de scores`}
      >
        <table class="utrecht-table utrecht-table--html-table landing-kwaliteit-tabel landing-stapel-tabel">
          <caption class="utrecht-table__caption">
            {instrumentLabels[props.instrument]}: scores per moment (1 tot en met 5)
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {props.instrument === 'kvb' ? 'Dimensie' : 'Domein'}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Scores
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Verandering
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For each={rows().filter((r) => r.verloop.punten.length > 0)}>
              {(r) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {r.label}
                  </th>
                  <td class="utrecht-table__cell" data-kolom="Scores">
                    {r.verloop.punten.map((p) => `${momentKort(p)}: ${p.score}`).join('; ')}
                  </td>
                  <td class="utrecht-table__cell" data-kolom="Verandering">
                    {r.verloop.verandering ?? 'Nog één score'}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/**
 * Kwaliteit van bestaan and the Zelfredzaamheid-Matrix: the scorings over time (chart and table, the change
 * since the first score in words) and a form to score with the person at a moment.
 */
export function KwaliteitPanel(props: HerstelPartProps) {
  const runner = createHerstelRunner(props.onChanged);
  const { today: clockToday } = useDemoClock();
  const today = () => clockToday() ?? todayInNetherlands(new Date());
  const [form, setForm] = createStore({
    instrument: 'kvb' as Instrument,
    moment: 'start' as ScoreMoment,
    op: '',
    scores: {} as Record<string, string>,
    toelichting: '',
  });
  const err = (name: string) => runner.fieldErrors()[name];

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const scores = Object.fromEntries(
      Object.entries(form.scores)
        .filter(([key, value]) => value !== '' && onderdelen[form.instrument].some((o) => o.key === key))
        .map(([key, value]) => [key, Number(value)]),
    );
    const instrument = form.instrument;
    void runner
      .run(
        () =>
          api.herstel.recordScore(props.transition.id, {
            instrument,
            moment: form.moment,
            op: form.op || today(),
            scores,
            ...(form.toelichting.trim() ? { toelichting: form.toelichting } : {}),
          } as Parameters<typeof api.herstel.recordScore>[1]),
        `De scoring (${instrumentLabels[instrument]}, ${scoreMomentLabels[form.moment].toLowerCase()}) is vastgelegd.`,
      )
      .then((ok) => ok && setForm({ scores: {}, toelichting: '', op: '' }));
  };

  return (
    <section class="landing-herstel-part" aria-labelledby="kwaliteit-title">
      <h3 id="kwaliteit-title" class="utrecht-heading-3">
        Kwaliteit van bestaan
      </h3>
      <p class="utrecht-paragraph">
        Samen met de persoon gescoord: hoe tevreden ben je over elk deel van je leven, van 1 (heel ontevreden) tot 5
        (heel tevreden)? Bij de start, bij de verhuizing en bij elke evaluatie.
      </p>
      <ProblemAlert message={runner.error()} />
      <p class="utrecht-paragraph" role="status">
        {runner.done()}
      </p>
      <h4 class="utrecht-heading-4">De acht dimensies</h4>
      <Verloop instrument="kvb" scores={props.herstel.scores} />
      <h4 class="utrecht-heading-4">Zelfredzaamheid-Matrix</h4>
      <Verloop instrument="zrm" scores={props.herstel.scores} />
      <Show when={!props.readOnly}>
        <details class="landing-details">
          <summary>Scoring vastleggen</summary>
          <form class="utrecht-form landing-form" onSubmit={save}>
            <FormFieldset id="scoring-instrument" legend="Wat scoor je?">
              <For each={['kvb', 'zrm'] as const}>
                {(i) => (
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      id={`scoring-instrument-${i}`}
                      type="radio"
                      name="scoring-instrument"
                      class="utrecht-radio-button utrecht-radio-button--html-input"
                      checked={form.instrument === i}
                      onChange={() => setForm('instrument', i)}
                    />
                    <label class="utrecht-form-label utrecht-form-label--radio" for={`scoring-instrument-${i}`}>
                      {instrumentLabels[i]}
                    </label>
                  </div>
                )}
              </For>
            </FormFieldset>
            <FormField id="scoring-moment" label="Moment" error={err('moment')}>
              <select
                id="scoring-moment"
                class="utrecht-select utrecht-select--html-select"
                value={form.moment}
                onChange={(e) => setForm('moment', e.currentTarget.value as ScoreMoment)}
              >
                <For each={scoreMomenten}>{(m) => <option value={m}>{scoreMomentLabels[m]}</option>}</For>
              </select>
            </FormField>
            <TextInput
              id="scoring-op"
              label="Datum van de scoring (leeg: vandaag)"
              type="date"
              value={form.op}
              onInput={(v) => setForm('op', v)}
              error={err('op')}
            />
            <FormFieldset
              id="scoring-scores"
              legend={form.instrument === 'kvb' ? 'Hoe tevreden ben je over…' : 'Score per domein'}
              description={
                form.instrument === 'kvb'
                  ? '1 is heel ontevreden, 5 is heel tevreden. Laat leeg wat de persoon niet wil scoren.'
                  : '1 tot en met 5, zoals in de matrix. Laat leeg wat niet gescoord is.'
              }
              error={err('scores')}
            >
              <For each={onderdelen[form.instrument]}>
                {(o) => {
                  const id = `scoring-${o.key}`;
                  return (
                    <FormField id={id} label={o.label} error={err(`scores.${o.key}`)}>
                      <select
                        id={id}
                        class="utrecht-select utrecht-select--html-select"
                        value={form.scores[o.key] ?? ''}
                        onChange={(e) => setForm('scores', o.key, e.currentTarget.value)}
                      >
                        <option value="">Niet gescoord</option>
                        <For each={['1', '2', '3', '4', '5']}>{(s) => <option value={s}>{s}</option>}</For>
                      </select>
                    </FormField>
                  );
                }}
              </For>
            </FormFieldset>
            <FormField id="scoring-toelichting" label="Toelichting (mag leeg)" error={err('toelichting')}>
              <textarea
                id="scoring-toelichting"
                class="utrecht-textarea utrecht-textarea--html-textarea"
                rows={2}
                value={form.toelichting}
                onInput={(e) => setForm('toelichting', e.currentTarget.value)}
              />
            </FormField>
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
              Scoring vastleggen
            </button>
          </form>
        </details>
      </Show>
    </section>
  );
}
