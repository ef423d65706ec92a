import { For } from 'solid-js';
import type { Budget } from '../../../../shared/domain/regelbudget/regelbudget-schemas';
import { centsToEuro } from '../transition/command-runner';

const segments = [
  { key: 'betaaldCent', label: 'Betaald', className: 'landing-bar--betaald' },
  { key: 'goedgekeurdCent', label: 'Goedgekeurd', className: 'landing-bar--goedgekeurd' },
  { key: 'gereserveerdCent', label: 'Gereserveerd', className: 'landing-bar--gereserveerd' },
  { key: 'vrijCent', label: 'Vrij', className: 'landing-bar--vrij' },
] as const;

/** The balance as a bar of the granted amount, with the same figures as text for everyone who cannot see it. */
export function BudgetBar(props: { budget: Budget }) {
  const share = (cents: number) => (props.budget.toegekendCent ? (100 * cents) / props.budget.toegekendCent : 0);
  return (
    <figure class="landing-budget">
      <div class="landing-bar" aria-hidden="true">
        <For each={segments}>
          {(s) => (
            <span class={`landing-bar__part ${s.className}`} style={{ width: `${share(props.budget[s.key])}%` }} />
          )}
        </For>
      </div>
      <figcaption>
        <dl class="landing-budget__legend">
          <div>
            <dt>Toegekend</dt>
            <dd>{centsToEuro(props.budget.toegekendCent)}</dd>
          </div>
          <For each={segments}>
            {(s) => (
              <div>
                <dt>
                  <span class={`landing-swatch ${s.className}`} aria-hidden="true" /> {s.label}
                </dt>
                <dd>{centsToEuro(props.budget[s.key])}</dd>
              </div>
            )}
          </For>
        </dl>
      </figcaption>
    </figure>
  );
}
