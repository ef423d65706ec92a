import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { ParkedAuditQueue, ParkedMessage } from './replay-audit';

/** The stage's parking queue on AWS, for the replay: a received message stays hidden for a minute. */
export class SqsParkedAuditQueue implements ParkedAuditQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async count(): Promise<number> {
    const names = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] as const;
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: [...names] }),
    );
    return names.reduce((sum, name) => sum + Number(Attributes[name] ?? 0), 0);
  }

  async receive(max: number): Promise<ParkedMessage[]> {
    const { Messages = [] } = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: Math.min(max, 10),
        VisibilityTimeout: 60,
        WaitTimeSeconds: 1,
      }),
    );
    return Messages.flatMap((m) =>
      m.ReceiptHandle && m.Body !== undefined ? [{ receipt: m.ReceiptHandle, body: m.Body }] : [],
    );
  }

  async remove(receipt: string): Promise<void> {
    await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receipt }));
  }
}
