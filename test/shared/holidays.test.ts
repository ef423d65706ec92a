import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday, feestdag, isWerkdag, nextWerkdag } from '../../shared/domain/common/calendar';

describe('Dutch public holidays', () => {
  it('computes Easter Sunday (known years)', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('names 1 January, the Easter-derived days, Koningsdag, Bevrijdingsdag and Kerst', () => {
    expect(feestdag('2027-01-01')).toBe('Nieuwjaarsdag');
    expect(feestdag('2027-03-28')).toBe('Eerste Paasdag');
    expect(feestdag('2027-03-29')).toBe('Tweede Paasdag');
    expect(feestdag('2027-05-06')).toBe('Hemelvaartsdag');
    expect(feestdag('2027-05-16')).toBe('Eerste Pinksterdag');
    expect(feestdag('2027-05-17')).toBe('Tweede Pinksterdag');
    expect(feestdag('2027-04-27')).toBe('Koningsdag');
    expect(feestdag('2025-05-05')).toBe('Bevrijdingsdag');
    expect(feestdag('2027-12-25')).toBe('Eerste Kerstdag');
    expect(feestdag('2027-12-26')).toBe('Tweede Kerstdag');
    expect(feestdag('2027-03-01')).toBeUndefined();
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    expect(feestdag('2025-04-27')).toBeUndefined();
    expect(feestdag('2025-04-26')).toBe('Koningsdag');
  });

  it('is no werkdag on weekends and holidays; the next werkdag skips both', () => {
    expect(isWerkdag('2027-01-01')).toBe(false);
    expect(isWerkdag('2027-01-02')).toBe(false); // Saturday
    expect(nextWerkdag('2027-01-01')).toBe('2027-01-04');
    expect(nextWerkdag('2027-03-29')).toBe('2027-03-30');
    expect(nextWerkdag('2027-03-30')).toBe('2027-03-30');
  });

  it('Easter always falls on a Sunday between 22 March and 25 April (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), (year) => {
        const easter = easterSunday(year);
        const day = new Date(`${easter}T00:00:00Z`).getUTCDay();
        return day === 0 && easter >= `${year}-03-22` && easter <= `${year}-04-25`;
      }),
    );
  });
});
