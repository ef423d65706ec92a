import type { OutcomeFact } from '../../shared/domain/outcomes/facts';
import type { CounterRow } from '../../shared/domain/outcomes/measures';

export interface OutcomeStore {
  /** Counts the fact once: false when its marker was there already (counted before). */
  record(fact: OutcomeFact): Promise<boolean>;
  /** Every counter of a municipality: one Query, bounded by its cohorts × counters. */
  counters(gemeenteCode: string): Promise<CounterRow[]>;
}
