/**
 * An AWS service (DynamoDB above all) throttled the request (ProvisionedThroughputExceeded, ThrottlingException,
 * RequestLimitExceeded), timed out, dropped the connection or failed with a 5xx, and the SDK's own retries
 * (functions/runtime.ts) did not get through: a later attempt probably will. The API answers it 503 with Retry-After.
 *
 * The rules are the SDK retry strategy's own (`isThrottlingError || isTransientError` of `@smithy/core/retry`),
 * restated here because importing that module adds ~12 KB to every API bundle; a test holds the two equal, so
 * what the API calls temporary stays exactly what the SDK retried.
 */
export function isTemporaryFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return isThrottling(error) || isTransient(error as SdkErrorShape, 0);
}

/** The service refused the request for its rate (it did not apply it); a timeout or a 5xx leaves that open. */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  return (
    e.$metadata?.httpStatusCode === 429 || THROTTLING_ERROR_NAMES.has(e.name ?? '') || e.$retryable?.throttling === true
  );
}

/** Timed out, cut off, a 5xx, or marked retryable by the service; also when what caused it was. */
function isTransient(e: SdkErrorShape, depth: number): boolean {
  return (
    e.name !== 'AbortError' &&
    (e.$retryable !== undefined ||
      e.$metadata?.clockSkewCorrected === true ||
      (e.name === 'InvalidSignatureException' && (e.message?.includes('Signature expired') ?? false)) ||
      TRANSIENT_ERROR_NAMES.has(e.name ?? '') ||
      TRANSIENT_NODE_CODES.has(e.code ?? '') ||
      TRANSIENT_STATUS_CODES.has(e.$metadata?.httpStatusCode ?? 0) ||
      (e instanceof TypeError && FETCH_NETWORK_MESSAGES.has(e.message)) ||
      (e.code === 'ERR_HTTP2_STREAM_ERROR' && (e.message?.includes('NGHTTP2_REFUSED_STREAM') ?? false)) ||
      (typeof e.cause === 'object' &&
        e.cause !== null &&
        depth <= 10 &&
        isTransient(e.cause as SdkErrorShape, depth + 1)))
  );
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
  $retryable?: { throttling?: boolean };
}

const THROTTLING_ERROR_NAMES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT_ERROR_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Connection failures and timeouts of Node's sockets and DNS. */
const TRANSIENT_NODE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TRANSIENT_STATUS_CODES = new Set([500, 502, 503, 504]);
/** What `fetch` says when the network is gone (the SDK's fetch handler). */
const FETCH_NETWORK_MESSAGES = new Set([
  'Failed to fetch',
  'NetworkError when attempting to fetch resource',
  'The Internet connection appears to be offline',
  'Load failed',
  'Network request failed',
]);
