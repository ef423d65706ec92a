import * as z from 'zod';
import { RuleViolation, StaleVersion } from '../common/errors';
import { freeText } from '../common/free-text';

/**
 * The sociale kaart of a wijk: the partner organisations and key persons around the people a provider supports
 * there, each with where the relationship stands on the bindingsladder ("een goed relatiebeheersysteem
 * bijhouden, want op een gegeven moment lukt het niet meer al die contacten in je hoofd te houden"). It is the
 * provider's own knowledge of the neighbourhood: it holds no person's data, only organisations and their
 * professional or volunteer contacts.
 */

export const partnerSoorten = [
  'buurthuis',
  'zelforganisatie',
  'kerk-moskee',
  'sportclub',
  'herstelacademie',
  'inloop',
  'buurtteam',
  'anders',
] as const;
export type PartnerSoort = (typeof partnerSoorten)[number];

export const partnerSoortLabels: Record<PartnerSoort, string> = {
  buurthuis: 'Buurthuis',
  zelforganisatie: 'Zelforganisatie',
  'kerk-moskee': 'Kerk of moskee',
  sportclub: 'Sportclub',
  herstelacademie: 'Herstelacademie',
  inloop: 'Inloop',
  buurtteam: 'Buurtteam',
  anders: 'Anders',
};

/** The five steps of the bindingsladder, in the words of Samenwonen-Samenleven's method. */
export const treden = [1, 2, 3, 4, 5] as const;
export type Trede = (typeof treden)[number];

export const bindingsladder: Record<Trede, { naam: string; uitleg: string }> = {
  1: { naam: 'Vertrouwen winnen', uitleg: 'Vertrouwen winnen.' },
  2: { naam: 'Versterken', uitleg: 'Individuele zelforganisaties versterken.' },
  3: { naam: 'Verbinden', uitleg: 'In kaart brengen wat de verschillende organisaties verbindt.' },
  4: {
    naam: 'Ad-hoc samenwerking',
    uitleg: 'Op basis van gedeelde belangen vormen van ad-hoc samenwerking realiseren.',
  },
  5: { naam: 'Duurzame contacten', uitleg: 'Van ad-hoc samenwerking naar duurzame contacten.' },
};

export const tredeLabel = (trede: Trede) => `Trede ${trede}: ${bindingsladder[trede].naam}`;

const WIJK_MESSAGE = 'Geef de naam van de wijk (2 tot 80 tekens, met minstens één letter of cijfer).';

/**
 * The key of a wijk: the name as people type it, trimmed, in lower case, accents dropped, anything but letters
 * and digits as one dash ("Kanaleneiland-Noord", " kanaleneiland noord" and "Kanaleneiland Noord" are one wijk).
 * The one place a wijk's key is made: the day wijken get their CBS code, only this changes.
 */
export function wijkKey(wijk: string): string {
  return wijk
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A wijk's name as typed: shown as given (trimmed, one space between words), keyed by `wijkKey`. */
export const WijkNaam = freeText(
  z.string({ error: WIJK_MESSAGE }).trim().min(2, { error: WIJK_MESSAGE }).max(80, {
    error: WIJK_MESSAGE,
  }),
)
  .transform((s) => s.replace(/\s+/g, ' '))
  .refine((s) => wijkKey(s).length > 0, { error: WIJK_MESSAGE });

/** A wijk's key as it appears in an address: lower case letters, digits and single dashes. */
export const WijkKey = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Deze wijk bestaat niet in de sociale kaart.' })
  .meta({
    description: 'De sleutel van de wijk (kleine letters, cijfers en streepjes), zoals de lijst van wijken die geeft',
  });

const text = (max: number, message: string, min = 1) =>
  freeText(z.string({ error: message }).trim().min(min, { error: message }).max(max, { error: message }));
const optionalText = (max: number, message: string) =>
  freeText(z.string({ error: message }).trim().max(max, { error: message })).optional();

const Medewerker = z.object({ id: z.string().min(1).max(128), naam: z.string().min(1).max(200) });

export const Contactpersoon = z
  .object({
    naam: text(100, 'Geef de naam van de contactpersoon (hooguit 100 tekens).'),
    rol: optionalText(100, 'De rol is te lang (hooguit 100 tekens).'),
  })
  .meta({ description: 'De contactpersoon bij de partner (een professional of vrijwilliger, nooit een cliënt)' });

const TELEFOON = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;

export const Bereikbaar = z
  .object({
    telefoon: z
      .string()
      .trim()
      .regex(TELEFOON, { error: 'Geef een telefoonnummer van 7 tot 20 tekens: cijfers, spaties, - of ( ).' })
      .optional(),
    email: z.email({ error: 'Geef een geldig e-mailadres, zoals info@buurthuis.nl.' }).max(200).optional(),
  })
  .meta({ description: 'Hoe de organisatie bereikbaar is (telefoon en e-mail van de organisatie)' });

const Trede = z
  .literal(treden, { error: 'Kies een trede van de bindingsladder (1 tot en met 5).' })
  .meta({ description: 'De trede op de bindingsladder: 1 vertrouwen winnen … 5 duurzame contacten' });

const Toelichting = text(500, 'Licht de stap op de bindingsladder toe (3 tot 500 tekens).', 3);

/** One step on the ladder, up or down, with who and when: the short history of the relationship. */
export const TredeWijziging = z.object({
  trede: Trede,
  op: z.iso.datetime(),
  door: Medewerker,
  toelichting: z.string().max(500),
});
export type TredeWijziging = z.infer<typeof TredeWijziging>;

/** What a caseworker fills in about a partner (adding it, or changing it). */
export const PartnerGegevens = z.object({
  naam: text(120, 'Geef de naam van de organisatie (hooguit 120 tekens).'),
  soort: z.enum(partnerSoorten, { error: 'Kies wat voor organisatie het is.' }),
  contactpersoon: Contactpersoon.optional(),
  bereikbaar: Bereikbaar.optional(),
  aanbod: text(500, 'Beschrijf wat de partner biedt (hooguit 500 tekens).'),
  notitie: freeText(z.string().trim().max(1000, { error: 'De notitie is te lang (hooguit 1000 tekens).' }), {
    multiline: true,
  }).optional(),
});
export type PartnerGegevens = z.output<typeof PartnerGegevens>;

export const NieuwePartner = PartnerGegevens.extend({
  wijk: WijkNaam,
  trede: Trede,
  toelichting: Toelichting.optional(),
});
export type NieuwePartner = z.output<typeof NieuwePartner>;

export const TredeStap = z.object({ trede: Trede, toelichting: Toelichting });
export type TredeStap = z.output<typeof TredeStap>;

export const Partner = z
  .object({
    id: z.string().min(1).max(64),
    providerId: z.string(),
    wijk: z.string(),
    wijkKey: z.string(),
    naam: z.string(),
    soort: z.enum(partnerSoorten),
    trede: Trede,
    contactpersoon: z.object({ naam: z.string(), rol: z.string().optional() }).optional(),
    bereikbaar: z.object({ telefoon: z.string().optional(), email: z.string().optional() }).optional(),
    aanbod: z.string(),
    notitie: z.string().optional(),
    geschiedenis: z.array(TredeWijziging),
    bijgewerktOp: z.iso.datetime(),
    bijgewerktDoor: Medewerker,
    version: z.number().int().positive(),
  })
  .meta({ id: 'Partner' });
export type Partner = z.output<typeof Partner>;

/** How another part of the product (a plan step, the network) refers to a partner: by id, with its name. */
export interface PartnerRef {
  partnerId: string;
  naam: string;
}

export const partnerRef = (p: Pick<Partner, 'id' | 'naam'>): PartnerRef => ({ partnerId: p.id, naam: p.naam });

type Door = z.infer<typeof Medewerker>;

/** A partner as first put on the kaart: its rung with the first line of its history. */
export function newPartner(input: NieuwePartner, ctx: { id: string; providerId: string; door: Door; at: string }) {
  const { wijk, trede, toelichting, ...gegevens } = input;
  const partner: Partner = {
    id: ctx.id,
    providerId: ctx.providerId,
    wijk,
    wijkKey: wijkKey(wijk),
    ...gegevens,
    trede,
    geschiedenis: [{ trede, op: ctx.at, door: ctx.door, toelichting: toelichting ?? 'Op de sociale kaart gezet' }],
    bijgewerktOp: ctx.at,
    bijgewerktDoor: ctx.door,
    version: 1,
  };
  return partner;
}

function checkVersion(partner: Partner, expectedVersion: number): void {
  if (partner.version !== expectedVersion)
    throw new StaleVersion(
      'Deze partner is intussen gewijzigd. Laad de sociale kaart opnieuw en probeer het nog eens.',
    );
}

/** New details of a partner; its rung and history stay (those change by a step on the ladder only). */
export function changePartner(
  partner: Partner,
  gegevens: PartnerGegevens,
  ctx: { expectedVersion: number; door: Door; at: string },
): Partner {
  checkVersion(partner, ctx.expectedVersion);
  const { contactpersoon: _c, bereikbaar: _b, notitie: _n, ...rest } = partner;
  return {
    ...rest,
    ...gegevens,
    bijgewerktOp: ctx.at,
    bijgewerktDoor: ctx.door,
    version: partner.version + 1,
  };
}

/** The history kept per partner: enough to see how the relationship grew, bounded so the item stays small. */
export const GESCHIEDENIS_MAX = 50;

/**
 * A step on the bindingsladder, up or down, any number of rungs ("het begint altijd met vertrouwen winnen";
 * trust lost is a step down), recorded with who, when and why.
 */
export function moveOnLadder(
  partner: Partner,
  stap: TredeStap,
  ctx: { expectedVersion: number; door: Door; at: string },
): Partner {
  checkVersion(partner, ctx.expectedVersion);
  if (stap.trede === partner.trede)
    throw new RuleViolation(`${partner.naam} staat al op trede ${stap.trede}. Kies een andere trede.`);
  const wijziging: TredeWijziging = { trede: stap.trede, op: ctx.at, door: ctx.door, toelichting: stap.toelichting };
  return {
    ...partner,
    trede: stap.trede,
    geschiedenis: [...partner.geschiedenis, wijziging].slice(-GESCHIEDENIS_MAX),
    bijgewerktOp: ctx.at,
    bijgewerktDoor: ctx.door,
    version: partner.version + 1,
  };
}

/** The partners of a wijk as the kaart shows them: the highest rung first, then by name. */
export function byTrede(partners: readonly Partner[]): Partner[] {
  return [...partners].sort((a, b) => b.trede - a.trede || a.naam.localeCompare(b.naam, 'nl'));
}
