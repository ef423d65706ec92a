import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalHandlerMetadata } from '../../infra/aws/constructs/landing-function';
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
    streams.on(DescribeStreamCommand, { StreamArn: arn }).resolves({
      StreamDescription: { StreamArn: arn, StreamStatus: status, Shards: [{ ShardId: `shard-of-${arn}` }] },
    });

  it('looks the stream up once and reads it on every poll', async () => {
    dynamo.on(DescribeTableCommand).resolves({ Table: { LatestStreamArn: 'arn:stream/1' } });
    streamWith('arn:stream/1', 'ENABLED');
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    streams.on(GetRecordsCommand).resolves({ Records: [], NextShardIterator: 'it-2' });
    const stream = new LocalTableStream(
      new DynamoDBClient({ region: 'eu-west-1' }),
      'http://127.0.0.1:1',
      'landing-test',
      [consumer],
    );

    for (let i = 0; i < 3; i++) await stream.poll();

    expect(dynamo.commandCalls(DescribeTableCommand)).toHaveLength(1);
    expect(streams.commandCalls(DescribeStreamCommand)).toHaveLength(3);
    expect(streams.commandCalls(GetRecordsCommand).map((c) => c.args[0].input.ShardIterator)).toEqual([
      'it-1',
      'it-2',
      'it-2',
    ]);
  });

  it('looks again when its stream was switched off, and follows the new one', async () => {
    dynamo
      .on(DescribeTableCommand)
      .resolvesOnce({ Table: { LatestStreamArn: 'arn:stream/1' } })
      .resolves({ Table: { LatestStreamArn: 'arn:stream/2' } });
    streamWith('arn:stream/1', 'DISABLED');
    streamWith('arn:stream/2', 'ENABLED');
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it' });
    streams.on(GetRecordsCommand).resolves({ Records: [] });
    const stream = new LocalTableStream(
      new DynamoDBClient({ region: 'eu-west-1' }),
      'http://127.0.0.1:1',
      'landing-test',
      [consumer],
    );

    await stream.poll();
    await stream.poll();
    await stream.poll();

    expect(dynamo.commandCalls(DescribeTableCommand)).toHaveLength(2);
    expect(streams.commandCalls(DescribeStreamCommand).map((c) => c.args[0].input.StreamArn)).toEqual([
      'arn:stream/1',
      'arn:stream/2',
      'arn:stream/2',
    ]);
  });

  describe('partial batch responses, as the event source mappings read them', () => {
    const fanOut = { entry: 'fan-out.ts', exportName: 'handler' } as LocalHandlerMetadata;
    const newSignal = { entry: 'new-signal.ts', exportName: 'handler' } as LocalHandlerMetadata;
    const record = (sequence: string) => ({ eventName: 'INSERT' as const, dynamodb: { SequenceNumber: sequence } });
    type Batch = { Records: { dynamodb: { SequenceNumber: string } }[] };

    /** A stream with records 100, 200 and 300, read by two consumers whose answers the test gives. */
    function streamWith(answers: Record<string, ((batch: string[]) => unknown)[]>) {
      dynamo.on(DescribeTableCommand).resolves({ Table: { LatestStreamArn: 'arn:stream/1' } });
      streams.on(DescribeStreamCommand).resolves({
        StreamDescription: { StreamArn: 'arn:stream/1', StreamStatus: 'ENABLED', Shards: [{ ShardId: 's-1' }] },
      });
      streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
      streams
        .on(GetRecordsCommand, { ShardIterator: 'it-1' })
        .resolves({ Records: ['100', '200', '300'].map(record), NextShardIterator: 'it-2' });
      streams.on(GetRecordsCommand, { ShardIterator: 'it-2' }).resolves({ Records: [], NextShardIterator: 'it-2' });
      const handed: Record<string, string[][]> = { 'fan-out.ts': [], 'new-signal.ts': [] };
      const load = async (consumer: LocalHandlerMetadata) => async (event: unknown) => {
        const batch = (event as Batch).Records.map((r) => r.dynamodb.SequenceNumber);
        handed[consumer.entry]!.push(batch);
        const answer = answers[consumer.entry]?.shift();
        return answer ? answer(batch) : { batchItemFailures: [] };
      };
      const stream = new LocalTableStream(
        new DynamoDBClient({ region: 'eu-west-1' }),
        'http://127.0.0.1:1',
        'landing-test',
        [fanOut, newSignal],
        load,
      );
      return { stream, handed };
    }

    it('hands a consumer again from the first record it reported on, and the other consumer nothing again', async () => {
      const { stream, handed } = streamWith({
        'fan-out.ts': [() => ({ batchItemFailures: [{ itemIdentifier: '200' }] })],
      });
      for (let i = 0; i < 3; i++) await stream.poll();
      expect(handed['fan-out.ts']).toEqual([
        ['100', '200', '300'],
        ['200', '300'],
      ]);
      expect(handed['new-signal.ts']).toEqual([['100', '200', '300']]);
    });

    it('hands the whole batch again to a consumer that failed, or answered with an id that is not in its batch', async () => {
      const failing = () => {
        throw Object.assign(new Error('unreachable'), { name: 'ServiceUnavailable' });
      };
      const { stream, handed } = streamWith({
        'fan-out.ts': [failing],
        'new-signal.ts': [() => ({ batchItemFailures: [{ itemIdentifier: '999' }] })],
      });
      for (let i = 0; i < 3; i++) await stream.poll();
      expect(handed['fan-out.ts']).toEqual([
        ['100', '200', '300'],
        ['100', '200', '300'],
      ]);
      expect(handed['new-signal.ts']).toEqual([
        ['100', '200', '300'],
        ['100', '200', '300'],
      ]);
    });
  });
});
