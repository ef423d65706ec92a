import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import type { Transition } from '../../../../shared/domain/transition/transition';
import type { UitkeringStatus } from '../../../../shared/domain/uitkering/uitkering';
import {
  contractVormen,
  contractVormLabels,
  OMKLAP_DEFAULT_MONTHS,
  type ContractVorm,
} from '../../../../shared/domain/woning/woning';
import { api } from '../../api/client';
import { datum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { centsToEuro, createCommandRunner, euroToCents } from './command-runner';
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

  const [uitkering, setUitkering] = createStore({
    klaargezetOp: '',
    aangevraagdOp: '',
    besluitOp: '',
    besluit: '',
    ingangsdatum: '',
    contact: '',
    maatwerk: undefined as boolean | undefined,
  });
  // The command replaces the whole status: what the form leaves alone is sent as it is stored.
  const saveStatus = (changes: Partial<UitkeringStatus>) => {
    const current = props.transition.uitkering;
    return runner.run((expectedVersion) =>
      api.transitions.setUitkering(props.transition.id, { ...current, ...changes, expectedVersion }),
    );
  };
  const saveUitkering = (event: SubmitEvent) => {
    event.preventDefault();
    void saveStatus({
      ...(uitkering.klaargezetOp ? { klaargezetOp: uitkering.klaargezetOp } : {}),
      ...(uitkering.aangevraagdOp ? { aangevraagdOp: uitkering.aangevraagdOp } : {}),
      ...(uitkering.besluitOp ? { besluitOp: uitkering.besluitOp } : {}),
      ...(uitkering.besluit ? { toegekend: uitkering.besluit === 'toegekend' } : {}),
      ...(uitkering.ingangsdatum ? { ingangsdatum: uitkering.ingangsdatum } : {}),
      ...(uitkering.contact ? { contactWerkInkomen: uitkering.contact } : {}),
      ...(uitkering.maatwerk !== undefined ? { maatwerkAfgesproken: uitkering.maatwerk } : {}),
    }).then((ok) => {
      if (ok) setStatus('Uitkering bijgewerkt.');
    });
  };

  const [bijstand, setBijstand] = createStore({ aangevraagdOp: '', besluit: '', bedrag: '' });
  const [bedragFout, setBedragFout] = createSignal<string>();
  const [status, setStatus] = createSignal<string>();
  const saveBijstand = (event: SubmitEvent) => {
    event.preventDefault();
    const current = props.transition.uitkering.bijzondereBijstand ?? {};
    const bedragCent = bijstand.bedrag ? euroToCents(bijstand.bedrag) : undefined;
    if (bijstand.bedrag && bedragCent === undefined) {
      setBedragFout('Vul een bedrag in euro in, bijvoorbeeld 1.500,00.');
      return;
    }
    setBedragFout(undefined);
    void saveStatus({
      bijzondereBijstand: {
        ...current,
        ...(bijstand.aangevraagdOp ? { aangevraagdOp: bijstand.aangevraagdOp } : {}),
        ...(bijstand.besluit ? { toegekend: bijstand.besluit === 'toegekend' } : {}),
        ...(bedragCent !== undefined ? { bedragCent } : {}),
      },
    }).then((ok) => {
      if (ok) setStatus('Bijzondere bijstand bijgewerkt.');
    });
  };

  return (
    <section class="landing-panel" aria-labelledby="verhuizing-title" id="verhuizing">
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
      <Show when={props.overview.verhuisadvies}>
        {(advies) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status" aria-label="Advies verhuisdatum">
            {/* One child: the alert lays its children out in a row. */}
            <div>
              <Show when={advies().geenVerhuisdag}>
                <p class="utrecht-paragraph">{advies().geenVerhuisdag}</p>
              </Show>
              <p class="utrecht-paragraph">
                {advies().reden} Advies: {datum(advies().suggestie)}.
              </p>
              <p class="utrecht-paragraph">
                {advies().uitkeringIngangsdatum
                  ? `De uitkering gaat in op ${datum(advies().uitkeringIngangsdatum!)}.`
                  : 'De uitkering heeft nog geen ingangsdatum: spreek die af voor de nieuwe verhuisdatum.'}
              </p>
              <Show when={advies().uitkeringWaarschuwing}>
                <p class="utrecht-paragraph">
                  <strong>{advies().uitkeringWaarschuwing}</strong>
                </p>
              </Show>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                disabled={runner.busy()}
                onClick={() => saveMoveDate(advies().suggestie)}
              >
                Verhuisdatum naar {datum(advies().suggestie)}
              </button>
            </div>
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
      <Show when={props.overview.jongeren}>
        {(j) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status" aria-label="Participatiewet voor jongeren">
            <p class="utrecht-paragraph">{j().reden}</p>
          </div>
        )}
      </Show>
      <p class="utrecht-paragraph">
        <span class={`landing-risk landing-risk--${props.overview.uitkering.level}`}>
          {riskLabels[props.overview.uitkering.level]}
        </span>{' '}
        {props.overview.uitkering.reden}
        {` (Werk & Inkomen beslist hier doorgaans binnen ${props.overview.uitkering.decisionWeeks} weken.)`}
      </p>
      <Show when={props.transition.uitkering.contactWerkInkomen || props.transition.uitkering.maatwerkAfgesproken}>
        <p class="utrecht-paragraph">
          {props.transition.uitkering.contactWerkInkomen
            ? `Contact bij Werk & Inkomen: ${props.transition.uitkering.contactWerkInkomen}. `
            : ''}
          {props.transition.uitkering.maatwerkAfgesproken
            ? 'Maatwerk afgesproken: Werk & Inkomen gaat flexibel om met de regelgeving.'
            : ''}
        </p>
      </Show>
      <p class="utrecht-paragraph" role="status">
        {status()}
      </p>
      <form class="utrecht-form landing-form" onSubmit={saveUitkering}>
        <TextInput
          id="uitkering-klaargezet"
          label="Aanvraag klaargezet op (wacht op het adres)"
          type="date"
          value={uitkering.klaargezetOp || props.transition.uitkering.klaargezetOp || ''}
          onInput={(v) => setUitkering('klaargezetOp', v)}
          error={err('klaargezetOp')}
        />
        <TextInput
          id="uitkering-aangevraagd"
          label="Aangevraagd op"
          type="date"
          value={uitkering.aangevraagdOp || props.transition.uitkering.aangevraagdOp || ''}
          onInput={(v) => setUitkering('aangevraagdOp', v)}
          error={err('aangevraagdOp')}
        />
        <TextInput
          id="uitkering-contact"
          label="Contactpersoon bij Werk & Inkomen"
          value={uitkering.contact || props.transition.uitkering.contactWerkInkomen || ''}
          onInput={(v) => setUitkering('contact', v)}
          error={err('contactWerkInkomen')}
        />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            id="uitkering-maatwerk"
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            checked={uitkering.maatwerk ?? Boolean(props.transition.uitkering.maatwerkAfgesproken)}
            onChange={(e) => setUitkering('maatwerk', e.currentTarget.checked)}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="uitkering-maatwerk">
            Maatwerk afgesproken (Werk & Inkomen gaat flexibel om met de regelgeving)
          </label>
        </div>
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

      <h3 class="utrecht-heading-3">Bijzondere bijstand voor de verhuiskosten</h3>
      <p class="utrecht-paragraph">{bijstandTekst(props.transition.uitkering.bijzondereBijstand)}</p>
      <form class="utrecht-form landing-form" onSubmit={saveBijstand}>
        <TextInput
          id="bijstand-aangevraagd"
          label="Bijzondere bijstand: datum van de aanvraag"
          type="date"
          value={bijstand.aangevraagdOp || props.transition.uitkering.bijzondereBijstand?.aangevraagdOp || ''}
          onInput={(v) => setBijstand('aangevraagdOp', v)}
          error={err('bijzondereBijstand.aangevraagdOp')}
        />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="bijstand-besluit">
            Besluit bijzondere bijstand
          </label>
          <select
            id="bijstand-besluit"
            class="utrecht-select utrecht-select--html-select"
            onChange={(e) => setBijstand('besluit', e.currentTarget.value)}
          >
            <option value="" selected={props.transition.uitkering.bijzondereBijstand?.toegekend === undefined}>
              Nog geen besluit
            </option>
            <option value="toegekend" selected={props.transition.uitkering.bijzondereBijstand?.toegekend === true}>
              Toegekend
            </option>
            <option value="afgewezen" selected={props.transition.uitkering.bijzondereBijstand?.toegekend === false}>
              Afgewezen
            </option>
          </select>
        </div>
        <TextInput
          id="bijstand-bedrag"
          label="Toegekend bedrag (euro, bijvoorbeeld 1.500,00)"
          value={bijstand.bedrag}
          onInput={(v) => setBijstand('bedrag', v)}
          error={bedragFout() ?? err('bijzondereBijstand.bedragCent')}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={runner.busy()}>
          Bijzondere bijstand bijwerken
        </button>
      </form>
    </section>
  );
}

function bijstandTekst(b: UitkeringStatus['bijzondereBijstand']): string {
  if (!b?.aangevraagdOp) return 'Nog niet aangevraagd.';
  const aangevraagd = `Aangevraagd op ${datum(b.aangevraagdOp)}`;
  if (b.toegekend === undefined) return `${aangevraagd}; nog geen besluit.`;
  if (!b.toegekend) return `${aangevraagd}; afgewezen.`;
  return `${aangevraagd}; toegekend${b.bedragCent ? `: ${centsToEuro(b.bedragCent)}` : ''}.`;
}
