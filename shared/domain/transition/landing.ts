import { addMonths, type IsoDate } from '../common/calendar';

/**
 * Geland is judged, not dated. The aim is "een goede landing in de wijk" in plaats van enkel "uitstroom naar
 * de wijk" ("Bouwen aan een thuis"). The judgement looks at the "vier factoren die van invloed zijn op zich
 * herhalende dakloosheid" (Voorkomen Terugval in Dakloosheid) and at how the person sees it: "laat de persoon
 * het eigen verhaal vertellen" (Supportgericht Werken). Reviews at 6, 12 and 24 months after the move ask for it.
 */
export const risicofactoren = ['overdracht-zorg', 'financien', 'daginvulling', 'netwerk'] as const;
export type Risicofactor = (typeof risicofactoren)[number];

export const risicofactorLabels: Record<Risicofactor, string> = {
  'overdracht-zorg': 'Overdracht van de zorg',
  financien: 'Financiële zelfredzaamheid',
  daginvulling: 'Daginvulling en zingeving',
  netwerk: 'Sociaal contact en ondersteunend netwerk',
};

/** What to look at for each factor: what the review task shows the duo. */
export const risicofactorVragen: Record<Risicofactor, string> = {
  'overdracht-zorg': 'Is de zorg goed overgedragen: weet de persoon bij wie die terecht kan, ook in de wijk?',
  financien: 'Komen inkomen, huur en vaste lasten rond, zonder nieuwe achterstanden?',
  daginvulling: 'Heeft de persoon een daginvulling die structuur en zin geeft?',
  netwerk: 'Heeft de persoon sociaal contact en mensen om op terug te vallen?',
};

export const factorOordelen = ['op-orde', 'aandacht', 'risico'] as const;
export type FactorOordeel = (typeof factorOordelen)[number];
export const factorOordeelLabels: Record<FactorOordeel, string> = {
  'op-orde': 'Op orde',
  aandacht: 'Vraagt aandacht',
  risico: 'Risico op terugval',
};

export const LANDING_REVIEW_MONTHS = [6, 12, 24] as const;

export interface Landingsoordeel {
  /** The review it answers (6, 12 or 24 months after the move); absent for a judgement in between. */
  maanden?: number;
  op: IsoDate;
  factoren: Record<Risicofactor, { oordeel: FactorOordeel; toelichting?: string }>;
  /** How the person sees it, in their own words. */
  perspectiefPersoon: string;
  geland: boolean;
  door: { id: string; naam: string };
}

export function landingReviewDate(verhuisdOp: IsoDate, maanden: number): IsoDate {
  return addMonths(verhuisdOp, maanden);
}

/** Geland needs no factor at risk: one is what makes homelessness come back. */
export function gelandBlockedBy(factoren: Landingsoordeel['factoren']): Risicofactor[] {
  return risicofactoren.filter((f) => factoren[f].oordeel === 'risico');
}

/** The last judgement decides whether the person has landed. */
export function isGeland(oordelen: readonly Pick<Landingsoordeel, 'geland'>[] = []): boolean {
  return oordelen.at(-1)?.geland === true;
}

/** A review that was asked for and has no judgement yet. */
export function openReviews(
  asked: readonly number[] = [],
  oordelen: readonly Pick<Landingsoordeel, 'maanden'>[] = [],
): number[] {
  return asked.filter((m) => !oordelen.some((o) => o.maanden === m));
}
