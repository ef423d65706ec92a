import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryRef } from '../../shared/domain/notices/webhook-schemas';
import { currentCorrelationId } from '../observability/context';
import type { DeliveryQueue } from './ports';

/** SQS takes ten messages a batch and delays of at most 15 minutes; longer waits are the sweeper's. */
const BATCH = 10;
export const MAX_QUEUE_DELAY_SECONDS = 900;

export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly sqs: () => SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(refs: readonly DeliveryRef[], delaySeconds = 0): Promise<void> {
    // The message carries the correlation id of what queued it; the worker logs with it (see worker-handler.ts).
    const correlationId = currentCorrelationId();
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH);
      const { Failed } = await this.sqs().send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((ref, n) => ({
            Id: String(n),
            MessageBody: JSON.stringify({ ...ref, ...(correlationId ? { correlationId } : {}) }),
            DelaySeconds: Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.round(delaySeconds))),
          })),
        }),
      );
      // Not fatal: a delivery that did not reach the queue is still due in the table, and the sweeper finds it.
      if (Failed?.length) throw new Error(`${Failed.length} deliveries not queued`);
    }
  }
}
