import { DoelenOverzicht } from '../herstel/doelen-overzicht';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import type { Transition } from '../../../../shared/domain/transition/transition';
import {
  factorOordeelLabels,
  factorOordelen,
  risicofactoren,
  risicofactorLabels,
  risicofactorVragen,
  type FactorOordeel,
  type Risicofactor,
} from '../../../../shared/domain/transition/landing';
import {
  omklapBesluitLabels,
  omklapBesluitSoorten,
  omklapEindbesluit,
  type OmklapBesluitSoort,
} from '../../../../shared/domain/woning/woning';
import { api } from '../../api/client';
import { datum } from '../../format';
import { createConfirm } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from './command-runner';
import { TextInput } from './text-input';

/**
 * What the move workflow asks and only people decide: confirm the move, decide the omklap, judge the landing.
 * Each answer says what happened; one that tells the corporation asks first.
 */
export function DecisionsPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const err = (name: string) => runner.fieldErrors()[name];
  const [done, setDone] = createSignal('');
  const confirm = createConfirm();
  const asks = (soort: string) => props.overview.openVragen.some((v) => v.soort === soort);
  const active = () => !['geland', 'teruggevallen'].includes(props.transition.fase);

  const [move, setMove] = createStore({ verhuisd: 'ja', op: '', nieuweDatum: '' });
  const confirmMove = async (event: SubmitEvent) => {
    event.preventDefault();
    const verhuisd = move.verhuisd === 'ja';
    const sure = await confirm.ask(
      verhuisd
        ? {
            title: 'Verhuizing bevestigen?',
            lines: [
              `Vastgelegd wordt dat de persoon is verhuisd${move.op ? ` op ${datum(move.op)}` : ''}.`,
              'De corporatie krijgt hiervan bericht; de landing begint.',
            ],
            confirm: 'Verhuizing bevestigen',
          }
        : {
            title: 'Nieuwe verhuisdatum vastleggen?',
            lines: [
              `De verhuizing schuift op${move.nieuweDatum ? ` naar ${datum(move.nieuweDatum)}` : ''}.`,
              'De corporatie krijgt de nieuwe datum.',
            ],
            confirm: 'Datum vastleggen',
          },
    );
    if (!sure) return;
    void runner
      .run((expectedVersion) =>
        api.transitions.confirmMove(props.transition.id, {
          verhuisd,
          ...(verhuisd ? { op: move.op } : { nieuweDatum: move.nieuweDatum }),
          expectedVersion,
        }),
      )
      .then(
        (ok) =>
          ok &&
          setDone(
            verhuisd
              ? `Verhuizing bevestigd: verhuisd op ${datum(move.op)}.`
              : `Nieuwe verhuisdatum vastgelegd: ${datum(move.nieuweDatum)}.`,
          ),
      );
  };

  const [omklap, setOmklap] = createStore({
    besluit: 'omklap' as OmklapBesluitSoort,
    per: '',
    nieuweDatum: '',
    reden: '',
    genomenDoor: '',
  });
  const omklapOpen = () =>
    active() &&
    Boolean(props.transition.verhuisdOp) &&
    props.transition.contract?.vorm === 'driepartijenovereenkomst' &&
    !omklapEindbesluit(props.transition.omklapBesluiten);
  const decideOmklap = async (event: SubmitEvent) => {
    event.preventDefault();
    const b = omklap.besluit;
    const sure = await confirm.ask(
      b === 'omklap'
        ? {
            title: 'Omklap vastleggen?',
            lines: [
              `Het huurcontract komt${omklap.per ? ` vanaf ${datum(omklap.per)}` : ''} op naam van de persoon.`,
              'De corporatie krijgt hiervan bericht. Dit besluit is definitief.',
            ],
            confirm: 'Omklap vastleggen',
          }
        : b === 'uitstel'
          ? {
              title: 'Uitstel van de omklap vastleggen?',
              lines: [
                `De omklap schuift op${omklap.nieuweDatum ? ` naar ${datum(omklap.nieuweDatum)}` : ''}.`,
                'De corporatie krijgt de nieuwe omklapdatum.',
              ],
              confirm: 'Uitstel vastleggen',
            }
          : {
              title: 'Vastleggen dat er geen omklap komt?',
              lines: [
                'De driepartijenovereenkomst loopt door; het huurcontract blijft niet op naam van de persoon.',
                'Dit besluit is definitief.',
              ],
              confirm: 'Geen omklap vastleggen',
            },
    );
    if (!sure) return;
    void runner
      .run((expectedVersion) =>
        api.transitions.recordOmklapDecision(props.transition.id, {
          besluit: b,
          genomenDoor: omklap.genomenDoor,
          ...(b === 'omklap' ? { per: omklap.per } : {}),
          ...(b === 'uitstel' ? { nieuweDatum: omklap.nieuweDatum } : {}),
          ...(b !== 'omklap' ? { reden: omklap.reden } : {}),
          expectedVersion,
        }),
      )
      .then(
        (ok) =>
          ok &&
          setDone(
            b === 'omklap'
              ? `Omklap vastgelegd: het huurcontract staat vanaf ${datum(omklap.per)} op naam van de persoon. De corporatie krijgt bericht.`
              : b === 'uitstel'
                ? `Uitstel vastgelegd: de omklap is nu op ${datum(omklap.nieuweDatum)}. De corporatie krijgt de nieuwe datum.`
                : 'Vastgelegd: geen omklap. De driepartijenovereenkomst loopt door.',
          ),
      );
  };

  const [review, setReview] = createStore({
    factoren: {} as Partial<Record<Risicofactor, FactorOordeel>>,
    perspectiefPersoon: '',
    geland: '',
  });
  const judge = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .run((expectedVersion) =>
        api.transitions.recordLandingReview(props.transition.id, {
          factoren: Object.fromEntries(
            risicofactoren.map((f) => [f, { oordeel: review.factoren[f] as FactorOordeel }]),
          ) as Record<Risicofactor, { oordeel: FactorOordeel }>,
          perspectiefPersoon: review.perspectiefPersoon,
          geland: review.geland === 'ja',
          expectedVersion,
        }),
      )
      .then(
        (ok) =>
          ok &&
          setDone(review.geland === 'ja' ? 'Oordeel vastgelegd: geland.' : 'Oordeel vastgelegd: nog niet geland.'),
      );
  };

  return (
    <section class="landing-panel" aria-labelledby="besluiten-title" id="besluiten">
      <h2 id="besluiten-title" class="utrecht-heading-2">
        Bevestigen en besluiten
      </h2>
      <Show when={done()}>
        <p class="utrecht-paragraph" role="status">
          {done()}
        </p>
      </Show>
      <ProblemAlert message={runner.error()} />
      <confirm.Dialog />
      <Show when={props.overview.openVragen.length > 0}>
        <ul class="utrecht-unordered-list" aria-label="Open vragen">
          <For each={props.overview.openVragen}>
            {(v) => (
              <li>
                {v.wat} ({datum(v.datum)})
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={asks('verhuizing')}>
        <form
          class="utrecht-form landing-form"
          aria-label="Verhuizing bevestigen"
          onSubmit={(e) => void confirmMove(e)}
        >
          <h3 class="utrecht-heading-3">Is de persoon verhuisd?</h3>
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">Verhuizing</legend>
            <label class="utrecht-form-label">
              <input
                type="radio"
                name="verhuisd"
                checked={move.verhuisd === 'ja'}
                onChange={() => setMove('verhuisd', 'ja')}
              />{' '}
              Verhuisd
            </label>
            <label class="utrecht-form-label">
              <input
                type="radio"
                name="verhuisd"
                checked={move.verhuisd === 'nee'}
                onChange={() => setMove('verhuisd', 'nee')}
              />{' '}
              Nog niet verhuisd: nieuwe datum
            </label>
          </fieldset>
          <Show
            when={move.verhuisd === 'ja'}
            fallback={
              <TextInput
                id="nieuwe-verhuisdatum"
                label="Nieuwe verhuisdatum"
                type="date"
                value={move.nieuweDatum}
                onInput={(v) => setMove('nieuweDatum', v)}
                error={err('nieuweDatum') ?? err('verhuisdatum')}
              />
            }
          >
            <TextInput
              id="verhuisd-op"
              label="Verhuisd op"
              type="date"
              value={move.op}
              onInput={(v) => setMove('op', v)}
              error={err('op')}
            />
          </Show>
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
            Verhuizing bevestigen
          </button>
        </form>
      </Show>

      <Show when={omklapOpen()}>
        <form
          class="utrecht-form landing-form"
          aria-label="Besluit over de omklap"
          onSubmit={(e) => void decideOmklap(e)}
        >
          <h3 class="utrecht-heading-3">Besluit over de omklap</h3>
          <p class="utrecht-paragraph">
            Omklap gepland op {props.overview.omklapDatum ? datum(props.overview.omklapDatum) : 'de omklapdatum'}.
            Besluit samen met de corporatie en de persoon.
          </p>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="omklap-besluit">
              Besluit
            </label>
            <select
              id="omklap-besluit"
              class="utrecht-select utrecht-select--html-select"
              onChange={(e) => setOmklap('besluit', e.currentTarget.value as OmklapBesluitSoort)}
            >
              <For each={omklapBesluitSoorten}>
                {(b) => (
                  <option value={b} selected={omklap.besluit === b}>
                    {omklapBesluitLabels[b]}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={omklap.besluit === 'omklap'}>
            <TextInput
              id="omklap-per"
              label="Op naam van de persoon vanaf"
              type="date"
              value={omklap.per}
              onInput={(v) => setOmklap('per', v)}
              error={err('per')}
            />
          </Show>
          <Show when={omklap.besluit === 'uitstel'}>
            <TextInput
              id="omklap-nieuwe-datum"
              label="Nieuwe omklapdatum"
              type="date"
              value={omklap.nieuweDatum}
              onInput={(v) => setOmklap('nieuweDatum', v)}
              error={err('nieuweDatum')}
            />
          </Show>
          <Show when={omklap.besluit !== 'omklap'}>
            <TextInput
              id="omklap-reden"
              label="Reden"
              value={omklap.reden}
              onInput={(v) => setOmklap('reden', v)}
              error={err('reden')}
            />
          </Show>
          <TextInput
            id="omklap-genomen-door"
            label="Besloten door (duo, corporatie, de persoon)"
            value={omklap.genomenDoor}
            onInput={(v) => setOmklap('genomenDoor', v)}
            error={err('genomenDoor')}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
            Besluit vastleggen
          </button>
        </form>
      </Show>

      <Show when={active() && props.transition.verhuisdOp}>
        <form class="utrecht-form landing-form" aria-label="Landingsreview" onSubmit={judge}>
          <h3 class="utrecht-heading-3">Landingsreview: is de persoon geland?</h3>
          <DoelenOverzicht transitionId={props.transition.id} />
          <For each={risicofactoren}>
            {(f) => (
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for={`factor-${f}`}>
                  {risicofactorLabels[f]}
                </label>
                <p class="utrecht-form-field-description">{risicofactorVragen[f]}</p>
                <select
                  id={`factor-${f}`}
                  class="utrecht-select utrecht-select--html-select"
                  onChange={(e) => setReview('factoren', f, e.currentTarget.value as FactorOordeel)}
                >
                  <option value="">Kies</option>
                  <For each={factorOordelen}>{(o) => <option value={o}>{factorOordeelLabels[o]}</option>}</For>
                </select>
                <Show when={err(`factoren.${f}.oordeel`)}>
                  <p class="utrecht-form-field-error-message">{err(`factoren.${f}.oordeel`)}</p>
                </Show>
              </div>
            )}
          </For>
          <TextInput
            id="perspectief-persoon"
            label="Hoe ziet de persoon het zelf?"
            value={review.perspectiefPersoon}
            onInput={(v) => setReview('perspectiefPersoon', v)}
            error={err('perspectiefPersoon')}
          />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="geland">
              Oordeel
            </label>
            <select
              id="geland"
              class="utrecht-select utrecht-select--html-select"
              onChange={(e) => setReview('geland', e.currentTarget.value)}
            >
              <option value="">Kies</option>
              <option value="ja">Geland</option>
              <option value="nee">Nog niet geland</option>
            </select>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={runner.busy()}>
            Oordeel vastleggen
          </button>
        </form>
      </Show>
    </section>
  );
}
