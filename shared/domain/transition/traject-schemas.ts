import * as z from 'zod';
import { freeText } from '../common/free-text';
import { readinessItemIds, type ReadinessCheck } from './readiness';
import type { MoveProcessMarkers, OpenVraag } from './move-process';
import { modaliteiten, supportLevels, type SupportChange } from '../support/support';
import { signFases, type PlanVersion, type Sign } from '../signals/signaleringsplan';
import type { Signalen } from './overview';
import type { UitkeringStatus } from '../uitkering/uitkering';
import { factorOordelen, risicofactoren, type Landingsoordeel, type Risicofactor } from './landing';
import {
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

export const WoningAanbiedingSchema = z
  .object({
    id: z.string(),
    corporatieId: z.string(),
    adres: Adres,
    wijk: z.string(),
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

export const UitkeringStatusSchema = z
  .object({
    aangevraagdOp: IsoDate.optional(),
    besluitOp: IsoDate.optional(),
    toegekend: z.boolean().optional(),
    ingangsdatum: IsoDate.optional(),
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
  .object({ soort: z.enum(['verhuizing', 'omklap', 'landingsreview']), datum: IsoDate, wat: z.string() })
  .meta({ id: 'OpenVraag' }) satisfies z.ZodType<OpenVraag>;

export const SignalenSchema = z
  .object({
    uitkeringRisico: z.enum(['groen', 'oranje', 'rood', 'open']),
    openVragen: z.array(OpenVraagSchema).optional(),
    volgendeDeadline: z.object({ datum: IsoDate, wat: z.string() }).optional(),
    volgendeEvaluatie: IsoDate.optional(),
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
