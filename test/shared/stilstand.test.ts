import { describe, expect, it } from 'vitest';
import { defaultMunicipalityPolicy, municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { signalen } from '../../shared/domain/transition/overview';
import { stilstand } from '../../shared/domain/transition/stilstand';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';

const policy = municipalityPolicy('GM0344');
const state = (fase: Transition['fase'], s?: Transition['signalen']) => ({ ...notStartedYet, fase, signalen: s });

describe('the day a phase began', () => {
  it('is kept while the phase stays, and becomes the day of writing when the phase changes', () => {
    const first = signalen(state('voorbereiding'), policy, '2027-01-10');
    expect(first.faseSinds).toEqual({ fase: 'voorbereiding', sinds: '2027-01-10' });
    const later = signalen(state('voorbereiding', first), policy, '2027-03-01');
    expect(later.faseSinds).toEqual({ fase: 'voorbereiding', sinds: '2027-01-10' });
    const moved = signalen(state('woning', later), policy, '2027-03-02');
    expect(moved.faseSinds).toEqual({ fase: 'woning', sinds: '2027-03-02' });
  });
});

describe('a transition stalled in its phase', () => {
  const inPhase = (fase: Transition['fase'], sinds: string) => ({ fase, signalen: { faseSinds: { fase, sinds } } });

  it('is longer in the phase than the norm of its municipality, not on the last day of the norm', () => {
    expect(defaultMunicipalityPolicy.faseNormDagen.voorbereiding).toBe(90);
    expect(stilstand(inPhase('voorbereiding', '2027-01-01'), policy, '2027-04-01')).toBeUndefined();
    expect(stilstand(inPhase('voorbereiding', '2027-01-01'), policy, '2027-04-02')).toEqual({
      sinds: '2027-01-01',
      normDagen: 90,
    });
  });

  it('follows a norm the municipality set, and never stalls without a norm or a known start', () => {
    const strict = { faseNormDagen: { ...defaultMunicipalityPolicy.faseNormDagen, voorbereiding: 30 } };
    expect(stilstand(inPhase('voorbereiding', '2027-01-01'), strict, '2027-02-01')).toMatchObject({ normDagen: 30 });
    expect(stilstand(inPhase('geland', '2020-01-01'), policy, '2027-02-01')).toBeUndefined();
    expect(stilstand({ fase: 'woning' }, policy, '2030-01-01')).toBeUndefined();
    // A start recorded for another phase says nothing about this one.
    const stale = {
      fase: 'woning' as const,
      signalen: { faseSinds: { fase: 'voorbereiding' as const, sinds: '2020-01-01' } },
    };
    expect(stilstand(stale, policy, '2027-02-01')).toBeUndefined();
  });
});
