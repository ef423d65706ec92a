import { For, Show } from 'solid-js';
import { supportLevelLabels, supportLevels, type LevelSpan } from '../../../../shared/domain/support/support';
import { daysBetween, todayInNetherlands } from '../../../../shared/domain/common/calendar';
import type { Signal } from '../../../../shared/domain/signals/signal-schemas';
import { datum } from '../../format';

const WIDTH = 720;
const ROW = 22;
const LEFT = 180;

/**
 * The intensity over time as a step chart (SVG: no chart library needed for one step line), with the move
 * date, today and the signals (a dot in the colour of their phase) marked; the same history follows as a
 * list for screen readers.
 */
export function SupportChart(props: {
  spans: LevelSpan[];
  today: string;
  verhuisdatum?: string | undefined;
  signals?: readonly Pick<Signal, 'id' | 'at' | 'fase' | 'omschrijving'>[];
}) {
  const start = () => props.spans[0]?.van ?? props.today;
  const end = () => props.spans.at(-1)?.tot ?? props.today;
  const total = () => Math.max(1, daysBetween(start(), end()) + 1);
  const dayWidth = () => (WIDTH - LEFT - 10) / total();
  const x = (date: string) => LEFT + dayWidth() * daysBetween(start(), date);
  const y = (level: string) => 10 + ROW * supportLevels.indexOf(level as (typeof supportLevels)[number]) + ROW / 2;
  const height = 20 + ROW * supportLevels.length;
  const path = () =>
    props.spans
      .map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.van)},${y(s.niveau)} L${x(s.tot) + dayWidth()},${y(s.niveau)}`)
      .join(' ');
  const shownSignals = () =>
    (props.signals ?? []).filter((s) => s.fase !== 'groen' && inRange(todayInNetherlands(new Date(s.at))));
  const inRange = (date: string) => date >= start() && date <= end();
  const marker = (date: string | undefined, label: string) =>
    date && inRange(date) ? (
      <g>
        <line x1={x(date)} x2={x(date)} y1={6} y2={height - 6} class="landing-chart__marker" />
        <text x={x(date) + 4} y={height - 4} class="landing-chart__label">
          {label}
        </text>
      </g>
    ) : null;
  return (
    <figure class="landing-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Intensiteit van de ondersteuning in de tijd">
        <For each={supportLevels}>
          {(level) => (
            <>
              <line x1={LEFT} x2={WIDTH - 10} y1={y(level)} y2={y(level)} class="landing-chart__grid" />
              <text x={LEFT - 8} y={y(level) + 4} text-anchor="end" class="landing-chart__label">
                {supportLevelLabels[level]}
              </text>
            </>
          )}
        </For>
        <path d={path()} class="landing-chart__line" />
        {marker(props.verhuisdatum, 'verhuizing')}
        {marker(props.today, 'vandaag')}
        <For each={shownSignals()}>
          {(s) => (
            <circle
              cx={x(todayInNetherlands(new Date(s.at))) + dayWidth() / 2}
              cy={6}
              r={4}
              class={`landing-chart__signal landing-chart__signal--${s.fase}`}
            >
              <title>{`Signaal (${s.fase}), ${datum(s.at)}: ${s.omschrijving}`}</title>
            </circle>
          )}
        </For>
      </svg>
      <figcaption>
        <Show
          when={props.spans.length > 0}
          fallback={<p class="utrecht-paragraph">Nog geen ondersteuning vastgelegd.</p>}
        >
          <ul class="utrecht-unordered-list landing-muted" aria-label="Niveaus in de tijd">
            <For each={props.spans}>
              {(s) => (
                <li class="utrecht-unordered-list__item">
                  {supportLevelLabels[s.niveau]}: {datum(s.van)} tot en met {datum(s.tot)} (
                  {daysBetween(s.van, s.tot) + 1} dagen
                  {s.van <= props.today && s.tot > props.today
                    ? `, waarvan ${daysBetween(s.van, props.today) + 1} tot nu`
                    : ''}
                  )
                </li>
              )}
            </For>
          </ul>
          <Show when={shownSignals().length > 0}>
            <p class="utrecht-paragraph landing-muted">
              Signalen in deze periode: {shownSignals().filter((s) => s.fase === 'rood').length} rood,{' '}
              {shownSignals().filter((s) => s.fase === 'oranje').length} oranje.
            </p>
          </Show>
        </Show>
      </figcaption>
    </figure>
  );
}
