import { appendFileSync } from 'node:fs';
import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type {
  LogAttributes,
  LogItemExtraInput,
  LogItemMessage,
  UnformattedAttributes,
} from '@aws-lambda-powertools/logger/types';
import { currentInvocation } from './context';

/**
 * Structured JSON logs with **ids only**: never pass names, dates of birth, addresses or free text about a
 * person, nor an error's message (it may carry item data; log its class name). Log lines leave the privacy
 * boundary (CloudWatch, support tickets); the fields' type allows ids, counts and flags, and the test suite
 * scans every line it wrote for the people it knows (test/privacy).
 *
 * Powertools for AWS Lambda's Logger writes the lines (levels, Lambda's log-level controls, JSON encoding of
 * odd values); our formatter gives them Landing's shape: `level` (lower case, as the Logs Insights queries
 * in docs/OPERATIONS.md read it), `message`, `timestamp`, `service`, the X-Ray trace id when tracing, and
 * inside a Lambda (see ./context.ts) the Lambda's request id (`lambdaRequestId`) and the change's
 * `correlationId`. Those two come from our own AsyncLocalStorage on every line, not from Powertools'
 * `addContext`/`appendKeys`: the local runtime runs many handlers at once in one process, where keys kept
 * on the one Logger would mix up requests.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

class LandingLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel.toLowerCase(),
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        xrayTraceId: attributes.xRayTraceId,
        ...currentInvocation(),
      },
    }).addAttributes(additional);
  }
}

/** Powertools' Logger that also appends every line, whatever the level, to `LOG_FILE` when it is set. */
class LandingLogger extends Logger {
  protected override processLogItem(logLevel: number, input: LogItemMessage, extraInput: LogItemExtraInput): void {
    const file = process.env.LOG_FILE;
    // The test suite keeps every line to scan it for personal data (test/privacy, test/run-vitest.mjs).
    if (file) {
      const item = this.createAndPopulateLogItem(logLevel, input, extraInput);
      item.prepareForPrint();
      appendFileSync(file, `${JSON.stringify(item.getAttributes(), this.getJsonReplacer())}\n`);
    }
    super.processLogItem(logLevel, input, extraInput);
  }
}

const levelOf = (value: string | undefined): Level => {
  const level = (value ?? 'info').toUpperCase();
  return level === 'DEBUG' || level === 'WARN' || level === 'ERROR' ? level : 'INFO';
};

/** One Logger for the module (so for the Lambda). */
const powertools = new LandingLogger({
  serviceName: 'landing',
  logLevel: levelOf(process.env.LOG_LEVEL),
  logFormatter: new LandingLogFormatter(),
});

/** `LOG_LEVEL` is followed when it changes: scripts and tests set it after this module was loaded. */
let levelFrom = process.env.LOG_LEVEL;
function followLevel(): void {
  if (process.env.LOG_LEVEL === levelFrom) return;
  levelFrom = process.env.LOG_LEVEL;
  powertools.setLogLevel(levelOf(levelFrom));
}

function write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
  followLevel();
  powertools[level](message, fields);
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields) => write('error', message, fields),
};
