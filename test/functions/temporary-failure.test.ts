import { isThrottlingError, isTransientError } from '@smithy/core/retry';
import {
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTemporaryFailure } from '../../functions/aws-failures';

/**
 * The API answers 503 exactly for what the SDK's retry strategy retries. The handlers restate its rules (to keep
 * ~12 KB out of every bundle); these tests hold the restatement equal to the SDK's own classification.
 */
const sdkRetries = (error: unknown) => {
  const e = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(e) || isTransientError(e);
};

const names = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'InvalidSignatureException',
  'ConditionalCheckFailedException',
  'TransactionCanceledException',
  'ValidationException',
  'ResourceNotFoundException',
  'Error',
  'TypeError',
];
const codes = [
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_HTTP2_STREAM_ERROR',
  'EACCES',
  'ERR_INVALID_ARG_TYPE',
];
const messages = [
  'Signature expired: 20261123T000000Z is now earlier than …',
  'NGHTTP2_REFUSED_STREAM',
  'Failed to fetch',
  'Load failed',
  'fetch failed',
  'The conditional request failed',
];

const errorShape: fc.Memo<Record<string, unknown>> = fc.memo((depth) =>
  fc.record(
    {
      name: fc.constantFrom(...names),
      message: fc.constantFrom(...messages),
      code: fc.constantFrom(...codes),
      $metadata: fc.record(
        {
          httpStatusCode: fc.constantFrom(200, 400, 403, 404, 409, 429, 500, 501, 502, 503, 504),
          clockSkewCorrected: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      $retryable: fc.record({ throttling: fc.boolean() }, { requiredKeys: [] }),
      cause: depth > 1 ? errorShape(depth - 1) : fc.constant(undefined),
    },
    // Every Error has a message (the SDK's own check would throw on one without).
    { requiredKeys: ['name', 'message'] },
  ),
);

describe('what the API calls a temporary failure', () => {
  it('is what the SDK retries, for any mix of name, code, status, retryable trait and cause', () => {
    fc.assert(
      fc.property(errorShape(3), (shape) => {
        expect(isTemporaryFailure(shape)).toBe(sdkRetries(shape));
      }),
      { numRuns: 2000 },
    );
  });

  it('is so for the errors the DynamoDB client and fetch really throw', () => {
    const metadata = { $metadata: { httpStatusCode: 400 } };
    const thrown: unknown[] = [
      new ProvisionedThroughputExceededException({ message: 'slow down', ...metadata }),
      new ResourceNotFoundException({ message: 'no table', ...metadata }),
      new TransactionCanceledException({ message: 'cancelled', ...metadata }),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      new TypeError('Failed to fetch'),
      new TypeError('fetch failed'),
      Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('timeout'), { name: 'TimeoutError' }) }),
      undefined,
      'a string',
    ];
    for (const error of thrown)
      expect(isTemporaryFailure(error), String(error)).toBe(
        typeof error === 'object' && error !== null ? sdkRetries(error) : false,
      );
    expect(thrown.filter((e) => isTemporaryFailure(e)).length).toBe(4);
  });
});
