import type { TodayView } from '../../../../shared/api/caseload-schemas';
import { supportLevelLabels, type SupportLevel } from '../../../../shared/domain/support/support';

type Entry = NonNullable<TodayView['caseload']>;
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A caseload against its capacity: a meter (over capacity in red) and the count per level in words. */
export function CaseloadMeter(props: { entry: Entry }) {
  const over = () => props.entry.gewogen > props.entry.capaciteit;
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
        max={Math.max(props.entry.capaciteit, props.entry.gewogen)}
        high={props.entry.capaciteit * 0.9}
        optimum={props.entry.capaciteit * 0.5}
        value={props.entry.gewogen}
        aria-label={`Caseload van ${props.entry.begeleider.naam}`}
      />
      <span>
        <strong>
          {getal.format(props.entry.gewogen)} van {getal.format(props.entry.capaciteit)}
        </strong>{' '}
        ({props.entry.bezetting}%){over() ? ' — boven de capaciteit' : ''} · {props.entry.trajecten}{' '}
        {props.entry.trajecten === 1 ? 'traject' : 'trajecten'}
        {levels() ? `: ${levels()}` : ''}
      </span>
    </div>
  );
}
