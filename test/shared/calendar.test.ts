import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isValidIsoDate,
  nearestFirstOfMonth,
  todayInNetherlands,
} from '../../shared/domain/common/calendar';

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar', () => {
  it('adds months to the last day of a shorter month, leap years included', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 24)).toBe('2028-11-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });

  it('counts days across the DST changes as whole days', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('suggests the nearest first of the month, the later one on a tie', () => {
    expect(nearestFirstOfMonth('2027-03-10')).toBe('2027-03-01');
    expect(nearestFirstOfMonth('2027-03-20')).toBe('2027-04-01');
    expect(nearestFirstOfMonth('2027-12-31')).toBe('2028-01-01');
  });

  it('knows a real calendar date from an impossible one', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2027-13-01')).toBe(false);
  });

  it('takes today in the Netherlands, not in UTC', () => {
    expect(todayInNetherlands(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
    expect(todayInNetherlands(new Date('2027-12-31T22:59:00Z'))).toBe('2027-12-31');
  });

  it('adding and subtracting days are inverse (property)', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -2000, max: 2000 }), (d, n) => addDays(addDays(d, n), -n) === d));
  });

  it('daysBetween measures what addDays adds (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -2000, max: 2000 }), (d, n) => daysBetween(d, addDays(d, n)) === n),
    );
  });

  it('addMonths always yields a valid date in the right month (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (d, n) => {
        const result = addMonths(d, n);
        const months =
          (Number(result.slice(0, 4)) - Number(d.slice(0, 4))) * 12 +
          Number(result.slice(5, 7)) -
          Number(d.slice(5, 7));
        return isValidIsoDate(result) && months === n && Number(result.slice(8)) <= Number(d.slice(8));
      }),
    );
  });
});

describe('calendar at import', () => {
  it('builds no Intl formatter when the module loads: the first one loads ICU, tens of ms of a cold start', async () => {
    const real = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(real, {
      construct: (target, args) => {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      vi.resetModules();
      await import('../../shared/domain/common/calendar');
      await import('../../shared/domain/signals/signal-commands');
      await import('../../shared/domain/uitkering/uitkering');
    } finally {
      Intl.DateTimeFormat = real;
    }
    expect(built).toBe(0);
  });

  it('names a day in Dutch words as Intl does', async () => {
    const { datumInWoorden } = await import('../../shared/domain/common/calendar');
    const intl = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let day = '2024-01-01'; day <= '2031-12-31'; day = addDays(day, 1)) {
      expect(datumInWoorden(day)).toBe(intl.format(new Date(`${day}T00:00:00Z`)));
    }
    expect(datumInWoorden('2027-01-04')).toBe('4 januari 2027');
  });
});
