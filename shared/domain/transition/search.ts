import type { RiskLevel } from '../uitkering/uitkering';
import type { Fase } from '../common/vocabulary';
import type { TransitionSummary } from './transition';

/** What a caseworker searches a list by: a name or a date of birth, and the list's filters. */
export interface TransitionFilter {
  zoek?: string | undefined;
  fase?: Fase | undefined;
  risico?: RiskLevel | undefined;
  begeleiderId?: string | undefined;
}

/** Lower case, without diacritics or punctuation: "Koç" finds "koc", "d'Souza" finds "dsouza". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '');

/**
 * A date of birth typed the Dutch way: day, month, year ("3-4-1990", "03-04-1990", "3/4/1990", "3.4.1990"),
 * as jjjj-mm-dd; undefined when the text is not such a date (then it is a name).
 */
export function dutchDate(text: string): string | undefined {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Every word typed is part of the name (voornaam and achternaam, in any order), or the text is the birth date. */
export function matchesFilter(t: TransitionSummary, filter: TransitionFilter): boolean {
  if (filter.fase && t.fase !== filter.fase) return false;
  if (filter.risico && (t.signalen?.uitkeringRisico ?? 'open') !== filter.risico) return false;
  if (filter.begeleiderId && !t.begeleiders.some((b) => b.id === filter.begeleiderId)) return false;
  const zoek = filter.zoek?.trim();
  if (!zoek) return true;
  const geboren = dutchDate(zoek);
  if (geboren) return t.persoon.geboortedatum === geboren;
  const naam = fold(`${t.persoon.voornaam} ${t.persoon.achternaam}`);
  return fold(zoek)
    .split(/\s+/)
    .filter(Boolean)
    .every((woord) => naam.includes(woord));
}
