import { describe, expect, it } from 'vitest';
import { aantal, datumInVeld, leesDatum } from '../../web/src/format';

describe('dates as people type them', () => {
  it('reads day-month-year with or without leading zeros, and the month in words', () => {
    expect(leesDatum('1-3-2027')).toBe('2027-03-01');
    expect(leesDatum('01-03-2027')).toBe('2027-03-01');
    expect(leesDatum(' 1/3/2027 ')).toBe('2027-03-01');
    expect(leesDatum('1.3.2027')).toBe('2027-03-01');
    expect(leesDatum('1 maart 2027')).toBe('2027-03-01');
    expect(leesDatum('1 Maart 2027')).toBe('2027-03-01');
    expect(leesDatum('1 mrt 2027')).toBe('2027-03-01');
    expect(leesDatum('15 okt. 2027')).toBe('2027-10-15');
    expect(leesDatum('31 december 2027')).toBe('2027-12-31');
  });

  it('keeps reading the ISO date a browser or a paste gives', () => {
    expect(leesDatum('2027-03-01')).toBe('2027-03-01');
  });

  it('refuses what is no real date', () => {
    for (const text of ['31-4-2027', '29-2-2027', '0-3-2027', '1-13-2027', '1 maartje 2027', '1-3-27', 'morgen', '']) {
      expect(leesDatum(text), text).toBeUndefined();
    }
    expect(leesDatum('29-2-2028')).toBe('2028-02-29');
  });

  it('shows a date in its field as dd-mm-jjjj', () => {
    expect(datumInVeld('2027-03-01')).toBe('01-03-2027');
    expect(datumInVeld('')).toBe('');
  });
});

describe('counts', () => {
  it('take the singular for one and the plural otherwise', () => {
    expect(aantal(1, 'verplicht punt', 'verplichte punten')).toBe('1 verplicht punt');
    expect(aantal(2, 'verplicht punt', 'verplichte punten')).toBe('2 verplichte punten');
    expect(aantal(0, 'mens', 'mensen')).toBe('0 mensen');
  });
});
