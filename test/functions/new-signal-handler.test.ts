import type { DynamoDBRecord } from 'aws-lambda';
import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { describe, expect, it } from 'vitest';
import { createNewSignalHandler } from '../../functions/workflow/new-signal-handler';

/** What the new-signal stream consumer asks of the follow-up workflow (its whole path runs in test/workflows). */
let sequence = 100;
function record(eventName: DynamoDBRecord['eventName'], entity: string, transitionId: string): DynamoDBRecord {
  sequence += 100;
  return {
    eventName,
    dynamodb: {
      SequenceNumber: String(sequence),
      NewImage: { entity: { S: entity }, transitionId: { S: transitionId } },
    },
  };
}

describe('the new-signal stream consumer', () => {
  it('asks the follow-up to look once per transition with a new signal, and at nothing else', async () => {
    const looked: string[] = [];
    const handler = createNewSignalHandler(() => ({ evaluateSignals: async (id) => void looked.push(id) }));
    const result = await handler({
      Records: [
        record('INSERT', 'Signal', 't-1'),
        record('INSERT', 'Signal', 't-1'),
        record('MODIFY', 'Signal', 't-2'),
        record('INSERT', 'TimelineEvent', 't-3'),
        record('INSERT', 'Signal', 't-4'),
        record('REMOVE', 'Signal', 't-5'),
      ],
    });
    expect(looked).toEqual(['t-1', 't-4']);
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('reports back only the signals whose look failed (by sequence number), so Lambda hands those again and not the rest', async () => {
    const looked: string[] = [];
    const unreachable = Object.assign(new Error('unreachable'), { name: 'ServiceUnavailable' });
    const handler = createNewSignalHandler(() => ({
      evaluateSignals: async (id) => (id === 't-2' ? Promise.reject(unreachable) : void looked.push(id)),
    }));
    const batch = [
      record('INSERT', 'Signal', 't-1'),
      record('INSERT', 'Signal', 't-2'),
      record('INSERT', 'Signal', 't-3'),
      record('INSERT', 'Signal', 't-2'),
    ];
    const result = await handler({ Records: batch });
    expect(looked).toEqual(['t-1', 't-3']);
    expect(result).toEqual({
      batchItemFailures: [batch[1]!, batch[3]!].map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber })),
    });
  });

  it('fails the whole batch when no look succeeded, so Lambda hands it again (and bisects it)', async () => {
    const handler = createNewSignalHandler(() => ({
      evaluateSignals: async () =>
        Promise.reject(Object.assign(new Error('unreachable'), { name: 'ServiceUnavailable' })),
    }));
    await expect(handler({ Records: [record('INSERT', 'Signal', 't-1')] })).rejects.toThrow(FullBatchFailureError);
  });
});
