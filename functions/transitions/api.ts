import { randomUUID } from 'node:crypto';
import { todayInNetherlands } from '../../shared/domain/calendar';
import { municipalityPolicy } from '../../shared/domain/municipality-policy';
import { overview } from '../../shared/domain/overview';
import {
  agreePlan,
  changeFase,
  changeSupport,
  decideOffer,
  reviewSupport,
  savePlan,
  registerOffer,
  setMoveDate,
  setReadiness,
  setUitkering,
  signContract,
} from '../../shared/domain/transition-commands';
import { geaccepteerdeAanbieding } from '../../shared/domain/woning';
import { clock } from '../clock';
import { createApiHandler, type CapabilityHandlers } from '../http/api-handler';
import { ValidationError } from '../http/errors';
import { logger } from '../observability/logger';
import type { Transition } from '../../shared/domain/transition';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../workflow/step-functions-workflow';
import type { TransitionsDeps } from './ports';
import { registerTransition } from './register-transition';
import { runCommand } from './run-command';
import { authorize, readableTransition } from './transition-access';

/**
 * After a change that may concern the move (a woning accepted, the contract, the move date, the uitkering, a
 * relapse), the move workflow takes a look. The change itself is stored already; if the workflow cannot be
 * reached the next change or wake-up looks again, so this is logged, not failed.
 */
async function thenEvaluateMove(deps: TransitionsDeps, transition: Transition): Promise<Transition> {
  await deps.workflow.evaluateMove(transition.id).catch((error: Error) => {
    logger.warn('move workflow not reached', { transitionId: transition.id, errorName: error.name });
  });
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
      body: await readableTransition(deps().store, principal, params.transitionId),
    }),
    getTimeline: async ({ principal, params }) => {
      const transition = await readableTransition(deps().store, principal, params.transitionId);
      return { body: { items: await deps().store.timeline(transition.id) } };
    },
    getOverview: async ({ principal, params }) => {
      const t = await readableTransition(deps().store, principal, params.transitionId);
      const offer = geaccepteerdeAanbieding(t.aanbiedingen) ?? t.aanbiedingen.at(-1);
      const plaatsingenInWijk = offer ? await deps().store.placementsInWijk(t.gemeenteCode, offer.wijk) : undefined;
      const view = overview(t, municipalityPolicy(t.gemeenteCode), todayInNetherlands(deps().now()));
      return { body: { ...view, ...(plaatsingenInWijk !== undefined ? { plaatsingenInWijk } : {}) } };
    },
    changeFase: async ({ principal, params, body }) => ({
      body: await thenEvaluateMove(
        deps(),
        await runCommand(deps(), principal, params.transitionId, body.expectedVersion, (t, ctx) => changeFase(t, body, ctx)),
      ),
    }),
    setReadiness: async ({ principal, params, body }) => ({
      body: await runCommand(deps(), principal, params.transitionId, body.expectedVersion, (t, ctx) =>
        setReadiness(t, { item: params.itemId, gedaan: body.gedaan, gedaanOp: body.gedaanOp, notitie: body.notitie }, ctx),
      ),
    }),
    registerOffer: async ({ principal, params, body }) => {
      const { expectedVersion, ...offer } = body;
      const corporation = await deps().directory.organisation(offer.corporatieId);
      if (corporation?.soort !== 'woningcorporatie') {
        throw new ValidationError([{ name: 'corporatieId', code: 'unknown_corporation', reason: 'Kies een bekende woningcorporatie.' }]);
      }
      return {
        body: await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) =>
          registerOffer(t, { id: deps().newId(), ...offer }, ctx),
        ),
      };
    },
    decideOffer: async ({ principal, params, body }) => ({
      body: await thenEvaluateMove(
        deps(),
        await runCommand(deps(), principal, params.transitionId, body.expectedVersion, (t, ctx) =>
          decideOffer(t, { aanbiedingId: params.aanbiedingId, besluit: body.besluit, reden: body.reden }, ctx),
        ),
      ),
    }),
    signContract: async ({ principal, params, body }) => {
      const { expectedVersion, ...contract } = body;
      const next = await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => signContract(t, contract, ctx));
      return { body: await thenEvaluateMove(deps(), next) };
    },
    setMoveDate: async ({ principal, params, body }) => ({
      body: await thenEvaluateMove(
        deps(),
        await runCommand(deps(), principal, params.transitionId, body.expectedVersion, (t, ctx) => setMoveDate(t, body.verhuisdatum, ctx)),
      ),
    }),
    changeSupport: async ({ principal, params, body }) => {
      const { expectedVersion, ...change } = body;
      return {
        body: await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => changeSupport(t, { id: deps().newId(), ...change }, ctx)),
      };
    },
    reviewSupport: async ({ principal, params, body }) => {
      const { expectedVersion, ...review } = body;
      return {
        body: await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => reviewSupport(t, { ...review, newId: deps().newId() }, ctx)),
      };
    },
    savePlan: async ({ principal, params, body }) => {
      const { expectedVersion, ...plan } = body;
      const tekens = plan.tekens.map((teken) => ({ ...teken, id: teken.id ?? deps().newId() }));
      return { body: await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => savePlan(t, { ...plan, tekens }, ctx)) };
    },
    agreePlan: async ({ principal, params, body }) => {
      const { expectedVersion, ...agreement } = body;
      return { body: await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => agreePlan(t, agreement, ctx)) };
    },
    setUitkering: async ({ principal, params, body }) => {
      const { expectedVersion, ...status } = body;
      const next = await runCommand(deps(), principal, params.transitionId, expectedVersion, (t, ctx) => setUitkering(t, status, ctx));
      return { body: await thenEvaluateMove(deps(), next) };
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
    workflow: new StepFunctionsTransitionWorkflow(runtime.sfnClient(), runtime.transitionWorkflowArn(), runtime.moveWorkflowArn()),
    now: clock.now,
    newId: randomUUID,
  }),
);

/** The Lambda entry point (CDK bundles this file; the local gateway imports it). */
export const handler = createTransitionsApi(awsDeps);
