import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import {
  currentPlan,
  signFaseLabels,
  signFases,
  type SignFase,
} from '../../../../shared/domain/signals/signaleringsplan';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { isInNetwerk, netwerkRelatieLabels } from '../../../../shared/domain/herstel/netwerk';
import { api } from '../../api/client';
import { getHerstel } from '../../api/queries';
import { datum, naam } from '../../format';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from '../webhooks/announcer';
import { createCommandRunner } from '../transition/command-runner';
import { TextInput } from '../transition/text-input';

/** The signaleringsplan in force, by phase, with the person's agreement; adding a sign makes a new version. */
export function PlanPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const confirm = createConfirm();
  const { message, announce } = createAnnouncer();
  const plan = () => currentPlan(props.transition.signaleringsplan);
  // "Wie handelt" picks from the person's steunsysteem; free text stays possible.
  const herstel = createAsync(() => getHerstel(props.transition.id));
  const netwerk = () => (herstel()?.value?.netwerk ?? []).filter((l) => isInNetwerk(l));
  const [form, setForm] = createStore({
    fase: 'oranje' as SignFase,
    teken: '',
    actie: '',
    wie: '',
    netwerkMagWeten: true,
    corporatieMagWeten: false,
    opgesteldMet: '',
  });
  const err = (name: string) => runner.fieldErrors()[name];
  // The new sign is the last of the version sent: its messages come back as `tekens.<n>.<field>`.
  const signErr = (field: string) =>
    Object.entries(runner.fieldErrors()).find(([name]) => name.endsWith(`.${field}`))?.[1];

  const addSign = (event: SubmitEvent) => {
    event.preventDefault();
    const { opgesteldMet, ...sign } = form;
    void runner
      .run((expectedVersion) =>
        api.transitions.savePlan(props.transition.id, {
          tekens: [...(plan()?.tekens ?? []), sign],
          opgesteldMet: opgesteldMet || plan()?.opgesteldMet || '',
          expectedVersion,
        }),
      )
      .then((ok) => ok && setForm({ teken: '', actie: '', wie: '' }));
  };
  const agree = async () => {
    const current = plan();
    if (!current) return;
    const sure = await confirm.ask({
      title: `Akkoord van de persoon op versie ${current.versie} vastleggen?`,
      lines: [
        `Vastgelegd wordt dat ${naam(props.transition.persoon)} vandaag akkoord gaf op dit signaleringsplan.`,
        'Leg het alleen vast als de persoon deze versie zelf heeft gezien en ermee instemt.',
      ],
      confirm: 'Akkoord vastleggen',
    });
    if (!sure) return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.agreePlan(props.transition.id, {
        versie: current.versie,
        op: props.overview.today,
        expectedVersion,
      }),
    );
    if (ok) announce(`Akkoord van de persoon op versie ${current.versie} vastgelegd.`);
  };

  return (
    <section class="landing-panel" aria-labelledby="plan-title">
      <h2 id="plan-title" class="utrecht-heading-2">
        Signaleringsplan
      </h2>
      <StatusMessage message={message()} />
      <ProblemAlert message={runner.error()} />
      <confirm.Dialog />
      <Show
        when={plan()}
        fallback={
          <p class="utrecht-paragraph">Nog geen signaleringsplan. Stel het op met de persoon en het netwerk.</p>
        }
      >
        {(p) => (
          <>
            <p class="utrecht-paragraph">
              Versie {p().versie}, opgesteld met {p().opgesteldMet} op {datum(p().vastgelegdOp)}.{' '}
              {p().akkoordPersoonOp
                ? `Akkoord van de persoon op ${datum(p().akkoordPersoonOp!)}.`
                : 'Nog geen akkoord van de persoon.'}
            </p>
            <Show when={!p().akkoordPersoonOp}>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => void agree()}
              >
                Akkoord van de persoon vastleggen (vandaag)
              </button>
            </Show>
            <For each={signFases.filter((f) => p().tekens.some((s) => s.fase === f))}>
              {(fase) => (
                <>
                  <h3 class="utrecht-heading-3">{signFaseLabels[fase]}</h3>
                  <ul class="landing-offers">
                    <For each={p().tekens.filter((s) => s.fase === fase)}>
                      {(s) => (
                        <li class="landing-offer">
                          <strong>“{s.teken}”</strong>
                          <span>
                            Actie: {s.actie} — {s.wie}
                          </span>
                          <span class="landing-muted">
                            {s.netwerkMagWeten ? 'Netwerk mag het weten' : 'Niet delen met het netwerk'} ·{' '}
                            {s.corporatieMagWeten ? 'corporatie mag het weten' : 'niet delen met de corporatie'}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </>
              )}
            </For>
          </>
        )}
      </Show>
      <details class="landing-details">
        <summary>Teken toevoegen (nieuwe versie)</summary>
        <form class="utrecht-form landing-form" onSubmit={addSign}>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="teken-fase">
              Fase
            </label>
            <select
              id="teken-fase"
              class="utrecht-select utrecht-select--html-select"
              value={form.fase}
              onChange={(e) => setForm('fase', e.currentTarget.value as SignFase)}
            >
              <For each={signFases}>{(f) => <option value={f}>{signFaseLabels[f]}</option>}</For>
            </select>
          </div>
          <TextInput
            id="teken-teken"
            label="Teken, in de woorden van de persoon"
            value={form.teken}
            onInput={(v) => setForm('teken', v)}
            error={signErr('teken')}
          />
          <TextInput
            id="teken-actie"
            label="Afgesproken actie"
            value={form.actie}
            onInput={(v) => setForm('actie', v)}
            error={signErr('actie')}
          />
          <TextInput
            id="teken-wie"
            label="Wie handelt"
            value={form.wie}
            onInput={(v) => setForm('wie', v)}
            error={signErr('wie')}
            list="teken-wie-netwerk"
          />
          <datalist id="teken-wie-netwerk">
            <For each={netwerk()}>{(lid) => <option value={lid.naam}>{netwerkRelatieLabels[lid.relatie]}</option>}</For>
          </datalist>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id="teken-netwerk"
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              checked={form.netwerkMagWeten}
              onChange={(e) => setForm('netwerkMagWeten', e.currentTarget.checked)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="teken-netwerk">
              Het netwerk mag dit weten
            </label>
          </div>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id="teken-corporatie"
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              checked={form.corporatieMagWeten}
              onChange={(e) => setForm('corporatieMagWeten', e.currentTarget.checked)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="teken-corporatie">
              De corporatie mag dit weten
            </label>
          </div>
          <Show when={!plan()}>
            <TextInput
              id="plan-met"
              label="Opgesteld met (de persoon en wie uit het netwerk)"
              value={form.opgesteldMet}
              onInput={(v) => setForm('opgesteldMet', v)}
              error={err('opgesteldMet')}
            />
          </Show>
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
            Teken toevoegen
          </button>
        </form>
      </details>
    </section>
  );
}
