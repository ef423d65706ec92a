import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalHandlerMetadata } from '../aws/constructs/landing-function';
import type { LocalParkedAudit } from './local-parked-audit';
import { failedItems } from './batch-response';
import { lambdaContext, loadHandler } from './local-lambda';

/**
 * SQS, locally: messages are handed to the queue's consumer Lambda (from the synthesized template) as an SQS
 * event, after their delay. Messages live in this process: a restart forgets them, which is why every
 * delivery is also due in the table, where the sweeper finds it again (as on AWS after a lost message).
 */
export class LocalQueue {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly queueArn: string,
    private readonly consumer: LocalHandlerMetadata,
  ) {}

  send(body: string, delaySeconds = 0): string {
    const messageId = randomUUID();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) this.deliver(messageId, body);
    }, delaySeconds * 1000);
    this.timers.add(timer);
    return messageId;
  }

  private deliver(messageId: string, body: string): void {
    const event = {
      Records: [
        {
          messageId,
          receiptHandle: messageId,
          body,
          attributes: {},
          messageAttributes: {},
          md5OfBody: md5(body),
          eventSource: 'aws:sqs',
          eventSourceARN: this.queueArn,
          awsRegion: 'eu-west-1',
        },
      ],
    };
    const run = loadHandler(this.consumer)
      .then((handler) => handler(event, lambdaContext(this.consumer.entry, 30_000)))
      .then((result) => {
        // A message the worker reports as failed (or an answer Lambda would take as the whole batch failed)
        // comes back after a while, as SQS's visibility timeout does.
        const failed = failedItems(result, [messageId]);
        if (failed === 'all' || failed.has(messageId)) this.send(body, 5);
      })
      .catch(() => this.send(body, 5))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Messages waiting for their delay or being handled. */
  waiting(): number {
    return this.timers.size + this.running.size;
  }

  /** Waits for the messages being handled now (tests, clean shutdown). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
}

export const LOCAL_AUDIT_PARKED_QUEUE = 'landing-local-audit-geparkeerd';

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * The part of the SQS API the Lambdas call (AWS JSON 1.0: SendMessage, SendMessageBatch, GetQueueAttributes), so they use the
 * real @aws-sdk/client-sqs with AWS_ENDPOINT_URL_SQS pointing here.
 */
export async function startQueueEndpoint(
  queue: LocalQueue,
  auditParked?: LocalParkedAudit,
): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      let body: {
        MessageBody?: string;
        DelaySeconds?: number;
        Entries?: { Id: string; MessageBody: string; DelaySeconds?: number }[];
      };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as typeof body;
      } catch {
        return reply(400, { __type: 'com.amazon.coral.service#SerializationException', message: 'invalid JSON' });
      }
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      // Parked audit entries have a queue of their own, kept in the state folder (the replay reads it there).
      if (
        auditParked &&
        String((body as { QueueUrl?: string }).QueueUrl ?? '').endsWith(`/${LOCAL_AUDIT_PARKED_QUEUE}`)
      ) {
        if (action === 'SendMessage' && body.MessageBody !== undefined) {
          return reply(200, { MessageId: auditParked.send(body.MessageBody), MD5OfMessageBody: md5(body.MessageBody) });
        }
        return reply(400, {
          __type: 'com.amazonaws.sqs#UnsupportedOperation',
          message: `${action} is not available locally`,
        });
      }
      if (action === 'SendMessage' && body.MessageBody !== undefined) {
        return reply(200, {
          MessageId: queue.send(body.MessageBody, body.DelaySeconds ?? 0),
          MD5OfMessageBody: md5(body.MessageBody),
        });
      }
      if (action === 'SendMessageBatch' && body.Entries) {
        return reply(200, {
          Successful: body.Entries.map((e) => ({
            Id: e.Id,
            MessageId: queue.send(e.MessageBody, e.DelaySeconds ?? 0),
            MD5OfMessageBody: md5(e.MessageBody),
          })),
          Failed: [],
        });
      }
      if (action === 'GetQueueAttributes') {
        // Locally a failed message comes back until it succeeds: there is no dead-letter queue, so it is empty.
        const deadLetter = String((body as { QueueUrl?: string }).QueueUrl ?? '').endsWith('-dlq');
        return reply(200, { Attributes: { ApproximateNumberOfMessages: String(deadLetter ? 0 : queue.waiting()) } });
      }
      return reply(400, {
        __type: 'com.amazonaws.sqs#UnsupportedOperation',
        message: `${action} is not available locally`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
