import { createSignal, For, Show } from 'solid-js';
import type { TransitionOverview } from '../../../../shared/api/contract';
import {
  levensgebieden,
  levensgebiedLabels,
  readinessItems,
  type ReadinessMoment,
} from '../../../../shared/domain/transition/readiness';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { api } from '../../api/client';
import { aantal, datum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from './command-runner';
import { TextInput } from './text-input';

const momentTitels: Record<ReadinessMoment, string> = {
  'voor-woning': 'Vóór de woning',
  'na-woning': 'Als de woning bekend is (bij de verhuizing)',
};

/**
 * Voorbereiding per life domain: tick an item off (today), or open it again. Items about the new wijk come
 * after the woning is known; a municipality's conditions for the woning show with their reason.
 */
export function ReadinessPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const reden = (id: string) => props.overview.gereedheid.verplicht.find((b) => b.item === id)?.reden;
  const woningBekend = () => props.transition.aanbiedingen.some((a) => a.status === 'geaccepteerd');
  const [gedaan, setGedaan] = createSignal<string>();
  const [notitie, setNotitie] = createSignal('');
  const [gedaanOp, setGedaanOp] = createSignal('');
  const toggle = (itemId: string, gedaan: boolean) =>
    void runner
      .run((expectedVersion) =>
        api.transitions.setReadiness(props.transition.id, itemId, {
          gedaan,
          ...(gedaan && notitie() ? { notitie: notitie() } : {}),
          ...(gedaan && gedaanOp() ? { gedaanOp: gedaanOp() } : {}),
          expectedVersion,
        }),
      )
      .then((ok) => {
        if (!ok) return;
        const label = readinessItems.find((i) => i.id === itemId)?.label;
        setGedaan(`${label}: ${gedaan ? 'gedaan' : 'weer open'}.`);
        setNotitie('');
        setGedaanOp('');
      });

  return (
    <section class="landing-panel landing-thumb" aria-labelledby="gereedheid-title">
      <h2 id="gereedheid-title" class="utrecht-heading-2">
        Voorbereiding
      </h2>
      <p class="utrecht-paragraph" role="status">
        {props.overview.gereedheid.done} van {aantal(props.overview.gereedheid.total, 'punt', 'punten')} gedaan.{' '}
        {props.overview.gereedheid.ready
          ? 'De verplichte punten zijn rond.'
          : `Nog ${aantal(props.overview.gereedheid.openBlocking.length, 'verplicht punt', 'verplichte punten')} open voordat er een woning kan komen.`}
      </p>
      <ProblemAlert message={runner.error()} />
      <div class="landing-filters">
        <TextInput
          id="gereed-datum"
          label="Gedaan op (leeg: vandaag)"
          type="date"
          value={gedaanOp()}
          onInput={setGedaanOp}
          error={runner.fieldErrors().gedaanOp}
        />
        <TextInput
          id="gereed-notitie"
          label="Notitie bij het volgende afgevinkte punt"
          value={notitie()}
          onInput={setNotitie}
          error={runner.fieldErrors().notitie}
          enterkeyhint="done"
          autocomplete="off"
        />
      </div>
      <p class="utrecht-paragraph" role="status">
        {gedaan()}
      </p>
      <For each={['voor-woning', 'na-woning'] as const}>
        {(moment) => (
          <>
            <h3 class="utrecht-heading-3">{momentTitels[moment]}</h3>
            <Show when={moment === 'na-woning' && !woningBekend()}>
              <p class="utrecht-paragraph">
                Deze punten gaan over de nieuwe wijk: af te vinken zodra de woning bekend is.
              </p>
            </Show>
            <For
              each={levensgebieden.filter((g) =>
                readinessItems.some((i) => i.levensgebied === g && i.moment === moment),
              )}
            >
              {(gebied) => (
                <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset landing-readiness-group">
                  <legend class="utrecht-form-fieldset__legend">{levensgebiedLabels[gebied]}</legend>
                  <For each={readinessItems.filter((i) => i.levensgebied === gebied && i.moment === moment)}>
                    {(item) => {
                      const check = () => props.transition.gereedheid[item.id];
                      return (
                        <div class="utrecht-form-field utrecht-form-field--checkbox">
                          <input
                            id={`gereed-${item.id}`}
                            type="checkbox"
                            class="utrecht-checkbox utrecht-checkbox--html-input"
                            checked={Boolean(check())}
                            disabled={runner.busy() || (moment === 'na-woning' && !woningBekend() && !check())}
                            onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                          />
                          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`gereed-${item.id}`}>
                            {item.label}
                            {reden(item.id) ? ` (verplicht: ${reden(item.id)})` : ''}
                            {check() ? ` — gedaan op ${datum(check()!.gedaanOp)} door ${check()!.door.naam}` : ''}
                            {check()?.notitie ? ` (${check()!.notitie})` : ''}
                          </label>
                        </div>
                      );
                    }}
                  </For>
                </fieldset>
              )}
            </For>
          </>
        )}
      </For>
    </section>
  );
}
