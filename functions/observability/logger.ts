import { appendFileSync } from 'node:fs';
import { currentInvocation } from './context';

/**
 * Structured JSON logs with ids only. Never pass names, dates of birth or free text about a person:
 * log lines leave the privacy boundary (CloudWatch, support tickets). Inside a Lambda (see ./context.ts)
 * every line also carries the Lambda's request id (`lambdaRequestId`) and the change's `correlationId`.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

const levelOrder: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level;
  return levelOrder[configured] ?? levelOrder.info;
}

function write(level: Level, message: string, fields: LogFields = {}): void {
  const invocation = currentInvocation();
  const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...invocation, ...fields });
  // The test suite keeps every line, whatever the level, to scan it for personal data (test/privacy).
  if (process.env.LOG_FILE) appendFileSync(process.env.LOG_FILE, `${line}\n`);
  if (levelOrder[level] < threshold()) return;
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields) => write('error', message, fields),
};
