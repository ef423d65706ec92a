import { For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import {
  currentPlan,
  signFaseLabels,
  signFases,
  type SignFase,
} from '../../../../shared/domain/signals/signaleringsplan';
import { isNeighbourhoodSource, signalSourceLabels, signalSources } from '../../../../shared/domain/signals/signals';
import type { Risk, ThermometerScore } from '../../../../shared/domain/signals/thermometer';
import type { Signal } from '../../../../shared/domain/signals/signal-schemas';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { api, retryKey } from '../../api/client';
import { createActionRunner } from '../action-runner';
import { ContactsSection } from './contacts-section';
import { SignalItem, type SignalActions } from './signal-item';
import { useDemoClock } from '../../clock/demo-clock';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import { datum } from '../../format';
import { FormFieldset } from '../form-field';

const thermometerParts: { key: keyof ThermometerScore; label: string; options: [string, string, string] }[] = [
  { key: 'veiligheid', label: 'Veiligheid', options: ['Geen risico', 'Matig risico', 'Ernstig risico'] },
  { key: 'gezondheid', label: 'Gezondheid', options: ['Geen risico', 'Matig risico', 'Ernstig risico'] },
  { key: 'welzijn', label: 'Welzijn', options: ['Geen risico', 'Matig risico', 'Ernstig risico'] },
  { key: 'omvang', label: 'Omvang', options: ['Individu', 'Meer personen', 'Iemand onder 18 of boven 75'] },
  {
    key: 'duur',
    label: 'Duur',
    options: ['Incidenteel', 'Structureel, korter dan een half jaar', 'Structureel, langer dan een half jaar'],
  },
];

/**
 * Signals about the person: those that still ask for something first (open, then picked up), each with what
 * the follow-up workflow did. Register one by its sign; otherwise whoever knows the person chooses the
 * urgency and says why, and a signal from the neighbourhood or the corporation is scored with the
 * thermometer. Nothing is preselected: an unchosen urgency is asked for, never saved as groen. After a
 * change the page reloads (a scale-up changes the transition; the workflow acts a moment later).
 */
export function SignalsPanel(props: {
  transition: Transition;
  signals: Signal[] | undefined;
  onChanged: () => void;
  /** Under emergency access only passing on a signal is open: picking up, resolving and contacts are the team's. */
  emergency?: boolean;
}) {
  const plan = () => currentPlan(props.transition.signaleringsplan);
  const [form, setForm] = createStore({
    bron: 'begeleider' as (typeof signalSources)[number],
    omschrijving: '',
    tekenId: '',
    fase: '' as SignFase | '',
    reden: '',
  });
  const [score, setScore] = createStore<Partial<ThermometerScore>>({});
  const wijk = () => isNeighbourhoodSource(form.bron);
  const { act, error, fieldErrors, done } = createActionRunner(props.onChanged);
  const keyed = retryKey();
  const register = (event: SubmitEvent) => {
    event.preventDefault();
    const urgency = wijk()
      ? { thermometer: { ...score } as ThermometerScore }
      : { ...(form.fase ? { fase: form.fase } : {}), ...(form.reden ? { reden: form.reden } : {}) };
    const body = {
      bron: form.bron,
      omschrijving: form.omschrijving,
      ...(form.tekenId ? { tekenId: form.tekenId } : urgency),
    };
    const registered =
      'Het signaal is geregistreerd en staat bij de open signalen; Landing houdt bij of iemand het op tijd oppakt.';
    void act(() => keyed((key) => api.signals.register(props.transition.id, body, key)), registered).then((ok) => {
      if (!ok) return;
      setForm({ omschrijving: '', tekenId: '', fase: '', reden: '' });
      setScore(reconcile({}));
    });
  };
  const actions: SignalActions = {
    acknowledge: (s) => void act(() => api.signals.acknowledge(props.transition.id, s.id)),
    resolve: (s, input) =>
      act(() =>
        api.signals.resolve(props.transition.id, s.id, {
          ...input,
          ...(input.opschaling ? { expectedVersion: props.transition.version } : {}),
        }),
      ),
    fieldErrors,
  };
  const running = () =>
    (props.signals ?? [])
      .filter((s) => s.status !== 'afgehandeld')
      .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || b.at.localeCompare(a.at));
  // Closed signals stay as history: what happened and how it was resolved, newest first.
  const closed = () =>
    (props.signals ?? []).filter((s) => s.status === 'afgehandeld').sort((a, b) => b.at.localeCompare(a.at));
  const { now: clockNow } = useDemoClock();
  const now = () => clockNow() ?? new Date().toISOString();

  return (
    <section class="landing-panel landing-thumb" aria-labelledby="signalen-title" id="signalen">
      <h2 id="signalen-title" class="utrecht-heading-2">
        Signalen
      </h2>
      <ProblemAlert message={error()} />
      <Show when={done()}>
        <p class="utrecht-paragraph" role="status">
          {done()}
        </p>
      </Show>
      <fieldset class="landing-record-parts" disabled={props.emergency}>
        <Show when={running().length > 0} fallback={<p class="utrecht-paragraph">Geen open signalen.</p>}>
          <ul class="landing-offers" aria-label="Open signalen">
            <For each={running()}>{(s) => <SignalItem signal={s} now={now()} actions={actions} />}</For>
          </ul>
        </Show>
        <Show when={closed().length > 0}>
          <h3 class="utrecht-heading-3">Afgehandelde signalen</h3>
          <ul class="utrecht-unordered-list" aria-label="Afgehandelde signalen">
            <For each={closed()}>
              {(s) => (
                <li class="utrecht-unordered-list__item">
                  <span class={`landing-risk landing-risk--${s.fase}`}>{signFaseLabels[s.fase]}</span> {s.omschrijving}
                  {s.afgehandeld
                    ? ` — afgehandeld op ${datum(s.afgehandeld.op)} door ${s.afgehandeld.door.naam}: ${s.afgehandeld.notitie}`
                    : ''}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <ContactsSection transitionId={props.transition.id} />
      </fieldset>
      <details class="landing-details">
        <summary>Signaal registreren</summary>
        <form class="utrecht-form landing-form" onSubmit={register}>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="signaal-bron">
              Van wie
            </label>
            <select
              id="signaal-bron"
              class="utrecht-select utrecht-select--html-select"
              value={form.bron}
              onChange={(e) => setForm('bron', e.currentTarget.value as (typeof signalSources)[number])}
            >
              <For each={signalSources}>{(b) => <option value={b}>{signalSourceLabels[b]}</option>}</For>
            </select>
          </div>
          <TextInput
            id="signaal-omschrijving"
            label="Wat is er opgemerkt"
            value={form.omschrijving}
            onInput={(v) => setForm('omschrijving', v)}
            error={fieldErrors().omschrijving}
            enterkeyhint="next"
            autocomplete="off"
          />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="signaal-teken">
              Past bij teken uit het signaleringsplan
            </label>
            <select
              id="signaal-teken"
              class="utrecht-select utrecht-select--html-select"
              value={form.tekenId}
              onChange={(e) => setForm('tekenId', e.currentTarget.value)}
            >
              <option value="">
                {wijk() ? 'Geen: schat de urgentie met de thermometer' : 'Geen: kies zelf de urgentie'}
              </option>
              <For each={plan()?.tekens ?? []}>{(t) => <option value={t.id}>{`${t.fase}: ${t.teken}`}</option>}</For>
            </select>
          </div>
          <Show when={!form.tekenId && !wijk()}>
            <FormFieldset id="signaal-urgentie" legend="Urgentie" error={fieldErrors().fase}>
              <For each={signFases}>
                {(fase) => (
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      id={`signaal-urgentie-${fase}`}
                      type="radio"
                      name="signaal-urgentie"
                      class="utrecht-radio-button utrecht-radio-button--html-input"
                      value={fase}
                      checked={form.fase === fase}
                      onChange={() => setForm('fase', fase)}
                    />
                    <label class="utrecht-form-label utrecht-form-label--radio" for={`signaal-urgentie-${fase}`}>
                      {signFaseLabels[fase]}
                      {fase === 'rood' ? ' (binnen 4 uur oppakken, ook ’s nachts)' : ''}
                    </label>
                  </div>
                )}
              </For>
            </FormFieldset>
            <TextInput
              id="signaal-reden"
              label="Waarom deze urgentie"
              value={form.reden}
              onInput={(v) => setForm('reden', v)}
              error={fieldErrors().reden}
              enterkeyhint="send"
              autocomplete="off"
            />
          </Show>
          <Show when={!form.tekenId && wijk()}>
            <FormFieldset
              id="signaal-thermometer"
              legend="Thermometer"
              description="Voor signalen uit de wijk en van de corporatie: scoor elk onderdeel."
              error={fieldErrors().thermometer}
            >
              <For each={thermometerParts}>
                {(part) => (
                  <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for={`thermometer-${part.key}`}>
                      {part.label}
                    </label>
                    <select
                      id={`thermometer-${part.key}`}
                      class="utrecht-select utrecht-select--html-select"
                      value={score[part.key] === undefined ? '' : String(score[part.key])}
                      onChange={(e) => setScore(part.key, Number(e.currentTarget.value) as Risk)}
                    >
                      <option value="" disabled>
                        Kies een score
                      </option>
                      <For each={part.options}>
                        {(label, i) => <option value={String(i())}>{`${i()} — ${label}`}</option>}
                      </For>
                    </select>
                    <Show when={fieldErrors()[`thermometer.${part.key}`]}>
                      <div class="utrecht-form-field-error-message">{fieldErrors()[`thermometer.${part.key}`]}</div>
                    </Show>
                  </div>
                )}
              </For>
            </FormFieldset>
          </Show>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Signaal registreren
          </button>
        </form>
      </details>
    </section>
  );
}

const statusOrder = { open: 0, bevestigd: 1, afgehandeld: 2 } as const;
