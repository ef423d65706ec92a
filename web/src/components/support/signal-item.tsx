import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Signal } from '../../../../shared/domain/signals/signal-schemas';
import { signFaseLabels } from '../../../../shared/domain/signals/signaleringsplan';
import { signalSourceLabels } from '../../../../shared/domain/signals/signals';
import {
  supportLevelLabels,
  supportLevels,
  type Modaliteit,
  type SupportLevel,
} from '../../../../shared/domain/support/support';
import { datum, datumTijd } from '../../format';
import { TextInput } from '../transition/text-input';
import { ModaliteitenFieldset } from './modaliteiten-fieldset';

export interface SignalActions {
  acknowledge: (signal: Signal) => void;
  resolve: (
    signal: Signal,
    input: { notitie: string; opschaling?: { niveau: SupportLevel; modaliteiten: Modaliteit[]; tot: string } },
  ) => Promise<boolean>;
  fieldErrors: () => Record<string, string>;
}

/**
 * One signal that still asks for something: what was noticed, by whom, until when it must be picked up,
 * what the follow-up did (the duo's task, the escalation, the proposed scale-up), and the actions.
 */
export function SignalItem(props: { signal: Signal; now: string; actions: SignalActions }) {
  const s = () => props.signal;
  const overdue = () => s().status === 'open' && Boolean(s().deadline) && s().deadline! < props.now;
  return (
    <li class="landing-offer" classList={{ 'landing-offer--overdue': overdue() }}>
      <strong>
        <span class={`landing-risk landing-risk--${s().fase}`}>{signFaseLabels[s().fase]}</span> {s().omschrijving}
      </strong>
      <span>
        {signalSourceLabels[s().bron]}, {datumTijd(s().at)}
        {s().thermometer ? ` · thermometer ${s().thermometer!.totaal}: ${s().thermometer!.actie}` : ''}
        {s().reden ? ` · waarom ${s().fase}: ${s().reden}` : ''}
      </span>
      <Show when={s().status === 'open' && s().deadline}>
        {(deadline) => (
          <span>
            {overdue()
              ? `Te laat: had opgepakt moeten zijn vóór ${datumTijd(deadline())}`
              : `Oppakken vóór ${datumTijd(deadline())}`}
          </span>
        )}
      </Show>
      <Show when={s().taakAangemaaktOp}>
        <span>Taak voor het duo sinds {datumTijd(s().taakAangemaaktOp!)}.</span>
      </Show>
      <Show when={s().geescaleerdOp}>
        <span>Doorgezet naar de teamleider op {datumTijd(s().geescaleerdOp!)}.</span>
      </Show>
      <Show when={s().bevestigd}>
        {(b) => (
          <span>
            Opgepakt door {b().door.naam} op {datumTijd(b().op)}.
          </span>
        )}
      </Show>
      <Show when={s().opschalingsvoorstel}>
        {(v) => (
          <span>
            Voorstel: tijdelijk {supportLevelLabels[v().niveau].toLowerCase()} tot en met {datum(v().tot)}
            {v().logeerplek ? '; een logeerplek is mogelijk' : ''}.
          </span>
        )}
      </Show>
      <div class="utrecht-button-group">
        <Show when={s().status === 'open'}>
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            onClick={() => props.actions.acknowledge(s())}
          >
            Signaal oppakken
          </button>
        </Show>
      </div>
      <ResolveForm signal={s()} actions={props.actions} />
    </li>
  );
}

/** Resolve: what was done, and optionally a temporary scale-up from today, filled in from the proposal. */
function ResolveForm(props: { signal: Signal; actions: SignalActions }) {
  const id = (name: string) => `afhandelen-${props.signal.id}-${name}`;
  const proposal = () => props.signal.opschalingsvoorstel;
  const [scaleUp, setScaleUp] = createSignal(Boolean(proposal()));
  const [form, setForm] = createStore({
    notitie: '',
    niveau: (proposal()?.niveau ?? 'verhoogd') as SupportLevel,
    tot: proposal()?.tot ?? '',
    modaliteiten: [...(proposal()?.modaliteiten ?? ['thuis'])] as Modaliteit[],
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void props.actions.resolve(props.signal, {
      notitie: form.notitie,
      ...(scaleUp()
        ? { opschaling: { niveau: form.niveau, modaliteiten: [...form.modaliteiten], tot: form.tot } }
        : {}),
    });
  };
  const err = (name: string) => props.actions.fieldErrors()[name];
  return (
    <details class="landing-details">
      <summary>Signaal afhandelen</summary>
      <form class="utrecht-form landing-form" onSubmit={submit}>
        <TextInput
          id={id('notitie')}
          label="Wat is er gedaan"
          value={form.notitie}
          onInput={(v) => setForm('notitie', v)}
          error={err('notitie')}
        />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            id={id('opschalen')}
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            checked={scaleUp()}
            onChange={(e) => setScaleUp(e.currentTarget.checked)}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={id('opschalen')}>
            Tijdelijk opschalen vanaf vandaag
          </label>
        </div>
        <Show when={scaleUp()}>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={id('niveau')}>
              Naar niveau
            </label>
            <select
              id={id('niveau')}
              class="utrecht-select utrecht-select--html-select"
              value={form.niveau}
              onChange={(e) => setForm('niveau', e.currentTarget.value as SupportLevel)}
            >
              <For each={supportLevels}>{(l) => <option value={l}>{supportLevelLabels[l]}</option>}</For>
            </select>
          </div>
          <ModaliteitenFieldset
            idPrefix={id('vorm')}
            legend="Vorm van de opschaling"
            value={form.modaliteiten}
            onChange={(v) => setForm('modaliteiten', v)}
          />
          <TextInput
            id={id('tot')}
            label="Opschalen tot en met"
            type="date"
            value={form.tot}
            onInput={(v) => setForm('tot', v)}
            error={err('opschaling.tot') ?? err('tot')}
          />
        </Show>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {scaleUp() ? 'Afhandelen en opschalen' : 'Afhandelen'}
        </button>
      </form>
    </details>
  );
}
