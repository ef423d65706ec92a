import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isFirstOfMonth } from '../../shared/domain/common/calendar';
import {
  huurtoeslagWarning,
  JONGERENNORM_ONDER,
  jongerenWarning,
  latestSafeApplicationDate,
  uitkeringRisk,
  verhuisdagAdvies,
  ZOEKTERMIJN_ONDER,
} from '../../shared/domain/uitkering/uitkering';
import { UitkeringStatusSchema } from '../../shared/domain/transition/traject-schemas';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const weeks = fc.integer({ min: 1, max: 26 });

describe('uitkering timing', () => {
  it('is open without a move date', () => {
    expect(uitkeringRisk({ status: {}, decisionWeeks: 8, today: '2026-12-01' }).level).toBe('open');
  });

  it('is red when not applied and the latest safe application date has come, naming it', () => {
    const risk = uitkeringRisk({ moveDate: '2027-03-01', status: {}, decisionWeeks: 8, today: '2027-01-04' });
    expect(risk).toMatchObject({ level: 'rood', latestSafeApplicationDate: '2027-01-04' });
    expect(risk.reden).toContain('4 januari 2027');
  });

  it('is amber when applied and the decision is expected by the move date', () => {
    expect(
      uitkeringRisk({
        moveDate: '2027-03-01',
        status: { aangevraagdOp: '2027-01-04' },
        decisionWeeks: 8,
        today: '2026-12-01',
      }),
    ).toMatchObject({
      level: 'oranje',
      expectedDecisionDate: '2027-03-01',
    });
  });

  it('is red when the expected decision lands after the move', () => {
    expect(
      uitkeringRisk({
        moveDate: '2027-03-01',
        status: { aangevraagdOp: '2027-01-05' },
        decisionWeeks: 8,
        today: '2026-12-01',
      }).level,
    ).toBe('rood');
  });

  it('is green only when granted with a start on or before the move date', () => {
    const granted = { aangevraagdOp: '2027-01-01', besluitOp: '2027-02-01', toegekend: true };
    expect(
      uitkeringRisk({
        moveDate: '2027-03-01',
        status: { ...granted, ingangsdatum: '2027-03-01' },
        decisionWeeks: 8,
        today: '2026-12-01',
      }).level,
    ).toBe('groen');
    expect(
      uitkeringRisk({
        moveDate: '2027-03-01',
        status: { ...granted, ingangsdatum: '2027-03-02' },
        decisionWeeks: 8,
        today: '2026-12-01',
      }).level,
    ).toBe('rood');
    expect(
      uitkeringRisk({
        moveDate: '2027-03-01',
        status: { ...granted, toegekend: false },
        decisionWeeks: 8,
        today: '2026-12-01',
      }).level,
    ).toBe('rood');
  });

  it('applying on the latest safe date is always just in time (property)', () => {
    fc.assert(
      fc.property(isoDate, weeks, (move, w) => {
        const latest = latestSafeApplicationDate(move, w);
        const onTime = uitkeringRisk({
          moveDate: move,
          status: { aangevraagdOp: latest },
          decisionWeeks: w,
          today: move,
        });
        const late = uitkeringRisk({
          moveDate: move,
          status: { aangevraagdOp: addDays(latest, 1) },
          decisionWeeks: w,
          today: move,
        });
        return onTime.level === 'oranje' && late.level === 'rood';
      }),
    );
  });

  it('a longer decision time never makes the risk better (property)', () => {
    const rank = { groen: 0, oranje: 1, rood: 2, open: 3 } as const;
    fc.assert(
      fc.property(isoDate, isoDate, weeks, (move, applied, w) => {
        const shorter = uitkeringRisk({
          moveDate: move,
          status: { aangevraagdOp: applied },
          decisionWeeks: w,
          today: move,
        });
        const longer = uitkeringRisk({
          moveDate: move,
          status: { aangevraagdOp: applied },
          decisionWeeks: w + 1,
          today: move,
        });
        return rank[longer.level] >= rank[shorter.level];
      }),
    );
  });
});

describe('uitkering timing that helps', () => {
  const move = '2027-03-01'; // latest safe application at 8 weeks: 2027-01-04

  it('is not red months ahead when nothing is due yet', () => {
    const risk = uitkeringRisk({ moveDate: move, status: {}, decisionWeeks: 8, today: '2026-10-01' });
    expect(risk.level).toBe('open');
    expect(risk.reden).toContain('4 januari 2027');
  });

  it('is amber in the two weeks before the latest safe application date', () => {
    expect(uitkeringRisk({ moveDate: move, status: {}, decisionWeeks: 8, today: '2026-12-21' }).level).toBe('oranje');
  });

  it('is red only once action is due now', () => {
    expect(uitkeringRisk({ moveDate: move, status: {}, decisionWeeks: 8, today: '2027-01-04' }).level).toBe('rood');
  });

  it('a prepared application waits for the address without shouting, and is due once the date is known', () => {
    const klaar = { klaargezetOp: '2026-11-01' };
    const noDate = uitkeringRisk({ status: klaar, decisionWeeks: 8, today: '2026-11-02' });
    expect(noDate).toMatchObject({ level: 'open' });
    expect(noDate.reden).toContain('klaargezet');
    const due = uitkeringRisk({ moveDate: '2027-01-15', status: klaar, decisionWeeks: 8, today: '2027-01-02' });
    expect(due.level).toBe('rood');
    expect(due.reden).toContain('klaargezet');
  });

  it('applied late but with maatwerk agreed with Werk & Inkomen is amber, not red', () => {
    const late = { aangevraagdOp: '2027-02-15' };
    expect(uitkeringRisk({ moveDate: move, status: late, decisionWeeks: 8, today: '2027-02-15' }).level).toBe('rood');
    const maatwerk = uitkeringRisk({
      moveDate: move,
      status: { ...late, maatwerkAfgesproken: true, contactWerkInkomen: 'Els Jansen, 030-1234567' },
      decisionWeeks: 8,
      today: '2027-02-15',
    });
    expect(maatwerk.level).toBe('oranje');
    expect(maatwerk.reden).toContain('maatwerk');
  });
});

describe('jongerennorm (Participatiewet)', () => {
  it('uses the ages of the Participatiewet as named constants', () => {
    expect(JONGERENNORM_ONDER).toBe(21);
    expect(ZOEKTERMIJN_ONDER).toBe(27);
  });

  it('warns for the lower norm under 21 on the move date, from the date of birth', () => {
    const w = jongerenWarning('2006-03-02', '2027-03-01');
    expect(w?.reden).toContain('jongerennorm');
    expect(jongerenWarning('2006-03-01', '2027-03-01')?.reden).not.toContain('jongerennorm');
  });

  it('warns for the zoektermijn under 27 and is silent from 27', () => {
    expect(jongerenWarning('2001-03-02', '2027-03-01')?.reden).toContain('vier weken');
    expect(jongerenWarning('2000-03-01', '2027-03-01')).toBeUndefined();
  });
});

describe('move-day advice', () => {
  it('does not advise 1 January: the contract starts on the 1st, the move on the next werkdag', () => {
    const advies = verhuisdagAdvies('2026-12-28', {});
    expect(advies?.suggestie).toBe('2027-01-04');
    expect(advies?.reden).toContain('Nieuwjaarsdag');
  });

  it('warns when the chosen day is a holiday or weekend (Tweede Paasdag)', () => {
    const advies = verhuisdagAdvies('2027-03-29', {});
    expect(advies?.geenVerhuisdag).toContain('Tweede Paasdag');
    expect(advies?.suggestie).toBe('2027-04-01');
    const weekend = verhuisdagAdvies('2027-05-01', {});
    expect(weekend?.geenVerhuisdag).toContain('zaterdag');
    expect(weekend?.suggestie).toBe('2027-05-03');
    expect(verhuisdagAdvies('2027-03-01', {})).toBeUndefined();
  });

  it('shows the uitkering start next to the advice, and warns when the advice would move before it', () => {
    const advies = verhuisdagAdvies('2027-02-27', { toegekend: true, ingangsdatum: '2027-03-01' });
    expect(advies).toMatchObject({ suggestie: '2027-03-01', uitkeringIngangsdatum: '2027-03-01' });
    expect(advies?.uitkeringWaarschuwing).toBeUndefined();
    const later = verhuisdagAdvies('2027-02-27', { toegekend: true, ingangsdatum: '2027-03-10' });
    expect(later?.uitkeringWaarschuwing).toContain('10 maart 2027');
  });
});

describe('huurtoeslag warning', () => {
  it('names the eigen bijdrage that stays due', () => {
    expect(huurtoeslagWarning('2027-02-15')?.reden).toContain('eigen bijdrage');
  });

  it('warns for a move that is not on the 1st and suggests the nearest 1st', () => {
    expect(huurtoeslagWarning('2027-03-01')).toBeUndefined();
    expect(huurtoeslagWarning('2027-02-27')).toMatchObject({ suggestie: '2027-03-01' });
  });

  it('always suggests a first of the month within 16 days (property)', () => {
    fc.assert(
      fc.property(isoDate, (move) => {
        const warning = huurtoeslagWarning(move);
        if (!warning) return isFirstOfMonth(move);
        const distance = Math.abs(Date.parse(warning.suggestie) - Date.parse(move)) / 86_400_000;
        return isFirstOfMonth(warning.suggestie) && distance <= 16;
      }),
    );
  });
});

describe('stored uitkering status', () => {
  it('reads a status stored before klaarzetten, maatwerk and bijzondere bijstand existed, unchanged', () => {
    const old = { aangevraagdOp: '2026-05-01', besluitOp: '2026-06-01', toegekend: true, ingangsdatum: '2026-07-01' };
    expect(UitkeringStatusSchema.parse(old)).toEqual(old);
  });
});
