import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createNewSignalHandler } from '../../functions/workflow/new-signal-handler';

/** What the new-signal stream consumer asks of the follow-up workflow (its whole path runs in test/workflows). */
const record = (eventName: DynamoDBRecord['eventName'], entity: string, transitionId: string): DynamoDBRecord => ({
  eventName,
  dynamodb: { NewImage: { entity: { S: entity }, transitionId: { S: transitionId } } },
});

describe('the new-signal stream consumer', () => {
  it('asks the follow-up to look once per transition with a new signal, and at nothing else', async () => {
    const looked: string[] = [];
    const handler = createNewSignalHandler(() => ({ evaluateSignals: async (id) => void looked.push(id) }));
    const result = await handler({
      Records: [record('INSERT', 'Signal', 't-1'), record('INSERT', 'Signal', 't-1'), record('MODIFY', 'Signal', 't-2'), record('INSERT', 'TimelineEvent', 't-3'), record('INSERT', 'Signal', 't-4'), record('REMOVE', 'Signal', 't-5')],
    });
    expect(looked).toEqual(['t-1', 't-4']);
    expect(result).toEqual({ looked: 2 });
  });

  it('fails the batch when the workflow cannot be reached, so Lambda hands it again', async () => {
    const handler = createNewSignalHandler(() => ({ evaluateSignals: async () => Promise.reject(Object.assign(new Error('unreachable'), { name: 'ServiceUnavailable' })) }));
    await expect(handler({ Records: [record('INSERT', 'Signal', 't-1')] })).rejects.toThrow('unreachable');
  });
});
