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
