import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { refusalStatuses, type AccessLogRecord } from '../../functions/audit/access-log';
import { logger } from '../../functions/observability/logger';
import type { LocalHandlerMetadata } from '../aws/constructs/landing-function';
import { lambdaContext, loadHandler } from './local-lambda';

/**
 * The local stand-in for the access log's subscription filter: lines with a refusal status go to the same
 * Lambda, encoded as CloudWatch Logs delivers them (gzip, base64), one line per invocation.
 */
export class LocalLogSubscription {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly handler: LocalHandlerMetadata) {}

  deliver(record: AccessLogRecord): void {
    if (!(refusalStatuses as readonly string[]).includes(record.status)) return;
    const data = gzipSync(
      JSON.stringify({
        messageType: 'DATA_MESSAGE',
        owner: '000000000000',
        logGroup: 'landing-local-access-log',
        logStream: 'local',
        subscriptionFilters: ['Refusals'],
        logEvents: [{ id: randomUUID(), timestamp: Number(record.time), message: JSON.stringify(record) }],
      }),
    ).toString('base64');
    const invocation = loadHandler(this.handler)
      .then((handle) => handle({ awslogs: { data } }, lambdaContext(this.handler.entry)))
      .then(() => undefined)
      .catch((error: Error) => logger.error('refused request not recorded', { errorName: error.name }))
      .finally(() => this.inFlight.delete(invocation));
    this.inFlight.add(invocation);
  }

  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
  }
}
