import * as z from 'zod';
import { noticeKinds, noticeTypes, type Notice } from './notices';

/**
 * A notice as written to the outbox, in the same transaction as the change that causes it: everything the
 * CloudEvent needs is fixed here (id, time, sequence), so a retried delivery sends the same event.
 */
export const OutboxEvent = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    providerId: z.string(),
    corporatieId: z.string(),
    soort: z.enum(noticeKinds),
    type: z.string(),
    time: z.iso.datetime(),
    /** The transition's version that caused it, zero-padded so receivers can order events of one subject. */
    sequence: z.string(),
    /** The pseudonymous person reference: the subject of every notice about one transition. */
    subject: z.string(),
    data: z.record(z.string(), z.unknown()),
    /** Only for this endpoint (a test notice); otherwise for every endpoint of the corporation that subscribes. */
    endpointId: z.string().optional(),
    /** The correlation id of the change that caused it (for the logs of its deliveries); never sent to the corporation. */
    correlationId: z.string().optional(),
  })
  .meta({ id: 'UitgaandeMelding' });
export type OutboxEvent = z.infer<typeof OutboxEvent>;

export const sequenceOf = (version: number) => String(version).padStart(10, '0');

export function toOutboxEvents(
  notices: readonly Notice[],
  context: {
    transitionId: string;
    providerId: string;
    persoonRef: string;
    version: number;
    at: string;
    newId: () => string;
  },
): OutboxEvent[] {
  return notices.map((n) => ({
    id: context.newId(),
    transitionId: context.transitionId,
    providerId: context.providerId,
    corporatieId: n.corporatieId,
    soort: n.soort,
    type: noticeTypes[n.soort],
    time: context.at,
    sequence: sequenceOf(context.version),
    subject: context.persoonRef,
    data: n.data as Record<string, unknown>,
  }));
}
