import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { api } from '../../api/client';
import { getCorporations } from '../../api/queries';
import { datum } from '../../format';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from '../webhooks/announcer';
import { centsToEuro, createCommandRunner, euroToCents } from './command-runner';
import { TextInput } from './text-input';

const statusLabels = { open: 'Aangeboden', geaccepteerd: 'Geaccepteerd', afgewezen: 'Afgewezen' } as const;

/** Contingentwoningen offered for this person: register one, accept or decline it; spreiding over wijken. */
export function WoningPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const loaded = createAsync(() => getCorporations());
  const corporations = () => loaded()?.value;
  const corporationName = (id: string) => corporations()?.items.find((c) => c.id === id)?.naam ?? id;
  const [form, setForm] = createStore({
    corporatieId: '',
    straat: '',
    huisnummer: '',
    postcode: '',
    plaats: '',
    wijk: '',
    wijkcode: '',
    huur: '',
    beschikbaarVanaf: '',
    reactieUiterlijk: '',
    eenheidnummer: '',
  });
  const confirm = createConfirm();
  const { message, announce } = createAnnouncer();
  const [declining, setDeclining] = createSignal<string>();
  const [reden, setReden] = createSignal('');
  const canRegister = () =>
    props.transition.fase === 'woning' && !props.transition.aanbiedingen.some((a) => a.status === 'geaccepteerd');

  const register = async (event: SubmitEvent) => {
    event.preventDefault();
    const ok = await runner.run((expectedVersion) =>
      api.transitions.registerOffer(props.transition.id, {
        corporatieId: form.corporatieId,
        adres: { straat: form.straat, huisnummer: form.huisnummer, postcode: form.postcode, plaats: form.plaats },
        wijk: form.wijk,
        ...(form.wijkcode.trim() ? { wijkcode: form.wijkcode } : {}),
        huurPerMaandCent: euroToCents(form.huur) ?? Number.NaN,
        beschikbaarVanaf: form.beschikbaarVanaf,
        reactieUiterlijk: form.reactieUiterlijk,
        ...(form.eenheidnummer ? { eenheidnummer: form.eenheidnummer } : {}),
        expectedVersion,
      }),
    );
    if (ok)
      setForm({
        corporatieId: '',
        straat: '',
        huisnummer: '',
        postcode: '',
        plaats: '',
        wijk: '',
        wijkcode: '',
        huur: '',
        beschikbaarVanaf: '',
        reactieUiterlijk: '',
        eenheidnummer: '',
      });
  };
  const adres = (a: Transition['aanbiedingen'][number]) => `${a.adres.straat} ${a.adres.huisnummer}`;
  const decide = async (offerId: string, besluit: 'geaccepteerd' | 'afgewezen') => {
    const offer = props.transition.aanbiedingen.find((a) => a.id === offerId);
    if (!offer) return;
    const corporatie = corporationName(offer.corporatieId);
    const question =
      besluit === 'geaccepteerd'
        ? {
            title: `Woning ${adres(offer)} accepteren?`,
            lines: [
              `${corporatie} krijgt bericht dat de persoon de woning aanneemt.`,
              'Andere open aanbiedingen kun je daarna niet meer accepteren; het huurcontract leg je hierna vast.',
            ],
            confirm: 'Woning accepteren',
          }
        : {
            title: `Woning ${adres(offer)} afwijzen?`,
            lines: [`${corporatie} krijgt bericht dat de persoon de woning niet neemt; de reden blijft bij jullie.`],
            confirm: 'Woning afwijzen',
          };
    if (!(await confirm.ask(question))) return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.decideOffer(props.transition.id, offerId, {
        besluit,
        ...(besluit === 'afgewezen' ? { reden: reden() } : {}),
        expectedVersion,
      }),
    );
    if (!ok) return;
    setDeclining();
    announce(
      besluit === 'geaccepteerd'
        ? `Woning ${adres(offer)} geaccepteerd; ${corporatie} is op de hoogte gebracht.`
        : `Woning ${adres(offer)} afgewezen; de reden is vastgelegd.`,
    );
  };
  const err = (name: string) => runner.fieldErrors()[name];

  return (
    <section class="landing-panel" aria-labelledby="woning-title" id="woning">
      <h2 id="woning-title" class="utrecht-heading-2">
        Woning
      </h2>
      <Show when={props.overview.plaatsingenInWijk !== undefined}>
        <p class="utrecht-paragraph">
          Spreiding: in deze wijk {props.overview.plaatsingenInWijk === 1 ? 'woont' : 'wonen'} nu{' '}
          {props.overview.plaatsingenInWijk} {props.overview.plaatsingenInWijk === 1 ? 'persoon' : 'mensen'} vanuit een
          traject.
        </p>
      </Show>
      <Show
        when={props.transition.aanbiedingen.length > 0}
        fallback={<p class="utrecht-paragraph">Nog geen woning aangeboden.</p>}
      >
        <ul class="landing-offers">
          <For each={props.transition.aanbiedingen}>
            {(a) => (
              <li class="landing-offer">
                <strong>
                  {a.adres.straat} {a.adres.huisnummer}, {a.adres.postcode} {a.adres.plaats}
                </strong>
                <span>
                  {a.wijk}
                  {a.wijkcode ? ` (${a.wijkcode})` : ''} · {corporationName(a.corporatieId)} ·{' '}
                  {centsToEuro(a.huurPerMaandCent)} per maand · beschikbaar vanaf {datum(a.beschikbaarVanaf)}
                </span>
                <span>
                  {statusLabels[a.status]}
                  {a.status === 'open' ? `: reageren uiterlijk ${datum(a.reactieUiterlijk)}` : ''}
                  {a.besluit?.reden ? ` (${a.besluit.reden})` : ''}
                </span>
                <Show when={a.status === 'open' && props.transition.fase === 'woning'}>
                  <div class="utrecht-button-group">
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--primary-action"
                      disabled={runner.busy()}
                      onClick={() => void decide(a.id, 'geaccepteerd')}
                    >
                      Woning accepteren
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => setDeclining(a.id)}
                    >
                      Woning afwijzen
                    </button>
                  </div>
                  <Show when={declining() === a.id}>
                    <form
                      class="utrecht-form landing-inline-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void decide(a.id, 'afgewezen');
                      }}
                    >
                      <TextInput
                        id={`afwijzen-${a.id}`}
                        label="Reden van afwijzen"
                        value={reden()}
                        onInput={setReden}
                        error={err('reden')}
                      />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        Afwijzing vastleggen
                      </button>
                    </form>
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <StatusMessage message={message()} />
      <ProblemAlert message={runner.error()} />
      <confirm.Dialog />
      <Show when={canRegister()}>
        <details class="landing-details">
          <summary>Woningaanbod registreren</summary>
          <form class="utrecht-form landing-form" onSubmit={(e) => void register(e)}>
            <div class="utrecht-form-field" classList={{ 'utrecht-form-field--invalid': Boolean(err('corporatieId')) }}>
              <label class="utrecht-form-label" for="aanbod-corporatie">
                Woningcorporatie
              </label>
              <Show when={err('corporatieId')}>
                <div class="utrecht-form-field-error-message">{err('corporatieId')}</div>
              </Show>
              <select
                id="aanbod-corporatie"
                class="utrecht-select utrecht-select--html-select"
                value={form.corporatieId}
                onChange={(e) => setForm('corporatieId', e.currentTarget.value)}
              >
                <option value="">Kies een corporatie</option>
                <For each={corporations()?.items}>{(c) => <option value={c.id}>{c.naam}</option>}</For>
              </select>
            </div>
            <TextInput
              id="aanbod-straat"
              label="Straat"
              value={form.straat}
              onInput={(v) => setForm('straat', v)}
              error={err('adres.straat')}
            />
            <TextInput
              id="aanbod-huisnummer"
              label="Huisnummer"
              value={form.huisnummer}
              onInput={(v) => setForm('huisnummer', v)}
              error={err('adres.huisnummer')}
            />
            <TextInput
              id="aanbod-postcode"
              label="Postcode"
              value={form.postcode}
              onInput={(v) => setForm('postcode', v)}
              error={err('adres.postcode')}
            />
            <TextInput
              id="aanbod-plaats"
              label="Plaats"
              value={form.plaats}
              onInput={(v) => setForm('plaats', v)}
              error={err('adres.plaats')}
            />
            <TextInput
              id="aanbod-wijk"
              label="Wijk"
              value={form.wijk}
              onInput={(v) => setForm('wijk', v)}
              error={err('wijk')}
            />
            <TextInput
              id="aanbod-wijkcode"
              label="CBS-wijkcode (WK en zes cijfers, zoals WK034401; niet verplicht)"
              value={form.wijkcode}
              onInput={(v) => setForm('wijkcode', v)}
              error={err('wijkcode')}
            />
            <TextInput
              id="aanbod-eenheid"
              label="Eenheidnummer van de corporatie (zo noemt zij de woning)"
              value={form.eenheidnummer}
              onInput={(v) => setForm('eenheidnummer', v)}
              error={err('eenheidnummer')}
            />
            <TextInput
              id="aanbod-huur"
              label="Huur per maand (euro)"
              inputmode="decimal"
              value={form.huur}
              onInput={(v) => setForm('huur', v)}
              error={err('huurPerMaandCent')}
            />
            <TextInput
              id="aanbod-beschikbaar"
              label="Beschikbaar vanaf"
              type="date"
              value={form.beschikbaarVanaf}
              onInput={(v) => setForm('beschikbaarVanaf', v)}
              error={err('beschikbaarVanaf')}
            />
            <TextInput
              id="aanbod-reactie"
              label="Reageren uiterlijk"
              type="date"
              value={form.reactieUiterlijk}
              onInput={(v) => setForm('reactieUiterlijk', v)}
              error={err('reactieUiterlijk')}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
              Aanbod registreren
            </button>
          </form>
        </details>
      </Show>
    </section>
  );
}
