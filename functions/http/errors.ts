import { isThrottlingError, isTransientError } from '@smithy/core/retry';
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

export class UnauthenticatedError extends ApiError {
  constructor() {
    super(401, 'unauthenticated', 'Je bent niet aangemeld.');
  }
}

export class ForbiddenError extends ApiError {
  constructor(
    title = 'Je hebt geen toegang tot deze handeling.',
    code: 'forbidden' | 'noodtoegang-mogelijk' = 'forbidden',
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
 * An AWS service (DynamoDB above all) throttled the request (ProvisionedThroughputExceeded, ThrottlingException,
 * RequestLimitExceeded), timed out, dropped the connection or failed with a 5xx, and the SDK's own retries
 * (functions/runtime.ts) did not get through: a later attempt probably will. Classified by the rules the SDK's retry
 * strategy uses, so what the API calls temporary is exactly what the SDK retried. Answered as 503 with Retry-After.
 */
export function isTemporaryFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError);
}
