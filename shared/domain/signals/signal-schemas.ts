import * as z from 'zod';
import { freeText, OptionalNote } from '../common/free-text';
import { signFases } from './signaleringsplan';
import { CONTACT_WATCH, signalSources, signalStatuses } from './signals';
import { modaliteiten, supportLevels } from '../support/support';

const Risk = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Scoor 0, 1 of 2.' });

export const ThermometerScoreSchema = z
  .object({ veiligheid: Risk, gezondheid: Risk, welzijn: Risk, omvang: Risk, duur: Risk })
  .meta({ id: 'Thermometer', description: 'Urgentie volgens de thermometer: elk onderdeel 0–2' });

const Door = z.object({ id: z.string(), naam: z.string() });
const IsoDate = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });

/** A temporary scale-up: the follow-up workflow proposes one on rood, the caseworker adopts or changes it. */
export const ScaleUpSchema = z
  .object({
    niveau: z.enum(supportLevels, { error: 'Kies een niveau van ondersteuning.' }),
    modaliteiten: z
      .array(z.enum(modaliteiten, { error: 'Onbekende vorm van ondersteuning.' }))
      .min(1, { error: 'Kies minstens één vorm.' }),
    tot: IsoDate,
  })
  .meta({ id: 'Opschaling' });
export type ScaleUp = z.infer<typeof ScaleUpSchema>;

export const Signal = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    /** Every write of the signal is conditional on this number and raises it: workflow steps and people cannot overwrite each other. */
    versie: z.number().int().positive().default(1),
    at: z.iso.datetime(),
    bron: z.enum([...signalSources, CONTACT_WATCH]),
    omschrijving: z.string(),
    tekenId: z.string().optional(),
    fase: z.enum(signFases),
    thermometer: z.object({ score: ThermometerScoreSchema, totaal: z.number().int(), actie: z.string() }).optional(),
    status: z.enum(signalStatuses),
    deadline: z.iso.datetime().optional(),
    geregistreerdDoor: Door,
    bevestigd: z.object({ door: Door, op: z.iso.datetime() }).optional(),
    /** What the follow-up workflow did: the task for the duo, the proposed scale-up, the escalation. */
    taakAangemaaktOp: z.iso.datetime().optional(),
    opschalingsvoorstel: ScaleUpSchema.extend({ logeerplek: z.boolean() }).optional(),
    geescaleerdOp: z.iso.datetime().optional(),
    afgehandeld: z
      .object({ door: Door, op: z.iso.datetime(), notitie: z.string(), wijzigingId: z.string().optional() })
      .optional(),
    /** Reported by a corporation through its API: which one, about which of its homes, of what kind. */
    melder: z
      .object({ corporatieId: z.string(), providerId: z.string(), eenheidnummer: z.string(), soort: z.string() })
      .optional(),
  })
  .meta({ id: 'Signaal' });
export type Signal = z.infer<typeof Signal>;

export const RegisterSignalInput = z
  .object({
    bron: z.enum(signalSources, { error: 'Kies van wie het signaal komt.' }),
    omschrijving: freeText(
      z
        .string({ error: 'Beschrijf wat er is opgemerkt.' })
        .trim()
        .min(3, { error: 'Beschrijf wat er is opgemerkt.' })
        .max(1000),
      { multiline: true },
    ),
    tekenId: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'Het teken uit het signaleringsplan waar het signaal bij past' }),
    thermometer: ThermometerScoreSchema.optional(),
  })
  .strict()
  .refine((s) => Boolean(s.tekenId) || Boolean(s.thermometer), {
    error: 'Kies het teken uit het signaleringsplan, of schat de urgentie met de thermometer.',
    path: ['thermometer'],
  })
  .meta({ id: 'RegisterSignalInput' });

export const ResolveSignalInput = z
  .object({
    notitie: freeText(
      z
        .string({ error: 'Schrijf kort wat er is gedaan.' })
        .trim()
        .min(3, { error: 'Schrijf kort wat er is gedaan.' })
        .max(500),
      { multiline: true },
    ),
    opschaling: ScaleUpSchema.optional().meta({ description: 'Tijdelijk opschalen vanaf vandaag tot en met `tot`' }),
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'De versie van het traject, nodig bij opschalen' }),
  })
  .strict()
  .refine((r) => !r.opschaling || r.expectedVersion !== undefined, {
    error: 'Geef de versie van het traject mee die je wijzigt.',
    path: ['expectedVersion'],
  })
  .meta({ id: 'ResolveSignalInput' });

/** A contactmoment: when, who, how, and a short note. A contact need not serve a goal (presentie). */
export const Contact = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    op: z.iso.datetime(),
    wie: Door,
    modaliteit: z.enum(modaliteiten, { error: 'Kies hoe het contact was.' }),
    notitie: OptionalNote,
  })
  .meta({ id: 'Contactmoment' });
export type Contact = z.infer<typeof Contact>;

export const RecordContactInput = Contact.pick({ modaliteit: true, notitie: true })
  .extend({ op: z.iso.datetime({ error: 'Vul een tijdstip in.' }).optional() })
  .strict()
  .meta({ id: 'RecordContactInput' });
