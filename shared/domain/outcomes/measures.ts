import { addDays, addMonths, type IsoDate } from '../common/calendar';
import { herkomsten, type Herkomst } from '../common/vocabulary';
import { cohortEnd, type Cohort, type CounterName } from './facts';
import { suppress, type Relation } from './suppression';

/**
 * The measures of outcomes, per municipality × cohort × herkomst, from the counters; the region is the sum of
 * its municipalities. A view is a slice of the whole region's table, suppressed as a whole (suppression.ts).
 */
export const countMeasures = [
  'verhuisd',
  'thuis-na-6-maanden',
  'thuis-na-12-maanden',
  'thuis-na-24-maanden',
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
] as const;
export const averageMeasures = ['gemiddeld-dagen-aanmelding-woning', 'gemiddeld-dagen-woning-verhuizing'] as const;
export const measures = [...countMeasures, ...averageMeasures] as const;
export type Measure = (typeof measures)[number];
type CountMeasure = (typeof countMeasures)[number];

export const measureLabels: Record<Measure, string> = {
  verhuisd: 'Verhuisd naar een eigen woning',
  'thuis-na-6-maanden': 'Na 6 maanden nog in de eigen woning',
  'thuis-na-12-maanden': 'Na 12 maanden nog in de eigen woning',
  'thuis-na-24-maanden': 'Na 24 maanden nog in de eigen woning',
  'terugkeer-0-180': 'Terug naar BW of opvang binnen 180 dagen',
  'terugkeer-181-365': 'Terug naar BW of opvang na 181–365 dagen',
  'terugkeer-366-730': 'Terug naar BW of opvang na 366–730 dagen',
  'terugkeer-na-730': 'Terug naar BW of opvang na meer dan 730 dagen',
  'beeindigd-terug-naar-bw-mo': 'Beëindigd: terug naar BW of opvang',
  'beeindigd-verhuisd-buiten-regio': 'Beëindigd: verhuisd buiten de regio',
  'beeindigd-overleden': 'Beëindigd: overleden',
  'beeindigd-wil-niet-meer': 'Beëindigd: wil geen ondersteuning meer',
  'beeindigd-anders': 'Beëindigd: anders',
  omgeklapt: 'Huurcontract omgeklapt',
  geland: 'Geland',
  'opname-met-woning': 'Opname, woning behouden',
  'opname-zonder-woning': 'Opname, woning niet behouden',
  'woning-toegewezen': 'Woning toegewezen (in dit kwartaal)',
  'gemiddeld-dagen-aanmelding-woning': 'Gemiddeld dagen van aanmelding tot woning',
  'gemiddeld-dagen-woning-verhuizing': 'Gemiddeld dagen van woning tot verhuizing',
};

/** Months after the move of each "still in the own home" measure, and the return buckets up to then. */
const stillHome = [
  { measure: 'thuis-na-6-maanden', months: 6, from: 'verhuisd', bucket: 'terugkeer-0-180' },
  { measure: 'thuis-na-12-maanden', months: 12, from: 'thuis-na-6-maanden', bucket: 'terugkeer-181-365' },
  { measure: 'thuis-na-24-maanden', months: 24, from: 'thuis-na-12-maanden', bucket: 'terugkeer-366-730' },
] as const;

/** One counter item: a municipality, a cohort, a counter, with its count per herkomst. */
export interface CounterRow {
  gemeenteCode: string;
  cohort: Cohort;
  counter: CounterName;
  perHerkomst: Partial<Record<Herkomst, number>>;
}

export const REGIO = 'regio';
export const ALLE = 'alle';
export type Gebied = string; // a gemeentecode, or REGIO
export type HerkomstOfAlle = Herkomst | typeof ALLE;

export type Cell = { status: 'getal'; waarde: number } | { status: 'afgeschermd' } | { status: 'nog-niet-te-meten' };

/** Hidden: fewer than five people, or a count from which a number under five could be worked out. */
export const cellLabels: Record<Exclude<Cell['status'], 'getal'>, string> = {
  afgeschermd: '< 5 of afgeleid',
  'nog-niet-te-meten': 'nog niet te meten',
};

/** A cohort can be measured N months after the move once its last mover has been in the home that long. */
export function measurable(cohort: Cohort, months: number, today: IsoDate): boolean {
  return addMonths(addDays(cohortEnd(cohort), -1), months) <= today;
}

const key = (gebied: Gebied, cohort: Cohort, herkomst: HerkomstOfAlle, measure: Measure) =>
  `${gebied}|${cohort}|${herkomst}|${measure}`;

export interface OutcomeTable {
  cohorts: Cohort[];
  cell: (gebied: Gebied, cohort: Cohort, herkomst: HerkomstOfAlle, measure: Measure) => Cell;
}

/**
 * The region's table of measures from all its counters, suppressed as a whole. `gemeenten` are the region's
 * municipalities: the region total sums exactly these.
 */
export function outcomeTable(rows: readonly CounterRow[], gemeenten: readonly string[], today: IsoDate): OutcomeTable {
  const raw = new Map<string, number>();
  for (const r of rows) {
    for (const h of herkomsten) {
      const k = `${r.gemeenteCode}|${r.cohort}|${h}|${r.counter}`;
      raw.set(k, (raw.get(k) ?? 0) + (r.perHerkomst[h] ?? 0));
    }
  }
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort();
  const counter = (g: string, c: Cohort, h: Herkomst, name: CounterName) => raw.get(`${g}|${c}|${h}|${name}`) ?? 0;
  const gebieden = [...gemeenten, REGIO];
  const origins: HerkomstOfAlle[] = [...herkomsten, ALLE];
  const counts = new Map<string, number>();
  const relations: Relation[] = [];
  const averages = new Map<string, { sum: number; n: number; basis: string }>();
  const sumOf = (g: Gebied, h: HerkomstOfAlle, f: (gm: string, hk: Herkomst) => number) => {
    let sum = 0;
    for (const gm of g === REGIO ? gemeenten : [g]) for (const hk of h === ALLE ? herkomsten : [h]) sum += f(gm, hk);
    return sum;
  };
  const countOf = (c: Cohort, m: CountMeasure, gm: string, hk: Herkomst): number => {
    const still = stillHome.find((s) => s.measure === m);
    if (!still) return counter(gm, c, hk, m as CounterName);
    const returned = stillHome
      .slice(0, stillHome.indexOf(still) + 1)
      .reduce((n, s) => n + counter(gm, c, hk, s.bucket), 0);
    return counter(gm, c, hk, 'verhuisd') - returned;
  };
  for (const c of cohorts) {
    const shown = countMeasures.filter((m) => {
      const still = stillHome.find((s) => s.measure === m);
      return !still || measurable(c, still.months, today);
    });
    for (const g of gebieden) {
      for (const h of origins) {
        for (const m of shown)
          counts.set(
            key(g, c, h, m),
            sumOf(g, h, (gm, hk) => countOf(c, m, gm, hk)),
          );
        for (const [m, total, n, basis] of [
          ['gemiddeld-dagen-aanmelding-woning', 'aanmelding-woning-dagen', 'woning-toegewezen', 'woning-toegewezen'],
          ['gemiddeld-dagen-woning-verhuizing', 'woning-verhuizing-dagen', 'woning-verhuizing-aantal', 'verhuisd'],
        ] as const) {
          const sum = sumOf(g, h, (gm, hk) => counter(gm, c, hk, total));
          const count = sumOf(g, h, (gm, hk) => counter(gm, c, hk, n));
          averages.set(key(g, c, h, m), { sum, n: count, basis: key(g, c, h, basis) });
        }
        // What became of the people who moved: those still at home, and those who returned in between.
        for (const s of stillHome) {
          if (shown.includes(s.measure))
            relations.push({ total: key(g, c, h, s.from), parts: [key(g, c, h, s.measure), key(g, c, h, s.bucket)] });
        }
        relations.push({
          total: key(g, c, h, 'beeindigd-terug-naar-bw-mo'),
          parts: ['terugkeer-0-180', 'terugkeer-181-365', 'terugkeer-366-730', 'terugkeer-na-730'].map((b) =>
            key(g, c, h, b as Measure),
          ),
        });
      }
    }
    for (const m of shown) {
      for (const h of origins)
        relations.push({ total: key(REGIO, c, h, m), parts: gemeenten.map((g) => key(g, c, h, m)) });
      for (const g of gebieden)
        relations.push({ total: key(g, c, ALLE, m), parts: herkomsten.map((h) => key(g, c, h, m)) });
    }
  }
  const hidden = suppress(counts, relations);
  return {
    cohorts,
    cell(gebied, cohort, herkomst, measure) {
      const k = key(gebied, cohort, herkomst, measure);
      const average = averages.get(k);
      if (average) {
        // An average of fewer than five, or of a hidden count, is not shown: it would tell about a few people.
        if (average.n < 5 || hidden.has(average.basis)) return { status: 'afgeschermd' };
        return { status: 'getal', waarde: Math.round(average.sum / average.n) };
      }
      const n = counts.get(k);
      if (n === undefined)
        return cohorts.includes(cohort) ? { status: 'nog-niet-te-meten' } : { status: 'getal', waarde: 0 };
      return hidden.has(k) ? { status: 'afgeschermd' } : { status: 'getal', waarde: n };
    },
  };
}
