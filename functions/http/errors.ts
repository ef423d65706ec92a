import type { InvalidParam, ProblemCode } from '../../shared/api/problem';
import type { Denial } from '../../shared/policy/access-policy';

/** Typed errors a handler throws; functions/http/problem-responses.ts maps them to HTTP once. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(title);
    this.name = new.target.name;
  }
}

export class ValidationError extends ApiError {
  constructor(invalidParams: InvalidParam[], title = 'De invoer is niet geldig.') {
    super(400, 'validation-failed', title, invalidParams);
  }
}

/** A body that is not sent as JSON (`Content-Type` missing or another type): refused unread. */
export class UnsupportedMediaTypeError extends ApiError {
  constructor() {
    super(415, 'unsupported-media-type', 'Stuur de inhoud als JSON, met Content-Type: application/json.');
  }
}

export class UnauthenticatedError extends ApiError {
  constructor() {
    super(401, 'unauthenticated', 'Je bent niet aangemeld.');
  }
}

export class ForbiddenError extends ApiError {
  constructor(
    title = 'Je hebt geen toegang tot deze handeling.',
    code: 'forbidden' | 'noodtoegang-mogelijk' | 'noodtoegang-alleen-inzien' = 'forbidden',
    /** The policy's reason, for the audit entry of the refusal (never in the answer). */
    readonly weigering: Denial = 'role',
  ) {
    super(403, code, title);
  }
}

/** Also used when a resource exists but belongs to another organisation: existence is not disclosed. */
export class NotFoundError extends ApiError {
  constructor(title = 'Niet gevonden, of je hebt er geen toegang toe.') {
    super(404, 'not-found', title);
  }
}

export class ConflictError extends ApiError {
  constructor(title: string, code: 'conflict' | 'stale-version' | 'rule-violation' = 'conflict') {
    super(409, code, title);
  }
}

/** A domain rule blocks the change; the title says which, in words the caseworker can act on. */
export class RuleViolationError extends ConflictError {
  constructor(reden: string) {
    super(reden, 'rule-violation');
  }
}

export class WorkflowUnavailableError extends ApiError {
  constructor() {
    super(
      503,
      'workflow-unavailable',
      'Het traject is opgeslagen, maar het werkproces kon nog niet starten. Probeer het opnieuw met dezelfde Idempotency-Key.',
    );
  }
}

/**
 * The audit trail could not take a served request's entries, even after retries: nothing is shown without its
 * record. Temporary as far as the client can tell, so answered like a throttled table (503, Retry-After).
 */
export class AuditUnavailableError extends ApiError {
  constructor() {
    super(503, 'temporarily-unavailable', 'Het is even te druk. Probeer het over een paar seconden opnieuw.');
  }
}

/**
 * An AWS service (DynamoDB above all) throttled the request (ProvisionedThroughputExceeded, ThrottlingException,
 * RequestLimitExceeded), timed out, dropped the connection or failed with a 5xx, and the SDK's own retries
 * (functions/runtime.ts) did not get through: a later attempt probably will. Answered as 503 with Retry-After.
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
