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

/**
 * When an item can be done: before the woning, or once the woning (and so the wijk) is known. A woning is
 * often known only two weeks ahead ("Bouwen aan een thuis"), so items about the new wijk belong to the move.
 */
export const readinessMomenten = ['voor-woning', 'na-woning'] as const;
export type ReadinessMoment = (typeof readinessMomenten)[number];

export interface ReadinessItemDefinition {
  id: string;
  levensgebied: Levensgebied;
  label: string;
  moment: ReadinessMoment;
}

export const readinessItems = [
  {
    id: 'schulden-stabiel',
    levensgebied: 'persoonlijke-zorg',
    label: 'Schulden gestabiliseerd (schuldhulp loopt of is afgerond)',
    moment: 'voor-woning',
  },
  {
    id: 'budgetbeheer',
    levensgebied: 'persoonlijke-zorg',
    label: 'Budgetbeheer of bewindvoerder betrokken',
    moment: 'voor-woning',
  },
  {
    id: 'garantstelling',
    levensgebied: 'wonen',
    label: 'Garantstelling van de gemeente voor de huur geregeld (bij schulden)',
    moment: 'voor-woning',
  },
  {
    id: 'buffer',
    levensgebied: 'persoonlijke-zorg',
    label: 'Buffer gespaard voor de verhuizing',
    moment: 'voor-woning',
  },
  {
    id: 'huishouden',
    levensgebied: 'persoonlijke-zorg',
    label: 'Huishoudelijke vaardigheden geoefend',
    moment: 'voor-woning',
  },
  {
    id: 'overdrachtsformulier',
    levensgebied: 'gezondheid',
    label: 'Overdrachtsformulier ingevuld',
    moment: 'voor-woning',
  },
  {
    id: 'signaleringsplan',
    levensgebied: 'gezondheid',
    label: 'Signaleringsplan opgesteld met de persoon en het netwerk',
    moment: 'voor-woning',
  },
  {
    id: 'ervaringsdeskundige',
    levensgebied: 'zingeving',
    label: 'Bewustwordingsgesprek met een ervaringsdeskundige gevoerd',
    moment: 'voor-woning',
  },
  {
    id: 'daginvulling',
    levensgebied: 'werken',
    label: 'Daginvulling in de buurt van de nieuwe woning geregeld',
    moment: 'na-woning',
  },
  { id: 'opleiding', levensgebied: 'leren', label: 'Wensen voor opleiding of cursus besproken', moment: 'voor-woning' },
  {
    id: 'vrije-tijd',
    levensgebied: 'recreeren',
    label: 'Vrijetijdsbesteding in de nieuwe wijk verkend',
    moment: 'na-woning',
  },
  {
    id: 'steunnetwerk',
    levensgebied: 'sociale-contacten',
    label: 'Steunnetwerk in beeld en betrokken',
    moment: 'voor-woning',
  },
  {
    id: 'wijk-geinformeerd',
    levensgebied: 'wonen',
    label: 'Lokale professionals geïnformeerd (wijkagent, sociaal team, corporatie)',
    moment: 'na-woning',
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

/** The items a municipality can make a condition for the woning: only those that can be done before it. */
export type VoorWoningItemId = Extract<(typeof readinessItems)[number], { moment: 'voor-woning' }>['id'];

/** A condition for the woning, with the reason the region or the municipality gives for it. */
export interface BlockingReadinessItem {
  item: VoorWoningItemId;
  reden: string;
}

export interface ReadinessSummary {
  done: number;
  total: number;
  /** Items that block the next step under the municipality's policy and are not done yet. */
  openBlocking: ReadinessItemId[];
  /** Every item the municipality makes a condition for the woning, with its reason. */
  verplicht: BlockingReadinessItem[];
  ready: boolean;
}

export function readinessItem(id: ReadinessItemId): (typeof readinessItems)[number] {
  return readinessItems.find((i) => i.id === id)!;
}

export function summarizeReadiness(readiness: Readiness, blocking: readonly BlockingReadinessItem[]): ReadinessSummary {
  const done = readinessItems.filter((i) => readiness[i.id]).length;
  const openBlocking = blocking.map((b) => b.item).filter((id) => !readiness[id]);
  return {
    done,
    total: readinessItems.length,
    openBlocking,
    verplicht: blocking.map((b) => ({ ...b })),
    ready: openBlocking.length === 0,
  };
}
