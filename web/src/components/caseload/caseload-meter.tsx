import type { TodayView } from '../../../../shared/api/caseload-schemas';
import { supportLevelLabels, type SupportLevel } from '../../../../shared/domain/support/support';

type Entry = NonNullable<TodayView['caseload']>;
/** A caseload against its capacity: a meter (over capacity in red) and the count per level in words. */
export function CaseloadMeter(props: { entry: Entry }) {
  const over = () => props.entry.trajecten > props.entry.capaciteit;
  const levels = () =>
    Object.entries(props.entry.perNiveau)
      .map(
        ([niveau, n]) =>
          `${n} ${niveau === 'geen' ? 'zonder niveau' : supportLevelLabels[niveau as SupportLevel].toLowerCase()}`,
      )
      .join(', ');
  return (
    <div class="landing-caseload" classList={{ 'landing-caseload--over': over() }}>
      <meter
        min={0}
        max={Math.max(props.entry.capaciteit, props.entry.trajecten)}
        high={props.entry.capaciteit * 0.9}
        optimum={props.entry.capaciteit * 0.5}
        value={props.entry.trajecten}
        aria-label={`Caseload van ${props.entry.begeleider.naam}`}
      />
      <span>
        <strong>
          {props.entry.trajecten} van {props.entry.capaciteit}{' '}
          {props.entry.trajecten === 1 ? 'deelnemer' : 'deelnemers'}
        </strong>{' '}
        ({props.entry.bezetting}%){over() ? ' — boven de capaciteit' : ''}
        {levels() ? ` · ${levels()}` : ''}
      </span>
    </div>
  );
}
