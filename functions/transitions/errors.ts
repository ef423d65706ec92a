import { Conflict, type OtherChange, StaleVersion } from '../../shared/domain/common/errors';

/** Conflicts the transition store reports: domain errors, mapped to 409 at the HTTP edge. */
export class IdempotencyKeyReusedError extends Conflict {
  constructor() {
    super('Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
  }
}

export class PersonHasActiveTransitionError extends Conflict {
  constructor() {
    super('Deze persoon heeft al een lopend traject. Zoek dat traject op in plaats van een nieuw aan te melden.');
  }
}

export class StaleVersionError extends StaleVersion {
  constructor(gewijzigd?: OtherChange) {
    super(
      `${gewijzigd?.door ?? 'Iemand anders'} heeft dit traject intussen gewijzigd. Laad het opnieuw en probeer het nog eens.`,
      gewijzigd,
    );
  }
}

export class IdempotencyInFlightError extends Conflict {
  constructor() {
    super('Een gelijk verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.');
  }
}
