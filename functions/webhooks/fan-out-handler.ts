import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { fanOut, type DeliveryDeps } from './delivery-service';
import { deliveryDepsFromEnvironment } from './delivery-runtime';
import { observed } from '../observability/context';

/**
 * DynamoDB Streams → deliveries: every new notice in the outbox becomes one delivery per subscribed endpoint
 * on the queue. The notice is read again from the table by its key (a consistent read), rather than taken
 * from the stream's image, so the stream only says *that* something is new. Records are fanned out one by
 * one in the stream's order (Powertools' batch processor); a notice that failed is reported back (partial
 * batch response) and Lambda hands the stream again from it on, as fan-out is idempotent; when all failed,
 * the batch fails. CDK filters the stream to outbox inserts; this checks again, so a test or the local
 * runtime can pass any record.
 */
export function createFanOutHandler(deps: () => DeliveryDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    // A processor per invocation: its state is the batch's, and the local runtime runs invocations side by side.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    return processPartialResponse(event, (record: DynamoDBRecord) => fanOutRecord(deps, record), processor, {
      processInParallel: false,
    });
  };
}

async function fanOutRecord(deps: () => DeliveryDeps, record: DynamoDBRecord): Promise<void> {
  const keys = record.dynamodb?.Keys;
  const isNotice = record.eventName === 'INSERT' && record.dynamodb?.NewImage?.entity?.S === 'OutboxEvent';
  const eventId = keys?.pk?.S?.replace(/^OUTBOX#/, '');
  if (!isNotice || !eventId) return;
  const notice = await deps().deliveries.outboxEvent(eventId);
  if (notice) await fanOut(deps(), notice);
}

// Each notice is fanned out under the correlation id it carries (see delivery-service.ts).
export const handler = observed(createFanOutHandler(deliveryDepsFromEnvironment));
