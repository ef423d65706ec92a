import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conflict } from '../../shared/domain/common/errors';
import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import {
  agreeProfiel,
  newProfielVersie,
  profielFromItems,
  type HerstelCommandContext,
  type HerstelCommandResult,
  type NewProfielInput,
  type ProfielVersie,
} from '../../shared/domain/herstel/profiel';

/**
 * The Persoonlijk Profiel's versions and the person's agreement, over any sequence of new versions and
 * agreements, some of them computed from a plan someone else changed meanwhile (a race). The plan is kept as
 * the store keeps it: a part is written only on the version seen, a new one only where none is, and a part
 * that must be absent must be absent.
 */
const today = '2027-03-10';
const inhoud = (opgesteldMet: string): Omit<NewProfielInput, 'gebaseerdOpVersie'> => ({
  domeinen: {
    wonen: { huidig: 'Ik woon in een studio', wensen: 'Een eigen plek', vroeger: '' },
    werken: { huidig: '', wensen: '', vroeger: '' },
    leren: { huidig: '', wensen: '', vroeger: '' },
    recreeren: { huidig: '', wensen: '', vroeger: '' },
    gezondheid: { huidig: '', wensen: '', vroeger: '' },
    zelfzorg: { huidig: '', wensen: '', vroeger: '' },
    'sociale-contacten': { huidig: '', wensen: '', vroeger: '' },
    zingeving: { huidig: '', wensen: '', vroeger: '' },
  },
  belangrijksteWensen: [{ levensdomein: 'wonen', wens: 'Een eigen plek' }],
  opgesteldMet,
});

function store(items: HerstelItem[], decided: HerstelCommandResult): HerstelItem[] {
  const same = (i: HerstelItem, p: { part: string; id: string }) => i.part === p.part && i.id === p.id;
  const current = items.find((i) => same(i, decided.item));
  if (decided.requireAbsent && items.some((i) => same(i, decided.requireAbsent!))) throw new Conflict('stale');
  if (decided.seenVersie === undefined ? current : current?.versie !== decided.seenVersie) throw new Conflict('stale');
  const versie = (decided.seenVersie ?? 0) + 1;
  return [...items.filter((i) => !same(i, decided.item)), { ...decided.item, versie }];
}

type Step =
  | { kind: 'new'; stale: number; met: string }
  | { kind: 'agree'; versieOffset: number; dayOffset: number }
  | { kind: 'race'; first: Step; second: Step };

const single: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('new' as const),
    stale: fc.constantFrom(0, 0, 1),
    met: fc.constantFrom('Anouk', 'Anouk en Sanne'),
  }),
  fc.record({
    kind: fc.constant('agree' as const),
    versieOffset: fc.constantFrom(0, 0, -1, 1),
    dayOffset: fc.constantFrom(0, -1, -3, 1),
  }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: single },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('race' as const), first: single, second: single }) },
);

const dayFrom = (offset: number) => `2027-03-${String(10 + offset).padStart(2, '0')}`;

function decide(s: Exclude<Step, { kind: 'race' }>, items: readonly HerstelItem[]): HerstelCommandResult {
  const ctx: HerstelCommandContext = { items, today, actor: { id: 'u-sanne', naam: 'Sanne' }, newId: () => 'x' };
  const latest = profielFromItems(items).at(-1)?.versie ?? 0;
  if (s.kind === 'new')
    return newProfielVersie({ ...inhoud(s.met), gebaseerdOpVersie: Math.max(0, latest - s.stale) }, ctx);
  return agreeProfiel({ versie: latest + s.versieOffset, op: dayFrom(s.dayOffset) }, ctx);
}

interface Outcome {
  items: HerstelItem[];
  agreements: { versie: number; latestBefore: number }[];
  /** Each version as it was when a newer one was written next to it. */
  superseded: Map<number, ProfielVersie>;
}

function run(steps: Step[]): Outcome {
  let items: HerstelItem[] = [];
  const agreements: Outcome['agreements'] = [];
  const superseded = new Map<number, ProfielVersie>();
  const apply = (decided: HerstelCommandResult) => {
    const before = profielFromItems(items);
    try {
      items = store(items, decided);
    } catch (error) {
      if (error instanceof Conflict) return;
      throw error;
    }
    const after = profielFromItems(items);
    if (decided.event.type === 'profiel-akkoord')
      agreements.push({ versie: (decided.item.data as ProfielVersie).versie, latestBefore: before.at(-1)!.versie });
    if (after.length > before.length && before.at(-1)) superseded.set(before.at(-1)!.versie, before.at(-1)!);
  };
  const attempt = (s: Exclude<Step, { kind: 'race' }>, seen: readonly HerstelItem[]) => {
    try {
      apply(decide(s, seen));
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  };
  for (const s of steps) {
    if (s.kind === 'race') {
      // Both decided on the same plan; the second is written after the first.
      const seen = items;
      attempt(s.first as Exclude<Step, { kind: 'race' }>, seen);
      attempt(s.second as Exclude<Step, { kind: 'race' }>, seen);
    } else attempt(s, items);
  }
  return { items, agreements, superseded };
}

describe('Persoonlijk Profiel: versions and agreement', () => {
  it('versions grow by one from 1, and a version never changes once a newer one is written', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { items, superseded } = run(steps);
        const versies = profielFromItems(items);
        expect(versies.map((v) => v.versie)).toEqual(versies.map((_, i) => i + 1));
        for (const [n, was] of superseded) expect(versies[n - 1]).toEqual(was);
      }),
    );
  });

  it('agreement only ever lands on the latest version, even when a new version is written meanwhile', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { agreements } = run(steps);
        for (const a of agreements) expect(a.versie).toBe(a.latestBefore);
      }),
    );
  });

  it('any sequence keeps at most one agreement per version, never in the future', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { items, agreements } = run(steps);
        const versies = agreements.map((a) => a.versie);
        expect(new Set(versies).size).toBe(versies.length);
        for (const v of profielFromItems(items)) if (v.akkoordPersoonOp) expect(v.akkoordPersoonOp <= today).toBe(true);
      }),
    );
  });
});
