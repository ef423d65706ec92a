import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isFirstOfMonth } from '../../shared/domain/common/calendar';
import { huurtoeslagWarning, latestSafeApplicationDate, uitkeringRisk } from '../../shared/domain/uitkering/uitkering';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const weeks = fc.integer({ min: 1, max: 26 });

describe('uitkering timing', () => {
  it('is open without a move date', () => {
    expect(uitkeringRisk({ status: {}, decisionWeeks: 8 }).level).toBe('open');
  });

  it('is red when not applied, naming the latest safe application date', () => {
    const risk = uitkeringRisk({ moveDate: '2027-03-01', status: {}, decisionWeeks: 8 });
    expect(risk).toMatchObject({ level: 'rood', latestSafeApplicationDate: '2027-01-04' });
    expect(risk.reden).toContain('2027-01-04');
  });

  it('is amber when applied and the decision is expected by the move date', () => {
    expect(
      uitkeringRisk({ moveDate: '2027-03-01', status: { aangevraagdOp: '2027-01-04' }, decisionWeeks: 8 }),
    ).toMatchObject({
      level: 'oranje',
      expectedDecisionDate: '2027-03-01',
    });
  });

  it('is red when the expected decision lands after the move', () => {
    expect(
      uitkeringRisk({ moveDate: '2027-03-01', status: { aangevraagdOp: '2027-01-05' }, decisionWeeks: 8 }).level,
    ).toBe('rood');
  });

  it('is green only when granted with a start on or before the move date', () => {
    const granted = { aangevraagdOp: '2027-01-01', besluitOp: '2027-02-01', toegekend: true };
    expect(
      uitkeringRisk({ moveDate: '2027-03-01', status: { ...granted, ingangsdatum: '2027-03-01' }, decisionWeeks: 8 })
        .level,
    ).toBe('groen');
    expect(
      uitkeringRisk({ moveDate: '2027-03-01', status: { ...granted, ingangsdatum: '2027-03-02' }, decisionWeeks: 8 })
        .level,
    ).toBe('rood');
    expect(
      uitkeringRisk({ moveDate: '2027-03-01', status: { ...granted, toegekend: false }, decisionWeeks: 8 }).level,
    ).toBe('rood');
  });

  it('applying on the latest safe date is always just in time (property)', () => {
    fc.assert(
      fc.property(isoDate, weeks, (move, w) => {
        const latest = latestSafeApplicationDate(move, w);
        const onTime = uitkeringRisk({ moveDate: move, status: { aangevraagdOp: latest }, decisionWeeks: w });
        const late = uitkeringRisk({ moveDate: move, status: { aangevraagdOp: addDays(latest, 1) }, decisionWeeks: w });
        return onTime.level === 'oranje' && late.level === 'rood';
      }),
    );
  });

  it('a longer decision time never makes the risk better (property)', () => {
    const rank = { groen: 0, oranje: 1, rood: 2, open: 3 } as const;
    fc.assert(
      fc.property(isoDate, isoDate, weeks, (move, applied, w) => {
        const shorter = uitkeringRisk({ moveDate: move, status: { aangevraagdOp: applied }, decisionWeeks: w });
        const longer = uitkeringRisk({ moveDate: move, status: { aangevraagdOp: applied }, decisionWeeks: w + 1 });
        return rank[longer.level] >= rank[shorter.level];
      }),
    );
  });
});

describe('huurtoeslag warning', () => {
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
