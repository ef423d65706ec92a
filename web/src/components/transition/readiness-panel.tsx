import { createSignal, For } from 'solid-js';
import type { TransitionOverview } from '../../../../shared/api/contract';
import { levensgebieden, levensgebiedLabels, readinessItems } from '../../../../shared/domain/transition/readiness';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { api } from '../../api/client';
import { datum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from './command-runner';
import { TextInput } from './text-input';

/** Voorbereiding per life domain: tick an item off (today), or open it again. */
export function ReadinessPanel(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const blocking = () => new Set<string>(props.overview.gereedheid.openBlocking);
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
        setNotitie('');
        setGedaanOp('');
      });

  return (
    <section class="landing-panel" aria-labelledby="gereedheid-title">
      <h2 id="gereedheid-title" class="utrecht-heading-2">
        Voorbereiding
      </h2>
      <p class="utrecht-paragraph" role="status">
        {props.overview.gereedheid.done} van {props.overview.gereedheid.total} punten gedaan.{' '}
        {props.overview.gereedheid.ready
          ? 'De verplichte punten zijn rond.'
          : `Nog ${props.overview.gereedheid.openBlocking.length} verplichte punten open voordat er een woning kan komen.`}
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
        />
      </div>
      <For each={levensgebieden.filter((g) => readinessItems.some((i) => i.levensgebied === g))}>
        {(gebied) => (
          <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset landing-readiness-group">
            <legend class="utrecht-form-fieldset__legend">{levensgebiedLabels[gebied]}</legend>
            <For each={readinessItems.filter((i) => i.levensgebied === gebied)}>
              {(item) => {
                const check = () => props.transition.gereedheid[item.id];
                return (
                  <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input
                      id={`gereed-${item.id}`}
                      type="checkbox"
                      class="utrecht-checkbox utrecht-checkbox--html-input"
                      checked={Boolean(check())}
                      disabled={runner.busy()}
                      onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                    />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for={`gereed-${item.id}`}>
                      {item.label}
                      {blocking().has(item.id) ? ' (verplicht)' : ''}
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
    </section>
  );
}
