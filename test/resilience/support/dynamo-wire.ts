import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Middleware = Parameters<DynamoDBClient['middlewareStack']['addRelativeTo']>[0];
interface HandlerArgs {
  request: { headers: Record<string, string>; body?: unknown };
}
interface HandlerOutput {
  response: unknown;
  output?: unknown;
}
type Next = (args: HandlerArgs) => Promise<HandlerOutput>;
const MIDDLEWARE = 'resilienceTestWire';

/** DynamoDB's throttling errors, as it names them in the `__type` of a 400 answer. */
export const throttlingErrors = {
  ProvisionedThroughputExceededException: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  ThrottlingException: 'com.amazon.coral.availability#ThrottlingException',
  RequestLimitExceeded: 'com.amazonaws.dynamodb.v20120810#RequestLimitExceeded',
} as const;
export type ThrottlingError = keyof typeof throttlingErrors;

export type WireFault =
  /** DynamoDB answers 400 with a throttling error: nothing was applied. */
  | { throttle: ThrottlingError }
  /** The socket times out before DynamoDB sees the request: nothing was applied. */
  | { timeout: 'before' }
  /** DynamoDB applies the request, then the socket times out before its answer arrives. */
  | { timeout: 'after' };

/** A DynamoDB operation as the wire names it (`X-Amz-Target: DynamoDB_20120810.<operation>`). */
export type Operation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'Query'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems'
  | 'TransactGetItems';

interface Plan {
  operation: Operation;
  /** Only requests whose body names this table (the audit table, say). */
  table?: string;
  fault: WireFault;
  remaining: number;
}

/**
 * Faults on the wire of a real DynamoDB client: a middleware right in front of the HTTP handler, below the SDK's
 * retry middleware, so every attempt the SDK makes passes here and its own retry strategy (the client's
 * maxAttempts and retryMode) decides what happens next. A throttle is a real 400 answer with DynamoDB's error body,
 * parsed by the SDK's own deserializer; a timeout is the SDK HTTP handler's own `TimeoutError`.
 *
 * aws-sdk-client-mock replaces `send`, above the retry middleware, so it can show what the handlers do with the
 * error the SDK finally throws but not that the SDK retried; this shows the retrying.
 */
export class DynamoWire {
  private readonly plans: Plan[] = [];
  private readonly seen: { operation: string; token?: string; fault?: WireFault }[] = [];

  constructor(private readonly client: DynamoDBClient) {
    const middleware = (next: Next) => (args: HandlerArgs) => this.send(next, args);
    client.middlewareStack.addRelativeTo(middleware as unknown as Middleware, {
      relation: 'after',
      toMiddleware: 'deserializerMiddleware',
      name: MIDDLEWARE,
      override: true,
    });
  }

  /** The next `times` requests of `operation` (on `table`, if given) meet `fault`; `Infinity` for a lasting fault. */
  fail(operation: Operation, fault: WireFault, times = 1, table?: string): this {
    this.plans.push({ operation, fault, remaining: times, ...(table ? { table } : {}) });
    return this;
  }

  /** How many requests of `operation` reached the wire since the last `reset()`: the SDK's attempts. */
  attempts(operation: Operation): number {
    return this.seen.filter((s) => s.operation === operation).length;
  }

  /** The ClientRequestToken of each request of `operation` that reached the wire since the last `reset()`. */
  tokens(operation: Operation): (string | undefined)[] {
    return this.seen.filter((s) => s.operation === operation).map((s) => s.token);
  }

  /** How many faults were injected since the last `reset()`. */
  faults(): number {
    return this.seen.filter((s) => s.fault).length;
  }

  /** Forgets every planned fault and every request seen: a test calls it once its own setup is done. */
  reset(): this {
    this.plans.length = 0;
    this.seen.length = 0;
    return this;
  }

  remove(): void {
    this.reset();
    this.client.middlewareStack.remove(MIDDLEWARE);
  }

  private async send(next: Next, args: HandlerArgs): Promise<HandlerOutput> {
    const { request } = args;
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const body =
      typeof request.body === 'string'
        ? request.body
        : Buffer.from((request.body as Uint8Array | undefined) ?? []).toString('utf8');
    const plan = this.plans.find(
      (p) => p.operation === operation && p.remaining > 0 && (!p.table || body.includes(`"${p.table}"`)),
    );
    if (plan) plan.remaining -= 1;
    const token = /"ClientRequestToken":"([^"]+)"/.exec(body)?.[1];
    this.seen.push({ operation, ...(token ? { token } : {}), ...(plan ? { fault: plan.fault } : {}) });
    if (!plan) return next(args);

    const { fault } = plan;
    if ('throttle' in fault) {
      const json = JSON.stringify({
        __type: throttlingErrors[fault.throttle],
        message: 'Rate of requests exceeds the allowed throughput.',
      });
      return {
        response: {
          statusCode: 400,
          reason: 'Bad Request',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': `fault-${this.seen.length}`,
            'content-length': String(Buffer.byteLength(json)),
          },
          body: Buffer.from(json),
        },
      };
    }
    if (fault.timeout === 'after') {
      const applied = await next(args);
      (applied.response as { body?: { destroy?: () => void } }).body?.destroy?.();
    }
    // What @smithy/node-http-handler rejects with when a socket stays silent past its socketTimeout.
    throw Object.assign(new Error('the request socket timed out (injected by the resilience test)'), {
      name: 'TimeoutError',
    });
  }
}
