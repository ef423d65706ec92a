import * as z from 'zod';
import { noticeKinds } from './notices';

/**
 * A corporation's webhook endpoints and the deliveries of notices to them. Stored as these schemas say; the
 * API shows an endpoint without its secrets (a secret is shown once, when it is made).
 */
const Door = z.object({ id: z.string(), naam: z.string() });

export const disableReasons = ['gone', 'aanhoudend-falen', 'beheerder'] as const;
export const disableReasonLabels: Record<(typeof disableReasons)[number], string> = {
  gone: 'De ontvanger antwoordde 410 Gone',
  'aanhoudend-falen': 'Aanhoudend mislukte afleveringen',
  beheerder: 'Uitgezet door een beheerder',
};

export const EndpointSecret = z.object({
  id: z.string(),
  /** Sealed by the vault (KMS on AWS): never stored or logged in the clear. */
  sealed: z.string(),
  aangemaaktOp: z.iso.datetime(),
  /** During a rotation the old secret signs too, until this moment. */
  verlooptOp: z.iso.datetime().optional(),
});

export const Endpoint = z.object({
  id: z.string(),
  corporatieId: z.string(),
  /** The zorgaanbieder whose notices go here: each provider manages and signs for its own endpoints. */
  providerId: z.string(),
  versie: z.number().int().positive(),
  url: z.string(),
  soorten: z.array(z.enum(noticeKinds)),
  actief: z.boolean(),
  secrets: z.array(EndpointSecret).min(1),
  aangemaaktOp: z.iso.datetime(),
  aangemaaktDoor: Door,
  uitgeschakeld: z.object({ op: z.iso.datetime(), reden: z.enum(disableReasons) }).optional(),
  /** Since when every attempt failed; cleared by a success. */
  faaltSinds: z.iso.datetime().optional(),
  laatsteSuccesOp: z.iso.datetime().optional(),
});
export type Endpoint = z.infer<typeof Endpoint>;

export const EndpointView = Endpoint.omit({ secrets: true })
  .extend({ secrets: z.array(EndpointSecret.omit({ sealed: true })) })
  .meta({ id: 'WebhookEndpoint' });
export type EndpointView = z.infer<typeof EndpointView>;

export function viewOf(endpoint: Endpoint): EndpointView {
  return {
    ...endpoint,
    secrets: endpoint.secrets.map(({ id, aangemaaktOp, verlooptOp }) => ({
      id,
      aangemaaktOp,
      ...(verlooptOp ? { verlooptOp } : {}),
    })),
  };
}

export const deliveryStatuses = ['wachtend', 'afgeleverd', 'geparkeerd'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const Attempt = z.object({
  op: z.iso.datetime(),
  status: z.number().int().optional(),
  fout: z.enum(['timeout', 'network', 'blocked-address', 'endpoint-uit']).optional(),
  latencyMs: z.number().int(),
});
export type Attempt = z.infer<typeof Attempt>;

export const Delivery = z
  .object({
    endpointId: z.string(),
    corporatieId: z.string(),
    providerId: z.string(),
    eventId: z.string(),
    /** When the notice was fanned out to this endpoint: with the event id, the delivery's key. */
    at: z.iso.datetime(),
    soort: z.enum(noticeKinds),
    type: z.string(),
    status: z.enum(deliveryStatuses),
    pogingen: z.array(Attempt),
    /** Attempts before this index belong to earlier rounds (before a replay); the schedule counts from here. */
    rondeStart: z.number().int().nonnegative(),
    volgendePoging: z.iso.datetime().optional(),
    /** A worker holds the delivery until then; a crash lets the lease run out and the sweeper try again. */
    leaseTot: z.iso.datetime().optional(),
    afgeleverdOp: z.iso.datetime().optional(),
  })
  .meta({ id: 'Aflevering' });
export type Delivery = z.infer<typeof Delivery>;

/** How a delivery is named in the queue and the API: its endpoint and its key in the endpoint's log. */
export const DeliveryRef = z.object({
  corporatieId: z.string(),
  providerId: z.string(),
  endpointId: z.string(),
  at: z.iso.datetime(),
  eventId: z.string(),
});
export type DeliveryRef = z.infer<typeof DeliveryRef>;

export const refOf = (
  d: Pick<Delivery, 'corporatieId' | 'providerId' | 'endpointId' | 'at' | 'eventId'>,
): DeliveryRef => ({
  corporatieId: d.corporatieId,
  providerId: d.providerId,
  endpointId: d.endpointId,
  at: d.at,
  eventId: d.eventId,
});
