import type { Principal } from '../../shared/domain/principal';
import type { Transition } from '../../shared/domain/transition';
import { decide, type AccessContext, type Action, type ResourceScope } from '../../shared/policy/access-policy';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { RequestAccess } from '../http/request-access';
import type { TransitionStore } from './ports';

/** Throws a 403 carrying the policy's reason, which the API handler records as the refused attempt. */
export function authorize(principal: Principal, action: Action, resource?: ResourceScope, context?: AccessContext): void {
  const decision = decide(principal, action, resource, context);
  if (!decision.allowed) throw new ForbiddenError(undefined, 'forbidden', decision.reason);
}

/** What the policy needs to know of a person's record: whose it is, which team supports them, who works on it. */
export function scopeOf(t: Pick<Transition, 'providerId' | 'teamId' | 'begeleiders' | 'gemeenteCode'>): ResourceScope {
  return { organisationId: t.providerId, teamId: t.teamId, assignedUserIds: t.begeleiders.map((b) => b.id), gemeenteCode: t.gemeenteCode };
}

export class EmergencyAccessPossibleError extends ForbiddenError {
  constructor() {
    super('Dit traject hoort bij een ander team. Alleen in een noodsituatie kun je het inzien, met een reden; je teamleider ziet dat.', 'noodtoegang-mogelijk', 'team');
  }
}

/**
 * A person's record the principal may touch with `action`, and the audit entry that records it (or the
 * refusal). Another organisation's record does not "exist" (404); another team's is a 403 that says emergency
 * access is possible, with a reason; a role that may not is a plain 403.
 */
export async function readableTransition(
  store: Pick<TransitionStore, 'get'>,
  principal: Principal,
  transitionId: string,
  access?: RequestAccess,
  action: Action = 'transition:read',
  onderdeel = 'traject',
): Promise<Transition> {
  const transition = await store.get(transitionId);
  if (!transition) throw new NotFoundError('Dit traject bestaat niet of je hebt er geen toegang toe.');
  const decision = decide(principal, action, scopeOf(transition), { noodtoegang: Boolean(access?.noodtoegangReden) });
  const person = { persoonRef: transition.persoonRef, transitionId: transition.id, teamId: transition.teamId };
  if (!decision.allowed) {
    access?.record({ actie: 'geweigerd', onderdeel, person, weigering: decision.reason });
    if (decision.reason === 'organisation') throw new NotFoundError('Dit traject bestaat niet of je hebt er geen toegang toe.');
    if (decision.reason === 'team') throw new EmergencyAccessPossibleError();
    throw new ForbiddenError();
  }
  // Reading actions (`…:read`, `audit:read-person`) are looks; the rest are changes.
  access?.record({ actie: /:read(-|$)/.test(action) ? 'lezen' : 'wijzigen', onderdeel, person, grond: decision.grond });
  return transition;
}
