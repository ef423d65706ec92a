import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { currentRepointing, repointingContext, repointingParameters } from '../../infra/ops/commands/stage-repointing';

/** `npm run deploy` keeps a restored stage on its restored tables (docs/RECOVERY.md). */
const own = { main: 'Landing-acc-Data-Table', audit: 'Landing-acc-Data-AuditTable' };
const tables = (active: typeof own) => ({ stageTables: async () => ({ own, active }) });

describe('a deploy of a stage that runs on a restored table', () => {
  it('carries the restored table, its stream and the parameters into the deploy', async () => {
    const dynamo = mockClient(DynamoDBClient);
    const stream = 'arn:aws:dynamodb:eu-west-1:123456789012:table/restored-1/stream/2027-03-05T10:15:00.000';
    dynamo.on(DescribeTableCommand, { TableName: 'restored-1' }).resolves({ Table: { LatestStreamArn: stream } });
    const repointing = await currentRepointing(
      'acc',
      tables({ main: 'restored-1', audit: own.audit }),
      new DynamoDBClient({ region: 'eu-west-1' }),
    );
    expect(repointing).toEqual({ main: { tableName: 'restored-1', streamArn: stream } });
    expect(repointingContext('acc', repointing)).toEqual([
      '--context',
      'restoredTable:acc=restored-1',
      '--context',
      `restoredTableStream:acc=${stream}`,
    ]);
    expect(repointingParameters('acc', repointing)).toEqual([
      '--parameters',
      'Landing-acc-Data:RestoredTable=restored-1',
      '--parameters',
      'Landing-acc-Data:RestoredAuditTable=none',
    ]);
    dynamo.restore();
  });

  it('adds nothing for a stage on its own tables, or one not deployed yet', async () => {
    const client = new DynamoDBClient({ region: 'eu-west-1' });
    expect(await currentRepointing('acc', tables(own), client)).toEqual({});
    const missing = { stageTables: () => Promise.reject(new Error('Stack with id Landing-acc-Data does not exist')) };
    expect(await currentRepointing('acc', missing, client)).toEqual({});
    expect(repointingContext('acc', {})).toEqual([]);
  });

  it('stops when the restored table has lost its stream (the webhook outbox needs it)', async () => {
    const dynamo = mockClient(DynamoDBClient);
    dynamo.on(DescribeTableCommand).resolves({ Table: {} });
    await expect(
      currentRepointing(
        'acc',
        tables({ main: 'restored-1', audit: own.audit }),
        new DynamoDBClient({ region: 'eu-west-1' }),
      ),
    ).rejects.toThrow(/geen stream/);
    dynamo.restore();
  });
});
