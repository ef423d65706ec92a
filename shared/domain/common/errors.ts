/**
 * The domain's own errors: thrown by the pure rules and the storage adapters, mapped to HTTP only at the edge
 * (functions/http). A rule that refuses says why, in Dutch, in words the caseworker can act on.
 */
export class RuleViolation extends Error {
  constructor(readonly reden: string) {
    super(reden);
    this.name = 'RuleViolation';
  }
}
