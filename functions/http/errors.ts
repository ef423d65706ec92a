import type { InvalidParam, ProblemCode } from '../../shared/api/problem';
import type { Denial } from '../../shared/policy/access-policy';
import { Conflict, InvalidInput, type OtherChange, StaleVersion } from '../../shared/domain/common/errors';

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
  constructor(
    title: string,
    code: 'conflict' | 'stale-version' | 'rule-violation' = 'conflict',
    /** Who changed it since, for a stale version when the record knows. */
    readonly gewijzigd?: OtherChange,
  ) {
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
      'Het traject is opgeslagen, maar Landing kon de planning van het traject nog niet starten. Probeer het opnieuw met dezelfde Idempotency-Key.',
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
 * The HTTP answer to a domain error (shared/domain/common/errors.ts): the domain and the storage adapters know
 * nothing of HTTP, and this is the one place that says what each of their errors means to a client.
 */
export function fromDomainError<E>(error: E): E | ApiError {
  if (error instanceof StaleVersion) return new ConflictError(error.title, error.kind, error.gewijzigd);
  if (error instanceof Conflict) return new ConflictError(error.title, error.kind);
  if (error instanceof InvalidInput) return new ValidationError(error.invalidParams);
  return error;
}
