import type { CloudWatchLogsEvent, Context } from 'aws-lambda';
import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { refusalsInLogEvent } from './access-log';
import { auditDeadline, parkedRefusals, recordRefusal } from './audit-trail';
import { auditFromEnvironment, auditParkingFromEnvironment } from './audit-runtime';
import type { AuditLog, AuditParking } from './ports';

/**
 * API Gateway's access log → the audit trail: a subscription on the log group passes on the 401s and 403s, and
 * this writes each one that API Gateway answered itself (no or a bad token, a refused API key) as a refused
 * request. The log event's id becomes the entry's id, so a batch CloudWatch delivers twice is written once.
 * A write that still fails after its retries is parked (`npm run replay-audit` writes it later). Only when
 * parking fails too does this throw: Lambda retries the asynchronous invocation, and then puts the batch in
 * its dead-letter queue, the same parking queue.
 */
export function createRefusedRequestsHandler(audit: () => AuditLog, parking: () => AuditParking | undefined) {
  return async (
    event: CloudWatchLogsEvent,
    context?: Pick<Context, 'awsRequestId' | 'getRemainingTimeInMillis'>,
  ): Promise<{ recorded: number; parked?: number }> => {
    const { refusals, lines } = refusalsInLogEvent(event);
    if (lines > refusals.length) logger.info('access log lines passed over', { count: lines - refusals.length });
    if (!refusals.length) return { recorded: 0 };
    const outcome = await recordRefusal(audit(), parking(), parkedRefusals(refusals), auditDeadline(context));
    return outcome === 'geschreven' ? { recorded: refusals.length } : { recorded: 0, parked: refusals.length };
  };
}

export const handler = observed(createRefusedRequestsHandler(auditFromEnvironment, auditParkingFromEnvironment));
