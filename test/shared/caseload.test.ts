import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/common/calendar';
import {
  caseloadOf,
  defaultCaseloadConfig,
  longOnIntensiefOf,
  weightOf,
  type CaseloadTransition,
} from '../../shared/domain/support/caseload';
import { isActive } from '../../shared/domain/transition/lifecycle';
import {
  defaultSupportConfig,
  levelOn,
  supportLevels,
  type LevelChange,
  type SupportLevel,
} from '../../shared/domain/support/support';
import { fases, type Fase } from '../../shared/domain/common/vocabulary';

const today = '2027-03-10';
const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
const youssef = { id: 'u-youssef', naam: 'Youssef El Amrani' };
const ahmed = { id: 'u-ahmed', naam: 'Ahmed Bakker' };

let count = 0;
function transition(niveaus: LevelChange[], begeleiders = [sanne], fase: Fase = 'landing'): CaseloadTransition {
  count += 1;
  return { id: `t-${count}`, persoon: { voornaam: 'Piet', achternaam: `Visser ${count}` }, fase, begeleiders, niveaus };
}
const from = (niveau: SupportLevel, vanaf: string, tot?: string): LevelChange => ({
  niveau,
  vanaf,
  ...(tot ? { tot } : {}),
});
const entryOf = (entries: ReturnType<typeof caseloadOf>, id: string) => entries.find((e) => e.begeleider.id === id);

describe('weight of a transition', () => {
  it('weighs by the level on the day: intensief 2, waakvlam a quarter, no level yet as regulier', () => {
    expect(weightOf([from('intensief', '2027-01-01')], today)).toBe(2);
    expect(weightOf([from('waakvlam', '2027-01-01')], today)).toBe(0.25);
    expect(weightOf([from('regulier', '2027-01-01')], today)).toBe(1);
    expect(weightOf([], today)).toBe(1);
    // A level that starts tomorrow does not weigh yet; before any level starts, the transition weighs as regulier.
    expect(weightOf([from('licht', '2027-01-01'), from('intensief', '2027-03-11')], today)).toBe(0.5);
    expect(weightOf([from('intensief', '2027-03-11')], today)).toBe(1);
  });

  it('counts a temporary scale-up only while it lasts (its last day included)', () => {
    const niveaus = [from('regulier', '2027-01-01'), from('intensief', '2027-03-01', today)];
    expect(weightOf(niveaus, '2027-02-28')).toBe(1);
    expect(weightOf(niveaus, today)).toBe(2);
    expect(weightOf(niveaus, '2027-03-11')).toBe(1);
  });

  it('uses the weights of the config it is given', () => {
    const config = { ...defaultCaseloadConfig, weights: { ...defaultCaseloadConfig.weights, intensief: 3 } };
    expect(weightOf([from('intensief', '2027-01-01')], today, config)).toBe(3);
  });
});

describe('caseload per begeleider', () => {
  it('adds up the weights of the transitions of a begeleider and counts them per level', () => {
    const [entry] = caseloadOf(
      [transition([from('intensief', '2027-01-01')]), transition([from('waakvlam', '2027-01-01')]), transition([])],
      [sanne],
      today,
    );
    expect(entry).toEqual({
      begeleider: sanne,
      trajecten: 3,
      perNiveau: { intensief: 1, waakvlam: 1, geen: 1 },
      gewogen: 3.25,
      capaciteit: 10,
      bezetting: 33,
    });
  });

  it('weighs a temporary scale-up while it lasts and the level before it after it ended', () => {
    const scaledUp = transition([from('regulier', '2027-01-01'), from('intensief', '2027-03-01', '2027-03-10')]);
    expect(entryOf(caseloadOf([scaledUp], [sanne], '2027-03-10'), sanne.id)).toMatchObject({
      gewogen: 2,
      perNiveau: { intensief: 1 },
    });
    expect(entryOf(caseloadOf([scaledUp], [sanne], '2027-03-11'), sanne.id)).toMatchObject({
      gewogen: 1,
      perNiveau: { regulier: 1 },
    });
  });

  it('lets both begeleiders of a duo carry the client in full', () => {
    const entries = caseloadOf(
      [transition([from('intensief', '2027-01-01')], [sanne, youssef])],
      [sanne, youssef],
      today,
    );
    expect(entryOf(entries, sanne.id)).toMatchObject({ trajecten: 1, gewogen: 2 });
    expect(entryOf(entries, youssef.id)).toMatchObject({ trajecten: 1, gewogen: 2 });
  });

  it('does not count transitions that ended or were handed over after geland', () => {
    const intensief = [from('intensief', '2027-01-01')];
    const [entry] = caseloadOf(
      [transition(intensief, [sanne], 'geland'), transition(intensief, [sanne], 'beeindigd')],
      [sanne],
      today,
    );
    expect(entry).toEqual({ begeleider: sanne, trajecten: 0, perNiveau: {}, gewogen: 0, capaciteit: 10, bezetting: 0 });
  });

  it('counts transitions in every active phase', () => {
    const active = (['aanmelding', 'voorbereiding', 'woning', 'verhuizing', 'landing', 'omklap'] as const).map((fase) =>
      transition([], [sanne], fase),
    );
    expect(entryOf(caseloadOf(active, [sanne], today), sanne.id)?.trajecten).toBe(6);
  });

  it('lists a begeleider without transitions with zero', () => {
    const entries = caseloadOf([transition([from('regulier', '2027-01-01')])], [sanne, youssef], today);
    expect(entries).toHaveLength(2);
    expect(entryOf(entries, youssef.id)).toEqual({
      begeleider: youssef,
      trajecten: 0,
      perNiveau: {},
      gewogen: 0,
      capaciteit: 10,
      bezetting: 0,
    });
  });

  it('sorts the heaviest caseload first, equal loads by name', () => {
    const entries = caseloadOf(
      [
        transition([from('waakvlam', '2027-01-01')], [sanne]),
        transition([from('intensief', '2027-01-01')], [youssef]),
        transition([from('waakvlam', '2027-01-01')], [ahmed]),
      ],
      [sanne, youssef, ahmed],
      today,
    );
    expect(entries.map((e) => e.begeleider.naam)).toEqual(['Youssef El Amrani', 'Ahmed Bakker', 'Sanne de Vries']);
  });

  it('gives the occupation as a whole percentage of the capacity, so someone over capacity stands out', () => {
    const intensief = Array.from({ length: 6 }, () => transition([from('intensief', '2027-01-01')], [sanne]));
    const regulier = Array.from({ length: 5 }, () => transition([from('regulier', '2027-01-01')], [youssef]));
    const entries = caseloadOf([...intensief, ...regulier], [sanne, youssef], today);
    const over = entries.filter((e) => e.gewogen > e.capaciteit);
    expect(over.map((e) => e.begeleider.id)).toEqual([sanne.id]);
    expect(entryOf(entries, sanne.id)).toMatchObject({ trajecten: 6, gewogen: 12, capaciteit: 10, bezetting: 120 });
    expect(entryOf(entries, youssef.id)).toMatchObject({ trajecten: 5, gewogen: 5, bezetting: 50 });
  });

  it('measures against the capacity of the config it is given', () => {
    const [entry] = caseloadOf([transition([from('regulier', '2027-01-01')])], [sanne], today, {
      ...defaultCaseloadConfig,
      capacity: 4,
    });
    expect(entry).toMatchObject({ capaciteit: 4, bezetting: 25 });
  });
});

describe('long on intensief', () => {
  // maxDaysIntensief is 90: a transition on intensief since 91 days (today included) is flagged.
  const since = (days: number) => addDays(today, -(days - 1));

  it('lists active transitions on intensief longer than the allowed period, longest first', () => {
    const t91 = transition([from('intensief', since(91))], [sanne, youssef]);
    const t120 = transition([from('regulier', '2026-01-01'), from('intensief', since(120))]);
    const t90 = transition([from('intensief', since(90))]);
    const result = longOnIntensiefOf([t91, t90, t120], today, defaultSupportConfig);
    expect(result).toEqual([
      { transitionId: t120.id, persoon: t120.persoon, begeleiders: [sanne], dagen: 120 },
      { transitionId: t91.id, persoon: t91.persoon, begeleiders: [sanne, youssef], dagen: 91 },
    ]);
  });

  it('leaves out transitions that are no longer active, no longer on intensief, or never were', () => {
    const long = [from('intensief', since(200))];
    const ended = transition([from('regulier', '2026-01-01'), from('intensief', since(200), addDays(today, -1))]);
    const result = longOnIntensiefOf(
      [
        transition(long, [sanne], 'geland'),
        transition(long, [sanne], 'beeindigd'),
        ended,
        transition([from('verhoogd', since(200))]),
        transition([]),
      ],
      today,
      defaultSupportConfig,
    );
    expect(result).toEqual([]);
  });

  it('shows the person by name only, even when the transition it is given carries a date of birth', () => {
    const summary = {
      ...transition([from('intensief', since(100))]),
      persoon: { voornaam: 'Piet', achternaam: 'Visser', geboortedatum: '1990-04-01' },
    };
    expect(longOnIntensiefOf([summary], today, defaultSupportConfig)[0]?.persoon).toEqual({
      voornaam: 'Piet',
      achternaam: 'Visser',
    });
  });

  it('uses the maximum of the provider config', () => {
    const t = transition([from('intensief', since(40))]);
    expect(longOnIntensiefOf([t], today, defaultSupportConfig)).toEqual([]);
    expect(
      longOnIntensiefOf([t], today, { ...defaultSupportConfig, maxDaysIntensief: 30 }).map((l) => l.dagen),
    ).toEqual([40]);
  });
});

describe('caseload properties', () => {
  const staff = [sanne, youssef, ahmed];
  const date = fc.integer({ min: -120, max: 120 }).map((d) => addDays(today, d));
  const change = fc
    .record({
      niveau: fc.constantFrom(...supportLevels),
      vanaf: date,
      tot: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    })
    .map(
      ({ niveau, vanaf, tot }): LevelChange => ({
        niveau,
        vanaf,
        ...(tot !== undefined ? { tot: addDays(vanaf, tot) } : {}),
      }),
    );
  const arbTransition = fc
    .record({
      fase: fc.constantFrom(...fases),
      niveaus: fc.array(change, { maxLength: 4 }),
      begeleiders: fc.uniqueArray(fc.constantFrom(...staff), { minLength: 1, maxLength: 2, selector: (b) => b.id }),
    })
    .map(({ fase, niveaus, begeleiders }) => transition(niveaus, begeleiders, fase));

  it('the total weighted load is the sum over active transitions of weight times the number of begeleiders', () => {
    fc.assert(
      fc.property(fc.array(arbTransition, { maxLength: 30 }), (transitions) => {
        const entries = caseloadOf(transitions, staff, today);
        const active = transitions.filter((t) => isActive(t));
        const expected = active.reduce((sum, t) => {
          const level = levelOn(t.niveaus, today) ?? 'regulier';
          return sum + defaultCaseloadConfig.weights[level] * t.begeleiders.length;
        }, 0);
        expect(entries.reduce((sum, e) => sum + e.gewogen, 0)).toBeCloseTo(expected, 9);
        expect(entries.reduce((sum, e) => sum + e.trajecten, 0)).toBe(
          active.reduce((sum, t) => sum + t.begeleiders.length, 0),
        );
      }),
    );
  });

  it('every entry counts each of its transitions at exactly one level, and is sorted heaviest first with a consistent occupation', () => {
    fc.assert(
      fc.property(fc.array(arbTransition, { maxLength: 30 }), (transitions) => {
        const entries = caseloadOf(transitions, staff, today);
        expect(entries.map((e) => e.begeleider.id).sort()).toEqual(staff.map((s) => s.id).sort());
        for (const e of entries) {
          expect(Object.values(e.perNiveau).reduce((a, b) => a + b, 0)).toBe(e.trajecten);
          expect(e.bezetting).toBe(Math.round((e.gewogen / e.capaciteit) * 100));
        }
        for (let i = 1; i < entries.length; i++)
          expect(entries[i - 1]!.gewogen).toBeGreaterThanOrEqual(entries[i]!.gewogen);
      }),
    );
  });
});
