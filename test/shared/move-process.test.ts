import { describe, expect, it } from 'vitest';
import { nextMoveStep, type MoveProcessState } from '../../shared/domain/transition/move-process';
import { defaultMunicipalityPolicy as policy } from '../../shared/domain/organisation/municipality-policy';
import { acceptedWoning, driepartijenContract } from '../support/woning-fixtures';

const accepted = acceptedWoning;
const contract = { ...driepartijenContract, getekendOp: '2027-02-01' };
const granted = { aangevraagdOp: '2027-01-02', besluitOp: '2027-02-01', toegekend: true, ingangsdatum: '2027-03-01' };
const base: MoveProcessState = {
  fase: 'woning',
  gereedheid: {},
  aanbiedingen: [accepted],
  uitkering: granted,
  verhuisproces: {},
};

describe('the move process', () => {
  it('has nothing to do before a woning is accepted, or after the end', () => {
    expect(nextMoveStep({ ...base, aanbiedingen: [] }, policy, '2027-02-01')).toEqual({ stap: 'geen' });
    expect(
      nextMoveStep({ ...base, fase: 'beeindigd', contract, verhuisdatum: '2027-03-01' }, policy, '2027-02-01'),
    ).toEqual({ stap: 'geen' });
  });

  it('waits for the signed contract and for a move date: human steps, no timer', () => {
    expect(nextMoveStep(base, policy, '2027-02-01').stap).toBe('wacht-op-contract');
    expect(nextMoveStep({ ...base, contract }, policy, '2027-02-01').stap).toBe('wacht-op-verhuisdatum');
  });

  it('raises a task when the uitkering will be late, once per move date', () => {
    const late = { ...base, contract, verhuisdatum: '2027-03-01', uitkering: {} };
    expect(nextMoveStep(late, policy, '2027-02-01').stap).toBe('uitkering-taak');
    const raised = { ...late, verhuisproces: { uitkeringTaakVoor: '2027-03-01' } };
    expect(nextMoveStep(raised, policy, '2027-02-01')).toMatchObject({ stap: 'wacht', tot: '2027-02-22' });
    expect(nextMoveStep({ ...raised, verhuisdatum: '2027-04-01' }, policy, '2027-02-04').stap).toBe('uitkering-taak');
  });

  it('does not shout months ahead: it waits for the latest safe application date, then asks', () => {
    const early = { ...base, contract, verhuisdatum: '2027-04-01', uitkering: {} };
    expect(nextMoveStep(early, policy, '2027-02-01')).toEqual({
      stap: 'wacht',
      tot: '2027-02-04',
      waarop: 'de uiterste aanvraagdatum van de uitkering',
    });
    expect(nextMoveStep(early, policy, '2027-02-04').stap).toBe('uitkering-taak');
  });

  it('waits until the confirmation day, asks to confirm, waits for the move day, then moves', () => {
    const planned = { ...base, contract, verhuisdatum: '2027-03-01' };
    expect(nextMoveStep(planned, policy, '2027-02-01')).toEqual({
      stap: 'wacht',
      tot: '2027-02-22',
      waarop: 'bevestiging van ondersteuning en budget',
    });
    expect(nextMoveStep(planned, policy, '2027-02-22').stap).toBe('vraag-bevestiging');
    const confirmed = { ...planned, verhuisproces: { bevestigingGevraagdVoor: '2027-03-01' } };
    expect(nextMoveStep(confirmed, policy, '2027-02-23')).toMatchObject({ stap: 'wacht', tot: '2027-03-01' });
    expect(nextMoveStep(confirmed, policy, '2027-03-01').stap).toBe('verhuisdag');
  });

  it('asks again when the move date changes after the confirmation', () => {
    const confirmed = {
      ...base,
      contract,
      verhuisdatum: '2027-04-01',
      verhuisproces: { bevestigingGevraagdVoor: '2027-03-01' },
    };
    expect(nextMoveStep(confirmed, policy, '2027-02-25')).toMatchObject({ stap: 'wacht', tot: '2027-03-25' });
  });

  it('plans the review six weeks after the move, then the omklap notice and the omklap', () => {
    const moved = {
      ...base,
      fase: 'landing' as const,
      contract,
      verhuisdatum: '2027-03-01',
      verhuisdOp: '2027-03-01',
      verhuisproces: { bevestigingGevraagdVoor: '2027-03-01' },
    };
    expect(nextMoveStep(moved, policy, '2027-03-02')).toMatchObject({ stap: 'wacht', tot: '2027-04-12' });
    expect(nextMoveStep(moved, policy, '2027-04-12').stap).toBe('evaluatie');
    const reviewed = { ...moved, verhuisproces: { ...moved.verhuisproces, evaluatieGepland: '2027-04-12' } };
    expect(nextMoveStep(reviewed, policy, '2027-04-13')).toMatchObject({ stap: 'wacht', tot: '2028-12-01' });
    expect(nextMoveStep(reviewed, policy, '2028-12-01').stap).toBe('omklap-aankondigen');
    const announced = { ...reviewed, verhuisproces: { ...reviewed.verhuisproces, omklapAangekondigd: '2028-12-01' } };
    expect(nextMoveStep(announced, policy, '2028-12-02')).toMatchObject({ stap: 'wacht', tot: '2029-03-01' });
    expect(
      nextMoveStep(
        { ...announced, verhuisproces: { ...announced.verhuisproces, omklapGemeld: '2029-03-01' } },
        policy,
        '2029-03-01',
      ).stap,
    ).toBe('klaar');
  });

  it('is done after the review for an own lease: there is no omklap', () => {
    const own = {
      ...base,
      fase: 'landing' as const,
      contract: { ...contract, vorm: 'eigen-huurcontract' as const },
      verhuisdatum: '2027-03-01',
      verhuisdOp: '2027-03-01',
      verhuisproces: { evaluatieGepland: '2027-04-12' },
    };
    expect(nextMoveStep(own, policy, '2027-05-01').stap).toBe('klaar');
  });
});
