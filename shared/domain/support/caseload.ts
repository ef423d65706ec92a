import { isActive, type ActiveFacts } from '../transition/lifecycle';
import {
  levelOn,
  longOnIntensief,
  supportLevels,
  type LevelChange,
  type SupportConfig,
  type SupportLevel,
} from './support';
import type { IsoDate } from '../common/calendar';
import type { Fase } from '../common/vocabulary';

/**
 * Caseload: each begeleider's active transitions, weighted by the intensity of support, against a capacity.
 * Housing First works with about 10 clients per duo: both begeleiders of a duo carry each of them, so a
 * begeleider's capacity is about 10 clients at regulier. Someone on intensief weighs twice that, someone on
 * waakvlam a quarter. A transition without a level yet weighs as regulier.
 */
export interface CaseloadConfig {
  weights: Record<SupportLevel, number>;
  capacity: number;
}

export const defaultCaseloadConfig: CaseloadConfig = {
  weights: { intensief: 2, verhoogd: 1.5, regulier: 1, licht: 0.5, waakvlam: 0.25, afgeschaald: 0 },
  capacity: 10,
};

export interface CaseloadTransition {
  id: string;
  persoon: { voornaam: string; achternaam: string };
  fase: Fase;
  nazorg?: ActiveFacts['nazorg'];
  begeleiders: { id: string; naam: string }[];
  niveaus: LevelChange[];
}

export interface CaseloadEntry {
  begeleider: { id: string; naam: string };
  /** Active transitions this begeleider is part of. */
  trajecten: number;
  perNiveau: Partial<Record<SupportLevel | 'geen', number>>;
  gewogen: number;
  capaciteit: number;
  /** gewogen / capaciteit, as a percentage. */
  bezetting: number;
}

export function weightOf(
  niveaus: readonly LevelChange[],
  today: IsoDate,
  config: CaseloadConfig = defaultCaseloadConfig,
): number {
  const level = levelOn(niveaus, today);
  return level ? config.weights[level] : config.weights.regulier;
}

/** One entry per begeleider named, heaviest first; people with no active transition are listed with zero. */
export function caseloadOf(
  transitions: readonly CaseloadTransition[],
  staff: readonly { id: string; naam: string }[],
  today: IsoDate,
  config: CaseloadConfig = defaultCaseloadConfig,
): CaseloadEntry[] {
  const entries = new Map(staff.map((s) => [s.id, empty(s, config)]));
  for (const t of transitions.filter((t) => isActive(t))) {
    const level = levelOn(t.niveaus, today);
    for (const b of t.begeleiders) {
      const entry = entries.get(b.id) ?? entries.set(b.id, empty(b, config)).get(b.id)!;
      entry.trajecten += 1;
      entry.gewogen += weightOf(t.niveaus, today, config);
      entry.perNiveau[level ?? 'geen'] = (entry.perNiveau[level ?? 'geen'] ?? 0) + 1;
    }
  }
  return [...entries.values()]
    .map((e) => ({
      ...e,
      gewogen: Math.round(e.gewogen * 100) / 100,
      bezetting: Math.round((e.gewogen / e.capaciteit) * 100),
    }))
    .sort((a, b) => b.gewogen - a.gewogen || a.begeleider.naam.localeCompare(b.begeleider.naam));
}

/** Active transitions that stayed on intensief longer than the provider allows: afschalen is a plan too. */
export function longOnIntensiefOf(transitions: readonly CaseloadTransition[], today: IsoDate, config: SupportConfig) {
  return (
    transitions
      .filter((t) => isActive(t))
      // Names only: a summary's persoon carries the date of birth too, which this list does not show.
      .map((t) => ({
        transitionId: t.id,
        persoon: { voornaam: t.persoon.voornaam, achternaam: t.persoon.achternaam },
        begeleiders: t.begeleiders.map(({ id, naam }) => ({ id, naam })),
        dagen: longOnIntensief(t.niveaus, today, config),
      }))
      .filter((t): t is typeof t & { dagen: number } => t.dagen !== undefined)
      .sort((a, b) => b.dagen - a.dagen)
  );
}

function empty(begeleider: { id: string; naam: string }, config: CaseloadConfig): CaseloadEntry {
  return {
    begeleider: { id: begeleider.id, naam: begeleider.naam },
    trajecten: 0,
    perNiveau: {},
    gewogen: 0,
    capaciteit: config.capacity,
    bezetting: 0,
  };
}

export const caseloadLevels = [...supportLevels, 'geen'] as const;
