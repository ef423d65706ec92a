import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DeliveryRef } from '../../shared/domain/webhook-schemas';
import { correlationIdOfInput, observed, withCorrelation } from '../observability/context';
import { logger } from '../observability/logger';
import { attempt, type DeliveryDeps } from './delivery-service';
import { deliveryDepsFromEnvironment } from './delivery-runtime';

/**
 * The delivery worker: one attempt per queued delivery. A message whose attempt failed to be recorded is
 * reported back (partial batch response) and comes again; the delivery's lease keeps two workers apart.
 */
export function createWorkerHandler(deps: () => DeliveryDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      // Each message under the correlation id it carries (the change that caused the notice).
      await withCorrelation(correlationIdOfMessage(record.body), async () => {
        try {
          await attempt(deps(), DeliveryRef.parse(JSON.parse(record.body)));
        } catch (error) {
          logger.warn('webhook attempt not recorded', { messageId: record.messageId, errorName: (error as Error).name });
          batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      });
    }
    return { batchItemFailures };
  };
}

function correlationIdOfMessage(body: string): unknown {
  try {
    return correlationIdOfInput(JSON.parse(body));
  } catch {
    return undefined;
  }
}

export const handler = observed(createWorkerHandler(deliveryDepsFromEnvironment));
