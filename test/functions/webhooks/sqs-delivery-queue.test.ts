import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_QUEUE_DELAY_SECONDS, SqsDeliveryQueue } from '../../../functions/webhooks/sqs-delivery-queue';
import { DeliveryRef } from '../../../shared/domain/notices/webhook-schemas';

const queueUrl = 'https://sqs.example/000000000000/landing-deliveries';
const refs = (n: number): DeliveryRef[] =>
  Array.from({ length: n }, (_, i) => ({
    corporatieId: 'corp-rijnhoven',
    providerId: 'org-overstap',
    endpointId: 'ep-1',
    at: '2027-03-05T16:00:00.000Z',
    eventId: `evt-${i + 1}`,
  }));

describe('SqsDeliveryQueue', () => {
  const sqs = mockClient(SQSClient);
  const client = new SQSClient({
    region: 'eu-central-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const queue = new SqsDeliveryQueue(() => client, queueUrl);
  const batches = () => sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);

  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  });
  afterEach(() => sqs.reset());

  it('sends 23 deliveries in batches of 10, 10 and 3 whose bodies parse back as the refs, in order', async () => {
    // Prepare
    const sent = refs(23);

    // Act
    await queue.enqueue(sent, 30);

    // Assess
    expect(batches().map((b) => b.Entries?.length)).toEqual([10, 10, 3]);
    expect(batches().every((b) => b.QueueUrl === queueUrl)).toBe(true);
    const bodies = batches().flatMap((b) => b.Entries!.map((e) => DeliveryRef.parse(JSON.parse(e.MessageBody!))));
    expect(bodies).toEqual(sent);
    for (const batch of batches()) expect(new Set(batch.Entries!.map((e) => e.Id)).size).toBe(batch.Entries!.length);
    expect(batches().flatMap((b) => b.Entries!.map((e) => e.DelaySeconds))).toEqual(Array(23).fill(30));
  });

  it('caps the delay at 15 minutes, never below zero, in whole seconds', async () => {
    // Act
    await queue.enqueue(refs(1), 3600);
    await queue.enqueue(refs(1), -5);
    await queue.enqueue(refs(1), 12.6);
    await queue.enqueue(refs(1));

    // Assess
    expect(batches().map((b) => b.Entries![0]!.DelaySeconds)).toEqual([MAX_QUEUE_DELAY_SECONDS, 0, 13, 0]);
    expect(MAX_QUEUE_DELAY_SECONDS).toBe(900);
  });

  it('throws when a batch has failed entries, and sends no further batch', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [
        { Id: '3', SenderFault: false, Code: 'InternalError' },
        { Id: '7', SenderFault: false, Code: 'InternalError' },
      ],
    });

    // Act + Assess
    await expect(queue.enqueue(refs(23))).rejects.toThrow('2 deliveries not queued');
    expect(batches()).toHaveLength(1);
  });

  it('sends nothing for no deliveries', async () => {
    await queue.enqueue([]);
    expect(batches()).toHaveLength(0);
  });
});
