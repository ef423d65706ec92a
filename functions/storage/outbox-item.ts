import type { OutboxEvent } from '../../shared/domain/notices/outbox-event';
import { currentCorrelationId } from '../observability/context';
import { keys } from './keys';

/**
 * A notice waiting to be fanned out to the corporation's endpoints (sparse gsi1 until it is), with the
 * correlation id of the change that writes it, so its fan-out and deliveries log under the same id. Apart from the transition store, so the webhook Lambdas that
 * write outbox events do not load the transition's schemas (hundreds of zod schemas built at import).
 */
export function outboxItem(e: OutboxEvent) {
  const correlationId = e.correlationId ?? currentCorrelationId();
  return {
    ...keys.outboxEvent(e.id),
    gsi1pk: keys.outboxPending,
    gsi1sk: `${e.time}#${e.id}`,
    entity: 'OutboxEvent',
    ...e,
    ...(correlationId ? { correlationId } : {}),
  };
}
