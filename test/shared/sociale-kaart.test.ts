import { describe, expect, it } from 'vitest';
import { RuleViolation, StaleVersion } from '../../shared/domain/common/errors';
import {
  bindingsladder,
  byTrede,
  changePartner,
  GESCHIEDENIS_MAX,
  moveOnLadder,
  newPartner,
  partnerRef,
  NieuwePartner,
  PartnerGegevens,
  TredeStap,
  wijkKey,
  WijkNaam,
  type Partner,
} from '../../shared/domain/wijk/sociale-kaart';

const sanne = { id: 'u-sanne', naam: 'Sanne de Vries' };
const at = '2027-03-10T09:00:00.000Z';

const buurthuis = (overrides: Partial<NieuwePartner> = {}): Partner =>
  newPartner(
    NieuwePartner.parse({
      wijk: '  Overvecht ',
      naam: 'Buurthuis De Klop',
      soort: 'buurthuis',
      trede: 2,
      aanbod: 'Koffieochtend op dinsdag, taalcafé',
      ...overrides,
    }),
    { id: 'p1', providerId: 'org-a', door: sanne, at },
  );

describe('the bindingsladder', () => {
  it('names the five rungs as Samenwonen-Samenleven does, from trust to lasting contacts', () => {
    expect(Object.values(bindingsladder).map((r) => r.uitleg)).toEqual([
      'Vertrouwen winnen.',
      'Individuele zelforganisaties versterken.',
      'In kaart brengen wat de verschillende organisaties verbindt.',
      'Op basis van gedeelde belangen vormen van ad-hoc samenwerking realiseren.',
      'Van ad-hoc samenwerking naar duurzame contacten.',
    ]);
  });

  it('puts a new partner on its rung with the first line of its history', () => {
    const p = buurthuis();
    expect(p).toMatchObject({ wijk: 'Overvecht', wijkKey: 'overvecht', trede: 2, version: 1 });
    expect(p.geschiedenis).toEqual([{ trede: 2, op: at, door: sanne, toelichting: 'Op de sociale kaart gezet' }]);
  });

  it('records a step up and a step down with who, when and why', () => {
    const up = moveOnLadder(
      buurthuis(),
      { trede: 4, toelichting: 'Samen een kookavond georganiseerd' },
      {
        expectedVersion: 1,
        door: sanne,
        at: '2027-04-01T10:00:00.000Z',
      },
    );
    const down = moveOnLadder(
      up,
      { trede: 1, toelichting: 'Nieuwe coördinator, opnieuw kennismaken' },
      { expectedVersion: 2, door: sanne, at: '2027-05-01T10:00:00.000Z' },
    );
    expect(down.trede).toBe(1);
    expect(down.version).toBe(3);
    expect(down.geschiedenis.map((g) => [g.trede, g.op.slice(0, 10), g.toelichting])).toEqual([
      [2, '2027-03-10', 'Op de sociale kaart gezet'],
      [4, '2027-04-01', 'Samen een kookavond georganiseerd'],
      [1, '2027-05-01', 'Nieuwe coördinator, opnieuw kennismaken'],
    ]);
  });

  it('refuses a step to the rung the partner is on, and a step from a stale version', () => {
    const ctx = { expectedVersion: 1, door: sanne, at };
    expect(() => moveOnLadder(buurthuis(), { trede: 2, toelichting: 'Nog steeds' }, ctx)).toThrow(RuleViolation);
    expect(() =>
      moveOnLadder(buurthuis(), { trede: 3, toelichting: 'Verder' }, { ...ctx, expectedVersion: 2 }),
    ).toThrow(StaleVersion);
  });

  it('keeps the history bounded, the newest steps', () => {
    let p = buurthuis();
    for (let i = 0; i < GESCHIEDENIS_MAX + 5; i++)
      p = moveOnLadder(
        p,
        { trede: p.trede === 5 ? 1 : ((p.trede + 1) as 2), toelichting: `Stap ${i}` },
        {
          expectedVersion: p.version,
          door: sanne,
          at,
        },
      );
    expect(p.geschiedenis).toHaveLength(GESCHIEDENIS_MAX);
    expect(p.geschiedenis.at(-1)?.toelichting).toBe(`Stap ${GESCHIEDENIS_MAX + 4}`);
  });

  it('changes the details but never the rung or its history', () => {
    const p = buurthuis({ notitie: 'Vaste contactpersoon' });
    const changed = changePartner(
      p,
      PartnerGegevens.parse({ naam: 'Buurthuis De Klop', soort: 'buurthuis', aanbod: 'Ook een moestuin' }),
      { expectedVersion: 1, door: sanne, at },
    );
    expect(changed).toMatchObject({ aanbod: 'Ook een moestuin', trede: 2, version: 2 });
    expect(changed.notitie).toBeUndefined();
    expect(changed.geschiedenis).toEqual(p.geschiedenis);
  });

  it('sorts the kaart by rung, highest first, then by name', () => {
    const a = { ...buurthuis(), naam: 'B', trede: 3 as const };
    const b = { ...buurthuis(), naam: 'A', trede: 3 as const };
    const c = { ...buurthuis(), naam: 'C', trede: 5 as const };
    expect(byTrede([a, b, c]).map((p) => p.naam)).toEqual(['C', 'A', 'B']);
  });
});

describe('what a caseworker types', () => {
  it('keys a wijk by its name, whatever the case, spaces or accents', () => {
    expect(wijkKey('Kanaleneiland-Noord')).toBe('kanaleneiland-noord');
    expect(wijkKey('  kanaleneiland   noord ')).toBe('kanaleneiland-noord');
    expect(wijkKey('Hoograven / Tolsteeg')).toBe('hoograven-tolsteeg');
    expect(wijkKey('Zuilen Oost')).toBe(wijkKey('zuilen-oost'));
    expect(wijkKey('Pijlsweerd Café')).toBe('pijlsweerd-cafe');
    expect(WijkNaam.parse('  Zuilen   Oost ')).toBe('Zuilen Oost');
  });

  it('refuses a wijk without letters, a rung off the ladder, a missing toelichting, a bad e-mail', () => {
    expect(WijkNaam.safeParse('--').success).toBe(false);
    expect(TredeStap.safeParse({ trede: 6, toelichting: 'Verder' }).success).toBe(false);
    expect(TredeStap.safeParse({ trede: 0, toelichting: 'Verder' }).success).toBe(false);
    expect(TredeStap.safeParse({ trede: 2.5, toelichting: 'Verder' }).success).toBe(false);
    expect(TredeStap.safeParse({ trede: 3, toelichting: ' ' }).success).toBe(false);
    const bad = NieuwePartner.safeParse({
      wijk: 'Overvecht',
      naam: 'Moskee',
      soort: 'kerk-moskee',
      trede: 3,
      aanbod: 'Ontmoeting',
      bereikbaar: { email: 'geen-adres' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('e-mailadres');
  });

  it('is referred to from elsewhere (a plan step, the network) by id and name only', () => {
    expect(partnerRef(buurthuis())).toEqual({ partnerId: 'p1', naam: 'Buurthuis De Klop' });
  });

  it('has no field for a client: a person cannot be put on the kaart', () => {
    const parsed = NieuwePartner.parse({
      wijk: 'Overvecht',
      naam: 'Sportclub',
      soort: 'sportclub',
      trede: 2,
      aanbod: 'Voetbal',
      clientId: 'x',
      persoon: { voornaam: 'Kees' },
    });
    expect(Object.keys(parsed)).not.toContain('clientId');
    expect(Object.keys(parsed)).not.toContain('persoon');
  });
});
