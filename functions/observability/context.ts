import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { countColdStart } from './metrics';

/**
 * What every log line of an invocation carries without a handler passing it by hand: the Lambda's request id
 * and the correlation id of the change being handled. The correlation id starts at the API (API Gateway's
 * request id, or a well-formed `x-correlation-id` the caller sent) and travels on: in a workflow execution's
 * input and each task's payload, on every notice in the outbox, and in each delivery's queue message. So one
 * id finds the request, its workflow steps and its webhook deliveries in CloudWatch Logs Insights.
 */
export interface InvocationContext {
  /** The Lambda's own request id (`context.awsRequestId`). */
  lambdaRequestId?: string;
  correlationId: string;
}

const storage = new AsyncLocalStorage<InvocationContext>();

/** What an id carried on may look like: a UUID, API Gateway's request id (base64, may end in `=`), an execution's name. */
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:=+/-]{7,127}$/;
/**
 * What a caller may send in `x-correlation-id`: 8–64 letters, digits or `-_.:` with at least one digit, so a
 * generated id passes and a word or a name does not (it would end up in every log line of the change).
 */
const CALLER_CORRELATION_ID_PATTERN = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_.:-]{7,63}$/;

export const isCorrelationId = (value: unknown): value is string =>
  typeof value === 'string' && CORRELATION_ID_PATTERN.test(value);
export const isCallerCorrelationId = (value: unknown): value is string =>
  typeof value === 'string' && CALLER_CORRELATION_ID_PATTERN.test(value);

/** The correlation id of what is being handled now, if anything is. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentInvocation(): InvocationContext | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` under another correlation id (a notice or queue message that carries its own), keeping the
 * Lambda's request id. An id that is not well-formed leaves the current one in place.
 */
export function withCorrelation<T>(correlationId: unknown, fn: () => T): T {
  const current = storage.getStore();
  if (!isCorrelationId(correlationId) || correlationId === current?.correlationId)
    return current ? fn() : storage.run({ correlationId: randomUUID() }, fn);
  return storage.run({ ...current, correlationId }, fn);
}

interface LambdaContextLike {
  awsRequestId?: string;
  functionName?: string;
}

/**
 * Wraps a Lambda handler so everything it logs carries its request id and a correlation id: the one
 * `correlationOf` finds in the event when it is well-formed, otherwise a new one (the Lambda's request id).
 * The first invocation of an execution environment also counts Powertools' cold-start metric.
 */
export function observed<E, C extends LambdaContextLike | undefined, R>(
  handler: (event: E, context: C) => Promise<R>,
  correlationOf: (event: E) => unknown = () => undefined,
): (event: E, context: C) => Promise<R> {
  return (event, context) => {
    countColdStart(context?.functionName);
    const found = correlationOf(event);
    const lambdaRequestId = context?.awsRequestId;
    const correlationId = isCorrelationId(found) ? found : (lambdaRequestId ?? randomUUID());
    return storage.run({ ...(lambdaRequestId ? { lambdaRequestId } : {}), correlationId }, () =>
      handler(event, context),
    );
  };
}

/** The correlation id a workflow task's payload or an execution's input carries. */
export const correlationIdOfInput = (input: unknown): unknown =>
  input && typeof input === 'object' ? (input as { correlationId?: unknown }).correlationId : undefined;
