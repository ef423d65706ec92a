import * as z from 'zod';
import { InvalidInput, RuleViolation } from '../common/errors';
import { freeText } from '../common/free-text';
import { itemsOf, type HerstelItem } from './herstel-item';
import { levensdomeinen } from './levensdomeinen';

/**
 * Doelen en Plan van Aanpak (Supportgericht Werken): "Op basis van de wens die voor de cliënt de hoogste
 * prioriteit heeft, wordt een doel gesteld." Per doel the Werkblad Opties ("Uiteindelijk worden de twee beste
 * opties gekozen"), then the Plan van Aanpak (steps by the person, the network, algemene voorzieningen,
 * professionals, the Wmo, and a "Datum evaluatie"), then monitoren, evalueren, bijstellen.
 */

export const MAX_OPTIES = 12;
export const MAX_STAPPEN = 20;
export const MAX_EVALUATIES = 60;
export const MAX_DOELEN = 30;

const IsoDate = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });
const tekst = (leeg: string, max = 500) =>
  freeText(
    z
      .string({ error: leeg })
      .trim()
      .min(1, { error: leeg })
      .max(max, { error: `Hooguit ${max} tekens.` }),
    { multiline: true },
  );
const optioneleTekst = (max = 500) =>
  freeText(
    z
      .string()
      .trim()
      .max(max, { error: `Hooguit ${max} tekens.` }),
    { multiline: true },
  ).optional();

export const Levensdomein = z.enum(levensdomeinen, { error: 'Kies een levensdomein.' });

export const Optie = z
  .object({
    id: z.string(),
    optie: tekst('Beschrijf de optie.', 300),
    voordelen: optioneleTekst(),
    nadelen: optioneleTekst(),
  })
  .meta({ id: 'DoelOptie' });
export type Optie = z.infer<typeof Optie>;

/** Who does a step: the columns of the Plan van Aanpak, with "Wat anderen doen" split into network and voorziening. */
export const wieSoorten = ['persoon', 'netwerk', 'algemene-voorziening', 'professioneel', 'wmo'] as const;
export type WieSoort = (typeof wieSoorten)[number];
export const wieLabels: Record<WieSoort, string> = {
  persoon: 'De persoon zelf',
  netwerk: 'Iemand uit het netwerk',
  'algemene-voorziening': 'Een algemene voorziening',
  professioneel: 'Professionele hulp',
  wmo: 'Via de Wmo',
};

export const StapWie = z
  .object({
    soort: z.enum(wieSoorten, { error: 'Kies wie deze stap doet.' }),
    netwerkLidId: z.string().max(64).optional(),
    partner: z.object({ partnerId: z.string().max(64), naam: z.string().max(200) }).optional(),
    /** A snapshot of who, as shown: the member's name, the voorziening, the professional. */
    naam: z.string().max(200),
  })
  .meta({ id: 'StapWie' });
export type StapWie = z.infer<typeof StapWie>;

export const Stap = z
  .object({ id: z.string(), wat: tekst('Beschrijf de stap.', 300), wie: StapWie, gedaanOp: IsoDate.optional() })
  .meta({ id: 'PlanStap' });
export type Stap = z.infer<typeof Stap>;

/**
 * Progress in words a person uses about their own goal, not a grade: further away, the same, closer, reached.
 * A number from 1 to 5 would ask the person to rate themselves; these words are what they say.
 */
export const voortgangSchalen = ['verder-weg', 'gelijk', 'dichterbij', 'bereikt'] as const;
export type VoortgangSchaal = (typeof voortgangSchalen)[number];
export const schaalLabels: Record<VoortgangSchaal, string> = {
  'verder-weg': 'Verder weg',
  gelijk: 'Gelijk gebleven',
  dichterbij: 'Dichterbij',
  bereikt: 'Bereikt',
};

export const Evaluatie = z
  .object({
    id: z.string(),
    op: IsoDate,
    voortgang: z.string(),
    schaal: z.enum(voortgangSchalen),
    bijstelling: z.string().optional(),
    volgendeEvaluatieOp: IsoDate.optional(),
    door: z.object({ id: z.string(), naam: z.string() }),
  })
  .meta({ id: 'DoelEvaluatie' });
export type Evaluatie = z.infer<typeof Evaluatie>;

export const doelStatussen = ['actief', 'bereikt', 'losgelaten'] as const;

export const Doel = z
  .object({
    id: z.string(),
    versie: z
      .number()
      .int()
      .positive()
      .meta({ description: 'Geef deze versie mee bij een wijziging (409 als verouderd)' }),
    levensdomein: Levensdomein,
    wens: z.string().meta({ description: 'De wens uit het Persoonlijk Profiel waar het doel uit voortkomt' }),
    doel: z.string().meta({ description: 'Te bereiken resultaat (doel)' }),
    hulpmiddelen: z.string().optional().meta({ description: 'Benodigde hulpmiddelen of voorzieningen' }),
    opties: z.array(Optie).max(MAX_OPTIES),
    besteOptieId: z.string().optional(),
    tweedeOptieId: z.string().optional(),
    stappen: z.array(Stap).max(MAX_STAPPEN),
    evaluatieOp: IsoDate.optional().meta({ description: 'Datum evaluatie' }),
    evaluaties: z.array(Evaluatie).meta({ description: 'Oudste eerst' }),
    status: z.enum(doelStatussen),
    afsluitreden: z.string().optional(),
    gesteldOp: IsoDate,
    door: z.object({ id: z.string(), naam: z.string() }),
  })
  .meta({ id: 'Doel' });
export type Doel = z.infer<typeof Doel>;

type StoredDoel = Omit<Doel, 'versie'>;

export function doelenFromItems(items: readonly HerstelItem[]): Doel[] {
  return itemsOf(items, 'doel')
    .map((i) => Doel.parse({ ...i.data, id: i.id, versie: i.versie }))
    .sort((a, b) => a.gesteldOp.localeCompare(b.gesteldOp));
}

/** The evaluation dates of the active goals, earliest first: what the duo's Vandaag shows. */
export function doelEvaluaties(doelen: readonly Doel[]): string[] {
  return doelen
    .filter((d) => d.status === 'actief' && d.evaluatieOp)
    .map((d) => d.evaluatieOp!)
    .sort();
}

// --- inputs -------------------------------------------------------------------------------------------------

const Versie = z.number({ error: 'Geef de versie van het doel mee die je wijzigt.' }).int().positive();

export const StelDoelInput = z
  .object({
    levensdomein: Levensdomein,
    wens: tekst('Noem de wens waar dit doel uit voortkomt.', 300),
    doel: tekst('Beschrijf het te bereiken resultaat.', 300),
    hulpmiddelen: optioneleTekst(),
  })
  .meta({ id: 'StelDoelInput' });
export type StelDoelInput = z.infer<typeof StelDoelInput>;

export const OptieInput = Optie.extend({ id: z.string().max(64).optional() });
export const WerkbladInput = z
  .object({
    versie: Versie,
    opties: z.array(OptieInput).max(MAX_OPTIES, { error: `Hooguit ${MAX_OPTIES} opties per doel.` }),
    beste: z.number().int().min(0).optional().meta({ description: 'Welke optie (0 = de eerste) de beste is' }),
    tweede: z.number().int().min(0).optional().meta({ description: 'Welke optie de op één na beste is' }),
  })
  .meta({ id: 'WerkbladOptiesInput' });
export type WerkbladInput = z.infer<typeof WerkbladInput>;

export const StapInput = z.object({
  id: z.string().max(64).optional(),
  wat: tekst('Beschrijf de stap.', 300),
  wie: z.object({
    soort: z.enum(wieSoorten, { error: 'Kies wie deze stap doet.' }),
    netwerkLidId: z.string().max(64).optional(),
    partner: z.object({ partnerId: z.string().max(64), naam: z.string().trim().max(200) }).optional(),
    naam: optioneleTekst(200),
  }),
  gedaanOp: IsoDate.optional(),
});
export type StapInput = z.infer<typeof StapInput>;
const Stappen = z.array(StapInput).max(MAX_STAPPEN, { error: `Hooguit ${MAX_STAPPEN} stappen per doel.` });

export const PlanInput = z
  .object({
    versie: Versie,
    hulpmiddelen: optioneleTekst(),
    stappen: Stappen,
    evaluatieOp: IsoDate,
  })
  .meta({ id: 'PlanVanAanpakInput' });
export type PlanInput = z.infer<typeof PlanInput>;

export const EvalueerInput = z
  .object({
    versie: Versie,
    op: IsoDate.optional().meta({ description: 'Datum van het evaluatiegesprek; standaard vandaag' }),
    voortgang: tekst('Schrijf op hoe het gaat, in de woorden van de persoon.', 1000),
    schaal: z.enum(voortgangSchalen, { error: 'Kies hoe ver het doel is: verder weg, gelijk, dichterbij, bereikt.' }),
    bijstelling: optioneleTekst(),
    stappen: Stappen.optional().meta({ description: 'De bijgestelde stappen, als het plan verandert' }),
    volgendeEvaluatieOp: IsoDate,
  })
  .meta({ id: 'DoelEvaluatieInput' });
export type EvalueerInput = z.infer<typeof EvalueerInput>;

export const SluitInput = z
  .object({
    versie: Versie,
    status: z.enum(['bereikt', 'losgelaten'], { error: 'Kies: bereikt of losgelaten.' }),
    reden: tekst('Geef een reden.', 500),
  })
  .meta({ id: 'DoelAfsluitingInput' });
export type SluitInput = z.infer<typeof SluitInput>;

// --- pure commands ------------------------------------------------------------------------------------------

export interface DoelContext {
  today: string;
  actor: { id: string; naam: string };
  newId: () => string;
  /** The person's first name: a step "de persoon zelf" is named by it. */
  voornaam: string;
  /** The network members of the plan (id and naam), as stored by the network part. */
  netwerk: readonly { id: string; naam: string }[];
}

export interface DoelDecision {
  data: StoredDoel;
  seenVersie?: number;
}

const invalid = (name: string, code: string, reason: string) => new InvalidInput([{ name, code, reason }]);

function stored(d: Doel): StoredDoel {
  const { versie: _v, ...rest } = d;
  return rest;
}

function mustBeActive(d: Doel) {
  if (d.status !== 'actief')
    throw new RuleViolation('Dit doel is afgesloten: stel een nieuw doel als de persoon er weer aan wil werken.');
}

export function stelDoel(ctx: DoelContext, input: StelDoelInput, bestaande: readonly Doel[]): DoelDecision {
  if (bestaande.length >= MAX_DOELEN)
    throw new RuleViolation(`Er staan al ${MAX_DOELEN} doelen in het plan: sluit eerst doelen af die klaar zijn.`);
  return {
    data: {
      id: ctx.newId(),
      levensdomein: input.levensdomein,
      wens: input.wens,
      doel: input.doel,
      ...(input.hulpmiddelen ? { hulpmiddelen: input.hulpmiddelen } : {}),
      opties: [],
      stappen: [],
      evaluaties: [],
      status: 'actief',
      gesteldOp: ctx.today,
      door: ctx.actor,
    },
  };
}

/** Werkblad Opties: the options with their voordelen and nadelen, and the two best chosen ("de twee beste"). */
export function werkblad(ctx: DoelContext, doel: Doel, input: WerkbladInput): DoelDecision {
  mustBeActive(doel);
  const opties: Optie[] = input.opties.map((o) => ({
    id: o.id && doel.opties.some((b) => b.id === o.id) ? o.id : ctx.newId(),
    optie: o.optie,
    ...(o.voordelen ? { voordelen: o.voordelen } : {}),
    ...(o.nadelen ? { nadelen: o.nadelen } : {}),
  }));
  const pick = (index: number | undefined, name: string) => {
    if (index === undefined) return undefined;
    const optie = opties[index];
    if (!optie) throw invalid(name, 'unknown_option', 'Kies een optie uit het werkblad.');
    return optie.id;
  };
  const besteOptieId = pick(input.beste, 'beste');
  const tweedeOptieId = pick(input.tweede, 'tweede');
  if (tweedeOptieId && !besteOptieId) throw invalid('beste', 'required', 'Kies eerst de beste optie.');
  if (besteOptieId && besteOptieId === tweedeOptieId)
    throw invalid('tweede', 'same_option', 'De op één na beste optie is een andere optie dan de beste.');
  const { besteOptieId: _b, tweedeOptieId: _t, ...rest } = stored(doel);
  return {
    seenVersie: input.versie,
    data: {
      ...rest,
      opties,
      ...(besteOptieId ? { besteOptieId } : {}),
      ...(tweedeOptieId ? { tweedeOptieId } : {}),
    },
  };
}

function stappenVan(ctx: DoelContext, doel: Doel, input: readonly StapInput[]): Stap[] {
  return input.map((s, i) => {
    const name = `stappen.${i}.wie`;
    let naam = s.wie.naam?.trim() ?? '';
    let netwerkLidId: string | undefined;
    if (s.wie.soort === 'netwerk') {
      const lid = ctx.netwerk.find((n) => n.id === s.wie.netwerkLidId);
      if (!lid)
        throw invalid(
          `${name}.netwerkLidId`,
          'unknown_member',
          'Kies iemand uit het netwerk van de persoon (of voeg die eerst toe aan het steunsysteem).',
        );
      netwerkLidId = lid.id;
      naam = lid.naam;
    } else if (s.wie.soort === 'persoon') {
      naam ||= ctx.voornaam;
    } else if (!naam) {
      throw invalid(`${name}.naam`, 'required', 'Noem de voorziening, de professional of waarvoor de Wmo.');
    }
    return {
      id: s.id && doel.stappen.some((b) => b.id === s.id) ? s.id : ctx.newId(),
      wat: s.wat,
      wie: {
        soort: s.wie.soort,
        ...(netwerkLidId ? { netwerkLidId } : {}),
        ...(s.wie.partner && s.wie.soort !== 'persoon' && s.wie.soort !== 'netwerk' ? { partner: s.wie.partner } : {}),
        naam,
      },
      ...(s.gedaanOp ? { gedaanOp: s.gedaanOp } : {}),
    };
  });
}

/** Plan van Aanpak: the concrete steps, who does each, and the "Datum evaluatie". */
export function plan(ctx: DoelContext, doel: Doel, input: PlanInput): DoelDecision {
  mustBeActive(doel);
  if (input.evaluatieOp < ctx.today) throw invalid('evaluatieOp', 'in_past', 'Kies een evaluatiedatum vanaf vandaag.');
  const { hulpmiddelen: _h, ...rest } = stored(doel);
  return {
    seenVersie: input.versie,
    data: {
      ...rest,
      ...(input.hulpmiddelen ? { hulpmiddelen: input.hulpmiddelen } : {}),
      stappen: stappenVan(ctx, doel, input.stappen),
      evaluatieOp: input.evaluatieOp,
    },
  };
}

/**
 * Evalueren en bijstellen: "hoe de cliënt de activiteiten ervaren heeft … Zo nodig wordt het plan op basis van
 * die ervaringen bijgesteld." Records the progress, may replace the steps, and sets the next evaluation date.
 */
export function evalueer(ctx: DoelContext, doel: Doel, input: EvalueerInput): DoelDecision {
  mustBeActive(doel);
  const op = input.op ?? ctx.today;
  if (op > ctx.today) throw invalid('op', 'in_future', 'Een evaluatie leg je vast als het gesprek is gevoerd.');
  if (input.volgendeEvaluatieOp <= op)
    throw invalid('volgendeEvaluatieOp', 'not_after', 'Kies een volgende evaluatie na deze.');
  if (doel.evaluaties.length >= MAX_EVALUATIES)
    throw new RuleViolation('Dit doel heeft het maximum aantal evaluaties: stel een nieuw doel.');
  if (input.stappen && !input.bijstelling)
    throw invalid('bijstelling', 'required', 'Schrijf op wat er is bijgesteld en waarom.');
  const evaluatie: Evaluatie = {
    id: ctx.newId(),
    op,
    voortgang: input.voortgang,
    schaal: input.schaal,
    ...(input.bijstelling ? { bijstelling: input.bijstelling } : {}),
    volgendeEvaluatieOp: input.volgendeEvaluatieOp,
    door: ctx.actor,
  };
  return {
    seenVersie: input.versie,
    data: {
      ...stored(doel),
      ...(input.stappen ? { stappen: stappenVan(ctx, doel, input.stappen) } : {}),
      evaluatieOp: input.volgendeEvaluatieOp,
      evaluaties: [...doel.evaluaties, evaluatie],
    },
  };
}

/** Afsluiten: bereikt, or losgelaten because the person no longer wants it; with a reason. */
export function sluit(_ctx: DoelContext, doel: Doel, input: SluitInput): DoelDecision {
  mustBeActive(doel);
  return { seenVersie: input.versie, data: { ...stored(doel), status: input.status, afsluitreden: input.reden } };
}
