import * as z from 'zod';
import type { IsoDate } from '../common/calendar';
import { InvalidInput, RuleViolation } from '../common/errors';
import { IsoDate as IsoDateSchema } from '../transition/traject-schemas';
import { itemsOf, type HerstelItem } from './herstel-item';

/**
 * The persoonlijk steunsysteem (Supportgericht Werken): "De kern van dit steunsysteem bestaat uit de
 * mogelijkheden die de persoon heeft om zichzelf te helpen. Op de tweede plaats komt de steun [...] uit het
 * 'natuurlijke' netwerk [...]. Ten slotte maakt professionele ondersteuning deel uit van het persoonlijke
 * steunsysteem", and among that first "de diensten en voorzieningen die er in de samenleving voor iedere
 * burger voorhanden zijn". Four rings, from the inside out, as the person would draw them.
 *
 * Members are third parties: only a name (or just a role), the relation, what they do, how the tie is — and how
 * to reach them only while the person agreed that it is kept.
 */
export const netwerkSoorten = ['eigen-kracht', 'natuurlijk-netwerk', 'algemene-voorziening', 'professioneel'] as const;
export type NetwerkSoort = (typeof netwerkSoorten)[number];

export const netwerkSoortLabels: Record<NetwerkSoort, string> = {
  'eigen-kracht': 'Eigen kracht',
  'natuurlijk-netwerk': 'Natuurlijk netwerk',
  'algemene-voorziening': 'Algemene voorzieningen',
  professioneel: 'Professionele ondersteuning',
};

export const netwerkRelaties = [
  'familie',
  'partner',
  'buren',
  'vriend',
  'maatje',
  'ervaringsdeskundige',
  'vertrouwenspersoon',
  'sleutelpersoon',
  'bewindvoerder',
  'werk-en-inkomen',
  'behandelaar',
  'huisarts',
  'buurtteam',
  'anders',
] as const;
export type NetwerkRelatie = (typeof netwerkRelaties)[number];

export const netwerkRelatieLabels: Record<NetwerkRelatie, string> = {
  familie: 'Familie',
  partner: 'Partner',
  buren: 'Buren',
  vriend: 'Vriend of vriendin',
  maatje: 'Maatje',
  ervaringsdeskundige: 'Ervaringsdeskundige',
  vertrouwenspersoon: 'Vertrouwenspersoon',
  sleutelpersoon: 'Sleutelpersoon',
  bewindvoerder: 'Bewindvoerder',
  'werk-en-inkomen': 'Werk & Inkomen',
  behandelaar: 'Behandelaar',
  huisarts: 'Huisarts',
  buurtteam: 'Buurtteam',
  anders: 'Anders',
};

/**
 * Where a relation usually sits; the duo changes it with the person. Volunteers, the huisarts and the buurtteam
 * are there for every citizen ("Algemene maatschappelijke voorzieningen, zoals een wijkcentrum, gaan hier vóór
 * specialistische voorzieningen"); paid, specialised help is professional.
 */
export const standaardSoort: Record<NetwerkRelatie, NetwerkSoort> = {
  familie: 'natuurlijk-netwerk',
  partner: 'natuurlijk-netwerk',
  buren: 'natuurlijk-netwerk',
  vriend: 'natuurlijk-netwerk',
  maatje: 'algemene-voorziening',
  ervaringsdeskundige: 'algemene-voorziening',
  vertrouwenspersoon: 'algemene-voorziening',
  sleutelpersoon: 'algemene-voorziening',
  huisarts: 'algemene-voorziening',
  buurtteam: 'algemene-voorziening',
  bewindvoerder: 'professioneel',
  'werk-en-inkomen': 'professioneel',
  behandelaar: 'professioneel',
  anders: 'natuurlijk-netwerk',
};

/** "Sommige sociale netwerken hebben veel kracht [...]. Andere zijn schraal en gauw overbelast." */
export const netwerkBanden = ['steunend', 'overbelast', 'belastend'] as const;
export type NetwerkBand = (typeof netwerkBanden)[number];

export const netwerkBandLabels: Record<NetwerkBand, string> = {
  steunend: 'Steunend',
  overbelast: 'Overbelast',
  belastend: 'Belastend',
};

const Naam = z
  .string({ error: 'Vul een naam of alleen de rol in (bijvoorbeeld "buurman").' })
  .trim()
  .min(1, { error: 'Vul een naam of alleen de rol in (bijvoorbeeld "buurman").' })
  .max(80, { error: 'Houd de naam kort: hooguit 80 tekens.' });
const Relatie = z.enum(netwerkRelaties, { error: 'Kies de relatie met de persoon.' });
const Soort = z.enum(netwerkSoorten, {
  error: 'Kies een kring: eigen kracht, natuurlijk netwerk, algemene voorzieningen of professionele ondersteuning.',
});
const Band = z.enum(netwerkBanden, { error: 'Kies hoe de band is: steunend, overbelast of belastend.' });
const Bereikbaar = z
  .string()
  .trim()
  .max(120, { error: 'Houd het kort: hooguit 120 tekens (een telefoonnummer of e-mailadres).' });
const WatDoetHij = z.string().trim().max(200, { error: 'Houd het kort: hooguit 200 tekens.' });
const WijkPartner = z
  .object({ partnerId: z.string().min(1).max(64), naam: z.string().trim().min(1).max(120) })
  .meta({ description: 'Een partner uit de wijk (sociale kaart), met de naam zoals die toen was' });

export const NetwerkLid = z
  .object({
    id: z.string(),
    versie: z.number().int().positive().meta({ description: 'Versie van dit lid; een wijziging noemt haar' }),
    naam: z.string().meta({ description: 'Een naam, of alleen de rol (bijvoorbeeld "buurman")' }),
    relatie: z.enum(netwerkRelaties),
    soort: z.enum(netwerkSoorten),
    band: z.enum(netwerkBanden),
    toestemmingBereikbaar: z
      .boolean()
      .meta({ description: 'De persoon stemde ermee in dat bewaard wordt hoe dit lid te bereiken is' }),
    bereikbaar: z.string().optional().meta({ description: 'Hoe te bereiken; alleen met toestemming van de persoon' }),
    partner: WijkPartner.optional(),
    sinds: IsoDateSchema,
    nietMeerOp: IsoDateSchema.optional().meta({
      description: 'Niet meer in het netwerk sinds; blijft in de geschiedenis',
    }),
    watDoetHij: z.string().optional().meta({ description: 'Wat dit lid voor de persoon doet, kort' }),
  })
  .meta({ id: 'NetwerkLid' });
export type NetwerkLid = z.infer<typeof NetwerkLid>;

/** A member as added or changed: `soort` may be left out (the relation's usual ring). */
export const NetwerkLidInput = z
  .object({
    naam: Naam,
    relatie: Relatie,
    soort: Soort.optional(),
    band: Band,
    toestemmingBereikbaar: z.boolean({ error: 'Geef aan of de persoon instemt.' }).default(false),
    bereikbaar: Bereikbaar.optional(),
    partner: WijkPartner.optional(),
    sinds: IsoDateSchema.optional().meta({ description: 'Sinds wanneer; zonder datum vandaag' }),
    watDoetHij: WatDoetHij.optional(),
  })
  .meta({ id: 'NetwerkLidInput' });
export type NetwerkLidInput = z.input<typeof NetwerkLidInput>;

const Versie = z
  .number({ error: 'Geef de versie van dit lid mee die je wijzigt.' })
  .int()
  .positive()
  .meta({ description: 'De versie van het lid waarop deze wijziging is gebaseerd; een oudere versie geeft 409.' });

export const NetwerkLidWijziging = NetwerkLidInput.extend({ versie: Versie }).meta({ id: 'NetwerkLidWijziging' });
export type NetwerkLidWijziging = z.input<typeof NetwerkLidWijziging>;

export const NetwerkLidEinde = z
  .object({ versie: Versie, op: IsoDateSchema.optional().meta({ description: 'Sinds wanneer; zonder datum vandaag' }) })
  .meta({ id: 'NetwerkLidEinde' });
export type NetwerkLidEinde = z.input<typeof NetwerkLidEinde>;

export function netwerkFromItems(items: readonly HerstelItem[]): NetwerkLid[] {
  return itemsOf(items, 'netwerk')
    .map((i) => NetwerkLid.parse({ ...i.data, id: i.id, versie: i.versie }))
    .sort((a, b) => a.sinds.localeCompare(b.sinds) || a.naam.localeCompare(b.naam, 'nl'));
}

/** What is stored of a member: the item's data (its id and version are the item's own). */
type StoredLid = Omit<NetwerkLid, 'id' | 'versie'>;

export interface NetwerkContext {
  today: IsoDate;
  newId: () => string;
}

/** One member to store, on the version it was computed from (absent for a new one). */
export interface NetwerkDecision {
  id: string;
  data: StoredLid;
  seenVersie?: number;
  omschrijving: string;
}

const CONSENT_REASON =
  'Bewaar alleen hoe iemand te bereiken is als de persoon daarmee instemt: vink de toestemming aan, of laat dit leeg.';

/**
 * How to reach a member is kept only with the person's consent; without it, nothing is kept (withdrawing consent
 * removes it). Sending it without consent is refused rather than dropped, so nobody believes it was saved.
 */
function fields(input: z.output<typeof NetwerkLidInput>, today: IsoDate): Omit<StoredLid, 'nietMeerOp'> {
  const bereikbaar = input.bereikbaar || undefined;
  if (bereikbaar && !input.toestemmingBereikbaar)
    throw new InvalidInput([{ name: 'bereikbaar', code: 'toestemming_nodig', reason: CONSENT_REASON }]);
  if (input.sinds && input.sinds > today)
    throw new InvalidInput([
      { name: 'sinds', code: 'in_de_toekomst', reason: 'Een lid is in het netwerk vanaf vandaag of eerder.' },
    ]);
  const watDoetHij = input.watDoetHij || undefined;
  return {
    naam: input.naam,
    relatie: input.relatie,
    soort: input.soort ?? standaardSoort[input.relatie],
    band: input.band,
    toestemmingBereikbaar: input.toestemmingBereikbaar,
    ...(input.toestemmingBereikbaar && bereikbaar ? { bereikbaar } : {}),
    ...(input.partner ? { partner: input.partner } : {}),
    sinds: input.sinds ?? today,
    ...(watDoetHij ? { watDoetHij } : {}),
  };
}

// The timeline names the relation, not the member: a third party's name is kept in one place only.
const beschrijf = (lid: Pick<StoredLid, 'relatie'>) => netwerkRelatieLabels[lid.relatie].toLowerCase();

export function addLid(input: NetwerkLidInput, ctx: NetwerkContext): NetwerkDecision {
  const data = fields(NetwerkLidInput.parse(input), ctx.today);
  return { id: ctx.newId(), data, omschrijving: `Toegevoegd aan het steunsysteem: ${beschrijf(data)}` };
}

function find(leden: readonly NetwerkLid[], lidId: string): NetwerkLid {
  const lid = leden.find((l) => l.id === lidId);
  if (!lid) throw new LidNotFound();
  return lid;
}

/** A member unknown in this person's network (a 404 at the edge). */
export class LidNotFound extends Error {
  constructor() {
    super('Dit lid staat niet in het steunsysteem van deze persoon.');
    this.name = 'LidNotFound';
  }
}

export function changeLid(
  leden: readonly NetwerkLid[],
  lidId: string,
  input: NetwerkLidWijziging,
  ctx: NetwerkContext,
): NetwerkDecision {
  const parsed = NetwerkLidWijziging.parse(input);
  const lid = find(leden, lidId);
  if (lid.nietMeerOp)
    throw new RuleViolation('Dit lid is niet meer in het netwerk: zijn gegevens blijven zoals ze waren.');
  const data = fields({ ...parsed, sinds: parsed.sinds ?? lid.sinds }, ctx.today);
  return {
    id: lid.id,
    data,
    seenVersie: parsed.versie,
    omschrijving: `Gewijzigd in het steunsysteem: ${beschrijf(data)}`,
  };
}

/**
 * "Niet meer in het netwerk": the member stays in the history, marked, so afschalen can be discussed against
 * how the network changed. How to reach them is no longer needed, so it is not kept.
 */
export function endLid(
  leden: readonly NetwerkLid[],
  lidId: string,
  input: NetwerkLidEinde,
  ctx: NetwerkContext,
): NetwerkDecision {
  const parsed = NetwerkLidEinde.parse(input);
  const lid = find(leden, lidId);
  if (lid.nietMeerOp) throw new RuleViolation('Dit lid staat al als "niet meer in het netwerk".');
  const op = parsed.op ?? ctx.today;
  if (op > ctx.today || op < lid.sinds)
    throw new InvalidInput([
      {
        name: 'op',
        code: 'buiten_de_periode',
        reason: 'Kies een datum tussen het begin van de band en vandaag.',
      },
    ]);
  const { id: _id, versie: _versie, bereikbaar: _bereikbaar, ...rest } = lid;
  return {
    id: lid.id,
    data: { ...rest, nietMeerOp: op },
    seenVersie: parsed.versie,
    omschrijving: `Niet meer in het steunsysteem: ${beschrijf(lid)}`,
  };
}

export const isInNetwerk = (lid: Pick<NetwerkLid, 'nietMeerOp'>, today?: IsoDate) =>
  !lid.nietMeerOp || (today !== undefined && lid.nietMeerOp > today);

export interface NetwerkSamenvatting {
  /** Members in the network now. */
  aantal: number;
  perSoort: Record<NetwerkSoort, number>;
  perBand: Record<NetwerkBand, number>;
  /** Compared to a date (the previous evaluation): who came and who left since. */
  sinds?: { datum: IsoDate; nieuw: number; weg: number };
}

/**
 * For afschalen: the network growing is the reason support can go down, so the evaluation sees it as counts now
 * and what changed since the previous evaluation.
 */
export function netwerkSamenvatting(
  leden: readonly NetwerkLid[],
  today: IsoDate,
  sinds?: IsoDate,
): NetwerkSamenvatting {
  const nu = leden.filter((l) => isInNetwerk(l, today));
  const count = <K extends string>(keys: readonly K[], of: (l: NetwerkLid) => K) =>
    Object.fromEntries(keys.map((k) => [k, nu.filter((l) => of(l) === k).length])) as Record<K, number>;
  return {
    aantal: nu.length,
    perSoort: count(netwerkSoorten, (l) => l.soort),
    perBand: count(netwerkBanden, (l) => l.band),
    ...(sinds
      ? {
          sinds: {
            datum: sinds,
            nieuw: nu.filter((l) => l.sinds > sinds).length,
            weg: leden.filter((l) => l.nietMeerOp !== undefined && l.nietMeerOp > sinds && l.nietMeerOp <= today)
              .length,
          },
        }
      : {}),
  };
}

/** "Steunsysteem: 5 steunend, 1 overbelast; 2 nieuw sinds de vorige evaluatie". */
export function samenvattingTekst(s: NetwerkSamenvatting, sindsWat = 'de vorige evaluatie'): string {
  if (!s.aantal && !s.sinds?.weg) return 'Steunsysteem: nog niemand vastgelegd.';
  const banden = netwerkBanden.filter((b) => s.perBand[b] > 0).map((b) => `${s.perBand[b]} ${b}`);
  const parts = [`Steunsysteem: ${banden.length ? banden.join(', ') : 'niemand meer'}`];
  if (s.sinds) {
    const changes = [
      ...(s.sinds.nieuw ? [`${s.sinds.nieuw} nieuw`] : []),
      ...(s.sinds.weg ? [`${s.sinds.weg} niet meer`] : []),
    ];
    parts.push(changes.length ? `${changes.join(', ')} sinds ${sindsWat}` : `niets veranderd sinds ${sindsWat}`);
  }
  return `${parts.join('; ')}.`;
}
