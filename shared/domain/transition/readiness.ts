/**
 * Voorbereiding: readiness per life domain. The eight domains are those of the Persoonlijk Profiel
 * (Den Hollander & Wilken, seed 001); the items are the preparations seed 004 names before a move.
 */
export const levensgebieden = [
  'wonen',
  'werken',
  'leren',
  'recreeren',
  'gezondheid',
  'persoonlijke-zorg',
  'sociale-contacten',
  'zingeving',
] as const;
export type Levensgebied = (typeof levensgebieden)[number];

export const levensgebiedLabels: Record<Levensgebied, string> = {
  wonen: 'Wonen',
  werken: 'Werken',
  leren: 'Leren – opleiding',
  recreeren: 'Recreëren – vrije tijd',
  gezondheid: 'Gezondheid',
  'persoonlijke-zorg': 'Persoonlijke (zelf)zorg, incl. huishouden en financiën',
  'sociale-contacten': 'Sociale contacten',
  zingeving: 'Zingeving',
};

export interface ReadinessItemDefinition {
  id: string;
  levensgebied: Levensgebied;
  label: string;
}

export const readinessItems = [
  {
    id: 'schulden-stabiel',
    levensgebied: 'persoonlijke-zorg',
    label: 'Schulden gestabiliseerd (schuldhulp loopt of is afgerond)',
  },
  { id: 'budgetbeheer', levensgebied: 'persoonlijke-zorg', label: 'Budgetbeheer of bewindvoerder betrokken' },
  { id: 'buffer', levensgebied: 'persoonlijke-zorg', label: 'Buffer gespaard voor de verhuizing' },
  { id: 'huishouden', levensgebied: 'persoonlijke-zorg', label: 'Huishoudelijke vaardigheden geoefend' },
  { id: 'overdrachtsformulier', levensgebied: 'gezondheid', label: 'Overdrachtsformulier ingevuld' },
  {
    id: 'signaleringsplan',
    levensgebied: 'gezondheid',
    label: 'Signaleringsplan opgesteld met de persoon en het netwerk',
  },
  {
    id: 'ervaringsdeskundige',
    levensgebied: 'zingeving',
    label: 'Bewustwordingsgesprek met een ervaringsdeskundige gevoerd',
  },
  { id: 'daginvulling', levensgebied: 'werken', label: 'Daginvulling in de buurt van de nieuwe woning geregeld' },
  { id: 'opleiding', levensgebied: 'leren', label: 'Wensen voor opleiding of cursus besproken' },
  { id: 'vrije-tijd', levensgebied: 'recreeren', label: 'Vrijetijdsbesteding in de nieuwe wijk verkend' },
  { id: 'steunnetwerk', levensgebied: 'sociale-contacten', label: 'Steunnetwerk in beeld en betrokken' },
  {
    id: 'wijk-geinformeerd',
    levensgebied: 'wonen',
    label: 'Lokale professionals geïnformeerd (wijkagent, sociaal team, corporatie)',
  },
] as const satisfies readonly ReadinessItemDefinition[];

export type ReadinessItemId = (typeof readinessItems)[number]['id'];
export const readinessItemIds = readinessItems.map((i) => i.id) as [ReadinessItemId, ...ReadinessItemId[]];

export interface ReadinessCheck {
  gedaanOp: string;
  notitie?: string;
  door: { id: string; naam: string };
}

export type Readiness = Partial<Record<ReadinessItemId, ReadinessCheck>>;

export interface ReadinessSummary {
  done: number;
  total: number;
  /** Items that block the next step under the municipality's policy and are not done yet. */
  openBlocking: ReadinessItemId[];
  ready: boolean;
}

export function summarizeReadiness(readiness: Readiness, blocking: readonly ReadinessItemId[]): ReadinessSummary {
  const done = readinessItems.filter((i) => readiness[i.id]).length;
  const openBlocking = blocking.filter((id) => !readiness[id]);
  return { done, total: readinessItems.length, openBlocking, ready: openBlocking.length === 0 };
}
