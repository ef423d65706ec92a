import { daysBetween, type IsoDate } from '../common/calendar';
import type { BeeindigingReden, Herkomst } from '../common/vocabulary';
import type { Transition } from '../transition/transition';

/**
 * What outcomes count, derived from a transition's record: each fact happened once, on a day, to one person.
 * Pure: the stream consumer derives them from every new image, the recount from the stored records, and both
 * count a fact once by its id (the transition and the kind; a stay elsewhere also by its start day).
 *
 * The aim is "een goede landing in de wijk" rather than "uitstroom" (Bouwen aan een thuis): so the cohort is
 * the people who moved into an own home in a quarter, and what follows is counted against that move, as
 * Housing First measures it ("80–90 % woont na twee jaar nog steeds zelfstandig").
 */
export const counterNames = [
  'verhuisd',
  'woning-verhuizing-aantal',
  'woning-verhuizing-dagen',
  'terugkeer-0-180',
  'terugkeer-181-365',
  'terugkeer-366-730',
  'terugkeer-na-730',
  'beeindigd-terug-naar-bw-mo',
  'beeindigd-verhuisd-buiten-regio',
  'beeindigd-overleden',
  'beeindigd-wil-niet-meer',
  'beeindigd-anders',
  'omgeklapt',
  'geland',
  'opname-met-woning',
  'opname-zonder-woning',
  'woning-toegewezen',
  'aanmelding-woning-dagen',
] as const;
export type CounterName = (typeof counterNames)[number];

export type FactKind = 'verhuisd' | 'terugkeer' | 'beeindigd' | 'omgeklapt' | 'geland' | 'opname' | 'woning-toegewezen';

/** The quarter a fact belongs to, as `2026-K3` (kwartaal). */
export type Cohort = `${number}-K${1 | 2 | 3 | 4}`;

export interface OutcomeFact {
  /** Stable: the same fact derived again (a redelivered event, a recount) has the same id. */
  id: string;
  kind: FactKind;
  gemeenteCode: string;
  herkomst: Herkomst;
  /** The quarter of the move for what follows a move; of the fact's own day for the woning toegewezen. */
  cohort: Cohort;
  /** What the fact adds to the counters of its municipality, cohort and herkomst. */
  adds: Partial<Record<CounterName, number>>;
}

export function cohortOf(date: IsoDate): Cohort {
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return `${Number(date.slice(0, 4))}-K${quarter as 1 | 2 | 3 | 4}`;
}

/** The first day after a cohort's quarter: a measure N months after the move needs that day plus N months. */
export function cohortEnd(cohort: Cohort): IsoDate {
  const [year, q] = [Number(cohort.slice(0, 4)), Number(cohort.slice(6))];
  return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * A return after the move, within two years in the buckets of HUD's System Performance Measure 2: the first
 * move counts, a return is a later stay in BW or the opvang (an ending with reason terug-naar-bw-mo).
 */
export function returnBucket(daysAfterMove: number): CounterName {
  if (daysAfterMove <= 180) return 'terugkeer-0-180';
  if (daysAfterMove <= 365) return 'terugkeer-181-365';
  if (daysAfterMove <= 730) return 'terugkeer-366-730';
  // Later than two years: kept, so the returns add up to the endings with that reason (nothing is derivable).
  return 'terugkeer-na-730';
}

type FactSource = Pick<
  Transition,
  | 'id'
  | 'gemeenteCode'
  | 'herkomst'
  | 'fase'
  | 'verhuisdOp'
  | 'aanbiedingen'
  | 'beeindiging'
  | 'omklapBesluiten'
  | 'tijdelijkVerblijf'
  | 'createdAt'
>;

/** Every fact a record holds now. A fact that was there once stays (these parts of a record only grow). */
export function factsOf(t: FactSource): OutcomeFact[] {
  const facts: OutcomeFact[] = [];
  const fact = (kind: FactKind, cohort: Cohort, adds: OutcomeFact['adds'], suffix = '') =>
    facts.push({
      id: `${t.id}#${kind}${suffix}`,
      kind,
      gemeenteCode: t.gemeenteCode,
      herkomst: t.herkomst,
      cohort,
      adds,
    });
  const woning = (t.aanbiedingen ?? []).find((a) => a.status === 'geaccepteerd' && a.besluit?.op);
  const toegewezenOp = woning?.besluit?.op;
  if (toegewezenOp) {
    const dagen = Math.max(0, daysBetween(t.createdAt.slice(0, 10), toegewezenOp));
    fact('woning-toegewezen', cohortOf(toegewezenOp), { 'woning-toegewezen': 1, 'aanmelding-woning-dagen': dagen });
  }
  const moved = t.verhuisdOp;
  if (!moved) return facts;
  const cohort = cohortOf(moved);
  fact('verhuisd', cohort, {
    verhuisd: 1,
    ...(toegewezenOp
      ? { 'woning-verhuizing-aantal': 1, 'woning-verhuizing-dagen': Math.max(0, daysBetween(toegewezenOp, moved)) }
      : {}),
  });
  const einde = t.fase === 'beeindigd' ? t.beeindiging : undefined;
  if (einde && einde.op >= moved) {
    fact('beeindigd', cohort, { [`beeindigd-${einde.reden}` satisfies `beeindigd-${BeeindigingReden}`]: 1 });
    if (einde.reden === 'terug-naar-bw-mo')
      fact('terugkeer', cohort, { [returnBucket(daysBetween(moved, einde.op))]: 1 });
  }
  if ((t.omklapBesluiten ?? []).some((b) => b.besluit === 'omklap')) fact('omgeklapt', cohort, { omgeklapt: 1 });
  if (t.fase === 'geland') fact('geland', cohort, { geland: 1 });
  const verblijf = t.tijdelijkVerblijf;
  if (verblijf?.soort === 'opname' && verblijf.sinds >= moved) {
    const counter = verblijf.woningBehouden ? 'opname-met-woning' : 'opname-zonder-woning';
    fact('opname', cohort, { [counter]: 1 }, `#${verblijf.sinds}`);
  }
  return facts;
}

/** Facts the new image holds that the old one did not: what a change adds (the markers make a repeat harmless). */
export function newFacts(oldImage: FactSource | undefined, newImage: FactSource): OutcomeFact[] {
  const before = new Set(oldImage ? factsOf(oldImage).map((f) => f.id) : []);
  return factsOf(newImage).filter((f) => !before.has(f.id));
}
