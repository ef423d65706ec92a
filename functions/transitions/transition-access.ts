import type { Principal } from '../../shared/domain/principal';
import type { Transition } from '../../shared/domain/transition';
import { decide, type Action } from '../../shared/policy/access-policy';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { TransitionStore } from './ports';

export function authorize(principal: Principal, action: Action, resource?: { organisationId: string }): void {
  if (!decide(principal, action, resource).allowed) throw new ForbiddenError();
}

/** A transition the principal may read, or 404: another organisation's transition does not "exist". */
export async function readableTransition(store: TransitionStore, principal: Principal, transitionId: string): Promise<Transition> {
  const transition = await store.get(transitionId);
  if (!transition || !decide(principal, 'transition:read', { organisationId: transition.providerId }).allowed) {
    throw new NotFoundError('Dit traject bestaat niet of je hebt er geen toegang toe.');
  }
  return transition;
}
