import * as z from 'zod';
import { signFases } from './signaleringsplan';
import { signalSources } from './signals';
import { modaliteiten } from './support';

const Risk = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Scoor 0, 1 of 2.' });

export const ThermometerScoreSchema = z
  .object({ veiligheid: Risk, gezondheid: Risk, welzijn: Risk, omvang: Risk, duur: Risk })
  .meta({ id: 'Thermometer', description: 'Urgentie volgens de thermometer: elk onderdeel 0–2' });

const Door = z.object({ id: z.string(), naam: z.string() });

export const Signal = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    at: z.iso.datetime(),
    bron: z.enum(signalSources),
    omschrijving: z.string(),
    tekenId: z.string().optional(),
    fase: z.enum(signFases),
    thermometer: z.object({ score: ThermometerScoreSchema, totaal: z.number().int(), actie: z.string() }).optional(),
    status: z.enum(['open', 'bevestigd', 'afgehandeld']),
    deadline: z.iso.datetime().optional(),
    geregistreerdDoor: Door,
    bevestigd: z.object({ door: Door, op: z.iso.datetime() }).optional(),
  })
  .meta({ id: 'Signaal' });
export type Signal = z.infer<typeof Signal>;

export const RegisterSignalInput = z
  .object({
    bron: z.enum(signalSources, { error: 'Kies van wie het signaal komt.' }),
    omschrijving: z.string({ error: 'Beschrijf wat er is opgemerkt.' }).trim().min(3, { error: 'Beschrijf wat er is opgemerkt.' }).max(1000),
    tekenId: z.string().max(64).optional().meta({ description: 'Het teken uit het signaleringsplan waar het signaal bij past' }),
    thermometer: ThermometerScoreSchema.optional(),
  })
  .strict()
  .refine((s) => Boolean(s.tekenId) || Boolean(s.thermometer), {
    error: 'Kies het teken uit het signaleringsplan, of schat de urgentie met de thermometer.',
    path: ['thermometer'],
  })
  .meta({ id: 'RegisterSignalInput' });

/** A contactmoment: when, who, how, and a short note. A contact need not serve a goal (presentie). */
export const Contact = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    op: z.iso.datetime(),
    wie: Door,
    modaliteit: z.enum(modaliteiten, { error: 'Kies hoe het contact was.' }),
    notitie: z.string().trim().max(500, { error: 'De notitie is te lang (hooguit 500 tekens).' }).optional(),
  })
  .meta({ id: 'Contactmoment' });
export type Contact = z.infer<typeof Contact>;

export const RecordContactInput = Contact.pick({ modaliteit: true, notitie: true })
  .extend({ op: z.iso.datetime({ error: 'Vul een tijdstip in.' }).optional() })
  .strict()
  .meta({ id: 'RecordContactInput' });
