import { describe, expect, it } from 'vitest';
import { noticeDataSchemas, noticesFor } from '../../shared/domain/notices/notices';
import { nextFollowUpStep } from '../../shared/domain/signals/signal-followup';
import { defaultSupportConfig } from '../../shared/domain/support/support';
import { caseloadOf } from '../../shared/domain/support/caseload';
import { endOfRecord } from '../../shared/domain/audit/retention';
import { isActive, nextFases } from '../../shared/domain/transition/lifecycle';
import { fromStored, notStartedYet, Transition } from '../../shared/domain/transition/transition';
import {
  changeFase,
  changeSupport,
  endTransition,
  endTemporaryStay,
  handOver,
  pickUpAgain,
  recordLandingReview,
  startTemporaryStay,
  type CommandContext,
} from '../../shared/domain/transition/transition-commands';
import { acceptedWoning, driepartijenContract } from '../support/woning-fixtures';

const actor = { id: 'u-sanne', naam: 'Sanne de Vries' };
const ctx: CommandContext = { today: '2027-04-10', actor };

/** Ruud, moved in on 1 March 2027 under a driepartijenovereenkomst, now in the landing phase. */
function landed(overrides: Partial<Transition> = {}): Transition {
  return Transition.parse({
    id: 't-ruud',
    version: 3,
    providerId: 'org-overstap',
    persoonRef: 'prs-ruud',
    persoon: { voornaam: 'Ruud', achternaam: 'Hendriks', geboortedatum: '1979-05-02' },
    gemeenteCode: 'GM0344',
    herkomst: 'BW',
    begeleiders: [{ ...actor, telefoon: '06-11112222' }],
    fase: 'landing',
    ...notStartedYet,
    aanbiedingen: [{ ...acceptedWoning, eenheidnummer: 'VE-1' }],
    contract: driepartijenContract,
    verhuisdatum: '2027-03-01',
    verhuisdOp: '2027-03-01',
    ondersteuning: [
      { id: 's1', niveau: 'regulier', modaliteiten: ['thuis'], reden: 'Start', vanaf: '2027-03-01', door: actor },
    ],
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'u-sanne',
    updatedAt: '2027-04-01T09:00:00.000Z',
    ...overrides,
  });
}

const away = { soort: 'opname' as const, sinds: '2027-04-09', toelichting: 'Opname in de kliniek, psychose' };

describe('a temporary stay elsewhere (opname, logeerplek, crisis) is not the end', () => {
  it('keeps the phase and, by default, the woning; support goes on and the person comes back to the same phase', () => {
    // Act
    const { next, event } = startTemporaryStay(landed(), away, ctx);

    // Assess
    expect(next.fase).toBe('landing');
    expect(next.tijdelijkVerblijf).toMatchObject({ soort: 'opname', sinds: '2027-04-09', woningBehouden: true });
    expect(event.type).toBe('tijdelijk-verblijf-gestart');
    expect(isActive(next)).toBe(true);
    const scaledUp = changeSupport(
      next,
      { id: 's2', niveau: 'intensief', modaliteiten: ['logeerplek'], reden: 'Opschalen', vanaf: '2027-04-10' },
      ctx,
    ).next;
    const home = endTemporaryStay(scaledUp, { op: '2027-04-20' }, { ...ctx, today: '2027-04-20' });
    expect(home.next.fase).toBe('landing');
    expect(home.next.tijdelijkVerblijf).toBeUndefined();
    expect(home.event.type).toBe('tijdelijk-verblijf-afgelopen');
  });

  it('refuses a second stay on top of one, a stay in the future and a return before it began', () => {
    const elsewhere = startTemporaryStay(landed(), away, ctx).next;
    expect(() => startTemporaryStay(elsewhere, away, ctx)).toThrow('al tijdelijk elders');
    expect(() => startTemporaryStay(landed(), { ...away, sinds: '2027-04-11' }, ctx)).toThrow('toekomst');
    expect(() => endTemporaryStay(elsewhere, { op: '2027-04-08' }, ctx)).toThrow('vóór het begin');
    expect(() => endTemporaryStay(landed(), { op: '2027-04-10' }, ctx)).toThrow('niet tijdelijk elders');
  });

  it('keeps the person in the caseload and the follow-up going while they stay elsewhere', () => {
    const elsewhere = startTemporaryStay(landed(), away, ctx).next;
    const summary = { ...elsewhere, niveaus: [{ niveau: 'regulier' as const, vanaf: '2027-03-01' }] };
    expect(caseloadOf([summary], [actor], '2027-04-10')[0]?.trajecten).toBe(1);
    const step = nextFollowUpStep({
      transition: elsewhere,
      signals: [],
      lastContactAt: '2027-03-01T10:00:00.000Z',
      now: new Date('2027-04-10T10:00:00.000Z'),
      support: defaultSupportConfig,
    });
    expect(step.stap).not.toBe('geen');
  });

  it('tells the corporation, under a driepartijenovereenkomst, only that support goes on and whether the woning is kept', () => {
    // Act
    const before = landed();
    const elsewhere = startTemporaryStay(before, { ...away, woningBehouden: false }, ctx).next;
    const notices = noticesFor(before, elsewhere, ctx.today);
    const back = endTemporaryStay(elsewhere, { op: '2027-04-20' }, { ...ctx, today: '2027-04-20' }).next;

    // Assess
    expect(notices.map((n) => n.soort)).toEqual(['tijdelijk-elders']);
    expect(noticeDataSchemas['tijdelijk-elders'].parse(notices[0]!.data)).toMatchObject({
      sinds: '2027-04-09',
      woningBehouden: false,
      begeleidingGaatDoor: true,
    });
    const text = JSON.stringify(notices.map((n) => n.data));
    for (const word of ['opname', 'kliniek', 'psychose', 'soort']) expect(text).not.toContain(word);
    expect(noticesFor(elsewhere, back, '2027-04-20').map((n) => n.soort)).toEqual(['weer-thuis']);
    const ownLease = landed({
      contract: { ...driepartijenContract, vorm: 'eigen-huurcontract', omklapNaMaanden: undefined },
    });
    expect(noticesFor(ownLease, startTemporaryStay(ownLease, away, ctx).next, ctx.today)).toEqual([]);
  });
});

describe('ending a transition is its own decision, with a reason from a short list', () => {
  it('ends with the reason and the phase it ended in; only then the corporation hears it ended, never why', () => {
    // Act
    const elsewhere = startTemporaryStay(landed(), away, ctx).next;
    const { next, event } = endTransition(elsewhere, { reden: 'overleden' }, ctx);

    // Assess
    expect(next.fase).toBe('beeindigd');
    expect(next.vorigeFase).toBe('landing');
    expect(next.beeindiging).toMatchObject({ reden: 'overleden', op: '2027-04-10', door: actor });
    expect(next.tijdelijkVerblijf).toBeUndefined();
    expect(event.type).toBe('traject-beeindigd');
    expect(isActive(next)).toBe(false);
    const notices = noticesFor(elsewhere, next, ctx.today);
    expect(notices.map((n) => n.soort)).toEqual(['traject-beeindigd']);
    expect(JSON.stringify(notices)).not.toContain('overleden');
  });

  it('asks for an explanation with "anders", refuses a second end and refuses changes after it', () => {
    expect(() => endTransition(landed(), { reden: 'anders' }, ctx)).toThrow('Licht toe');
    const ended = endTransition(landed(), { reden: 'terug-naar-bw-mo' }, ctx).next;
    expect(() => endTransition(ended, { reden: 'wil-niet-meer' }, ctx)).toThrow('beëindigd');
    expect(() => startTemporaryStay(ended, away, ctx)).toThrow('beëindigd');
    expect(nextFases(ended)).toEqual([]);
  });

  it('is never a phase change: changeFase offers no end and no relapse', () => {
    expect(nextFases(landed())).not.toContain('beeindigd');
    expect(() => changeFase(landed(), { naar: 'beeindigd', reden: 'Klaar ermee' }, ctx)).toThrow();
  });
});

describe('nazorg after geland', () => {
  // Geland follows from a landing review that judged the person landed (the omklap is one input).
  const atOmklap = () =>
    recordLandingReview(
      landed({
        fase: 'omklap',
        verhuisproces: { evaluatieGepland: '2027-04-12', omklapAangekondigd: '2028-12-01', omklapGemeld: '2029-03-01' },
      }),
      {
        factoren: {
          'overdracht-zorg': { oordeel: 'op-orde' },
          financien: { oordeel: 'op-orde' },
          daginvulling: { oordeel: 'aandacht' },
          netwerk: { oordeel: 'op-orde' },
        },
        perspectiefPersoon: 'Ik woon hier nu echt.',
        geland: true,
      },
      { ...ctx, today: '2029-02-15' },
    ).next;
  const gelandOn = { ...ctx, today: '2029-03-01' };

  it('goes on at waakvlam after geland: still in the caseload and follow-up, no end notice', () => {
    const before = atOmklap();
    const { next } = changeFase(before, { naar: 'geland', reden: 'Omklap gedaan' }, gelandOn);
    expect(next.nazorg).toEqual({ vorm: 'waakvlam', sinds: '2029-03-01' });
    expect(isActive(next)).toBe(true);
    expect(noticesFor(before, next, '2029-03-01').map((n) => n.soort)).not.toContain('traject-beeindigd');
  });

  it('ends with a warm handover that says to whom, when and what; picked up again without a new aanmelding', () => {
    // Prepare
    const geland = changeFase(atOmklap(), { naar: 'geland', reden: 'Omklap gedaan' }, gelandOn).next;
    const overdracht = {
      aan: 'buurtteam' as const,
      contactpersoon: 'Fatima Ouali, buurtteam Kanaleneiland',
      op: '2029-05-01',
      overgedragen: 'Signaleringsplan en netwerkkaart; kennismaking samen gedaan',
    };

    // Act
    const handed = handOver(geland, overdracht, { ...ctx, today: '2029-05-02' });
    const again = pickUpAgain(
      handed.next,
      { reden: 'Buurtteam belt: het gaat minder' },
      { ...ctx, today: '2029-09-01' },
    );

    // Assess
    expect(handed.next.nazorg).toEqual({ vorm: 'overgedragen', sinds: '2029-03-01', overdracht });
    expect(handed.event.type).toBe('nazorg-overgedragen');
    expect(isActive(handed.next)).toBe(false);
    expect(endOfRecord(handed.next)).toBeDefined();
    expect(noticesFor(geland, handed.next, '2029-05-02').map((n) => n.soort)).toEqual(['traject-beeindigd']);
    expect(again.next.fase).toBe('geland');
    expect(again.next.nazorg).toEqual({ vorm: 'waakvlam', sinds: '2029-09-01' });
    expect(again.event.type).toBe('nazorg-weer-opgepakt');
    expect(isActive(again.next)).toBe(true);
    expect(() => pickUpAgain(again.next, { reden: 'Nog een keer' }, ctx)).toThrow('loopt al');
    expect(() => handOver(landed(), overdracht, ctx)).toThrow('geland');
  });
});

describe('records stored before', () => {
  it('reads a teruggevallen record as a stay elsewhere in the phase it was in, woning kept', () => {
    const stored = { ...landed(), fase: 'teruggevallen', vorigeFase: 'verhuizing' };
    const read = Transition.parse(fromStored(stored));
    expect(read.fase).toBe('verhuizing');
    expect(read.vorigeFase).toBeUndefined();
    expect(read.tijdelijkVerblijf).toEqual({ sinds: '2027-04-01', woningBehouden: true });
    expect(isActive(read)).toBe(true);
  });

  it('reads a geland record without nazorg as ended, as it was', () => {
    const read = Transition.parse(fromStored({ ...landed(), fase: 'geland' }));
    expect(read.nazorg).toBeUndefined();
    expect(isActive(read)).toBe(false);
  });
});
