import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalHandlerMetadata } from '../../infra/constructs/landing-function';
import { LocalTableStream } from '../../infra/local/local-table-stream';

/**
 * The local stream reader polls every 200 ms. DynamoDB Local answers DescribeTable by counting the whole
 * table (about 0.2 s at 100,000 items), so the reader asks for the stream's ARN once, not on every poll.
 */
describe('local table stream', () => {
  const dynamo = mockClient(DynamoDBClient);
  const streams = mockClient(DynamoDBStreamsClient);
  afterEach(() => {
    dynamo.reset();
    streams.reset();
  });
  const consumer = { entry: 'unused.ts', exportName: 'handler' } as unknown as LocalHandlerMetadata;

  const streamWith = (arn: string, status: 'ENABLED' | 'DISABLED') =>
    streams.on(DescribeStreamCommand, { StreamArn: arn }).resolves({ StreamDescription: { StreamArn: arn, StreamStatus: status, Shards: [{ ShardId: `shard-of-${arn}` }] } });

  it('looks the stream up once and reads it on every poll', async () => {
    dynamo.on(DescribeTableCommand).resolves({ Table: { LatestStreamArn: 'arn:stream/1' } });
    streamWith('arn:stream/1', 'ENABLED');
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    streams.on(GetRecordsCommand).resolves({ Records: [], NextShardIterator: 'it-2' });
    const stream = new LocalTableStream(new DynamoDBClient({ region: 'eu-west-1' }), 'http://127.0.0.1:1', 'landing-test', [consumer]);

    for (let i = 0; i < 3; i++) await stream.poll();

    expect(dynamo.commandCalls(DescribeTableCommand)).toHaveLength(1);
    expect(streams.commandCalls(DescribeStreamCommand)).toHaveLength(3);
    expect(streams.commandCalls(GetRecordsCommand).map((c) => c.args[0].input.ShardIterator)).toEqual(['it-1', 'it-2', 'it-2']);
  });

  it('looks again when its stream was switched off, and follows the new one', async () => {
    dynamo.on(DescribeTableCommand).resolvesOnce({ Table: { LatestStreamArn: 'arn:stream/1' } }).resolves({ Table: { LatestStreamArn: 'arn:stream/2' } });
    streamWith('arn:stream/1', 'DISABLED');
    streamWith('arn:stream/2', 'ENABLED');
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it' });
    streams.on(GetRecordsCommand).resolves({ Records: [] });
    const stream = new LocalTableStream(new DynamoDBClient({ region: 'eu-west-1' }), 'http://127.0.0.1:1', 'landing-test', [consumer]);

    await stream.poll();
    await stream.poll();
    await stream.poll();

    expect(dynamo.commandCalls(DescribeTableCommand)).toHaveLength(2);
    expect(streams.commandCalls(DescribeStreamCommand).map((c) => c.args[0].input.StreamArn)).toEqual(['arn:stream/1', 'arn:stream/2', 'arn:stream/2']);
  });
});
