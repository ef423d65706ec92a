import { isActive, type ActiveFacts } from '../transition/lifecycle';
import { levelOn, supportLevels, type LevelChange, type SupportLevel } from './support';
import type { IsoDate } from '../common/calendar';
import type { Fase } from '../common/vocabulary';

/**
 * Caseload, per team. Housing First found that "voor 2 begeleiders 10 cliënten een passende caseload vormt":
 * ten clients per duo, clients who need intensive support. So each client counts once, whatever the level:
 * weighing intensity on top would count the intensive ten twice. A team of n begeleiders has room for
 * n / 2 × 10 clients; each begeleider is in the duo of each of their clients, so carries about ten.
 * A team that agreed a different number per duo sets it (caseloadConfigFor).
 */
export interface CaseloadConfig {
  clientsPerDuo: number;
}

export const defaultCaseloadConfig: CaseloadConfig = { clientsPerDuo: 10 };

/** Per team, as agreed with its organisation; none differs yet, so every team works with the Housing First ten. */
const teamOverrides: Partial<Record<string, CaseloadConfig>> = {};

export function caseloadConfigFor(organisationId: string, teamId: string | undefined): CaseloadConfig {
  return teamOverrides[`${organisationId}#${teamId ?? ''}`] ?? defaultCaseloadConfig;
}

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
  /** How many are at each level today: shown, not weighed. */
  perNiveau: Partial<Record<SupportLevel | 'geen', number>>;
  /** Clients per duo: each begeleider is in the duo of each of their clients. */
  capaciteit: number;
  /** trajecten / capaciteit, as a percentage. */
  bezetting: number;
}

/** One entry per begeleider named, fullest first; people with no active transition are listed with zero. */
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
      entry.perNiveau[level ?? 'geen'] = (entry.perNiveau[level ?? 'geen'] ?? 0) + 1;
    }
  }
  return [...entries.values()]
    .map((e) => ({ ...e, bezetting: Math.round((e.trajecten / e.capaciteit) * 100) }))
    .sort((a, b) => b.trajecten - a.trajecten || a.begeleider.naam.localeCompare(b.begeleider.naam));
}

export interface TeamCaseload {
  begeleiders: number;
  /** Active transitions of the team, each counted once (a duo shares one). */
  deelnemers: number;
  deelnemersPerDuo: number;
  /** begeleiders / 2 × deelnemersPerDuo. */
  capaciteit: number;
  bezetting: number;
}

/** The team as a whole against its room: ten clients for every two begeleiders. */
export function teamCaseloadOf(
  transitions: readonly CaseloadTransition[],
  staff: readonly { id: string }[],
  config: CaseloadConfig = defaultCaseloadConfig,
): TeamCaseload {
  const deelnemers = transitions.filter((t) => isActive(t)).length;
  const capaciteit = (staff.length / 2) * config.clientsPerDuo;
  return {
    begeleiders: staff.length,
    deelnemers,
    deelnemersPerDuo: config.clientsPerDuo,
    capaciteit,
    bezetting: capaciteit ? Math.round((deelnemers / capaciteit) * 100) : 0,
  };
}

function empty(begeleider: { id: string; naam: string }, config: CaseloadConfig): CaseloadEntry {
  return {
    begeleider: { id: begeleider.id, naam: begeleider.naam },
    trajecten: 0,
    perNiveau: {},
    capaciteit: config.clientsPerDuo,
    bezetting: 0,
  };
}

export const caseloadLevels = [...supportLevels, 'geen'] as const;
