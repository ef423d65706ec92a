/**
 * The domain's own errors: thrown by the pure rules and by the storage adapters, and mapped to HTTP only at the
 * edge (functions/http). Each says, in Dutch, what happened in words the caseworker can act on.
 */

/** Someone or something else changed what this change was based on, or a rule refuses it: nothing was written. */
export class Conflict extends Error {
  readonly kind: 'conflict' | 'stale-version' | 'rule-violation' = 'conflict';
  constructor(readonly title: string) {
    super(title);
    this.name = new.target.name;
  }
}

/** The other person's change that made a view stale, when the record keeps it: who, when and what. */
export interface OtherChange {
  door: string;
  op: string;
  wat: string;
}

/** The version a person saw is no longer the current one (another person changed it since). */
export class StaleVersion extends Conflict {
  override readonly kind = 'stale-version';
  constructor(
    title: string,
    readonly gewijzigd?: OtherChange,
  ) {
    super(title);
  }
}

/** A domain rule refuses the change; `reden` says why. */
export class RuleViolation extends Conflict {
  override readonly kind = 'rule-violation';
  constructor(readonly reden: string) {
    super(reden);
  }
}

/** Input the schema could not judge on its own (a cursor never issued), with the field and the reason. */
export class InvalidInput extends Error {
  constructor(readonly invalidParams: { name: string; code: string; reason: string }[]) {
    super(invalidParams.map((p) => p.name).join(', '));
    this.name = new.target.name;
  }
}
