import type { DynamoDBStreamEvent } from 'aws-lambda';
import { fanOut, type DeliveryDeps } from './delivery-service';
import { deliveryDepsFromEnvironment } from './delivery-runtime';
import { observed } from '../observability/context';

/**
 * DynamoDB Streams → deliveries: every new notice in the outbox becomes one delivery per subscribed endpoint
 * on the queue. The notice is read again from the table by its key (a consistent read), rather than taken
 * from the stream's image, so the stream only says *that* something is new. A failure makes Lambda retry the
 * batch; fan-out is idempotent. CDK filters the stream to outbox inserts; this checks again, so a test or
 * the local runtime can pass any record.
 */
export function createFanOutHandler(deps: () => DeliveryDeps) {
  return async (event: DynamoDBStreamEvent): Promise<{ fannedOut: number }> => {
    let fannedOut = 0;
    for (const record of event.Records) {
      const keys = record.dynamodb?.Keys;
      const isNotice = record.eventName === 'INSERT' && record.dynamodb?.NewImage?.entity?.S === 'OutboxEvent';
      const eventId = keys?.pk?.S?.replace(/^OUTBOX#/, '');
      if (!isNotice || !eventId) continue;
      const notice = await deps().deliveries.outboxEvent(eventId);
      if (!notice) continue;
      await fanOut(deps(), notice);
      fannedOut += 1;
    }
    return { fannedOut };
  };
}

// Each notice is fanned out under the correlation id it carries (see delivery-service.ts).
export const handler = observed(createFanOutHandler(deliveryDepsFromEnvironment));
