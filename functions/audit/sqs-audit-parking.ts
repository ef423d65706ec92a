import type { SQSClient } from '@aws-sdk/client-sqs';
import type { AuditParking, ParkedAudit } from './ports';

/** Entries per message: far below SQS's 256 KB for the largest entry (a change with its values before and after). */
const PER_MESSAGE = 25;

/**
 * The parked audit entries on AWS: an SQS queue (14 days; an alarm when anything waits in it), the same queue
 * that is the refused-requests Lambda's own dead-letter queue. `npm run replay-audit` writes and removes them.
 *
 * Every API Lambda can park, but only while the audit table fails: the SQS client is loaded on the first
 * park, not in every cold start.
 */
export class SqsAuditParking implements AuditParking {
  private sqs: SQSClient | undefined;

  constructor(private readonly queueUrl: string) {}

  async park(parked: ParkedAudit): Promise<void> {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    this.sqs ??= new SQSClient({});
    for (const part of split(parked)) {
      await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(part) }));
    }
  }
}

function split(parked: ParkedAudit): ParkedAudit[] {
  const parts: ParkedAudit[] = [];
  const items = parked.soort === 'toegang' ? parked.entries : parked.refusals;
  for (let i = 0; i < items.length; i += PER_MESSAGE) {
    parts.push(
      parked.soort === 'toegang'
        ? { soort: 'toegang', entries: parked.entries.slice(i, i + PER_MESSAGE) }
        : { soort: 'weigering', refusals: parked.refusals.slice(i, i + PER_MESSAGE) },
    );
  }
  return parts;
}
