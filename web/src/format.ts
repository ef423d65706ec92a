import { maanden as volledigeMaanden } from '../../shared/domain/common/calendar';
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** `2026-11-22T10:00:00Z` or `1990-04-12` → `22 november 2026`. */
export function datum(iso: string): string {
  return dateFormat.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

export function datumTijd(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function naam(persoon: { voornaam: string; achternaam: string }): string {
  return `${persoon.voornaam} ${persoon.achternaam}`;
}

const maanden = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const maandAfkortingen: Record<string, number> = { maart: 3, mar: 3, sept: 9, oct: 10 };

function maandVan(woord: string): number | undefined {
  const w = woord.toLowerCase().replace(/\.$/, '');
  if (w in maandAfkortingen) return maandAfkortingen[w];
  const i = maanden.findIndex((m) => w.startsWith(m) && (w.length <= 4 || volledigeMaanden[maanden.indexOf(m)] === w));
  return i >= 0 ? i + 1 : undefined;
}

/**
 * A date as people type it: `1-3-2027`, `01-03-2027`, `1/3/2027`, `1.3.2027`, `1 maart 2027`, `1 mrt 2027`,
 * and the `2027-03-01` a browser or a paste gives → `2027-03-01`. Undefined when it is no real date.
 */
export function leesDatum(text: string): string | undefined {
  const t = text.trim();
  let d: number;
  let m: number | undefined;
  let y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const cijfers = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(t);
  const woorden = /^(\d{1,2})\s+([a-zA-Z]+\.?)\s+(\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (cijfers) [d, m, y] = [Number(cijfers[1]), Number(cijfers[2]), Number(cijfers[3])];
  else if (woorden) [d, m, y] = [Number(woorden[1]), maandVan(woorden[2]!), Number(woorden[3])];
  else return undefined;
  if (m === undefined || m < 1 || m > 12 || d < 1) return undefined;
  // Day 31 of a 30-day month (or 29 February in a common year) rolls over: not a real date.
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2027-03-01` → `01-03-2027`, what a date field shows (its label says dd-mm-jjjj); other text stays. */
export function datumInVeld(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** `1 verplicht punt`, `2 verplichte punten`: the count with the right form of its words. */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}
