import * as z from 'zod';
import { freeText, OptionalNote } from '../common/free-text';
import { signFases } from './signaleringsplan';
import { CONTACT_WATCH, isNeighbourhoodSource, signalSources, signalStatuses } from './signals';
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
    /** Why the reporter chose this urgency (signals stored before it was asked have none). */
    reden: z.string().optional(),
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
    fase: z
      .enum(signFases, { error: 'Kies de urgentie: rood, oranje of groen.' })
      .optional()
      .meta({ description: 'De urgentie die de melder kiest (de persoon, het duo, ondersteuning op afstand)' }),
    reden: freeText(
      z.string().trim().min(3, { error: 'Schrijf in een paar woorden waarom je deze urgentie kiest.' }).max(500),
      { multiline: true },
    )
      .optional()
      .meta({ description: 'Waarom deze urgentie, als geen teken uit het signaleringsplan haar onderbouwt' }),
    thermometer: ThermometerScoreSchema.optional().meta({
      description: 'Alleen voor signalen uit de wijk en van de corporatie',
    }),
  })
  .strict()
  // No default urgency: who knows the person chooses it (by a sign, or with a reason); the neighbourhood's
  // signals are scored with the thermometer, made for them.
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (isNeighbourhoodSource(s.bron)) {
      if (s.fase)
        issue(
          'fase',
          'De urgentie van een signaal uit de wijk volgt uit de thermometer of uit het teken in het signaleringsplan.',
        );
      else if (!s.tekenId && !s.thermometer)
        issue('thermometer', 'Kies het teken uit het signaleringsplan, of schat de urgentie met de thermometer.');
      return;
    }
    if (s.thermometer)
      issue(
        'thermometer',
        'De thermometer is voor signalen uit de wijk en van de corporatie. Kies zelf de urgentie: rood, oranje of groen.',
      );
    if (!s.tekenId && !s.fase) issue('fase', 'Kies de urgentie: rood, oranje of groen.');
    else if (!s.tekenId && !s.reden)
      issue('reden', 'Kies het teken uit het signaleringsplan, of schrijf waarom je deze urgentie kiest.');
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
