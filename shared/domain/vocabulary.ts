/**
 * The product's words: the values the domain knows and their Dutch labels. Plain constants with no zod,
 * so the web app can show them without loading the schemas.
 */
export const fases = ['aanmelding', 'voorbereiding', 'woning', 'verhuizing', 'landing', 'omklap', 'geland', 'teruggevallen'] as const;
export type Fase = (typeof fases)[number];

export const faseLabels: Record<Fase, string> = {
  aanmelding: 'Aanmelding',
  voorbereiding: 'Voorbereiding',
  woning: 'Woning',
  verhuizing: 'Verhuizing',
  landing: 'Landing',
  omklap: 'Omklap',
  geland: 'Geland',
  teruggevallen: 'Teruggevallen',
};

export const herkomsten = ['BW', 'MO', 'begeleid-wonen'] as const;
export type Herkomst = (typeof herkomsten)[number];

export const herkomstLabels: Record<Herkomst, string> = {
  BW: 'Beschermd Wonen',
  MO: 'Maatschappelijke Opvang',
  'begeleid-wonen': 'Begeleid wonen',
};

export const roles = ['begeleider', 'teamleider', 'budgethouder', 'beheerder', 'corporatie'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  begeleider: 'Begeleider',
  teamleider: 'Teamleider',
  budgethouder: 'Budgethouder',
  beheerder: 'Beheerder',
  corporatie: 'Woningcorporatie',
};

/** Things that happen in a transition, in the order they happened. Grows with every capability. */
export const timelineEventTypes = ['aanmelding-geregistreerd', 'traject-gestart'] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export const timelineEventLabels: Record<TimelineEventType, string> = {
  'aanmelding-geregistreerd': 'Aanmelding geregistreerd',
  'traject-gestart': 'Traject gestart',
};
