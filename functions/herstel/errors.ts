import { StaleVersion } from '../../shared/domain/common/errors';

export class HerstelChangedConflict extends StaleVersion {
  constructor() {
    super(
      'Dit deel van het plan is intussen door een ander gewijzigd. Bekijk de nieuwe versie en vul je wijziging opnieuw in.',
    );
  }
}

/** The request's Idempotency-Key was claimed by the same request a moment earlier: nothing was written. */
export class HerstelKeyClaimed extends Error {}
