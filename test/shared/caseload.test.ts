import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/common/calendar';
import {
  caseloadOf,
  defaultCaseloadConfig,
  teamCaseloadOf,
  type CaseloadTransition,
} from '../../shared/domain/support/caseload';
import { isActive } from '../../shared/domain/transition/lifecycle';
import { supportLevels, type LevelChange, type SupportLevel } from '../../shared/domain/support/support';
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

describe('caseload per begeleider', () => {
  it('counts each client once, whatever the level: the Housing First ten are intensive clients already', () => {
    const [entry] = caseloadOf(
      [transition([from('intensief', '2027-01-01')]), transition([from('waakvlam', '2027-01-01')]), transition([])],
      [sanne],
      today,
    );
    expect(entry).toEqual({
      begeleider: sanne,
      trajecten: 3,
      perNiveau: { intensief: 1, waakvlam: 1, geen: 1 },
      capaciteit: 10,
      bezetting: 30,
    });
  });

  it('does not weigh intensity on top: ten clients on intensief are a full caseload, not twice one', () => {
    const intensief = Array.from({ length: 10 }, () => transition([from('intensief', '2027-01-01')], [sanne]));
    expect(entryOf(caseloadOf(intensief, [sanne], today), sanne.id)).toMatchObject({
      trajecten: 10,
      capaciteit: 10,
      bezetting: 100,
    });
  });

  it('shows the level on the day: a temporary scale-up while it lasts, the level before it after', () => {
    const scaledUp = transition([from('regulier', '2027-01-01'), from('intensief', '2027-03-01', '2027-03-10')]);
    expect(entryOf(caseloadOf([scaledUp], [sanne], '2027-03-10'), sanne.id)?.perNiveau).toEqual({ intensief: 1 });
    expect(entryOf(caseloadOf([scaledUp], [sanne], '2027-03-11'), sanne.id)?.perNiveau).toEqual({ regulier: 1 });
  });

  it('lets both begeleiders of a duo carry the client in full', () => {
    const entries = caseloadOf(
      [transition([from('intensief', '2027-01-01')], [sanne, youssef])],
      [sanne, youssef],
      today,
    );
    expect(entryOf(entries, sanne.id)).toMatchObject({ trajecten: 1, bezetting: 10 });
    expect(entryOf(entries, youssef.id)).toMatchObject({ trajecten: 1, bezetting: 10 });
  });

  it('does not count transitions that ended or were handed over after geland', () => {
    const intensief = [from('intensief', '2027-01-01')];
    const [entry] = caseloadOf(
      [transition(intensief, [sanne], 'geland'), transition(intensief, [sanne], 'beeindigd')],
      [sanne],
      today,
    );
    expect(entry).toEqual({ begeleider: sanne, trajecten: 0, perNiveau: {}, capaciteit: 10, bezetting: 0 });
  });

  it('counts transitions in every active phase', () => {
    const active = (['aanmelding', 'voorbereiding', 'woning', 'verhuizing', 'landing', 'omklap'] as const).map((fase) =>
      transition([], [sanne], fase),
    );
    expect(entryOf(caseloadOf(active, [sanne], today), sanne.id)?.trajecten).toBe(6);
  });

  it('lists a begeleider without transitions with zero, and the fullest caseload first, equal ones by name', () => {
    const entries = caseloadOf(
      [
        transition([from('waakvlam', '2027-01-01')], [sanne]),
        transition([from('intensief', '2027-01-01')], [youssef]),
        transition([from('regulier', '2027-01-01')], [youssef]),
      ],
      [sanne, youssef, ahmed],
      today,
    );
    expect(entries.map((e) => [e.begeleider.naam, e.trajecten])).toEqual([
      ['Youssef El Amrani', 2],
      ['Sanne de Vries', 1],
      ['Ahmed Bakker', 0],
    ]);
  });

  it('measures against the clients per duo of the team it is given', () => {
    const [entry] = caseloadOf([transition([from('regulier', '2027-01-01')])], [sanne], today, { clientsPerDuo: 4 });
    expect(entry).toMatchObject({ capaciteit: 4, bezetting: 25 });
  });
});

describe('caseload of the team', () => {
  it('has room for ten clients per two begeleiders ("voor 2 begeleiders 10 cliënten"), each client counted once', () => {
    const duo = transition([from('intensief', '2027-01-01')], [sanne, youssef]);
    const solo = transition([from('waakvlam', '2027-01-01')], [ahmed]);
    const landed = transition([from('regulier', '2027-01-01')], [ahmed], 'geland');
    expect(teamCaseloadOf([duo, solo, landed], [sanne, youssef, ahmed])).toEqual({
      begeleiders: 3,
      deelnemers: 2,
      deelnemersPerDuo: 10,
      capaciteit: 15,
      bezetting: 13,
    });
  });

  it("has no room without begeleiders, and follows the team's own number per duo", () => {
    expect(teamCaseloadOf([], [])).toMatchObject({ capaciteit: 0, bezetting: 0 });
    expect(
      teamCaseloadOf([], [sanne, youssef, ahmed, { id: 'u-kim', naam: 'Kim' }], { clientsPerDuo: 8 }),
    ).toMatchObject({ begeleiders: 4, capaciteit: 16 });
  });

  it('knows the default: ten clients per duo', () => {
    expect(defaultCaseloadConfig).toEqual({ clientsPerDuo: 10 });
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

  it('the load is the number of active transitions times their begeleiders, whatever the levels', () => {
    fc.assert(
      fc.property(fc.array(arbTransition, { maxLength: 30 }), (transitions) => {
        const entries = caseloadOf(transitions, staff, today);
        const active = transitions.filter((t) => isActive(t));
        expect(entries.reduce((sum, e) => sum + e.trajecten, 0)).toBe(
          active.reduce((sum, t) => sum + t.begeleiders.length, 0),
        );
        expect(teamCaseloadOf(transitions, staff).deelnemers).toBe(active.length);
      }),
    );
  });

  it('every entry counts each of its transitions at exactly one level, and is sorted fullest first with a consistent occupation', () => {
    fc.assert(
      fc.property(fc.array(arbTransition, { maxLength: 30 }), (transitions) => {
        const entries = caseloadOf(transitions, staff, today);
        expect(entries.map((e) => e.begeleider.id).sort()).toEqual(staff.map((s) => s.id).sort());
        for (const e of entries) {
          expect(Object.values(e.perNiveau).reduce((a, b) => a + b, 0)).toBe(e.trajecten);
          expect(e.bezetting).toBe(Math.round((e.trajecten / e.capaciteit) * 100));
        }
        for (let i = 1; i < entries.length; i++)
          expect(entries[i - 1]!.trajecten).toBeGreaterThanOrEqual(entries[i]!.trajecten);
      }),
    );
  });
});
