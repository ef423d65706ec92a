import { ConflictError } from '../http/errors';

/** Conflicts the transition store reports; handlers let them map to 409 like any ApiError. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
  }
}

export class PersonHasActiveTransitionError extends ConflictError {
  constructor() {
    super('Deze persoon heeft al een lopend traject. Zoek dat traject op in plaats van een nieuw aan te melden.');
  }
}

export class StaleVersionError extends ConflictError {
  constructor() {
    super(
      'Iemand anders heeft dit traject intussen gewijzigd. Laad het opnieuw en probeer het nog eens.',
      'stale-version',
    );
  }
}

export class IdempotencyInFlightError extends ConflictError {
  constructor() {
    super('Een gelijk verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.');
  }
}
