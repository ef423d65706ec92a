import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { LocalHandlerMetadata } from '../aws/constructs/landing-function';
import { localCredentials, localRegion } from './dynamodb-local';
import { logger } from '../../functions/observability/logger';
import { streamRecordsAgain } from './batch-response';
import { lambdaContext, loadHandler, type LocalHandler } from './local-lambda';

/** The pause between two reads of the stream (a bounded wait before a notice is fanned out; test/bench/webhook-delay.ts). */
export const POLL_MS = 200;

type StreamRecord = _Record & { eventSourceARN: string };

/**
 * DynamoDB Streams, locally: DynamoDB Local keeps a real stream of the table; this reads it from the start
 * (as the event source mappings do with TRIM_HORIZON) and hands what it read to every consumer Lambda of the
 * synthesized template (the webhook fan-out, the new-signal follow-up), each of which keeps the records its
 * mapping's filter would pass. Each consumer has its own place in the stream, as each mapping does: a
 * consumer that reports records back (partial batch response) gets them again from the first reported on,
 * one that fails gets its whole batch again, on the next poll and before anything newer; the others go on.
 * Unlike AWS there is no retry limit and no dead-letter queue: a record that keeps failing is handed again.
 * After a restart it reads from the start again: the consumers are idempotent.
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
  /** What each consumer has still to take, oldest first. */
  private readonly pending = new Map<LocalHandlerMetadata, StreamRecord[]>();

  constructor(
    private readonly dynamo: DynamoDBClient,
    endpoint: string,
    private readonly tableName: string,
    private readonly consumers: readonly LocalHandlerMetadata[],
    private readonly load: (consumer: LocalHandlerMetadata) => Promise<LocalHandler> = loadHandler,
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
    if (!streamArn) return this.handPending().then(() => 0);
    const { StreamDescription } = await this.streams
      .send(new DescribeStreamCommand({ StreamArn: streamArn }))
      .catch((error: unknown) => {
        this.streamArn = undefined;
        throw error;
      });
    // A stream switched off is read to its end; the next poll looks for the table's current one.
    if (StreamDescription?.StreamStatus !== 'ENABLED' && StreamDescription?.StreamStatus !== 'ENABLING')
      this.streamArn = undefined;
    let handed = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!this.iterators.has(shardId)) {
        const { ShardIterator } = await this.streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
        );
        this.iterators.set(shardId, ShardIterator);
      }
      let iterator = this.iterators.get(shardId);
      while (iterator) {
        const { Records = [], NextShardIterator } = await this.streams.send(
          new GetRecordsCommand({ ShardIterator: iterator }),
        );
        for (const consumer of this.consumers)
          this.pendingOf(consumer).push(...Records.map((r) => ({ ...r, eventSourceARN: streamArn })));
        handed += Records.length;
        iterator = NextShardIterator;
        this.iterators.set(shardId, iterator);
        if (!Records.length) break;
      }
    }
    await this.handPending();
    return handed;
  }

  private pendingOf(consumer: LocalHandlerMetadata): StreamRecord[] {
    const records = this.pending.get(consumer) ?? [];
    this.pending.set(consumer, records);
    return records;
  }

  /** Each consumer's batch in turn; what it reports back or fails stays for the next poll, as on AWS. */
  private async handPending(): Promise<void> {
    for (const consumer of this.consumers) {
      const records = this.pendingOf(consumer);
      if (!records.length) continue;
      let outcome: { answer: unknown } | { error: unknown };
      try {
        const handler = await this.load(consumer);
        outcome = { answer: await handler({ Records: records }, lambdaContext(consumer.entry, 60_000)) };
      } catch (error) {
        outcome = { error };
        logger.warn('local stream consumer failed', { consumer: consumer.entry, errorName: (error as Error).name });
      }
      const again = streamRecordsAgain(records, (r) => r.dynamodb?.SequenceNumber, outcome);
      if ('answer' in outcome && again.length)
        logger.warn('local stream records reported back', { consumer: consumer.entry, records: again.length });
      this.pending.set(consumer, again);
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
