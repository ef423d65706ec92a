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
  'beeindigd',
] as const;
export type Fase = (typeof fases)[number];

/**
 * The places on a transition's page where work is done (the fragment a Vandaag line links to): a section's id.
 */
export const plekken = ['woning', 'verhuizing', 'besluiten', 'ondersteuning', 'signalen', 'doelen'] as const;
export type Plek = (typeof plekken)[number];

export const faseLabels: Record<Fase, string> = {
  aanmelding: 'Aanmelding',
  voorbereiding: 'Voorbereiding',
  woning: 'Wachten op woning',
  verhuizing: 'Verhuizing',
  landing: 'Landing',
  omklap: 'Omklap',
  geland: 'Geland',
  beeindigd: 'Beëindigd',
};

/**
 * A stay elsewhere for a while, on top of the phase ("mogelijkheid om te logeren bij terugval", Bouwen aan een
 * thuis): the phase, the support and the woning go on. Not a phase: the person comes back to where they were.
 */
export const verblijfSoorten = ['opname', 'logeerplek', 'crisis'] as const;
export type VerblijfSoort = (typeof verblijfSoorten)[number];

export const verblijfSoortLabels: Record<VerblijfSoort, string> = {
  opname: 'Opname',
  logeerplek: 'Logeerplek',
  crisis: 'Crisisopvang',
};

/** Why a transition ends: a decision of the duo, never implied by anything else. */
export const beeindigingRedenen = [
  'terug-naar-bw-mo',
  'verhuisd-buiten-regio',
  'overleden',
  'wil-niet-meer',
  'anders',
] as const;
export type BeeindigingReden = (typeof beeindigingRedenen)[number];

export const beeindigingRedenLabels: Record<BeeindigingReden, string> = {
  'terug-naar-bw-mo': 'Terug naar Beschermd Wonen of de opvang',
  'verhuisd-buiten-regio': 'Verhuisd buiten de regio',
  overleden: 'Overleden',
  'wil-niet-meer': 'Wil geen ondersteuning meer',
  anders: 'Anders',
};

/** Who takes over after geland, in a warm handover. */
export const overdrachtPartijen = ['buurtteam', 'sociaal-wijkteam'] as const;
export type OverdrachtPartij = (typeof overdrachtPartijen)[number];

export const overdrachtPartijLabels: Record<OverdrachtPartij, string> = {
  buurtteam: 'Buurtteam',
  'sociaal-wijkteam': 'Sociaal wijkteam',
};

export const herkomsten = ['BW', 'MO', 'begeleid-wonen'] as const;
export type Herkomst = (typeof herkomsten)[number];

export const herkomstLabels: Record<Herkomst, string> = {
  BW: 'Beschermd Wonen',
  MO: 'Maatschappelijke Opvang',
  'begeleid-wonen': 'Begeleid wonen',
};

export const roles = ['begeleider', 'teamleider', 'budgethouder', 'beheerder', 'corporatie', 'beleid'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  begeleider: 'Begeleider',
  teamleider: 'Teamleider',
  budgethouder: 'Budgethouder',
  beheerder: 'Beheerder',
  corporatie: 'Woningcorporatie',
  beleid: 'Beleidsmedewerker',
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
  'tijdelijk-verblijf-gestart',
  'tijdelijk-verblijf-afgelopen',
  'traject-beeindigd',
  'nazorg-overgedragen',
  'nazorg-weer-opgepakt',
  'profiel-vastgelegd',
  'profiel-akkoord',
  'doel-gesteld',
  'opties-gewogen',
  'plan-bijgewerkt',
  'doel-geevalueerd',
  'netwerk-bijgewerkt',
  'kwaliteit-gescoord',
  'begeleiders-gewijzigd',
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
  'tijdelijk-verblijf-gestart': 'Tijdelijk elders',
  'tijdelijk-verblijf-afgelopen': 'Weer thuis',
  'traject-beeindigd': 'Traject beëindigd',
  'nazorg-overgedragen': 'Warme overdracht',
  'nazorg-weer-opgepakt': 'Weer opgepakt',
  'profiel-vastgelegd': 'Persoonlijk Profiel vastgelegd',
  'profiel-akkoord': 'Akkoord op het Persoonlijk Profiel',
  'doel-gesteld': 'Doel gesteld',
  'opties-gewogen': 'Opties gewogen',
  'plan-bijgewerkt': 'Plan van Aanpak bijgewerkt',
  'doel-geevalueerd': 'Doel geëvalueerd',
  'netwerk-bijgewerkt': 'Steunsysteem bijgewerkt',
  'kwaliteit-gescoord': 'Kwaliteit van bestaan gescoord',
  'begeleiders-gewijzigd': 'Begeleiders gewijzigd',
};
