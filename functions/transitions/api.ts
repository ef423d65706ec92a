import { randomUUID } from 'node:crypto';
import { decide, type Action } from '../../shared/policy/access-policy';
import type { Principal } from '../../shared/domain/principal';
import type { Transition } from '../../shared/domain/transition';
import { createApiHandler, type CapabilityHandlers } from '../http/api-handler';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../workflow/step-functions-workflow';
import type { TransitionsDeps } from './ports';
import { registerTransition } from './register-transition';

function authorize(principal: Principal, action: Action, resource?: { organisationId: string }): void {
  if (!decide(principal, action, resource).allowed) throw new ForbiddenError();
}

/** A transition the principal may read, or 404: another organisation's transition does not "exist". */
async function readableTransition(deps: TransitionsDeps, principal: Principal, transitionId: string): Promise<Transition> {
  const transition = await deps.store.get(transitionId);
  if (!transition || !decide(principal, 'transition:read', { organisationId: transition.providerId }).allowed) {
    throw new NotFoundError('Dit traject bestaat niet of je hebt er geen toegang toe.');
  }
  return transition;
}

export function transitionHandlers(deps: () => TransitionsDeps): CapabilityHandlers<'transitions'> {
  return {
    createTransition: async ({ principal, body, idempotencyKey }) => {
      authorize(principal, 'transition:create');
      const { transition } = await registerTransition(deps(), principal, body, idempotencyKey);
      return { body: transition, headers: { location: `/api/transitions/${transition.id}` } };
    },
    listTransitions: async ({ principal, query }) => {
      const page = { limit: query.limit, cursor: query.cursor };
      if (query.scope === 'organisation') {
        authorize(principal, 'transition:list-organisation');
        return { body: await deps().store.listOfOrganisation(principal.organisationId, page) };
      }
      authorize(principal, 'transition:list-own');
      return { body: await deps().store.listOfBegeleider(principal.userId, page) };
    },
    getTransition: async ({ principal, params }) => ({
      body: await readableTransition(deps(), principal, params.transitionId),
    }),
    getTimeline: async ({ principal, params }) => {
      const transition = await readableTransition(deps(), principal, params.transitionId);
      return { body: { items: await deps().store.timeline(transition.id) } };
    },
  };
}

export function createTransitionsApi(deps: () => TransitionsDeps) {
  return createApiHandler('transitions', transitionHandlers(deps));
}

const awsDeps = lazy(
  (): TransitionsDeps => ({
    store: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
    workflow: new StepFunctionsTransitionWorkflow(runtime.sfnClient(), runtime.transitionWorkflowArn()),
    now: () => new Date(),
    newId: randomUUID,
  }),
);

/** The Lambda entry point (CDK bundles this file; the local gateway imports it). */
export const handler = createTransitionsApi(awsDeps);
