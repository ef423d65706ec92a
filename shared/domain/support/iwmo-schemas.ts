import * as z from 'zod';
import {
  eenheidCodes,
  frequentieCodes,
  redenVerzoekCodes,
  type AllocationCheck,
  type Omvang,
  type Toewijzing,
  type VowDraft,
} from './iwmo';
import { IsoDate } from '../transition/traject-schemas';

/** zod schemas for the iWmo allocation and the verzoek om wijziging; the types they check live beside the rules. */
const Door = z.object({ id: z.string(), naam: z.string() });

export const OmvangSchema = z
  .object({
    volume: z
      .number({ error: 'Vul het volume in als heel getal.' })
      .int({ error: 'Het volume is een heel getal.' })
      .positive({ error: 'Het volume moet meer dan nul zijn.' })
      .max(99_999_999, { error: 'Dit volume is niet aannemelijk.' }),
    eenheid: z.enum(eenheidCodes, { error: 'Kies een eenheid uit de iWmo-codelijst (WMO756).' }),
    frequentie: z.enum(frequentieCodes, { error: 'Kies een frequentie uit de iWmo-codelijst (WMO757).' }),
  })
  .meta({
    id: 'Omvang',
    description: 'iWmo Omvang: Volume, Eenheid (WMO756) en Frequentie (WMO757)',
  }) satisfies z.ZodType<Omvang>;

/** What the caseworker copies from the municipality's toewijzing; Landing adds who recorded it and when. */
export const ToewijzingFields = z.object({
  toewijzingNummer: z
    .string({ error: 'Vul het toewijzingnummer in.' })
    .trim()
    .regex(/^[0-9A-Za-z]{1,20}$/, { error: 'Het toewijzingnummer bestaat uit hooguit 20 letters of cijfers.' }),
  productCategorie: z
    .string()
    .trim()
    .regex(/^[0-9]{2}$/, { error: 'De productcategorie is twee cijfers, zoals 02.' })
    .optional(),
  productCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{5}$/, { error: 'De productcode is vijf tekens, zoals 02A01.' })
    .overwrite((c) => c.toUpperCase())
    .optional(),
  ingangsdatum: IsoDate,
  einddatum: IsoDate.optional(),
  omvang: OmvangSchema,
});

export const ToewijzingSchema = ToewijzingFields.extend({ vastgelegdOp: IsoDate, vastgelegdDoor: Door }).meta({
  id: 'Toewijzing',
  description: 'Het iWmo toegewezen product voor de ambulante ondersteuning',
}) satisfies z.ZodType<Toewijzing>;

export const AllocationCheckSchema = z
  .object({
    urenPerWeekToegewezen: z
      .number()
      .optional()
      .meta({ description: 'Ontbreekt bij een eenheid die geen tijd is (stuks, euro)' }),
    overschrijding: z
      .object({ vanaf: IsoDate, urenPerWeekGepland: z.number(), urenPerWeekToegewezen: z.number() })
      .optional()
      .meta({ description: 'Vanaf deze dag is meer ondersteuning gepland dan toegewezen' }),
    eindigtBinnenkort: IsoDate.optional().meta({
      description: 'De toewijzing eindigt binnen vier weken (of is geëindigd) terwijl de ondersteuning doorgaat',
    }),
    verlopen: z.boolean().optional(),
  })
  .meta({ id: 'ToewijzingControle' }) satisfies z.ZodType<AllocationCheck>;

export const VowDraftSchema = z
  .object({
    bericht: z.literal('WMO317'),
    Verzoek: z.object({
      ReferentieAanbieder: z.string(),
      RedenVerzoek: z.enum(redenVerzoekCodes),
      TeWijzigenProducten: z.array(
        z.object({
          ToewijzingNummer: z.string(),
          GewensteIngangsdatum: IsoDate,
          Einddatum: IsoDate.optional(),
          Omvang: z.object({ Volume: z.number().int(), Eenheid: z.enum(eenheidCodes), Frequentie: z.literal('2') }),
        }),
      ),
    }),
    redenVerzoekOmschrijving: z.string(),
    toelichting: z.string(),
    persoonRef: z
      .string()
      .meta({ description: 'Pseudoniem van de persoon; het BSN vult het iWmo-systeem van de aanbieder in' }),
    ontbreekt: z
      .array(z.literal('Bsn'))
      .meta({ description: 'Wat het iWmo-systeem van de aanbieder nog moet invullen' }),
  })
  .meta({
    id: 'VerzoekOmWijzigingConcept',
    description: 'Concept van een iWmo verzoek om wijziging (WMO317); Landing verstuurt het niet',
  }) satisfies z.ZodType<VowDraft>;
