import * as z from 'zod';
import { freeText } from '../domain/common/free-text';
import { noticeKinds } from '../domain/notices/notices';
import { Delivery, EndpointView } from '../domain/notices/webhook-schemas';

/** Requests and answers of the corporations' administration (webhooks, API keys) and of the corporation API. */
const Versie = z.number({ error: 'Geef de versie van het endpoint mee.' }).int().positive();
const Soorten = z
  .array(
    z.enum(noticeKinds.filter((k) => k !== 'test') as [string, ...string[]], { error: 'Onbekende soort melding.' }),
  )
  .min(1, { error: 'Kies minstens één soort melding.' })
  .refine((s) => new Set(s).size === s.length, { error: 'Kies elke soort melding één keer.' });
const Url = z
  .string({ error: 'Vul de URL van het endpoint in.' })
  .trim()
  .url({ error: 'Vul een geldige URL in.' })
  .max(500);

export const CorporationParams = z.object({ corporatieId: z.string().min(1).max(64) });
export const EndpointParams = CorporationParams.extend({ endpointId: z.string().min(1).max(64) });

export const CreateEndpointInput = z
  .object({ url: Url, soorten: Soorten })
  .strict()
  .meta({ id: 'CreateEndpointInput' });
export const UpdateEndpointInput = z
  .object({ url: Url.optional(), soorten: Soorten.optional(), actief: z.boolean().optional(), versie: Versie })
  .strict()
  .meta({ id: 'UpdateEndpointInput' });
export const RotateSecretInput = z
  .object({
    overlapUren: z
      .number()
      .int()
      .min(0, { error: 'Kies 0 tot 168 uur.' })
      .max(168, { error: 'Kies 0 tot 168 uur.' })
      .default(24),
    versie: Versie,
  })
  .strict()
  .meta({ id: 'RotateSecretInput' });

export const EndpointWithSecret = z
  .object({
    endpoint: EndpointView,
    secret: z.string().meta({ description: 'Eenmalig getoond: bewaar het nu (whsec_…)' }),
  })
  .meta({ id: 'EndpointMetSecret' });

export const EndpointHealth = z.object({
  afgeleverd: z.number().int(),
  wachtend: z.number().int(),
  geparkeerd: z.number().int(),
  /** Of the last attempts read: the share that succeeded, as a percentage. */
  succesPercentage: z.number().int().optional(),
  mediaanLatencyMs: z.number().int().optional(),
});
export const EndpointList = z
  .object({ items: z.array(z.object({ endpoint: EndpointView, gezondheid: EndpointHealth })) })
  .meta({ id: 'Endpoints' });

export const DeliveryLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1024).optional(),
});
export const DeliveryLog = z
  .object({ items: z.array(Delivery), nextCursor: z.string().optional() })
  .meta({ id: 'Afleveringen' });

export const ReplayInput = z
  .object({
    aflevering: z.object({ eventId: z.string().min(1).max(64), at: z.iso.datetime() }).optional(),
    sinds: z.iso.datetime({ error: 'Vul een tijdstip in.' }).optional(),
  })
  .strict()
  .refine((r) => Boolean(r.aflevering) !== Boolean(r.sinds), {
    error: 'Kies één aflevering, of alles wat mislukte sinds een tijdstip.',
    path: ['sinds'],
  })
  .meta({ id: 'ReplayInput' });
export const ReplayResult = z.object({ opnieuwAangeboden: z.number().int() }).meta({ id: 'OpnieuwAangeboden' });
export const TestEventResult = z.object({ eventId: z.string() }).meta({ id: 'Testmelding' });

export const ApiKeyView = z
  .object({
    prefix: z.string(),
    aangemaaktOp: z.iso.datetime(),
    aangemaaktDoor: z.object({ id: z.string(), naam: z.string() }),
  })
  .meta({ id: 'ApiSleutel' });
export const ApiKeyList = z.object({ items: z.array(ApiKeyView) }).meta({ id: 'ApiSleutels' });
export const NewApiKey = z
  .object({ sleutel: ApiKeyView, apiKey: z.string().meta({ description: 'Eenmalig getoond: bewaar hem nu' }) })
  .meta({ id: 'NieuweApiSleutel' });
export const ApiKeyParams = CorporationParams.extend({ prefix: z.string().min(1).max(32) });

export const corporationSignalKinds = [
  'huurachterstand',
  'overlast',
  'zorg-van-buren',
  'geen-toegang-onderhoud',
] as const;
export const corporationSignalLabels: Record<(typeof corporationSignalKinds)[number], string> = {
  huurachterstand: 'Huurachterstand',
  overlast: 'Overlast',
  'zorg-van-buren': 'Buren maken zich zorgen',
  'geen-toegang-onderhoud': 'Geen toegang voor onderhoud',
};

export const ReportSignalInput = z
  .object({
    eenheidnummer: freeText(
      z.string({ error: 'Vul het eenheidnummer in.' }).trim().min(1, { error: 'Vul het eenheidnummer in.' }).max(40),
    ),
    soort: z.enum(corporationSignalKinds, { error: `Kies een soort: ${corporationSignalKinds.join(', ')}.` }),
    toelichting: freeText(z.string().trim().max(500, { error: 'De toelichting is te lang (hooguit 500 tekens).' }), {
      multiline: true,
    }).optional(),
  })
  .strict()
  .meta({ id: 'MeldSignaalInput' });

/** What a corporation sees of a signal it reported: whether it was picked up, nothing more. */
export const ReportedSignal = z
  .object({
    id: z.string(),
    eenheidnummer: z.string(),
    soort: z.enum(corporationSignalKinds),
    ontvangenOp: z.iso.datetime(),
    status: z.enum(['ontvangen', 'opgepakt', 'afgehandeld']),
    opgepaktOp: z.iso.datetime().optional(),
  })
  .meta({ id: 'GemeldSignaal' });
export type ReportedSignal = z.infer<typeof ReportedSignal>;
export const ReportedSignalList = z.object({ items: z.array(ReportedSignal) }).meta({ id: 'GemeldeSignalen' });
