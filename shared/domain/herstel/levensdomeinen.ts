/**
 * The life domains of the Persoonlijk Profiel (Supportgericht Werken: "wonen, werken, leren en recreëren",
 * and the profile's rows for health, self-care, social contacts and meaning). The person's profile, their goals
 * and the kwaliteit-van-bestaan scores all speak of these.
 */
export const levensdomeinen = [
  'wonen',
  'werken',
  'leren',
  'recreeren',
  'gezondheid',
  'zelfzorg',
  'sociale-contacten',
  'zingeving',
] as const;
export type Levensdomein = (typeof levensdomeinen)[number];

export const levensdomeinLabels: Record<Levensdomein, string> = {
  wonen: 'Wonen',
  werken: 'Werken',
  leren: 'Leren - Opleiding',
  recreeren: 'Recreëren - Vrije tijd',
  gezondheid: 'Gezondheid',
  zelfzorg: 'Persoonlijke (zelf)zorg (incl. huishouden, financiën)',
  'sociale-contacten': 'Sociale contacten',
  zingeving: 'Zingeving (incl. spiritualiteit/religie)',
};
