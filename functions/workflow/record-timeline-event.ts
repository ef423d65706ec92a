import * as z from 'zod';
import { TimelineEventType } from '../../shared/domain/transition/timeline';
import type { TransitionStore } from '../transitions/ports';
import { lazy, runtime } from '../runtime';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { logger } from '../observability/logger';
import { correlationIdOfInput, observed } from '../observability/context';

/**
 * A workflow task: writes one timeline event for the transition. The state machine passes a stable event id
 * and time (derived from the execution), so a retried task writes the same event once.
 */
export const RecordTimelineEventInput = z.object({
  transitionId: z.string().min(1),
  type: TimelineEventType,
  eventId: z.string().min(1),
  at: z.iso.datetime(),
});
export type RecordTimelineEventInput = z.infer<typeof RecordTimelineEventInput>;

export function createRecordTimelineEvent(store: () => TransitionStore) {
  return async (input: unknown): Promise<{ transitionId: string; recorded: string }> => {
    const event = RecordTimelineEventInput.parse(input);
    await store().appendEvent({
      id: event.eventId,
      transitionId: event.transitionId,
      type: event.type,
      at: event.at,
      actor: { soort: 'werkproces', naam: 'Landing (aanmelding)' },
    });
    logger.info('timeline event recorded', { transitionId: event.transitionId, type: event.type });
    return { transitionId: event.transitionId, recorded: event.type };
  };
}

export const handler = observed(
  createRecordTimelineEvent(lazy(() => new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()))),
  correlationIdOfInput,
);
