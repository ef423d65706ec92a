import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { LocalHandlerMetadata } from '../constructs/landing-function';
import { localCredentials, localRegion } from './dynamodb-local';
import { logger } from '../../functions/observability/logger';
import { lambdaContext, loadHandler } from './local-lambda';

/** The pause between two reads of the stream (a bounded wait before a notice is fanned out; test/bench/webhook-delay.ts). */
export const POLL_MS = 200;

/**
 * DynamoDB Streams, locally: DynamoDB Local keeps a real stream of the table; this reads it from the start
 * (as the event source mappings do with TRIM_HORIZON) and hands each batch to every consumer Lambda of the
 * synthesized template (the webhook fan-out, the new-signal follow-up), each of which keeps the records its
 * mapping's filter would pass. After a restart it reads from the start again: the consumers are idempotent.
 */
export class LocalTableStream {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  /**
   * The stream's ARN, looked up once: DynamoDB Local answers DescribeTable by counting the table's items and
   * bytes, some 0.2 s of its CPU at 100,000 items, which every poll would pay (and every request with it).
   */
  private streamArn: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dynamo: DynamoDBClient,
    endpoint: string,
    private readonly tableName: string,
    private readonly consumers: readonly LocalHandlerMetadata[],
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint, region: localRegion, credentials: localCredentials });
  }

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      void this.poll()
        .catch((error: Error) => logger.warn('local stream consumer failed', { errorName: error.name }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, POLL_MS);
        });
    };
    loop();
  }

  /** Reads what is in the stream now and hands it over; one poll at a time, so no record is handed twice. */
  poll(): Promise<number> {
    const next = this.busy.then(() => this.pollOnce());
    this.busy = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async pollOnce(): Promise<number> {
    if (!this.streamArn) {
      const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: this.tableName }));
      this.streamArn = Table?.LatestStreamArn;
    }
    const streamArn = this.streamArn;
    if (!streamArn) return 0;
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn })).catch((error: unknown) => {
      this.streamArn = undefined;
      throw error;
    });
    // A stream switched off is read to its end; the next poll looks for the table's current one.
    if (StreamDescription?.StreamStatus !== 'ENABLED' && StreamDescription?.StreamStatus !== 'ENABLING') this.streamArn = undefined;
    let handed = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!this.iterators.has(shardId)) {
        const { ShardIterator } = await this.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        this.iterators.set(shardId, ShardIterator);
      }
      let iterator = this.iterators.get(shardId);
      while (iterator) {
        const { Records = [], NextShardIterator } = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        if (Records.length) await this.hand(Records, streamArn);
        handed += Records.length;
        iterator = NextShardIterator;
        this.iterators.set(shardId, iterator);
        if (!Records.length) break;
      }
    }
    return handed;
  }

  /** One batch to each consumer in turn; if one fails, the batch is handed to all again on the next poll. */
  private async hand(records: _Record[], streamArn: string): Promise<void> {
    const event = { Records: records.map((r) => ({ ...r, eventSourceARN: streamArn })) };
    for (const consumer of this.consumers) {
      const handler = await loadHandler(consumer);
      await handler(event, lambdaContext(consumer.entry, 60_000));
    }
  }

  /** Waits for the poll in progress (tests, clean shutdown). */
  async settle(): Promise<void> {
    await this.busy;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
