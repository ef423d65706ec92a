import { randomUUID } from 'node:crypto';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { overview } from '../../shared/domain/transition/overview';
import { supportConfigFor } from '../../shared/domain/support/provider-policy';
import { draftVow } from '../../shared/domain/support/verzoek-om-wijziging';
import {
  agreePlan,
  changeFase,
  changeSupport,
  endTemporaryStay,
  endTransition,
  handOver,
  pickUpAgain,
  startTemporaryStay,
  decideOffer,
  recordAllocation,
  reviewSupport,
  confirmMove,
  recordLandingReview,
  recordOmklapDecision,
  savePlan,
  registerOffer,
  setMoveDate,
  setReadiness,
  setUitkering,
  signContract,
} from '../../shared/domain/transition/transition-commands';
import { geaccepteerdeAanbieding } from '../../shared/domain/woning/woning';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { ValidationError } from '../http/errors';
import { logger } from '../observability/logger';
import type { Transition } from '../../shared/domain/transition/transition';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow, stepFunctionsClient } from '../workflow/step-functions-workflow';
import type { TransitionsDeps } from './ports';
import { registerTransition } from './register-transition';
import { runCommand } from './run-command';
import { authorize, openRecord } from '../access/person-record';
import { transitionOperations } from '../../shared/api/operations/transitions';

/**
 * After a change that may concern a workflow, that workflow takes a look: the move workflow after a woning
 * accepted, the contract, the move date, the uitkering, a relapse; the follow-up of signals after a change of
 * support (reviews, a scale-up's end, the contact a level allows) or of phase. The change itself is stored
 * already; if a workflow cannot be reached the next change or wake-up looks again, so this is logged, not failed.
 */
async function thenEvaluate(
  deps: TransitionsDeps,
  transition: Transition,
  looks: ('move' | 'signals')[],
): Promise<Transition> {
  await Promise.all(
    looks.map((look) =>
      (look === 'move'
        ? deps.workflow.evaluateMove(transition.id)
        : deps.workflow.evaluateSignals(transition.id)
      ).catch((error: Error) => {
        logger.warn('workflow not reached', { transitionId: transition.id, workflow: look, errorName: error.name });
      }),
    ),
  );
  return transition;
}
const thenEvaluateMove = (deps: TransitionsDeps, transition: Transition) => thenEvaluate(deps, transition, ['move']);

export function transitionHandlers(deps: () => TransitionsDeps): CapabilityHandlers<'transitions'> {
  return {
    createTransition: async ({ principal, body, idempotencyKey, access }) => {
      authorize(principal, 'transition:create');
      const { transition } = await registerTransition(deps(), principal, body, idempotencyKey);
      access.record({
        actie: 'aanmaken',
        onderdeel: 'traject',
        person: { persoonRef: transition.persoonRef, transitionId: transition.id, teamId: transition.teamId },
        grond: 'behandelrelatie',
      });
      return { body: transition, headers: { location: `/api/transitions/${transition.id}` } };
    },
    listTransitions: async ({ principal, query, access }) => {
      access.record({
        actie: 'lijst',
        onderdeel: query.scope === 'team' ? 'trajecten van het team' : 'mijn trajecten',
      });
      const page = { limit: query.limit, cursor: query.cursor };
      if (query.scope === 'team') {
        authorize(principal, 'transition:list-team');
        return { body: await deps().store.listOfTeam(principal.organisationId, principal.teamId, page) };
      }
      authorize(principal, 'transition:list-own');
      return { body: await deps().store.listOfBegeleider(principal.userId, page) };
    },
    searchTransitions: async ({ principal, body, access }) => {
      // What was searched for is not recorded: a name or date of birth does not belong in a log.
      access.record({
        actie: 'lijst',
        onderdeel: body.scope === 'team' ? 'trajecten van het team (gezocht)' : 'mijn trajecten (gezocht)',
      });
      const { scope, limit, cursor, ...filter } = body;
      if (scope === 'team') {
        authorize(principal, 'transition:list-team');
        const team = { organisationId: principal.organisationId, teamId: principal.teamId };
        return { body: await deps().store.search(team, filter, { limit, cursor }) };
      }
      authorize(principal, 'transition:list-own');
      return { body: await deps().store.search({ userId: principal.userId }, filter, { limit, cursor }) };
    },
    getTransition: async ({ principal, params, access }) => ({
      body: (await openRecord(deps().store, { principal, access }, params.transitionId, 'transition:read')).transition,
    }),
    getTimeline: async ({ principal, params, query, access }) => {
      const { transition } = await openRecord(
        deps().store,
        { principal, access },
        params.transitionId,
        'transition:read',
      );
      return { body: await deps().store.timelinePage(transition.id, { limit: query.limit, cursor: query.cursor }) };
    },
    getOverview: async ({ principal, params, access }) => {
      const { transition: t } = await openRecord(
        deps().store,
        { principal, access },
        params.transitionId,
        'transition:read',
      );
      const offer = geaccepteerdeAanbieding(t.aanbiedingen) ?? t.aanbiedingen.at(-1);
      const plaatsingenInWijk = offer ? await deps().store.placementsInWijk(t.gemeenteCode, offer.wijk) : undefined;
      const view = overview(
        t,
        municipalityPolicy(t.gemeenteCode),
        todayInNetherlands(deps().now()),
        supportConfigFor(t.providerId),
      );
      return { body: { ...view, ...(plaatsingenInWijk !== undefined ? { plaatsingenInWijk } : {}) } };
    },
    changeFase: async ({ principal, params, body, access }) => ({
      body: await thenEvaluate(
        deps(),
        await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
          changeFase(t, body, ctx),
        ),
        ['move', 'signals'],
      ),
    }),
    startTemporaryStay: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...input } = body;
      return {
        body: await thenEvaluate(
          deps(),
          await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
            startTemporaryStay(t, input, ctx),
          ),
          ['signals'],
        ),
      };
    },
    endTemporaryStay: async ({ principal, params, body, access }) => ({
      body: await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
        endTemporaryStay(t, { op: body.op }, ctx),
      ),
    }),
    endTransition: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...input } = body;
      return {
        body: await thenEvaluate(
          deps(),
          await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
            endTransition(t, input, ctx),
          ),
          ['move', 'signals'],
        ),
      };
    },
    handOver: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...overdracht } = body;
      return {
        body: await thenEvaluate(
          deps(),
          await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
            handOver(t, overdracht, ctx),
          ),
          ['signals'],
        ),
      };
    },
    pickUpAgain: async ({ principal, params, body, access }) => ({
      body: await thenEvaluate(
        deps(),
        await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
          pickUpAgain(t, { reden: body.reden }, ctx),
        ),
        ['signals'],
      ),
    }),
    setReadiness: async ({ principal, params, body, access }) => ({
      body: await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
        setReadiness(
          t,
          { item: params.itemId, gedaan: body.gedaan, gedaanOp: body.gedaanOp, notitie: body.notitie },
          ctx,
        ),
      ),
    }),
    registerOffer: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...offer } = body;
      const corporation = await deps().directory.organisation(offer.corporatieId);
      if (corporation?.soort !== 'woningcorporatie') {
        throw new ValidationError([
          { name: 'corporatieId', code: 'unknown_corporation', reason: 'Kies een bekende woningcorporatie.' },
        ]);
      }
      return {
        body: await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
          registerOffer(t, { id: deps().newId(), ...offer }, ctx),
        ),
      };
    },
    decideOffer: async ({ principal, params, body, access }) => ({
      body: await thenEvaluateMove(
        deps(),
        await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
          decideOffer(t, { aanbiedingId: params.aanbiedingId, besluit: body.besluit, reden: body.reden }, ctx),
        ),
      ),
    }),
    signContract: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...contract } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        signContract(t, contract, ctx),
      );
      return { body: await thenEvaluateMove(deps(), next) };
    },
    setMoveDate: async ({ principal, params, body, access }) => ({
      body: await thenEvaluateMove(
        deps(),
        await runCommand(deps(), { principal, access }, params.transitionId, body.expectedVersion, (t, ctx) =>
          setMoveDate(t, body.verhuisdatum, ctx),
        ),
      ),
    }),
    changeSupport: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...change } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        changeSupport(t, { id: deps().newId(), ...change }, ctx),
      );
      return { body: await thenEvaluate(deps(), next, ['signals']) };
    },
    confirmMove: async ({ principal, params, body, access }) => {
      const input = body.verhuisd
        ? { verhuisd: true as const, op: body.op! }
        : { verhuisd: false as const, nieuweDatum: body.nieuweDatum! };
      const next = await runCommand(
        deps(),
        { principal, access },
        params.transitionId,
        body.expectedVersion,
        (t, ctx) => confirmMove(t, input, ctx),
      );
      return { body: await thenEvaluateMove(deps(), next) };
    },
    recordOmklapDecision: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...besluit } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        recordOmklapDecision(t, besluit, ctx),
      );
      return { body: await thenEvaluateMove(deps(), next) };
    },
    recordLandingReview: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...oordeel } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        recordLandingReview(t, oordeel, ctx),
      );
      return { body: await thenEvaluateMove(deps(), next) };
    },
    reviewSupport: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...review } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        reviewSupport(t, { ...review, newId: deps().newId() }, ctx),
      );
      return { body: await thenEvaluate(deps(), next, ['signals']) };
    },
    savePlan: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...plan } = body;
      const tekens = plan.tekens.map((teken) => ({ ...teken, id: teken.id ?? deps().newId() }));
      return {
        body: await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
          savePlan(t, { ...plan, tekens }, ctx),
        ),
      };
    },
    agreePlan: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...agreement } = body;
      return {
        body: await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
          agreePlan(t, agreement, ctx),
        ),
      };
    },
    recordAllocation: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...toewijzing } = body;
      return {
        body: await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
          recordAllocation(t, toewijzing, ctx),
        ),
      };
    },
    // A draft only: computed from what the caseworker may read, nothing stored, nothing sent.
    draftVow: async ({ principal, params, body, access }) => {
      const { transition: t } = await openRecord(
        deps().store,
        { principal, access },
        params.transitionId,
        'transition:read',
      );
      return { body: draftVow(t, t.toewijzing, supportConfigFor(t.providerId), body) };
    },
    setUitkering: async ({ principal, params, body, access }) => {
      const { expectedVersion, ...status } = body;
      const next = await runCommand(deps(), { principal, access }, params.transitionId, expectedVersion, (t, ctx) =>
        setUitkering(t, status, ctx),
      );
      return { body: await thenEvaluateMove(deps(), next) };
    },
  };
}

export function createTransitionsApi(deps: () => TransitionsDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(transitionOperations, transitionHandlers(deps), options);
}

const awsDeps = lazy(
  (): TransitionsDeps => ({
    store: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
    workflow: new StepFunctionsTransitionWorkflow(stepFunctionsClient(), runtime.workflowArns()),
    now: clock.now,
    newId: randomUUID,
  }),
);

/** The Lambda entry point (CDK bundles this file; the local gateway imports it). */
export const handler = createTransitionsApi(awsDeps, { audit: auditFromEnvironment });
