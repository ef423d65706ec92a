import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { gunzipSync } from 'node:zlib';
import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { refusedRequestFrom, type AccessLogRecord } from './access-log';
import { auditFromEnvironment } from './audit-runtime';
import type { AuditLog } from './ports';

/**
 * API Gateway's access log → the audit trail: a subscription on the log group passes on the 401s and 403s, and
 * this writes each one that API Gateway answered itself (no or a bad token, a refused API key) as a refused
 * request. The log event's id becomes the entry's id, so a batch CloudWatch delivers twice is written once.
 * A failure throws: Lambda retries the asynchronous invocation.
 */
export function createRefusedRequestsHandler(audit: () => AuditLog) {
  return async (event: CloudWatchLogsEvent): Promise<{ recorded: number }> => {
    const data = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8')) as CloudWatchLogsDecodedData;
    if (data.messageType !== 'DATA_MESSAGE') return { recorded: 0 };
    const refusals = data.logEvents.flatMap((logEvent) => {
      const refusal = refusedRequestFrom(parseLine(logEvent.message), logEvent.id);
      return refusal ? [refusal] : [];
    });
    if (refusals.length) await audit().appendRefusedRequests(refusals);
    if (refusals.length !== data.logEvents.length) logger.info('access log lines passed over', { count: data.logEvents.length - refusals.length });
    return { recorded: refusals.length };
  };
}

function parseLine(message: string): Partial<AccessLogRecord> {
  try {
    const parsed: unknown = JSON.parse(message);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<AccessLogRecord>) : {};
  } catch {
    return {};
  }
}

export const handler = observed(createRefusedRequestsHandler(auditFromEnvironment));
