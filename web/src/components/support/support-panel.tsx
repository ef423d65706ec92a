import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import {
  supportLevelLabels,
  supportLevels,
  type Modaliteit,
  type SupportLevel,
} from '../../../../shared/domain/support/support';
import type { Signal } from '../../../../shared/domain/signals/signal-schemas';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { netwerkSamenvatting, samenvattingTekst } from '../../../../shared/domain/herstel/netwerk';
import { api } from '../../api/client';
import { getHerstel } from '../../api/queries';
import { datum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from '../transition/command-runner';
import { TextInput } from '../transition/text-input';
import { DoelenOverzicht } from '../herstel/doelen-overzicht';
import { AllocationSection } from './allocation-section';
import { ModaliteitenFieldset } from './modaliteiten-fieldset';
import { SupportChart } from './support-chart';

/** Ambulant support: the level now and over time, the next review, the scale-up proposed around the move. */
export function SupportPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  signals: readonly Signal[];
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const support = () => props.overview.ondersteuning;
  const [form, setForm] = createStore({
    niveau: '' as SupportLevel | '',
    modaliteiten: ['thuis'] as Modaliteit[],
    vanaf: '',
    tot: '',
    reden: '',
  });
  const [verlengenTot, setVerlengenTot] = createSignal('');
  // Afschalen is discussed against the steunsysteem: the network growing is why support can go down.
  const herstel = createAsync(() => getHerstel(props.transition.id));
  const steunsysteem = () => {
    const netwerk = herstel()?.value?.netwerk;
    if (!netwerk) return undefined;
    const vorige = props.transition.ondersteuningEvaluaties
      .map((e) => e.op)
      .sort()
      .at(-1);
    const sinds = vorige ?? support().sinds;
    const wat = vorige ? 'de vorige evaluatie' : sinds ? `${datum(sinds)}` : undefined;
    return samenvattingTekst(netwerkSamenvatting(netwerk, props.overview.today, sinds), wat);
  };
  const err = (name: string) => runner.fieldErrors()[name];

  const change = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .run((expectedVersion) =>
        api.transitions.changeSupport(props.transition.id, {
          niveau: form.niveau as SupportLevel,
          modaliteiten: [...form.modaliteiten],
          reden: form.reden,
          vanaf: form.vanaf || props.overview.today,
          ...(form.tot ? { tot: form.tot } : {}),
          expectedVersion,
        }),
      )
      .then((ok) => ok && setForm({ niveau: '', vanaf: '', tot: '', reden: '' }));
  };
  const review = (uitkomst: 'bevestigd' | 'afgeschaald' | 'verlengd') => {
    const next = support().volgendeEvaluatie;
    if (!next) return;
    void runner.run((expectedVersion) =>
      api.transitions.reviewSupport(props.transition.id, {
        wijzigingId: next.wijzigingId,
        uitkomst,
        ...(uitkomst === 'verlengd' ? { tot: verlengenTot() } : {}),
        expectedVersion,
      }),
    );
  };
  const adoptProposal = () => {
    const proposal = support().voorstelRondVerhuizing;
    if (!proposal) return;
    void runner.run((expectedVersion) =>
      api.transitions.changeSupport(props.transition.id, {
        ...proposal,
        modaliteiten: ['thuis', 'op-afstand'],
        expectedVersion,
      }),
    );
  };

  return (
    <section class="landing-panel" aria-labelledby="ondersteuning-title" id="ondersteuning">
      <h2 id="ondersteuning-title" class="utrecht-heading-2">
        Ondersteuning
      </h2>
      <p class="utrecht-paragraph">
        <Show when={support().niveau} fallback="Nog geen niveau van ondersteuning vastgelegd.">
          {(niveau) => (
            <>
              Nu: <strong>{supportLevelLabels[niveau()]}</strong>
              {support().sinds ? `, sinds ${datum(support().sinds!)}` : ''}.
            </>
          )}
        </Show>
      </p>
      <Show when={support().evaluatievraag}>
        {(v) => (
          <p class="utrecht-paragraph">
            <strong>Vraag voor de evaluatie:</strong> {v().vraag}
          </p>
        )}
      </Show>
      <Show when={(support().evaluatievraag || support().volgendeEvaluatie) && steunsysteem()}>
        {(tekst) => (
          <p class="utrecht-paragraph" data-testid="steunsysteem-samenvatting">
            {tekst()}
          </p>
        )}
      </Show>
      <ProblemAlert message={runner.error()} />
      <Show when={support().voorstelRondVerhuizing}>
        {(p) => (
          <div class="utrecht-alert utrecht-alert--info" role="status">
            <p class="utrecht-paragraph">
              Voorstel: rond de verhuizing tijdelijk naar <strong>{supportLevelLabels[p().niveau]}</strong>, van{' '}
              {datum(p().vanaf)} tot en met {datum(p().tot)}.{' '}
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={adoptProposal}>
                Voorstel overnemen
              </button>
            </p>
          </div>
        )}
      </Show>
      <Show when={support().volgendeEvaluatie}>
        {(next) => (
          <div class="landing-inline-form">
            <p class="utrecht-paragraph">
              Evaluatie van de opschaling: {datum(next().datum)}
              {next().datum < props.overview.today ? ' (te laat)' : ''}.
            </p>
            <DoelenOverzicht transitionId={props.transition.id} />
            <div class="utrecht-button-group">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => review('bevestigd')}
              >
                Bevestigen
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => review('afgeschaald')}
              >
                Eén stap afschalen
              </button>
            </div>
            <TextInput
              id="verlengen-tot"
              label="Of verlengen tot en met"
              type="date"
              value={verlengenTot()}
              onInput={setVerlengenTot}
            />
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => review('verlengd')}>
              Verlengen
            </button>
          </div>
        )}
      </Show>
      <SupportChart
        spans={support().spans}
        today={props.overview.today}
        verhuisdatum={props.transition.verhuisdatum}
        signals={props.signals}
      />
      <details class="landing-details">
        <summary>Ondersteuning wijzigen</summary>
        <form class="utrecht-form landing-form" onSubmit={change}>
          <div class="utrecht-form-field" classList={{ 'utrecht-form-field--invalid': Boolean(err('niveau')) }}>
            <label class="utrecht-form-label" for="ondersteuning-niveau">
              Niveau
            </label>
            <Show when={err('niveau')}>
              <div class="utrecht-form-field-error-message">{err('niveau')}</div>
            </Show>
            <select
              id="ondersteuning-niveau"
              class="utrecht-select utrecht-select--html-select"
              value={form.niveau}
              onChange={(e) => setForm('niveau', e.currentTarget.value as SupportLevel)}
            >
              <option value="">Kies een niveau</option>
              <For each={supportLevels}>{(l) => <option value={l}>{supportLevelLabels[l]}</option>}</For>
            </select>
          </div>
          <ModaliteitenFieldset
            idPrefix="modaliteit"
            legend="Vorm"
            value={form.modaliteiten}
            onChange={(v) => setForm('modaliteiten', v)}
          />
          <TextInput
            id="ondersteuning-vanaf"
            label="Vanaf (leeg: vandaag)"
            type="date"
            value={form.vanaf}
            onInput={(v) => setForm('vanaf', v)}
            error={err('vanaf')}
          />
          <TextInput
            id="ondersteuning-tot"
            label="Tijdelijk, tot en met (optioneel)"
            type="date"
            value={form.tot}
            onInput={(v) => setForm('tot', v)}
            error={err('tot')}
          />
          <TextInput
            id="ondersteuning-reden"
            label="Reden"
            value={form.reden}
            onInput={(v) => setForm('reden', v)}
            error={err('reden')}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
            Ondersteuning vastleggen
          </button>
        </form>
      </details>
      <AllocationSection transition={props.transition} overview={props.overview} onChanged={props.onChanged} />
    </section>
  );
}
