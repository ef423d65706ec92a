import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import type { Transition } from '../../../../shared/domain/transition/transition';
import {
  contractVormen,
  contractVormLabels,
  OMKLAP_DEFAULT_MONTHS,
  type ContractVorm,
} from '../../../../shared/domain/woning/woning';
import { api } from '../../api/client';
import { datum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from './command-runner';
import { TextInput } from './text-input';

const riskLabels = { groen: 'Groen', oranje: 'Oranje', rood: 'Rood', open: 'Nog open' } as const;

/** Contract, move date and uitkering timing: what has to line up on the day of the move. */
export function MovePanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const accepted = () => props.transition.aanbiedingen.find((a) => a.status === 'geaccepteerd');
  const err = (name: string) => runner.fieldErrors()[name];

  const [contract, setContract] = createStore({
    vorm: 'driepartijenovereenkomst' as ContractVorm,
    ingangsdatum: '',
    getekendOp: '',
    omklapNaMaanden: String(OMKLAP_DEFAULT_MONTHS),
    garantstelling: false,
    garantReden: '',
    contractnummer: '',
  });
  const saveContract = (event: SubmitEvent) => {
    event.preventDefault();
    void runner.run((expectedVersion) =>
      api.transitions.signContract(props.transition.id, {
        vorm: contract.vorm,
        ingangsdatum: contract.ingangsdatum,
        getekendOp: contract.getekendOp,
        ...(contract.vorm === 'driepartijenovereenkomst' ? { omklapNaMaanden: Number(contract.omklapNaMaanden) } : {}),
        ...(contract.garantstelling ? { garantstelling: { reden: contract.garantReden } } : {}),
        ...(contract.contractnummer ? { contractnummer: contract.contractnummer } : {}),
        expectedVersion,
      }),
    );
  };

  const [verhuisdatum, setVerhuisdatum] = createSignal('');
  const saveMoveDate = (date: string) =>
    void runner.run((expectedVersion) =>
      api.transitions.setMoveDate(props.transition.id, { verhuisdatum: date, expectedVersion }),
    );

  const [uitkering, setUitkering] = createStore({ aangevraagdOp: '', besluitOp: '', besluit: '', ingangsdatum: '' });
  const saveUitkering = (event: SubmitEvent) => {
    event.preventDefault();
    const current = props.transition.uitkering;
    void runner.run((expectedVersion) =>
      api.transitions.setUitkering(props.transition.id, {
        ...(uitkering.aangevraagdOp || current.aangevraagdOp
          ? { aangevraagdOp: uitkering.aangevraagdOp || current.aangevraagdOp }
          : {}),
        ...(uitkering.besluitOp || current.besluitOp ? { besluitOp: uitkering.besluitOp || current.besluitOp } : {}),
        ...(uitkering.besluit
          ? { toegekend: uitkering.besluit === 'toegekend' }
          : current.toegekend !== undefined
            ? { toegekend: current.toegekend }
            : {}),
        ...(uitkering.ingangsdatum || current.ingangsdatum
          ? { ingangsdatum: uitkering.ingangsdatum || current.ingangsdatum }
          : {}),
        expectedVersion,
      }),
    );
  };

  return (
    <section class="landing-panel" aria-labelledby="verhuizing-title">
      <h2 id="verhuizing-title" class="utrecht-heading-2">
        Contract, verhuizing en uitkering
      </h2>
      <ProblemAlert message={runner.error()} />

      <h3 class="utrecht-heading-3">Huurcontract</h3>
      <Show
        when={props.transition.contract}
        fallback={
          <Show when={accepted()} fallback={<p class="utrecht-paragraph">Eerst een woning accepteren.</p>}>
            <form class="utrecht-form landing-form" onSubmit={saveContract}>
              <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend class="utrecht-form-fieldset__legend">Contractvorm</legend>
                <For each={contractVormen}>
                  {(vorm) => (
                    <div class="utrecht-form-field utrecht-form-field--radio">
                      <input
                        id={`vorm-${vorm}`}
                        type="radio"
                        name="contractvorm"
                        class="utrecht-radio-button utrecht-radio-button--html-input"
                        checked={contract.vorm === vorm}
                        onChange={() => setContract('vorm', vorm)}
                      />
                      <label class="utrecht-form-label utrecht-form-label--radio" for={`vorm-${vorm}`}>
                        {contractVormLabels[vorm]}
                      </label>
                    </div>
                  )}
                </For>
              </fieldset>
              <TextInput
                id="contract-ingang"
                label="Ingangsdatum"
                type="date"
                value={contract.ingangsdatum}
                onInput={(v) => setContract('ingangsdatum', v)}
                error={err('ingangsdatum')}
              />
              <TextInput
                id="contract-getekend"
                label="Getekend op"
                type="date"
                value={contract.getekendOp}
                onInput={(v) => setContract('getekendOp', v)}
                error={err('getekendOp')}
              />
              <TextInput
                id="contract-nummer"
                label="Contractnummer van de corporatie (optioneel)"
                value={contract.contractnummer}
                onInput={(v) => setContract('contractnummer', v)}
                error={err('contractnummer')}
              />
              <Show when={contract.vorm === 'driepartijenovereenkomst'}>
                <TextInput
                  id="contract-omklap"
                  label="Omklap na (maanden, 12–36)"
                  type="number"
                  value={contract.omklapNaMaanden}
                  onInput={(v) => setContract('omklapNaMaanden', v)}
                  error={err('omklapNaMaanden')}
                />
              </Show>
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  id="contract-garant"
                  type="checkbox"
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={contract.garantstelling}
                  onChange={(e) => setContract('garantstelling', e.currentTarget.checked)}
                />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="contract-garant">
                  Garantstelling door de gemeente
                </label>
              </div>
              <Show when={contract.garantstelling}>
                <TextInput
                  id="contract-garant-reden"
                  label="Reden van de garantstelling"
                  value={contract.garantReden}
                  onInput={(v) => setContract('garantReden', v)}
                  error={err('garantstelling.reden')}
                />
              </Show>
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
                Contract vastleggen
              </button>
            </form>
          </Show>
        }
      >
        {(c) => (
          <p class="utrecht-paragraph">
            {contractVormLabels[c().vorm]}, ingang {datum(c().ingangsdatum)}, getekend {datum(c().getekendOp)}
            {props.overview.omklapDatum
              ? `. Omklap op ${datum(props.overview.omklapDatum)}; de corporatie hoort het vanaf ${datum(props.overview.omklapAankondiging!)}`
              : ''}
            {c().garantstelling ? `. Garantstelling: ${c().garantstelling!.reden}` : ''}.
          </p>
        )}
      </Show>

      <Show when={props.overview.verhuiskostenOngedekt}>
        <div class="utrecht-alert utrecht-alert--error" role="status">
          <p class="utrecht-paragraph">Risico: de verhuiskosten zijn nog niet gedekt uit het regelbudget.</p>
        </div>
      </Show>
      <h3 class="utrecht-heading-3">Verhuisdatum</h3>
      <Show when={props.transition.verhuisdatum}>
        <p class="utrecht-paragraph">
          Verhuizing op <strong>{datum(props.transition.verhuisdatum!)}</strong>
          {props.transition.verhuisdOp ? ` — verhuisd op ${datum(props.transition.verhuisdOp)}` : ''}.
        </p>
      </Show>
      <Show when={props.overview.huurtoeslag}>
        {(warning) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">
              {warning().reden} Dichtstbijzijnde eerste van de maand: {datum(warning().suggestie)}.{' '}
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                onClick={() => saveMoveDate(warning().suggestie)}
              >
                Verhuisdatum naar {datum(warning().suggestie)}
              </button>
            </p>
          </div>
        )}
      </Show>
      <Show
        when={accepted() && !props.transition.verhuisdOp && ['woning', 'verhuizing'].includes(props.transition.fase)}
      >
        <form
          class="utrecht-form landing-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveMoveDate(verhuisdatum());
          }}
        >
          <TextInput
            id="verhuisdatum"
            label={props.transition.verhuisdatum ? 'Nieuwe verhuisdatum' : 'Verhuisdatum'}
            type="date"
            value={verhuisdatum()}
            onInput={setVerhuisdatum}
            error={err('verhuisdatum')}
          />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={runner.busy()}>
            Verhuisdatum vastleggen
          </button>
        </form>
      </Show>

      <h3 class="utrecht-heading-3">Uitkering</h3>
      <p class="utrecht-paragraph">
        <span class={`landing-risk landing-risk--${props.overview.uitkering.level}`}>
          {riskLabels[props.overview.uitkering.level]}
        </span>{' '}
        {props.overview.uitkering.reden}
        {props.overview.uitkering.latestSafeApplicationDate
          ? ` Uiterlijk aanvragen: ${datum(props.overview.uitkering.latestSafeApplicationDate)}`
          : ''}
        {` (Werk & Inkomen beslist hier doorgaans binnen ${props.overview.uitkering.decisionWeeks} weken.)`}
      </p>
      <form class="utrecht-form landing-form" onSubmit={saveUitkering}>
        <TextInput
          id="uitkering-aangevraagd"
          label="Aangevraagd op"
          type="date"
          value={uitkering.aangevraagdOp || props.transition.uitkering.aangevraagdOp || ''}
          onInput={(v) => setUitkering('aangevraagdOp', v)}
          error={err('aangevraagdOp')}
        />
        <TextInput
          id="uitkering-besluit"
          label="Besluit op"
          type="date"
          value={uitkering.besluitOp || props.transition.uitkering.besluitOp || ''}
          onInput={(v) => setUitkering('besluitOp', v)}
          error={err('besluitOp')}
        />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="uitkering-besluit-soort">
            Besluit
          </label>
          <select
            id="uitkering-besluit-soort"
            class="utrecht-select utrecht-select--html-select"
            onChange={(e) => setUitkering('besluit', e.currentTarget.value)}
          >
            <option value="" selected={props.transition.uitkering.toegekend === undefined}>
              Nog geen besluit
            </option>
            <option value="toegekend" selected={props.transition.uitkering.toegekend === true}>
              Toegekend
            </option>
            <option value="afgewezen" selected={props.transition.uitkering.toegekend === false}>
              Afgewezen
            </option>
          </select>
        </div>
        <TextInput
          id="uitkering-ingang"
          label="Ingangsdatum uitkering"
          type="date"
          value={uitkering.ingangsdatum || props.transition.uitkering.ingangsdatum || ''}
          onInput={(v) => setUitkering('ingangsdatum', v)}
          error={err('ingangsdatum')}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={runner.busy()}>
          Uitkering bijwerken
        </button>
      </form>
    </section>
  );
}
