import { changedFields } from '../../shared/domain/audit/audit';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Transition } from '../../shared/domain/transition/transition';
import {
  decide,
  ruleOf,
  type AccessContext,
  type Action,
  type Decision,
  type Ground,
  type ResourceScope,
} from '../../shared/policy/access-policy';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { RequestAccess } from '../http/request-access';
import type { TransitionStore } from '../transitions/ports';

/** A record opened for an action. */
export interface OpenedRecord {
  transition: Transition;
  /** The ground the policy gave: the audit entry of a change made under it names the same ground. */
  grond: Ground;
}

/** Who asks: the verified principal, and the request's audit record (which carries any emergency reason). */
export interface RecordRequest {
  principal: Principal;
  access: RequestAccess;
}

export interface OpenOptions {
  /** The part of the record, as the audit trail names it. */
  onderdeel?: string;
  /** The principal's municipality, for a budget holder acting on a budget. */
  gemeenteCode?: string | undefined;
  /**
   * A change recorded by the caller once it is stored, with its fields and versions (`recordChange`); by
   * default a change is recorded when the record is opened for it.
   */
  changeRecordedAfterwards?: boolean;
}

const NOT_FOUND = 'Dit traject bestaat niet of je hebt er geen toegang toe.';

export class EmergencyAccessPossibleError extends ForbiddenError {
  constructor() {
    super(
      'Dit traject hoort bij een ander team. Alleen in een noodsituatie kun je het inzien, met een reden; je teamleider ziet dat.',
      'noodtoegang-mogelijk',
      'team',
    );
  }
}

export class EmergencyAccessReadOnlyError extends ForbiddenError {
  constructor() {
    super(
      'Noodtoegang is om in te zien (en om een signaal door te geven). Wijzigen, geld en het auditlog zijn voor het team van de persoon.',
      'noodtoegang-alleen-inzien',
      'alleen-inzien',
    );
  }
}

/**
 * The one place that opens a person's record: it reads the transition, asks the policy (emergency access
 * included) and writes what happened into the person's audit trail — the look, the ground of a change, or
 * the refusal. Every capability that touches a person's record goes through here, so access and its record
 * cannot disagree.
 */
export async function openRecord(
  store: Pick<TransitionStore, 'get'>,
  request: RecordRequest,
  transitionId: string,
  action: Action,
  options: OpenOptions = {},
): Promise<OpenedRecord> {
  const transition = await store.get(transitionId);
  if (!transition) throw new NotFoundError(NOT_FOUND);
  const grond = admit(request, transition, action, options);
  if (ruleOf(action).kind === 'look') {
    request.access.record({
      actie: 'lezen',
      onderdeel: options.onderdeel ?? 'traject',
      person: personOf(transition),
      grond,
    });
  } else if (!options.changeRecordedAfterwards) {
    request.access.record({
      actie: 'wijzigen',
      onderdeel: options.onderdeel ?? 'traject',
      person: personOf(transition),
      grond,
    });
  }
  return { transition, grond };
}

/**
 * A second action on a record already opened (resolving a signal with a scale-up also changes the
 * transition): decided with the same request, a refusal recorded on the person's trail.
 */
export function admit(
  request: RecordRequest,
  transition: Transition,
  action: Action,
  options: Pick<OpenOptions, 'onderdeel' | 'gemeenteCode'> = {},
): Ground {
  const context: AccessContext = {
    gemeenteCode: options.gemeenteCode,
    noodtoegang: Boolean(request.access.noodtoegangReden),
  };
  const decision = decide(request.principal, action, scopeOf(transition), context);
  if (decision.allowed) return decision.grond;
  request.access.record({
    actie: 'geweigerd',
    onderdeel: options.onderdeel ?? 'traject',
    person: personOf(transition),
    weigering: decision.reason,
  });
  throw refusal(decision, action);
}

/** The audit entry of a stored change: who, on the ground the record was opened on, which fields from what to what. */
export function recordChange(
  access: RequestAccess,
  grond: Ground,
  before: Transition,
  next: Transition,
  onderdeel = 'traject',
): void {
  access.record({
    actie: 'wijzigen',
    onderdeel,
    person: personOf(before),
    grond,
    wijziging: { versieVoor: before.version, versieNa: next.version, ...changedFields(before, next) },
  });
}

/**
 * Another organisation's record or another municipality's budget does not "exist" (404); another team's is a
 * 403 that says whether emergency access would open it; a role that may not is a plain 403.
 */
function refusal(decision: Extract<Decision, { allowed: false }>, action: Action): Error {
  switch (decision.reason) {
    case 'organisation':
    case 'gemeente':
      return new NotFoundError(NOT_FOUND);
    case 'team':
      return ruleOf(action).noodtoegang
        ? new EmergencyAccessPossibleError()
        : new ForbiddenError(
            'Dit traject hoort bij een ander team: alleen het team van de persoon kan dit doen.',
            'forbidden',
            'team',
          );
    case 'alleen-inzien':
      return new EmergencyAccessReadOnlyError();
    case 'role':
      return new ForbiddenError();
  }
}

/** Throws a 403 carrying the policy's reason, for actions on the organisation rather than on a person's record. */
export function authorize(
  principal: Principal,
  action: Action,
  resource?: ResourceScope,
  context?: AccessContext,
): void {
  const decision = decide(principal, action, resource, context);
  if (!decision.allowed) throw new ForbiddenError(undefined, 'forbidden', decision.reason);
}

/** What the policy needs to know of a person's record: whose it is, which team supports them, who works on it. */
export function scopeOf(t: Pick<Transition, 'providerId' | 'teamId' | 'begeleiders' | 'gemeenteCode'>): ResourceScope {
  return {
    organisationId: t.providerId,
    teamId: t.teamId,
    assignedUserIds: t.begeleiders.map((b) => b.id),
    gemeenteCode: t.gemeenteCode,
  };
}

const personOf = (t: Transition) => ({ persoonRef: t.persoonRef, transitionId: t.id, teamId: t.teamId });
