import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/common/calendar';
import { beeindigingRedenen, herkomsten, type Herkomst } from '../../shared/domain/common/vocabulary';
import { factsOf, newFacts, type Cohort, type CounterName, type OutcomeFact } from '../../shared/domain/outcomes/facts';
import {
  ALLE,
  countMeasures,
  outcomeTable,
  REGIO,
  type CounterRow,
  type Measure,
} from '../../shared/domain/outcomes/measures';
import { derivable, suppress, type Relation } from '../../shared/domain/outcomes/suppression';
import { gemeenteCodes } from '../../shared/domain/organisation/municipalities';
import type { Transition } from '../../shared/domain/transition/transition';

type Image = Parameters<typeof factsOf>[0];
const GEMEENTEN = gemeenteCodes.slice(0, 4);

/** One transition's life as the images its changes stored, oldest first (what the stream hands on). */
const life = (id: string) =>
  fc
    .record({
      gemeenteCode: fc.constantFrom(...GEMEENTEN),
      herkomst: fc.constantFrom(...herkomsten),
      start: fc.integer({ min: 0, max: 700 }),
      toWoning: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
      toMove: fc.integer({ min: 1, max: 90 }),
      stays: fc.array(fc.record({ after: fc.integer({ min: 0, max: 800 }), kept: fc.boolean() }), { maxLength: 2 }),
      omklap: fc.boolean(),
      end: fc.option(
        fc.record({ after: fc.integer({ min: 0, max: 900 }), reden: fc.constantFrom(...beeindigingRedenen) }),
        { nil: undefined },
      ),
      geland: fc.boolean(),
    })
    .map((p): Image[] => {
      const created = addDays('2024-01-01', p.start);
      let t: Image = {
        id,
        gemeenteCode: p.gemeenteCode,
        herkomst: p.herkomst,
        fase: 'aanmelding',
        aanbiedingen: [],
        omklapBesluiten: [],
        createdAt: `${created}T09:00:00.000Z`,
      };
      const images = [t];
      const next = (change: Partial<Image>) => {
        t = { ...t, ...change };
        images.push(t);
      };
      if (p.toWoning === undefined) return images;
      const woningOp = addDays(created, p.toWoning);
      const aanbieding = { status: 'geaccepteerd', besluit: { op: woningOp } } as Transition['aanbiedingen'][number];
      next({ fase: 'woning', aanbiedingen: [aanbieding] });
      const moved = addDays(woningOp, p.toMove);
      next({ fase: 'landing', verhuisdOp: moved });
      for (const s of p.stays) {
        next({ tijdelijkVerblijf: { soort: 'opname', sinds: addDays(moved, s.after), woningBehouden: s.kept } });
        next({ tijdelijkVerblijf: undefined });
      }
      if (p.omklap)
        next({ omklapBesluiten: [{ besluit: 'omklap', op: moved } as Transition['omklapBesluiten'][number]] });
      if (p.end) {
        const op = addDays(moved, p.end.after);
        next({ fase: 'beeindigd', beeindiging: { reden: p.end.reden, op } as Transition['beeindiging'] });
      } else if (p.geland) next({ fase: 'geland' });
      return images;
    });

/** The counters as the consumer keeps them: a fact adds once, by its marker. */
function count(facts: Iterable<OutcomeFact>, markers = new Set<string>(), into = new Map<string, number>()) {
  for (const f of facts) {
    if (markers.has(f.id)) continue;
    markers.add(f.id);
    for (const [name, n] of Object.entries(f.adds)) {
      const k = `${f.gemeenteCode}|${f.cohort}|${f.herkomst}|${name}`;
      into.set(k, (into.get(k) ?? 0) + (n ?? 0));
    }
  }
  return into;
}

const withoutStays = (m: Map<string, number>) => new Map([...m].filter(([k]) => !k.includes('|opname-')));

describe('outcome counters', () => {
  it('kept from the stream, with redeliveries, equal a recount from the final records', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }).chain((ids) =>
          fc.tuple(
            fc.tuple(...ids.map((_, i) => life(`t${i}`))),
            fc.array(fc.nat(), { maxLength: 30 }), // which changes are delivered again, later
          ),
        ),
        ([lives, redeliveries]) => {
          // The stream: each transition's changes in order, transitions interleaved, some changes again.
          const changes = lives.flatMap((images) =>
            images.map((image, i) => ({ old: i ? images[i - 1] : undefined, image })),
          );
          const delivered = [...changes, ...redeliveries.map((r) => changes[r % changes.length]!)];
          // Order within one transition is kept by the stream (one shard per key).
          const perTransition = new Map<string, typeof delivered>();
          for (const d of delivered) perTransition.set(d.image.id, [...(perTransition.get(d.image.id) ?? []), d]);
          const markers = new Set<string>();
          const counters = new Map<string, number>();
          for (const list of perTransition.values())
            for (const d of list) count(newFacts(d.old, d.image), markers, counters);
          const recount = count(lives.flatMap((images) => factsOf(images.at(-1)!)));
          expect(withoutStays(counters)).toEqual(withoutStays(recount));
          // A stay elsewhere is history the final record no longer holds: each one is counted once.
          const stays = new Set(lives.flatMap((images) => images.flatMap((t) => factsOf(t))).map((f) => f.id));
          const stayFacts = [...stays].filter((id) => id.includes('#opname#')).length;
          const stayCount = [...counters].filter(([k]) => k.includes('|opname-')).reduce((n, [, v]) => n + v, 0);
          expect(stayCount).toBe(stayFacts);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const rowsOf = (counters: Map<string, number>): CounterRow[] => {
  const rows = new Map<string, CounterRow>();
  for (const [k, n] of counters) {
    const [gemeenteCode, cohort, herkomst, counter] = k.split('|') as [string, Cohort, Herkomst, CounterName];
    const rk = `${gemeenteCode}|${cohort}|${counter}`;
    const row = rows.get(rk) ?? { gemeenteCode, cohort, counter, perHerkomst: {} };
    row.perHerkomst[herkomst] = (row.perHerkomst[herkomst] ?? 0) + n;
    rows.set(rk, row);
  }
  return [...rows.values()];
};

describe('suppression', () => {
  it('hides every count of 1 to 4, and leaves no hidden count derivable from the relations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 12, maxLength: 12 }),
        (a, b) => {
          // Two 3×4 tables with row, column and grand totals, sharing a row (two views of one table).
          const cells = new Map<string, number>();
          const relations: Relation[] = [];
          for (const [t, values] of [
            ['a', a],
            ['b', b],
          ] as const) {
            for (const [i, v] of values.entries()) cells.set(`${t}${Math.floor(i / 4)}${i % 4}`, v);
            for (let r = 0; r < 3; r++) {
              const parts = [0, 1, 2, 3].map((c) => `${t}${r}${c}`);
              cells.set(
                `${t}${r}T`,
                parts.reduce((s, p) => s + cells.get(p)!, 0),
              );
              relations.push({ total: `${t}${r}T`, parts });
            }
            for (let c = 0; c < 4; c++) {
              const parts = [0, 1, 2].map((r) => `${t}${r}${c}`);
              cells.set(
                `${t}T${c}`,
                parts.reduce((s, p) => s + cells.get(p)!, 0),
              );
              relations.push({ total: `${t}T${c}`, parts });
            }
          }
          for (let c = 0; c < 4; c++) {
            relations.push({ total: `s${c}`, parts: [`a0${c}`, `b0${c}`] });
            cells.set(`s${c}`, a[c]! + b[c]!);
          }
          const hidden = suppress(cells, relations);
          for (const [k, n] of cells) if (n > 0 && n < 5) expect(hidden.has(k)).toBe(true);
          expect(derivable(cells, relations, hidden)).toEqual(new Set());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the region and a municipality, differenced, never give away a hidden count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.constantFrom(...herkomsten), fc.integer({ min: 0, max: 8 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (entries) => {
          const counters = new Map<string, number>();
          for (const [g, h, n] of entries) {
            const gm = GEMEENTEN[g]!;
            for (const name of ['verhuisd', 'geland', 'terugkeer-0-180', 'beeindigd-terug-naar-bw-mo'] as const) {
              const k = `${gm}|2024-K1|${h}|${name}`;
              counters.set(k, (counters.get(k) ?? 0) + (name === 'verhuisd' ? n + 2 : n));
            }
          }
          const table = outcomeTable(rowsOf(counters), GEMEENTEN, '2026-12-01');
          const value = (g: string, h: Herkomst | typeof ALLE, m: Measure) => {
            const cell = table.cell(g, '2024-K1', h, m);
            return cell.status === 'getal' ? cell.waarde : undefined;
          };
          // The attacker: every total the views show minus the parts they show.
          const origins = [...herkomsten, ALLE] as const;
          for (const m of countMeasures.filter((x) => !x.startsWith('thuis'))) {
            for (const h of origins) {
              const region = value(REGIO, h, m);
              const parts = GEMEENTEN.map((g) => value(g, h, m));
              expect(region === undefined || parts.filter((p) => p === undefined).length !== 1).toBe(true);
            }
            for (const g of [...GEMEENTEN, REGIO]) {
              const all = value(g, ALLE, m);
              const parts = herkomsten.map((h) => value(g, h, m));
              expect(all === undefined || parts.filter((p) => p === undefined).length !== 1).toBe(true);
            }
          }
          expect(table.cohorts).toEqual(['2024-K1']);
        },
      ),
      { numRuns: 100 },
    );
  });
});
