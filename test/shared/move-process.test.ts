import { describe, expect, it } from 'vitest';
import { nextMoveStep, openVragen, type MoveProcessState } from '../../shared/domain/transition/move-process';
import { defaultMunicipalityPolicy as policy } from '../../shared/domain/organisation/municipality-policy';
import { acceptedWoning, driepartijenContract } from '../support/woning-fixtures';
import { Transition } from '../../shared/domain/transition/transition';

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

  it('asks on the move day to confirm the move, then waits for a person: it never records the move itself', () => {
    const planned = { ...base, contract, verhuisdatum: '2027-03-01' };
    expect(nextMoveStep(planned, policy, '2027-02-01')).toEqual({
      stap: 'wacht',
      tot: '2027-02-22',
      waarop: 'bevestiging van ondersteuning en budget',
    });
    expect(nextMoveStep(planned, policy, '2027-02-22').stap).toBe('vraag-bevestiging');
    const confirmed = { ...planned, verhuisproces: { bevestigingGevraagdVoor: '2027-03-01' } };
    expect(nextMoveStep(confirmed, policy, '2027-02-23')).toMatchObject({ stap: 'wacht', tot: '2027-03-01' });
    expect(nextMoveStep(confirmed, policy, '2027-03-01').stap).toBe('vraag-verhuisbevestiging');
    const asked = {
      ...confirmed,
      verhuisproces: { ...confirmed.verhuisproces, verhuisbevestigingGevraagdVoor: '2027-03-01' },
    };
    expect(nextMoveStep(asked, policy, '2027-03-05').stap).toBe('wacht-op-verhuisbevestiging');
    expect(openVragen(asked)).toEqual([
      {
        soort: 'verhuizing',
        datum: '2027-03-01',
        wat: 'Bevestig dat de persoon is verhuisd, of geef de nieuwe datum',
        // Within a week of the move day.
        uiterlijk: '2027-03-08',
      },
    ]);
  });

  it('asks again when the move date changes after the confirmation', () => {
    const confirmed = {
      ...base,
      contract,
      verhuisdatum: '2027-04-01',
      verhuisproces: { bevestigingGevraagdVoor: '2027-03-01', verhuisbevestigingGevraagdVoor: '2027-03-01' },
    };
    expect(nextMoveStep(confirmed, policy, '2027-02-25')).toMatchObject({ stap: 'wacht', tot: '2027-03-25' });
    expect(openVragen(confirmed)).toEqual([]);
  });

  const moved = {
    ...base,
    fase: 'landing' as const,
    contract,
    verhuisdatum: '2027-03-01',
    verhuisdOp: '2027-03-01',
    verhuisproces: { bevestigingGevraagdVoor: '2027-03-01', verhuisbevestigingGevraagdVoor: '2027-03-01' },
  };

  it('plans the review six weeks after the move, then the landing reviews at 6, 12 and 24 months', () => {
    expect(nextMoveStep(moved, policy, '2027-03-02')).toMatchObject({ stap: 'wacht', tot: '2027-04-12' });
    expect(nextMoveStep(moved, policy, '2027-04-12').stap).toBe('evaluatie');
    const reviewed = { ...moved, verhuisproces: { ...moved.verhuisproces, evaluatieGepland: '2027-04-12' } };
    expect(nextMoveStep(reviewed, policy, '2027-04-13')).toEqual({
      stap: 'wacht',
      tot: '2027-09-01',
      waarop: 'de landingsreview na 6 maanden',
    });
    expect(nextMoveStep(reviewed, policy, '2027-09-01')).toEqual({ stap: 'landingsreview', maanden: 6 });
    const six = { ...reviewed, verhuisproces: { ...reviewed.verhuisproces, landingsreviewGevraagd: 6 } };
    expect(openVragen(six)).toEqual([
      {
        soort: 'landingsreview',
        datum: '2027-09-01',
        wat: 'Landingsreview na 6 maanden: geland of nog niet?',
        // Within four weeks of the review's date.
        uiterlijk: '2027-09-29',
      },
    ]);
    expect(nextMoveStep(six, policy, '2027-09-02')).toMatchObject({ stap: 'wacht', tot: '2028-03-01' });
    const judged = { ...six, landingsoordelen: [{ maanden: 6 }] } as unknown as MoveProcessState;
    expect(openVragen(judged)).toEqual([]);
  });

  it('announces the omklap, asks for a decision, and only reminds when none is taken by the date', () => {
    const allReviews = {
      ...moved,
      verhuisproces: { ...moved.verhuisproces, evaluatieGepland: '2027-04-12', landingsreviewGevraagd: 24 },
    };
    expect(nextMoveStep(allReviews, policy, '2027-04-13')).toMatchObject({ stap: 'wacht', tot: '2028-12-01' });
    expect(nextMoveStep(allReviews, policy, '2028-12-01').stap).toBe('omklap-aankondigen');
    const announced = {
      ...allReviews,
      verhuisproces: { ...allReviews.verhuisproces, omklapAangekondigd: '2028-12-01' },
    };
    expect(openVragen(announced)).toContainEqual({
      soort: 'omklap',
      datum: '2029-03-01',
      wat: 'Besluit over de omklap: omklap, uitstel of niet',
      // Decided by the omklap date itself.
      uiterlijk: '2029-03-01',
    });
    expect(nextMoveStep(announced, policy, '2028-12-02')).toMatchObject({ stap: 'wacht', tot: '2029-03-01' });
    // No decision by the date: a reminder (a task), never the omklap itself.
    expect(nextMoveStep(announced, policy, '2029-03-01').stap).toBe('omklap-herinneren');
    const reminded = { ...announced, verhuisproces: { ...announced.verhuisproces, omklapHerinnerdVoor: '2029-03-01' } };
    expect(nextMoveStep(reminded, policy, '2029-06-01').stap).toBe('wacht-op-omklapbesluit');

    const door = { id: 'u-sanne', naam: 'Sanne' };
    const uitstel = {
      besluit: 'uitstel' as const,
      nieuweDatum: '2029-09-01',
      reden: 'Eerst de schulden geregeld',
      genomenDoor: 'Sanne en de corporatie',
      op: '2029-02-01',
      door,
    };
    const postponed = { ...reminded, omklapBesluiten: [uitstel] };
    expect(nextMoveStep(postponed, policy, '2029-06-01')).toMatchObject({ stap: 'wacht', tot: '2029-09-01' });
    expect(nextMoveStep(postponed, policy, '2029-09-01').stap).toBe('omklap-herinneren');
    const decided = {
      ...postponed,
      omklapBesluiten: [uitstel, { ...uitstel, besluit: 'omklap' as const, per: '2029-09-01', reden: undefined }],
    };
    expect(nextMoveStep(decided, policy, '2029-09-01').stap).toBe('klaar');
    expect(openVragen(decided).map((v) => v.soort)).toEqual(['landingsreview']);
  });

  it('is done after the reviews for an own lease: there is no omklap', () => {
    const own = {
      ...moved,
      contract: { ...contract, vorm: 'eigen-huurcontract' as const },
      verhuisproces: { evaluatieGepland: '2027-04-12', landingsreviewGevraagd: 24 },
    };
    expect(nextMoveStep(own, policy, '2029-05-01').stap).toBe('klaar');
  });

  it('reads a process the workflow finished under the old rule (omklap recorded by the clock) as done', () => {
    const old = {
      ...moved,
      verhuisproces: { evaluatieGepland: '2027-04-12', omklapAangekondigd: '2028-12-01', omklapGemeld: '2029-03-01' },
    };
    // Only the latest review that is due is asked: no stack of overdue ones, and no omklap question.
    expect(nextMoveStep(old, policy, '2029-03-02')).toEqual({ stap: 'landingsreview', maanden: 24 });
    const asked = { ...old, verhuisproces: { ...old.verhuisproces, landingsreviewGevraagd: 24 } };
    expect(nextMoveStep(asked, policy, '2029-03-02').stap).toBe('klaar');
    expect(openVragen(asked).map((v) => v.soort)).toEqual(['landingsreview']);
  });
});

describe('a transition stored before decisions were kept', () => {
  it('reads with no omklap decisions and no landing judgements, and its clock-recorded omklap counts as done', () => {
    const stored = {
      id: 't-1',
      version: 7,
      providerId: 'org-overstap',
      persoonRef: 'p-1',
      persoon: { voornaam: 'Oud', achternaam: 'Record', geboortedatum: '1980-01-01' },
      gemeenteCode: 'GM0344',
      herkomst: 'BW',
      begeleiders: [{ id: 'u-sanne', naam: 'Sanne' }],
      fase: 'omklap',
      aanbiedingen: [accepted],
      contract,
      verhuisdatum: '2027-03-01',
      verhuisdOp: '2027-03-01',
      verhuisproces: { evaluatieGepland: '2027-04-12', omklapAangekondigd: '2028-12-01', omklapGemeld: '2029-03-01' },
      createdAt: '2027-01-01T00:00:00.000Z',
      createdBy: 'u-sanne',
      updatedAt: '2029-03-01T00:00:00.000Z',
    };
    const t = Transition.parse(stored);
    expect(t).toMatchObject({ omklapBesluiten: [], landingsoordelen: [] });
    expect(openVragen(t).map((v) => v.soort)).not.toContain('omklap');
  });
});
