import * as z from 'zod';
import { freeText } from '../common/free-text';
import { readinessItemIds, type ReadinessCheck } from './readiness';
import type { MoveProcessMarkers, OpenVraag } from './move-process';
import { modaliteiten, supportLevels, type SupportChange } from '../support/support';
import { signFases, type PlanVersion, type Sign } from '../signals/signaleringsplan';
import type { Signalen } from './overview';
import type { BijzondereBijstand, UitkeringStatus } from '../uitkering/uitkering';
import { beeindigingRedenen, fases, overdrachtPartijen, plekken, verblijfSoorten } from '../common/vocabulary';
import { factorOordelen, risicofactoren, type Landingsoordeel, type Risicofactor } from './landing';
import {
  WIJKCODE_MESSAGE,
  WIJKCODE_PATTERN,
  contractVormen,
  omklapBesluitSoorten,
  type OmklapBesluit,
  OMKLAP_MAX_MONTHS,
  OMKLAP_MIN_MONTHS,
  type Contract,
  type WoningAanbieding,
} from '../woning/woning';

/** zod schemas for what step 2 adds to a transition; the types they check live beside the rules. */
export const IsoDate = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });
const Door = z.object({ id: z.string(), naam: z.string() });
export const Reden = freeText(
  z
    .string({ error: 'Geef een reden.' })
    .trim()
    .min(3, { error: 'Geef een reden van minstens drie tekens.' })
    .max(500, { error: 'De reden is te lang (hooguit 500 tekens).' }),
  { multiline: true },
);
const Notitie = freeText(z.string().trim().max(500, { error: 'De notitie is te lang (hooguit 500 tekens).' }), {
  multiline: true,
});

export const ReadinessItemId = z.enum(readinessItemIds, { error: 'Onbekend punt van de voorbereiding.' });

export const ReadinessCheckSchema = z.object({
  gedaanOp: IsoDate,
  notitie: Notitie.optional(),
  door: Door,
}) satisfies z.ZodType<ReadinessCheck>;

export const Readiness = z.partialRecord(ReadinessItemId, ReadinessCheckSchema).meta({ id: 'Gereedheid' });

export const Adres = z.object({
  straat: freeText(z.string().trim().min(1, { error: 'Vul de straat in.' }).max(100)),
  huisnummer: freeText(z.string().trim().min(1, { error: 'Vul het huisnummer in.' }).max(10)),
  postcode: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { error: 'Vul een postcode in als 1234 AB.' })
    .overwrite((p) => `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`),
  plaats: freeText(z.string().trim().min(1, { error: 'Vul de plaats in.' }).max(60)),
});

/** The corporation's reference of a home; inbound signals name the home by it, never by a person. */
export const Eenheidnummer = freeText(
  z
    .string({ error: 'Vul het eenheidnummer van de corporatie in.' })
    .trim()
    .min(1, { error: 'Vul het eenheidnummer van de corporatie in.' })
    .max(40, { error: 'Het eenheidnummer is te lang (hooguit 40 tekens).' }),
).meta({ description: 'Het nummer van de verhuureenheid bij de corporatie' });

/**
 * The CBS wijkcode of the home: WK, then the four digits of the gemeentecode and two of the wijk. Written
 * in capitals whatever was typed, so one wijk has one code (the municipality's maximum per wijk counts on it).
 */
export const Wijkcode = z
  .string({ error: WIJKCODE_MESSAGE })
  .trim()
  .toUpperCase()
  .regex(WIJKCODE_PATTERN, { error: WIJKCODE_MESSAGE })
  .meta({ description: 'CBS-wijkcode: WK met zes cijfers, de eerste vier zijn de gemeentecode (WK034401)' });

export const WoningAanbiedingSchema = z
  .object({
    id: z.string(),
    corporatieId: z.string(),
    adres: Adres,
    wijk: z.string(),
    /** Absent on homes registered before it was asked. */
    wijkcode: Wijkcode.optional(),
    huurPerMaandCent: z.number().int().positive(),
    beschikbaarVanaf: IsoDate,
    reactieUiterlijk: IsoDate,
    status: z.enum(['open', 'geaccepteerd', 'afgewezen']),
    eenheidnummer: Eenheidnummer.optional(),
    besluit: z.object({ op: IsoDate, reden: z.string().optional(), door: Door }).optional(),
  })
  .meta({ id: 'WoningAanbieding' }) satisfies z.ZodType<WoningAanbieding>;

export const ContractSchema = z
  .object({
    vorm: z.enum(contractVormen, { error: 'Kies de contractvorm.' }),
    aanbiedingId: z.string(),
    ingangsdatum: IsoDate,
    getekendOp: IsoDate,
    omklapNaMaanden: z
      .number()
      .int()
      .min(OMKLAP_MIN_MONTHS, { error: `De omklap komt na minstens ${OMKLAP_MIN_MONTHS} maanden.` })
      .max(OMKLAP_MAX_MONTHS, { error: `De omklap komt na hooguit ${OMKLAP_MAX_MONTHS} maanden.` })
      .optional(),
    garantstelling: z.object({ reden: Reden }).optional(),
    contractnummer: freeText(
      z.string().trim().min(1).max(40, { error: 'Het contractnummer is te lang (hooguit 40 tekens).' }),
    ).optional(),
  })
  .meta({ id: 'Contract' }) satisfies z.ZodType<Contract>;

export const BijzondereBijstandSchema = z
  .object({
    aangevraagdOp: IsoDate.optional(),
    toegekend: z.boolean({ error: 'Kies toegekend of afgewezen.' }).optional(),
    bedragCent: z
      .number({ error: 'Vul het toegekende bedrag in.' })
      .int({ error: 'Het bedrag is in centen.' })
      .positive({ error: 'Het bedrag moet meer dan nul zijn.' })
      .max(1_000_000, { error: 'Dit bedrag is niet aannemelijk voor verhuiskosten (hooguit € 10.000).' })
      .optional(),
  })
  .meta({ id: 'BijzondereBijstand' }) satisfies z.ZodType<BijzondereBijstand>;

/** Every field is optional: a status stored before the later fields existed reads as it was. */
export const UitkeringStatusSchema = z
  .object({
    klaargezetOp: IsoDate.optional(),
    aangevraagdOp: IsoDate.optional(),
    besluitOp: IsoDate.optional(),
    toegekend: z.boolean().optional(),
    ingangsdatum: IsoDate.optional(),
    contactWerkInkomen: freeText(
      z.string().trim().min(2, { error: 'Vul de contactpersoon bij Werk & Inkomen in.' }).max(120, {
        error: 'De contactpersoon is te lang (hooguit 120 tekens).',
      }),
    ).optional(),
    maatwerkAfgesproken: z.boolean().optional(),
    bijzondereBijstand: BijzondereBijstandSchema.optional(),
  })
  .meta({ id: 'UitkeringStatus' }) satisfies z.ZodType<UitkeringStatus>;

export const MoveProcessMarkersSchema = z
  .object({
    uitkeringTaakVoor: IsoDate.optional(),
    bevestigingGevraagdVoor: IsoDate.optional(),
    evaluatieGepland: IsoDate.optional(),
    omklapAangekondigd: IsoDate.optional(),
    omklapGemeld: IsoDate.optional(),
    verhuisbevestigingGevraagdVoor: IsoDate.optional(),
    landingsreviewGevraagd: z.number().int().positive().optional(),
    omklapHerinnerdVoor: IsoDate.optional(),
    verhuiskostenOngedekt: z.boolean().optional(),
  })
  .meta({ id: 'Verhuisproces' }) satisfies z.ZodType<MoveProcessMarkers>;

export const OpenVraagSchema = z
  .object({
    soort: z.enum(['verhuizing', 'omklap', 'landingsreview']),
    datum: IsoDate,
    wat: z.string(),
    uiterlijk: IsoDate.optional().meta({ description: 'Uiterlijk te beantwoorden op' }),
  })
  .meta({ id: 'OpenVraag' }) satisfies z.ZodType<OpenVraag>;

export const SignalenSchema = z
  .object({
    uitkeringRisico: z.enum(['groen', 'oranje', 'rood', 'open']),
    openVragen: z.array(OpenVraagSchema).optional(),
    volgendeDeadline: z.object({ datum: IsoDate, wat: z.string(), plek: z.enum(plekken).optional() }).optional(),
    deadlines: z
      .array(z.object({ datum: IsoDate, wat: z.string(), plek: z.enum(plekken).optional() }))
      .max(20)
      .optional(),
    volgendeEvaluatie: IsoDate.optional(),
    uitkeringContactVoor: IsoDate.optional(),
    faseSinds: z.object({ fase: z.enum(fases), sinds: IsoDate }).optional(),
  })
  .meta({ id: 'Signalen' }) satisfies z.ZodType<Signalen>;

export const SupportChangeSchema = z
  .object({
    id: z.string(),
    niveau: z.enum(supportLevels, { error: 'Kies een niveau van ondersteuning.' }),
    modaliteiten: z
      .array(z.enum(modaliteiten, { error: 'Onbekende vorm van ondersteuning.' }))
      .min(1, { error: 'Kies minstens één vorm.' }),
    reden: Reden,
    vanaf: IsoDate,
    tot: IsoDate.optional(),
    door: Door,
    signaalId: z.string().optional(),
    afgelopenGemeldOp: IsoDate.optional(),
  })
  .meta({ id: 'OndersteuningWijziging' }) satisfies z.ZodType<SupportChange>;

export const SupportReviewSchema = z
  .object({
    wijzigingId: z.string(),
    op: IsoDate,
    uitkomst: z.enum(['bevestigd', 'afgeschaald', 'verlengd']),
    door: Door,
  })
  .meta({ id: 'OndersteuningEvaluatie' });

export const SignSchema = z
  .object({
    id: z.string(),
    fase: z.enum(signFases, { error: 'Kies groen, oranje of rood.' }),
    teken: freeText(
      z
        .string({ error: 'Beschrijf het teken in de woorden van de persoon.' })
        .trim()
        .min(3, { error: 'Beschrijf het teken in de woorden van de persoon.' })
        .max(500),
      { multiline: true },
    ),
    actie: freeText(
      z
        .string({ error: 'Beschrijf de afgesproken actie.' })
        .trim()
        .min(3, { error: 'Beschrijf de afgesproken actie.' })
        .max(500),
      { multiline: true },
    ),
    wie: freeText(z.string({ error: 'Vul in wie handelt.' }).trim().min(2, { error: 'Vul in wie handelt.' }).max(120)),
    netwerkMagWeten: z.boolean(),
    corporatieMagWeten: z.boolean(),
  })
  .meta({ id: 'Signaleringsteken' }) satisfies z.ZodType<Sign>;

export const PlanVersionSchema = z
  .object({
    versie: z.number().int().positive(),
    tekens: z.array(SignSchema),
    opgesteldMet: z.string(),
    vastgelegdOp: IsoDate,
    vastgelegdDoor: Door,
    akkoordPersoonOp: IsoDate.optional(),
  })
  .meta({ id: 'SignaleringsplanVersie' }) satisfies z.ZodType<PlanVersion>;

const Toelichting = freeText(z.string().trim().max(500, { error: 'De toelichting is te lang (hooguit 500 tekens).' }), {
  multiline: true,
});

/**
 * A stay elsewhere on top of the phase. `soort` is absent only on records that were *teruggevallen* before
 * this state existed: what kind of stay it was is not known, and no one decided it.
 */
export const TijdelijkVerblijfSchema = z
  .object({
    soort: z.enum(verblijfSoorten, { error: 'Kies opname, logeerplek of crisisopvang.' }).optional(),
    sinds: IsoDate,
    woningBehouden: z.boolean(),
    toelichting: Toelichting.optional(),
  })
  .meta({ id: 'TijdelijkVerblijf' });

export const BeeindigingSchema = z
  .object({
    reden: z.enum(beeindigingRedenen, { error: 'Kies een reden uit de lijst.' }),
    toelichting: Toelichting.optional(),
    op: IsoDate,
    door: Door,
  })
  .meta({ id: 'Beeindiging' });

export const OverdrachtSchema = z
  .object({
    aan: z.enum(overdrachtPartijen, { error: 'Kies het buurtteam of het sociaal wijkteam.' }),
    contactpersoon: freeText(
      z
        .string({ error: 'Vul in aan wie is overgedragen.' })
        .trim()
        .min(2, { error: 'Vul in aan wie is overgedragen.' })
        .max(120, { error: 'De contactpersoon is te lang (hooguit 120 tekens).' }),
    ),
    op: IsoDate,
    overgedragen: freeText(
      z
        .string({ error: 'Beschrijf wat is overgedragen.' })
        .trim()
        .min(3, { error: 'Beschrijf wat is overgedragen.' })
        .max(1000, { error: 'De beschrijving is te lang (hooguit 1000 tekens).' }),
      { multiline: true },
    ),
  })
  .meta({ id: 'Overdracht' });
export type Overdracht = z.infer<typeof OverdrachtSchema>;

/** After geland: support goes on at waakvlam, or has ended with a warm handover. */
export const NazorgSchema = z
  .discriminatedUnion('vorm', [
    z.object({ vorm: z.literal('waakvlam'), sinds: IsoDate }),
    z.object({ vorm: z.literal('overgedragen'), sinds: IsoDate, overdracht: OverdrachtSchema }),
  ])
  .meta({ id: 'Nazorg' });
export const GenomenDoor = freeText(
  z
    .string({ error: 'Vul in wie het besluit namen.' })
    .trim()
    .min(2, { error: 'Vul in wie het besluit namen.' })
    .max(200, { error: 'Te lang (hooguit 200 tekens).' }),
).meta({ description: 'Wie besloten: het duo, de contactpersoon van de corporatie, de persoon' });

export const OmklapBesluitSchema = z
  .object({
    besluit: z.enum(omklapBesluitSoorten, { error: 'Kies omklap, uitstel of niet.' }),
    per: IsoDate.optional(),
    nieuweDatum: IsoDate.optional(),
    reden: z.string().optional(),
    genomenDoor: z.string(),
    op: IsoDate,
    door: Door,
  })
  .meta({ id: 'OmklapBesluit' }) satisfies z.ZodType<OmklapBesluit>;

const FactorOordeelSchema = z.object({
  oordeel: z.enum(factorOordelen, { error: 'Kies per factor: op orde, vraagt aandacht of risico.' }),
  toelichting: Notitie.optional(),
});

export const Factoren = z
  .object(
    Object.fromEntries(risicofactoren.map((f) => [f, FactorOordeelSchema])) as Record<
      Risicofactor,
      typeof FactorOordeelSchema
    >,
    { error: 'Beoordeel alle vier de factoren.' },
  )
  .meta({ description: 'De vier factoren die van invloed zijn op zich herhalende dakloosheid' });

export const PerspectiefPersoon = freeText(
  z
    .string({ error: 'Schrijf op hoe de persoon het zelf ziet.' })
    .trim()
    .min(3, { error: 'Schrijf op hoe de persoon het zelf ziet.' })
    .max(1000, { error: 'Te lang (hooguit 1000 tekens).' }),
  { multiline: true },
);

export const LandingsoordeelSchema = z
  .object({
    maanden: z.number().int().positive().optional(),
    op: IsoDate,
    factoren: Factoren,
    perspectiefPersoon: z.string(),
    geland: z.boolean(),
    door: Door,
  })
  .meta({ id: 'Landingsoordeel' }) satisfies z.ZodType<Landingsoordeel>;
