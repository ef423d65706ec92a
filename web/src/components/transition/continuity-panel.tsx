import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { Transition } from '../../../../shared/domain/transition/transition';
import {
  beeindigingRedenen,
  beeindigingRedenLabels,
  overdrachtPartijen,
  overdrachtPartijLabels,
  verblijfSoorten,
  verblijfSoortLabels,
  type BeeindigingReden,
  type OverdrachtPartij,
  type VerblijfSoort,
} from '../../../../shared/domain/common/vocabulary';
import { isActive } from '../../../../shared/domain/transition/lifecycle';
import { geaccepteerdeAanbieding } from '../../../../shared/domain/woning/woning';
import { api } from '../../api/client';
import { datum, naam } from '../../format';
import { FormField } from '../form-field';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from '../webhooks/announcer';
import { createCommandRunner } from './command-runner';
import { TextInput } from './text-input';

const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** The lease rests on the support (a driepartijenovereenkomst before the omklap): the corporation hears of a stay. */
const leaseOnSupport = (t: Transition) =>
  t.contract?.vorm === 'driepartijenovereenkomst' && !t.verhuisproces.omklapGemeld;
const corporationHears = (t: Transition) => Boolean(geaccepteerdeAanbieding(t.aanbiedingen));

/**
 * Continuity: a stay elsewhere on top of the phase (opname, logeerplek, crisisopvang), the nazorg after geland
 * (waakvlam or a warm handover, and picking up again), and the end, which is its own decision with a reason.
 */
export function ContinuityPanel(props: { transition: Transition; onChanged: (t: Transition) => void }) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const { message, announce } = createAnnouncer();
  const confirm = createConfirm();
  const t = () => props.transition;
  const wie = () => naam(t().persoon);
  const errors = () => runner.fieldErrors();

  const [soort, setSoort] = createSignal<VerblijfSoort>('logeerplek');
  const [sinds, setSinds] = createSignal(todayIso());
  const [woningBehouden, setWoningBehouden] = createSignal(true);
  const [toelichting, setToelichting] = createSignal('');
  const [terugOp, setTerugOp] = createSignal(todayIso());
  const [reden, setReden] = createSignal<BeeindigingReden>();
  const [eindToelichting, setEindToelichting] = createSignal('');
  const [aan, setAan] = createSignal<OverdrachtPartij>('buurtteam');
  const [contactpersoon, setContactpersoon] = createSignal('');
  const [overdrachtOp, setOverdrachtOp] = createSignal(todayIso());
  const [overgedragen, setOvergedragen] = createSignal('');
  const [oppakReden, setOppakReden] = createSignal('');

  const startStay = async (event: SubmitEvent) => {
    event.preventDefault();
    if (
      leaseOnSupport(t()) &&
      corporationHears(t()) &&
      !(await confirm.ask({
        title: 'Tijdelijk verblijf elders vastleggen?',
        lines: [
          `De corporatie hoort dat ${wie()} tijdelijk elders verblijft, dat de begeleiding doorgaat en of de ` +
            'woning behouden blijft. Niet waar of waarom.',
        ],
        confirm: 'Verblijf vastleggen',
      }))
    )
      return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.startTemporaryStay(t().id, {
        soort: soort(),
        sinds: sinds(),
        woningBehouden: woningBehouden(),
        ...(toelichting().trim() ? { toelichting: toelichting() } : {}),
        expectedVersion,
      }),
    );
    if (ok) {
      setToelichting('');
      announce(
        `${wie()} is tijdelijk elders vastgelegd (${verblijfSoortLabels[soort()].toLowerCase()} vanaf ${datum(sinds())}). ` +
          'Fase, ondersteuning en signalen gaan door.',
      );
    }
  };

  const endStay = async () => {
    const ok = await runner.run((expectedVersion) =>
      api.transitions.endTemporaryStay(t().id, { op: terugOp(), expectedVersion }),
    );
    if (ok) announce(`${wie()} is weer thuis sinds ${datum(terugOp())}.`);
  };

  const end = async (event: SubmitEvent) => {
    event.preventDefault();
    const gekozen = reden();
    if (!gekozen) return;
    const sure = await confirm.ask({
      title: `Traject van ${wie()} beëindigen?`,
      lines: [
        `Reden: ${beeindigingRedenLabels[gekozen].toLowerCase()}. Dit is definitief: het traject gaat niet verder.`,
        corporationHears(t())
          ? 'De corporatie hoort dat de begeleiding stopt, niet waarom.'
          : 'Niemand buiten Landing krijgt hiervan bericht.',
      ],
      confirm: 'Traject beëindigen',
      danger: true,
    });
    if (!sure) return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.endTransition(t().id, {
        reden: gekozen,
        ...(eindToelichting().trim() ? { toelichting: eindToelichting() } : {}),
        expectedVersion,
      }),
    );
    if (ok) announce(`Het traject is beëindigd: ${beeindigingRedenLabels[gekozen].toLowerCase()}.`);
  };

  const handOver = async (event: SubmitEvent) => {
    event.preventDefault();
    if (
      corporationHears(t()) &&
      !(await confirm.ask({
        title: `Ondersteuning overdragen aan het ${overdrachtPartijLabels[aan()].toLowerCase()}?`,
        lines: ['De corporatie hoort dat de begeleiding via Landing stopt.'],
        confirm: 'Overdracht vastleggen',
      }))
    )
      return;
    const ok = await runner.run((expectedVersion) =>
      api.transitions.handOver(t().id, {
        aan: aan(),
        contactpersoon: contactpersoon(),
        op: overdrachtOp(),
        overgedragen: overgedragen(),
        expectedVersion,
      }),
    );
    if (ok) announce(`Warm overgedragen aan ${contactpersoon()} (${overdrachtPartijLabels[aan()].toLowerCase()}).`);
  };

  const pickUp = async (event: SubmitEvent) => {
    event.preventDefault();
    const ok = await runner.run((expectedVersion) =>
      api.transitions.pickUpAgain(t().id, { reden: oppakReden(), expectedVersion }),
    );
    if (ok) {
      setOppakReden('');
      announce(`${wie()} is weer opgepakt: de nazorg loopt weer, op waakvlam.`);
    }
  };

  return (
    <section class="landing-panel" aria-labelledby="continuiteit-title">
      <h2 id="continuiteit-title" class="utrecht-heading-2">
        Verblijf en nazorg
      </h2>
      <Switch>
        <Match when={t().fase === 'beeindigd' && t().beeindiging}>
          {(b) => (
            <p class="utrecht-paragraph">
              Beëindigd op {datum(b().op)}: {beeindigingRedenLabels[b().reden].toLowerCase()}
              {b().toelichting ? ` (${b().toelichting})` : ''}.
            </p>
          )}
        </Match>
        <Match when={t().tijdelijkVerblijf}>
          {(stay) => (
            <>
              <p class="utrecht-paragraph">
                Tijdelijk elders sinds {datum(stay().sinds)}
                {stay().soort ? ` (${verblijfSoortLabels[stay().soort!].toLowerCase()})` : ''};{' '}
                {stay().woningBehouden ? 'de woning blijft' : 'de woning blijft niet'}. Fase, ondersteuning, signalen en
                opvolging gaan door.
              </p>
              <div class="landing-inline-form">
                <TextInput id="terug-op" label="Weer thuis op" type="date" value={terugOp()} onInput={setTerugOp} />
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  disabled={runner.busy()}
                  onClick={() => void endStay()}
                >
                  Weer thuis
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={isActive(t())}>
          <details>
            <summary>Tijdelijk elders (opname, logeerplek, crisisopvang)</summary>
            <form class="utrecht-form landing-inline-form" onSubmit={(e) => void startStay(e)}>
              <FormField id="verblijf-soort" label="Soort verblijf" error={errors().soort}>
                <select
                  id="verblijf-soort"
                  class="utrecht-select utrecht-select--html-select"
                  value={soort()}
                  onChange={(e) => setSoort(e.currentTarget.value as VerblijfSoort)}
                >
                  <For each={verblijfSoorten}>{(s) => <option value={s}>{verblijfSoortLabels[s]}</option>}</For>
                </select>
              </FormField>
              <TextInput id="verblijf-sinds" label="Sinds" type="date" value={sinds()} onInput={setSinds} />
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="woning-behouden">
                  <input
                    id="woning-behouden"
                    type="checkbox"
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={woningBehouden()}
                    onChange={(e) => setWoningBehouden(e.currentTarget.checked)}
                  />{' '}
                  De woning blijft
                </label>
              </div>
              <FormField id="verblijf-toelichting" label="Toelichting (alleen voor de begeleiding)">
                <textarea
                  id="verblijf-toelichting"
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  rows="2"
                  value={toelichting()}
                  onInput={(e) => setToelichting(e.currentTarget.value)}
                />
              </FormField>
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
                Tijdelijk elders vastleggen
              </button>
            </form>
          </details>
        </Match>
      </Switch>

      <Show when={t().fase === 'geland'}>
        <Switch>
          <Match when={t().nazorg?.vorm === 'waakvlam' && t().nazorg}>
            {(n) => (
              <>
                <p class="utrecht-paragraph">Nazorg op waakvlam sinds {datum(n().sinds)}.</p>
                <details>
                  <summary>Warme overdracht aan buurtteam of sociaal wijkteam</summary>
                  <form class="utrecht-form landing-inline-form" onSubmit={(e) => void handOver(e)}>
                    <FormField id="overdracht-aan" label="Aan" error={errors().aan}>
                      <select
                        id="overdracht-aan"
                        class="utrecht-select utrecht-select--html-select"
                        value={aan()}
                        onChange={(e) => setAan(e.currentTarget.value as OverdrachtPartij)}
                      >
                        <For each={overdrachtPartijen}>
                          {(p) => <option value={p}>{overdrachtPartijLabels[p]}</option>}
                        </For>
                      </select>
                    </FormField>
                    <TextInput
                      id="overdracht-contactpersoon"
                      label="Contactpersoon"
                      value={contactpersoon()}
                      onInput={setContactpersoon}
                      error={errors().contactpersoon}
                    />
                    <TextInput
                      id="overdracht-op"
                      label="Overgedragen op"
                      type="date"
                      value={overdrachtOp()}
                      onInput={setOverdrachtOp}
                      error={errors().op}
                    />
                    <FormField id="overdracht-wat" label="Wat is overgedragen" error={errors().overgedragen}>
                      <textarea
                        id="overdracht-wat"
                        class="utrecht-textarea utrecht-textarea--html-textarea"
                        rows="3"
                        value={overgedragen()}
                        onInput={(e) => setOvergedragen(e.currentTarget.value)}
                      />
                    </FormField>
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--primary-action"
                      disabled={runner.busy()}
                    >
                      Overdracht vastleggen
                    </button>
                  </form>
                </details>
              </>
            )}
          </Match>
          <Match when={true}>
            <Show
              when={t().nazorg?.vorm === 'overgedragen' && t().nazorg}
              fallback={<p class="utrecht-paragraph">De ondersteuning na geland is afgesloten.</p>}
            >
              {(n) => {
                const o = () =>
                  (n() as Extract<NonNullable<Transition['nazorg']>, { vorm: 'overgedragen' }>).overdracht;
                return (
                  <p class="utrecht-paragraph">
                    Warm overgedragen aan {o().contactpersoon} ({overdrachtPartijLabels[o().aan].toLowerCase()}) op{' '}
                    {datum(o().op)}: {o().overgedragen}
                  </p>
                );
              }}
            </Show>
            <form class="utrecht-form landing-inline-form" onSubmit={(e) => void pickUp(e)}>
              <FormField id="oppak-reden" label="Waarom weer oppakken" error={errors().reden}>
                <textarea
                  id="oppak-reden"
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  rows="2"
                  value={oppakReden()}
                  onInput={(e) => setOppakReden(e.currentTarget.value)}
                />
              </FormField>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={runner.busy()}>
                Weer oppakken
              </button>
            </form>
          </Match>
        </Switch>
      </Show>

      <Show when={isActive(t())}>
        <details>
          <summary>Traject beëindigen</summary>
          <form class="utrecht-form landing-inline-form" onSubmit={(e) => void end(e)}>
            <FormField id="einde-reden" label="Reden" error={errors().reden}>
              <select
                id="einde-reden"
                class="utrecht-select utrecht-select--html-select"
                value={reden() ?? ''}
                onChange={(e) => setReden((e.currentTarget.value || undefined) as BeeindigingReden | undefined)}
              >
                <option value="">Kies een reden</option>
                <For each={beeindigingRedenen}>{(r) => <option value={r}>{beeindigingRedenLabels[r]}</option>}</For>
              </select>
            </FormField>
            <FormField id="einde-toelichting" label="Toelichting (nodig bij anders)" error={errors().toelichting}>
              <textarea
                id="einde-toelichting"
                class="utrecht-textarea utrecht-textarea--html-textarea"
                rows="2"
                value={eindToelichting()}
                onInput={(e) => setEindToelichting(e.currentTarget.value)}
              />
            </FormField>
            <button type="submit" class="utrecht-button utrecht-button--danger" disabled={runner.busy() || !reden()}>
              Traject beëindigen
            </button>
          </form>
        </details>
      </Show>
      <StatusMessage message={message()} />
      <ProblemAlert message={runner.error()} />
      <confirm.Dialog />
    </section>
  );
}
