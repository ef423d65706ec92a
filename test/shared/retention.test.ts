import { describe, expect, it } from 'vitest';
import { activeFases } from '../../shared/domain/transition/lifecycle';
import {
  DEFAULT_RECORD_RETENTION_YEARS,
  deletionDueOn,
  endOfRecord,
  retentionDecision,
} from '../../shared/domain/audit/retention';
import { fases } from '../../shared/domain/common/vocabulary';

const landed = (updatedAt: string) => ({ fase: 'geland' as const, updatedAt });

describe('the bewaartermijn of a person’s record', () => {
  it('is 15 years unless the privacy officer sets another period', () => {
    expect(DEFAULT_RECORD_RETENTION_YEARS).toBe(15);
  });

  it('keeps the record up to and including the anniversary of its end; it is due the day after', () => {
    const t = landed('2010-03-01T10:00:00.000Z');
    expect(retentionDecision(t, '2025-02-28', 15)).toEqual({
      due: false,
      reason: 'bewaartermijn-loopt',
      endedOn: '2010-03-01',
      dueOn: '2025-03-02',
    });
    expect(retentionDecision(t, '2025-03-01', 15)).toMatchObject({ due: false, reason: 'bewaartermijn-loopt' });
    expect(retentionDecision(t, '2025-03-02', 15)).toEqual({ due: true, endedOn: '2010-03-01', dueOn: '2025-03-02' });
    expect(retentionDecision(t, '2031-07-01', 15)).toMatchObject({ due: true });
  });

  it('is never a day early for an end on 29 February', () => {
    expect(deletionDueOn('2012-02-29', 15)).toBe('2027-03-01');
    expect(deletionDueOn('2012-02-29', 4)).toBe('2016-03-01');
    expect(deletionDueOn('2011-12-31', 1)).toBe('2013-01-01');
  });

  it('counts the end in the Netherlands: a change late on the last evening of February UTC is 1 March there', () => {
    expect(endOfRecord(landed('2010-02-28T23:30:00.000Z'))).toBe('2010-03-01');
    expect(endOfRecord(landed('2010-06-30T21:59:59.000Z'))).toBe('2010-06-30');
    expect(endOfRecord(landed('2010-06-30T22:00:00.000Z'))).toBe('2010-07-01');
  });

  it('never makes an active transition due, however old', () => {
    for (const fase of activeFases) {
      expect(endOfRecord({ fase, updatedAt: '1990-01-01T00:00:00.000Z' })).toBeUndefined();
      expect(retentionDecision({ fase, updatedAt: '1990-01-01T00:00:00.000Z' }, '2099-12-31', 1)).toEqual({
        due: false,
        reason: 'actief',
      });
    }
  });

  it('counts beeindigd and geland without nazorg as ended, and nothing else', () => {
    const ended = fases.filter((fase) => endOfRecord({ fase, updatedAt: '2010-03-01T10:00:00.000Z' }) !== undefined);
    expect(ended).toEqual(['geland', 'beeindigd']);
    expect(
      retentionDecision({ fase: 'beeindigd', updatedAt: '2010-03-01T10:00:00.000Z' }, '2025-03-02', 15),
    ).toMatchObject({ due: true });
  });

  it('keeps a landed transition while its nazorg goes on at waakvlam, and counts it from the warm handover', () => {
    const nazorg = { vorm: 'waakvlam' as const, sinds: '2010-01-01' };
    expect(endOfRecord({ fase: 'geland', nazorg, updatedAt: '2010-03-01T10:00:00.000Z' })).toBeUndefined();
    const overdracht = { aan: 'buurtteam' as const, contactpersoon: 'Fatima', op: '2010-03-01', overgedragen: 'Plan' };
    const handed = { vorm: 'overgedragen' as const, sinds: '2010-01-01', overdracht };
    expect(endOfRecord({ fase: 'geland', nazorg: handed, updatedAt: '2010-03-01T10:00:00.000Z' })).toBe('2010-03-01');
  });

  it('takes the period from configuration: a short one on dev', () => {
    expect(retentionDecision(landed('2025-01-10T10:00:00.000Z'), '2026-01-11', 1)).toMatchObject({
      due: true,
      dueOn: '2026-01-11',
    });
    expect(retentionDecision(landed('2025-01-10T10:00:00.000Z'), '2026-01-11', 15)).toMatchObject({ due: false });
  });

  it('refuses a period that is not a whole number of years', () => {
    for (const years of [0, -1, 1.5, Number.NaN]) expect(() => deletionDueOn('2010-01-01', years)).toThrow(RangeError);
  });
});
