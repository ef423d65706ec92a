import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DeliveryRef } from '../../shared/domain/webhook-schemas';
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

/**
 * The delivery worker: one attempt per queued delivery, the batch's attempts side by side, so one slow
 * receiver does not hold up the others. A message whose attempt failed to be recorded, or was not recorded
 * by the batch's deadline, is reported back (partial batch response) and comes again; the delivery's lease
 * keeps two workers apart, and the delivery stays due in the table for the sweeper.
 */
export function createWorkerHandler(deps: () => DeliveryDeps, options: { deadline?: (context?: WorkerContext) => BatchDeadline } = {}) {
  return async (event: SQSEvent, context?: WorkerContext): Promise<SQSBatchResponse> => {
    const recorded = new Set<string>();
    const attempts = Promise.all(
      event.Records.map(async (record) => {
        if (await attemptOf(deps, record)) recorded.add(record.messageId);
      }),
    );
    const deadline = (options.deadline ?? deadlineOf)(context);
    await Promise.race([attempts, deadline.reached]);
    deadline.cancel();
    const batchItemFailures = event.Records.filter((r) => !recorded.has(r.messageId)).map((r) => ({ itemIdentifier: r.messageId }));
    if (batchItemFailures.length) logger.warn('webhook attempts reported back', { messages: event.Records.length, reportedBack: batchItemFailures.length });
    return { batchItemFailures };
  };
}

/** One message's attempt, under the correlation id it carries (the change that caused the notice). */
function attemptOf(deps: () => DeliveryDeps, record: SQSRecord): Promise<boolean> {
  return withCorrelation(correlationIdOfMessage(record.body), async () => {
    try {
      await attempt(deps(), DeliveryRef.parse(JSON.parse(record.body)));
      return true;
    } catch (error) {
      logger.warn('webhook attempt not recorded', { messageId: record.messageId, errorName: (error as Error).name });
      return false;
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
