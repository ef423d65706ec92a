/**
 * The product's words: the values the domain knows and their Dutch labels. Plain constants with no zod,
 * so the web app can show them without loading the schemas.
 */
export const fases = [
  'aanmelding',
  'voorbereiding',
  'woning',
  'verhuizing',
  'landing',
  'omklap',
  'geland',
  'teruggevallen',
] as const;
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
export const timelineEventTypes = [
  'aanmelding-geregistreerd',
  'traject-gestart',
  'fase-gewijzigd',
  'gereedheid-bijgewerkt',
  'woning-aangeboden',
  'woning-geaccepteerd',
  'woning-afgewezen',
  'contract-getekend',
  'verhuisdatum-vastgelegd',
  'uitkering-bijgewerkt',
  'taak-aangemaakt',
  'verhuisd',
  'evaluatie-gepland',
  'omklap-aangekondigd',
  'omklap-uitgevoerd',
  'omklap-besloten',
  'landing-beoordeeld',
  'ondersteuning-gewijzigd',
  'ondersteuning-geevalueerd',
  'signaleringsplan-vastgelegd',
  'signaleringsplan-akkoord',
  'signaal-ontvangen',
  'signaal-bevestigd',
  'opschaling-voorgesteld',
  'signaal-geescaleerd',
  'signaal-afgehandeld',
  'opschaling-afgelopen',
  'toewijzing-vastgelegd',
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export const timelineEventLabels: Record<TimelineEventType, string> = {
  'aanmelding-geregistreerd': 'Aanmelding geregistreerd',
  'traject-gestart': 'Traject gestart',
  'fase-gewijzigd': 'Fase gewijzigd',
  'gereedheid-bijgewerkt': 'Voorbereiding bijgewerkt',
  'woning-aangeboden': 'Woning aangeboden',
  'woning-geaccepteerd': 'Woning geaccepteerd',
  'woning-afgewezen': 'Woning afgewezen',
  'contract-getekend': 'Huurcontract getekend',
  'verhuisdatum-vastgelegd': 'Verhuisdatum vastgelegd',
  'uitkering-bijgewerkt': 'Uitkering bijgewerkt',
  'taak-aangemaakt': 'Taak voor de begeleider',
  verhuisd: 'Verhuisd',
  'evaluatie-gepland': 'Evaluatie gepland',
  'omklap-aangekondigd': 'Omklap aangekondigd',
  'omklap-uitgevoerd': 'Omklap uitgevoerd',
  'omklap-besloten': 'Besluit over de omklap',
  'landing-beoordeeld': 'Landing beoordeeld',
  'ondersteuning-gewijzigd': 'Ondersteuning gewijzigd',
  'ondersteuning-geevalueerd': 'Ondersteuning geëvalueerd',
  'signaleringsplan-vastgelegd': 'Signaleringsplan vastgelegd',
  'signaleringsplan-akkoord': 'Akkoord op het signaleringsplan',
  'signaal-ontvangen': 'Signaal ontvangen',
  'signaal-bevestigd': 'Signaal opgepakt',
  'opschaling-voorgesteld': 'Opschaling voorgesteld',
  'signaal-geescaleerd': 'Signaal doorgezet naar de teamleider',
  'signaal-afgehandeld': 'Signaal afgehandeld',
  'opschaling-afgelopen': 'Tijdelijke opschaling afgelopen',
  'toewijzing-vastgelegd': 'Toewijzing vastgelegd',
};
