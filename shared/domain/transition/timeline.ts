import * as z from 'zod';
import { timelineEventTypes } from '../common/vocabulary';

export const TimelineEventType = z.enum(timelineEventTypes);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

export const Actor = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('medewerker'), id: z.string(), naam: z.string() }),
  z.object({ soort: z.literal('werkproces'), naam: z.string() }),
]);
export type Actor = z.infer<typeof Actor>;

export const TimelineEvent = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    type: TimelineEventType,
    at: z.iso.datetime(),
    actor: Actor,
    /** The version of the transition this change produced; orders events that share a timestamp. */
    versie: z.number().int().positive().optional(),
    /** What changed, in the caseworker's words (a phase change's reason, the new move date). */
    omschrijving: z.string().max(1000).optional(),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEvent>;
