import { describe, expect, it } from 'vitest';
import { defaultMunicipalityPolicy, municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { canChangeFase, type LifecycleState } from '../../shared/domain/transition/lifecycle';
import { readinessItems, summarizeReadiness } from '../../shared/domain/transition/readiness';
import { setReadiness } from '../../shared/domain/transition/transition-commands';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { acceptedWoning } from '../support/woning-fixtures';

const door = { id: 'u', naam: 'U' };
function aTransition(over: Partial<Transition>): Transition {
  return {
    id: 't1',
    version: 1,
    providerId: 'org',
    persoonRef: 'p1',
    persoon: { voornaam: 'Piet', achternaam: 'Bakker', geboortedatum: '1990-04-12' },
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [door],
    fase: 'voorbereiding',
    ...notStartedYet,
    createdAt: '2027-01-01T00:00:00.000Z',
    createdBy: 'u',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...over,
  };
}

const financieel = ['schulden-stabiel', 'budgetbeheer', 'buffer', 'garantstelling'];

describe('readiness gate (Housing First)', () => {
  it('by default no financial item blocks a woning', () => {
    const ids = defaultMunicipalityPolicy.blockingReadinessItems.map((b) => b.item);
    expect(ids.filter((id) => financieel.includes(id))).toEqual([]);
    expect(ids).toEqual(['overdrachtsformulier', 'signaleringsplan']);
  });

  it('lets a woning come with schulden still open and a garantstelling recorded', () => {
    const gereedheid = Object.fromEntries(
      [...defaultMunicipalityPolicy.blockingReadinessItems.map((b) => b.item), 'garantstelling'].map((id) => [
        id,
        { gedaanOp: '2027-01-01', door },
      ]),
    );
    const state: LifecycleState = { fase: 'voorbereiding', gereedheid, aanbiedingen: [], uitkering: {} };
    expect(gereedheid['schulden-stabiel']).toBeUndefined();
    expect(canChangeFase(state, 'woning', defaultMunicipalityPolicy, '2027-01-02')).toEqual({ allowed: true });
  });

  it('models the garantstelling as an item before the woning', () => {
    expect(readinessItems.find((i) => i.id === 'garantstelling')).toMatchObject({ moment: 'voor-woning' });
  });

  it('puts the items about the new wijk after the woning is known', () => {
    const naWoning = readinessItems.filter((i) => i.moment === 'na-woning').map((i) => i.id);
    expect(naWoning).toEqual(expect.arrayContaining(['daginvulling', 'wijk-geinformeerd', 'vrije-tijd']));
    expect(naWoning).not.toContain('schulden-stabiel');
  });

  it('a municipality switches a blocking item on with a reason, and the gate names it', () => {
    const nieuwegein = municipalityPolicy('GM0356');
    const buffer = nieuwegein.blockingReadinessItems.find((b) => b.item === 'buffer');
    expect(buffer?.reden).toMatch(/\S{3}/);
    const gereedheid = Object.fromEntries(
      defaultMunicipalityPolicy.blockingReadinessItems.map((b) => [b.item, { gedaanOp: '2027-01-01', door }]),
    );
    const state: LifecycleState = { fase: 'voorbereiding', gereedheid, aanbiedingen: [], uitkering: {} };
    const decision = canChangeFase(state, 'woning', nieuwegein, '2027-01-02');
    expect(decision.allowed).toBe(false);
    expect(decision.allowed === false && decision.reden).toContain(buffer!.reden);
    expect(summarizeReadiness(gereedheid, nieuwegein.blockingReadinessItems)).toMatchObject({
      openBlocking: ['buffer'],
      verplicht: expect.arrayContaining([{ item: 'buffer', reden: buffer!.reden }]),
    });
  });

  it('every blocking item of every municipality is one before the woning and has a reason', () => {
    for (const code of ['GM0344', 'GM0356', 'GM0355'] as const) {
      for (const b of municipalityPolicy(code).blockingReadinessItems) {
        expect(readinessItems.find((i) => i.id === b.item)?.moment).toBe('voor-woning');
        expect(b.reden.trim().length).toBeGreaterThan(10);
      }
    }
  });

  it('refuses to tick off a wijk item before a woning is accepted, and allows it after', () => {
    const ctx = { today: '2027-01-10', actor: door };
    const before = aTransition({ fase: 'voorbereiding' });
    expect(() => setReadiness(before, { item: 'daginvulling', gedaan: true }, ctx)).toThrow(/nieuwe wijk/);
    const after = aTransition({ fase: 'woning', aanbiedingen: [acceptedWoning] });
    expect(setReadiness(after, { item: 'daginvulling', gedaan: true }, ctx).next.gereedheid.daginvulling).toBeDefined();
  });
});
