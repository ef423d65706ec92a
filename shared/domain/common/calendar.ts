/**
 * Date arithmetic on ISO calendar dates (`jjjj-mm-dd`). Calendar dates have no time of day and no time zone,
 * so daylight saving time cannot shift them: every computation runs in UTC on whole days.
 */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 jan + 1 = 28/29 feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isFirstOfMonth(date: IsoDate): boolean {
  return parts(date)[2] === 1;
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

export function firstOfNextMonth(date: IsoDate): IsoDate {
  return addMonths(firstOfMonth(date), 1);
}

/** The first of a month closest to `date` (a tie goes to the later one: moving later is usually possible). */
export function nearestFirstOfMonth(date: IsoDate): IsoDate {
  const before = firstOfMonth(date);
  const after = firstOfNextMonth(date);
  return daysBetween(before, date) < daysBetween(date, after) ? before : after;
}

/** Age in whole years on `today`, from ISO dates; pure so that rules can be tested on any day. */
export function ageInYears(geboortedatum: string, today: string): number {
  const [by, bm, bd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

export function isValidIsoDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Today's calendar date in the Netherlands (where every deadline of the product is meant). */
export function todayInNetherlands(now: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** Saturday or Sunday (ISO dates are calendar days: the weekday does not depend on a time zone). */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 || day === 6;
}

/** The Dutch months in full, January first: how dates are written in words and typed by people. */
export const maanden = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * `2027-01-04` → `4 januari 2027`: how texts for people name a day. Spelled out here rather than by an
 * Intl formatter: the process's first one loads ICU's data, tens of ms of a Lambda's cold start.
 */
export function datumInWoorden(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${d} ${maanden[m - 1]} ${y}`;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The Dutch public holiday on a day, by name, or undefined. Goede Vrijdag is left out: it is no general day
 * off. Bevrijdingsdag counts every year, not only in lustrumjaren: offices that a move needs (gemeente,
 * corporatie) are often closed then, and a move on another day costs nothing.
 */
export function feestdag(date: IsoDate): string | undefined {
  const [year, month] = parts(date);
  const md = date.slice(5);
  if (md === '01-01') return 'Nieuwjaarsdag';
  // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
  const koningsdag = isSunday(`${year}-04-27`) ? '04-26' : '04-27';
  if (md === koningsdag) return 'Koningsdag';
  if (md === '05-05') return 'Bevrijdingsdag';
  if (md === '12-25') return 'Eerste Kerstdag';
  if (md === '12-26') return 'Tweede Kerstdag';
  if (month < 3 || month > 6) return undefined;
  const sinceEaster = daysBetween(easterSunday(year), date);
  const easterDays: Record<number, string> = {
    0: 'Eerste Paasdag',
    1: 'Tweede Paasdag',
    39: 'Hemelvaartsdag',
    49: 'Eerste Pinksterdag',
    50: 'Tweede Pinksterdag',
  };
  return easterDays[sinceEaster];
}

function isSunday(date: IsoDate): boolean {
  return new Date(toUtcMs(date)).getUTCDay() === 0;
}

/** A weekday that is no public holiday: a day on which a move, a key handover and an office visit can happen. */
export function isWerkdag(date: IsoDate): boolean {
  return !isWeekend(date) && feestdag(date) === undefined;
}

/** `date` itself when it is a werkdag, else the first werkdag after it. */
export function nextWerkdag(date: IsoDate): IsoDate {
  let d = date;
  while (!isWerkdag(d)) d = addDays(d, 1);
  return d;
}

/**
 * The instant a wall-clock time in the Netherlands happens on a day, e.g. the 07:00 at which alarms for a
 * day go off. Daylight saving time is honoured: 07:00 is 06:00Z in winter and 05:00Z in summer.
 */
export function instantInNetherlands(date: IsoDate, time = '07:00'): Date {
  return zonedInstant(`${date}T${time}:00`, 'Europe/Amsterdam');
}

/** `2027-03-28T07:00:00` as wall-clock time in `timeZone` → the instant. */
export function zonedInstant(localDateTime: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!match) throw new RangeError(`not a local date-time: ${localDateTime}`);
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at that moment (twice, to land right around a DST change).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant = asUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - Math.floor(instant / 1000) * 1000;
}
