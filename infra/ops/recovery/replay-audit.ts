import * as z from 'zod';
import { refusalsInLogEvent } from '../../../functions/audit/access-log';
import { parkedRefusals, write } from '../../../functions/audit/audit-trail';
import type { AuditLog, ParkedAudit } from '../../../functions/audit/ports';
import { AuditEntry, RefusedRequest } from '../../../shared/domain/audit/audit';

/**
 * Ops' replay of parked audit entries (`npm run replay-audit`, docs/RECOVERY.md): refusals whose entries the
 * audit table did not take in time, and batches of the access log the refused-requests Lambda gave up on. Each
 * message is written, then removed; entries keep their id and time (their key), so a message written twice —
 * a second run, a message handed out again — is one record. A message it cannot read stays where it is.
 */
export interface ParkedMessage {
  receipt: string;
  body: string;
}

export interface ParkedAuditQueue {
  /** Messages waiting, those handed out and not yet removed included. */
  count(): Promise<number>;
  /** Up to `max` messages, each hidden from the next receive for a while (SQS's visibility timeout). */
  receive(max: number): Promise<ParkedMessage[]>;
  remove(receipt: string): Promise<void>;
}

export interface AuditReplayReport {
  /** Messages seen (a dry run: waiting). */
  messages: number;
  /** Audit records written. */
  written: number;
  /** Messages that are not parked audit entries, kept. */
  unreadable: number;
}

const parkedMessage = z.union([
  z.object({ soort: z.literal('toegang'), entries: z.array(AuditEntry) }),
  z.object({ soort: z.literal('weigering'), refusals: z.array(RefusedRequest) }),
]);
const logEvent = z.object({ awslogs: z.object({ data: z.string() }) });

/** What a message holds: parked entries, or a CloudWatch Logs event (the Lambda's own dead letter). */
export function parkedFromMessage(body: string): ParkedAudit | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parked = parkedMessage.safeParse(value);
  if (parked.success) return parked.data;
  const event = logEvent.safeParse(value);
  if (!event.success) return undefined;
  try {
    return parkedRefusals(refusalsInLogEvent(event.data).refusals);
  } catch {
    return undefined;
  }
}

const RECEIVE = 10;

export async function replayParkedAudit(
  deps: { queue: ParkedAuditQueue; audit: AuditLog },
  options: { dryRun: boolean },
): Promise<AuditReplayReport> {
  if (options.dryRun) return { messages: await deps.queue.count(), written: 0, unreadable: 0 };
  const report: AuditReplayReport = { messages: 0, written: 0, unreadable: 0 };
  for (let batch = await deps.queue.receive(RECEIVE); batch.length; batch = await deps.queue.receive(RECEIVE)) {
    for (const message of batch) {
      report.messages += 1;
      const parked = parkedFromMessage(message.body);
      if (!parked) {
        report.unreadable += 1;
        continue;
      }
      // Written first, removed after: a run stopped in between writes it again, as the same records.
      await write(deps.audit, parked);
      await deps.queue.remove(message.receipt);
      report.written += parked.soort === 'toegang' ? parked.entries.length : parked.refusals.length;
    }
  }
  return report;
}
