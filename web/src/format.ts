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
