import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DeliveryRef } from '../../shared/domain/notices/webhook-schemas';
import { correlationIdOfInput, observed, withCorrelation } from '../observability/context';
import { logger } from '../observability/logger';
import { attempt, type DeliveryDeps } from './delivery-service';
import { deliveryDepsFromEnvironment } from './delivery-runtime';
import { batchWaitMs } from './worker-budget';

/** When the batch stops waiting for its attempts; cancelled when they all finished first. */
export interface BatchDeadline {
  reached: Promise<void>;
  cancel(): void;
}

interface WorkerContext {
  awsRequestId?: string;
  getRemainingTimeInMillis?: () => number;
}

/** The deadline the Lambda's remaining time allows (worker-budget.ts). */
export function deadlineOf(context: WorkerContext | undefined): BatchDeadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reached = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, batchWaitMs(context?.getRemainingTimeInMillis?.()));
  });
  return { reached, cancel: () => clearTimeout(timer) };
}

/** A message whose attempt was not recorded by the batch's deadline. */
class DeadlineReached extends Error {
  override name = 'DeadlineReached';
}

/**
 * The delivery worker: one attempt per queued delivery, the batch's attempts side by side (Powertools' batch
 * processor, in parallel), so one slow receiver does not hold up the others. A message whose attempt failed
 * to be recorded, or was not recorded by the batch's deadline, is reported back (partial batch response) and
 * comes again; the delivery's lease keeps two workers apart, and the delivery stays due in the table for the
 * sweeper. The processor has no deadline of its own: each message's attempt races the batch's deadline, and
 * an attempt still running then goes on after the answer (its lease holds it), as it would have before.
 */
export function createWorkerHandler(
  deps: () => DeliveryDeps,
  options: { deadline?: (context?: WorkerContext) => BatchDeadline } = {},
) {
  return async (event: SQSEvent, context?: WorkerContext): Promise<SQSBatchResponse> => {
    const deadline = (options.deadline ?? deadlineOf)(context);
    const late = deadline.reached.then(() => Promise.reject(new DeadlineReached()));
    late.catch(() => undefined); // handled by each race; this keeps an empty batch from an unhandled rejection
    // A processor per invocation: its state is the batch's, and the local runtime runs invocations side by side.
    const processor = new BatchProcessor(EventType.SQS);
    try {
      // All reported back is still an answer (the deadline passed, or every attempt failed): no error to retry.
      const { batchItemFailures } = await processPartialResponse(
        event,
        (record: SQSRecord) => Promise.race([attemptOf(deps, record), late]),
        processor,
        {
          throwOnFullBatchFailure: false,
        },
      );
      if (batchItemFailures.length)
        logger.warn('webhook attempts reported back', {
          messages: event.Records.length,
          reportedBack: batchItemFailures.length,
        });
      return { batchItemFailures };
    } finally {
      deadline.cancel();
    }
  };
}

/** One message's attempt, under the correlation id it carries (the change that caused the notice). */
function attemptOf(deps: () => DeliveryDeps, record: SQSRecord): Promise<void> {
  return withCorrelation(correlationIdOfMessage(record.body), async () => {
    try {
      await attempt(deps(), DeliveryRef.parse(JSON.parse(record.body)));
    } catch (error) {
      logger.warn('webhook attempt not recorded', { messageId: record.messageId, errorName: (error as Error).name });
      throw error;
    }
  });
}

function correlationIdOfMessage(body: string): unknown {
  try {
    return correlationIdOfInput(JSON.parse(body));
  } catch {
    return undefined;
  }
}

export const handler = observed(createWorkerHandler(deliveryDepsFromEnvironment));
