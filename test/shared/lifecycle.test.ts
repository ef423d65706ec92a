import { describe, expect, it } from 'vitest';
import { canChangeFase, nextFases, type LifecycleState } from '../../shared/domain/transition/lifecycle';
import { defaultMunicipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import type { Readiness } from '../../shared/domain/transition/readiness';
import { acceptedWoning, driepartijenContract } from '../support/woning-fixtures';

const door = { id: 'u', naam: 'U' };
const blockingDone: Readiness = Object.fromEntries(
  defaultMunicipalityPolicy.blockingReadinessItems.map((b) => [b.item, { gedaanOp: '2027-01-01', door }]),
);
const accepted = acceptedWoning;
const driepartijen = driepartijenContract;

// Named states, each a step further along (open-zaak style traits).
const state = {
  aanmelding: { fase: 'aanmelding', gereedheid: {}, aanbiedingen: [], uitkering: {} },
  voorbereidingKlaar: { fase: 'voorbereiding', gereedheid: blockingDone, aanbiedingen: [], uitkering: {} },
  woningRond: {
    fase: 'woning',
    gereedheid: blockingDone,
    aanbiedingen: [accepted],
    contract: driepartijen,
    verhuisdatum: '2027-03-01',
    uitkering: {},
  },
  verhuisd: {
    fase: 'verhuizing',
    gereedheid: blockingDone,
    aanbiedingen: [accepted],
    contract: driepartijen,
    verhuisdatum: '2027-03-01',
    verhuisdOp: '2027-03-01',
    uitkering: {},
  },
} satisfies Record<string, LifecycleState>;

const policy = defaultMunicipalityPolicy;

describe('phase rules', () => {
  it('goes forward one phase at a time, never skipping', () => {
    expect(canChangeFase(state.aanmelding, 'voorbereiding', policy, '2027-01-01')).toEqual({ allowed: true });
    expect(canChangeFase(state.aanmelding, 'woning', policy, '2027-01-01')).toMatchObject({ allowed: false });
  });

  it('needs the municipality’s blocking readiness items before the woning phase', () => {
    const open = { ...state.voorbereidingKlaar, gereedheid: {} };
    const blocked = canChangeFase(open, 'woning', policy, '2027-01-01');
    expect(blocked).toMatchObject({ allowed: false });
    expect(blocked.allowed === false && blocked.reden).toContain('2 verplichte punten');
    expect(canChangeFase(state.voorbereidingKlaar, 'woning', policy, '2027-01-01').allowed).toBe(true);
  });

  it('needs an accepted woning, a signed contract and a move date before the move phase', () => {
    expect(canChangeFase(state.woningRond, 'verhuizing', policy, '2027-02-20').allowed).toBe(true);
    const noContract = { ...state.woningRond, contract: undefined };
    expect(canChangeFase(noContract, 'verhuizing', policy, '2027-02-20')).toEqual({
      allowed: false,
      reden: 'Het huurcontract is nog niet getekend.',
    });
  });

  it('lands only after the move happened', () => {
    const waiting = { ...state.verhuisd, verhuisdOp: undefined };
    expect(canChangeFase(waiting, 'landing', policy, '2027-02-28').allowed).toBe(false);
    expect(canChangeFase(state.verhuisd, 'landing', policy, '2027-03-01').allowed).toBe(true);
  });

  it('brings the omklap in view three months ahead', () => {
    const landing = { ...state.verhuisd, fase: 'landing' as const };
    expect(canChangeFase(landing, 'omklap', policy, '2028-11-30').allowed).toBe(false);
    expect(canChangeFase(landing, 'omklap', policy, '2028-12-01').allowed).toBe(true);
  });

  it('lands on a judgement that the person has landed, not on the omklap date', () => {
    const omklap = { ...state.verhuisd, fase: 'omklap' as const };
    // The omklap date alone is no landing.
    expect(canChangeFase(omklap, 'geland', policy, '2029-03-01')).toEqual({
      allowed: false,
      reden: 'Geland volgt uit een landingsreview: beoordeel eerst de vier factoren en hoe de persoon het zelf ziet.',
    });
    const oordeel = { geland: false, maanden: 24 };
    expect(canChangeFase({ ...omklap, landingsoordelen: [oordeel] }, 'geland', policy, '2029-03-01').allowed).toBe(
      false,
    );
    const landed = { ...omklap, landingsoordelen: [oordeel, { geland: true }] };
    expect(canChangeFase(landed, 'geland', policy, '2028-10-01').allowed).toBe(true);
    // Also from landing with a driepartijenovereenkomst: the omklap is one input, not the definition.
    const inLanding = { ...landed, fase: 'landing' as const };
    expect(nextFases(inLanding)).toEqual(['omklap', 'geland']);
    expect(canChangeFase(inLanding, 'geland', policy, '2028-10-01').allowed).toBe(true);
  });

  it('lands directly from landing with an own lease (Housing First): there is no omklap', () => {
    const housingFirst = {
      ...state.verhuisd,
      fase: 'landing' as const,
      contract: { ...driepartijen, vorm: 'eigen-huurcontract' as const },
    };
    expect(nextFases(housingFirst)).toEqual(['geland']);
    expect(canChangeFase(housingFirst, 'omklap', policy, '2030-01-01').allowed).toBe(false);
    expect(canChangeFase(housingFirst, 'geland', policy, '2030-01-01').allowed).toBe(false);
    const judged = { ...housingFirst, landingsoordelen: [{ geland: true }] };
    expect(canChangeFase(judged, 'geland', policy, '2030-01-01').allowed).toBe(true);
  });

  it('never ends by a phase change: beeindigd is its own decision, and nothing follows it', () => {
    for (const s of Object.values(state)) {
      expect(nextFases(s)).not.toContain('beeindigd');
      expect(canChangeFase(s, 'beeindigd', policy, '2027-01-01').allowed).toBe(false);
    }
    const ended = { ...state.verhuisd, fase: 'beeindigd' as const };
    expect(nextFases(ended)).toEqual([]);
    expect(canChangeFase(ended, 'verhuizing', policy, '2027-03-02').allowed).toBe(false);
  });

  it('has no phase after geland', () => {
    const landed = { ...state.verhuisd, fase: 'geland' as const };
    expect(nextFases(landed)).toEqual([]);
    expect(canChangeFase(landed, 'landing', policy, '2030-01-01').allowed).toBe(false);
  });
});
