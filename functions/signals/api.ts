import { randomUUID } from 'node:crypto';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { isActive } from '../../shared/domain/transition/lifecycle';
import type { Principal } from '../../shared/domain/organisation/principal';
import { currentPlan } from '../../shared/domain/signals/signaleringsplan';
import {
  acknowledgeSignal,
  resolveSignal,
  type SignalCommandResult,
} from '../../shared/domain/signals/signal-commands';
import type { Contact, ScaleUp, Signal } from '../../shared/domain/signals/signal-schemas';
import { classify, responseDeadline } from '../../shared/domain/signals/signals';
import { supportConfigFor } from '../../shared/domain/support/provider-policy';
import { contactGap, levelOn } from '../../shared/domain/support/support';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { changeSupport } from '../../shared/domain/transition/transition-commands';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { NotFoundError, RuleViolationError, ValidationError } from '../http/errors';
import { logger } from '../observability/logger';
import { countBusinessEvent } from '../observability/metrics';
import { lazy, runtime } from '../runtime';
import { DynamoContactStore, DynamoSignalStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { requestHash } from '../storage/idempotency';
import { IdempotencyInFlightError } from '../transitions/errors';
import type { TransitionStore, TransitionWorkflow } from '../transitions/ports';
import { actorOf, prepareCommand, requireVersion } from '../transitions/run-command';
import { admit, openRecord, recordChange, type RecordRequest } from '../access/person-record';
import type { RequestAccess } from '../http/request-access';
import { StepFunctionsTransitionWorkflow, stepFunctionsClient } from '../workflow/step-functions-workflow';
import type { ContactStore, SignalStore } from './ports';
import { signalOperations } from '../../shared/api/operations/signals';

/** Enough to see the rhythm of contact; the full history is not needed on the page. */
const RECENT_CONTACTS = 20;

export interface SignalsDeps {
  signals: SignalStore;
  contacts: ContactStore;
  transitions: TransitionStore;
  workflow: Pick<TransitionWorkflow, 'evaluateSignals'>;
  now: () => Date;
  newId: () => string;
}

export function signalHandlers(deps: () => SignalsDeps): CapabilityHandlers<'signals'> {
  return {
    listSignals: async ({ principal, params, access }) => {
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'signal:read',
        { onderdeel: 'signalen' },
      );
      return { body: { items: await deps().signals.list(t.id) } };
    },
    registerSignal: async ({ principal, params, body, idempotencyKey, access }) => {
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'signal:register',
        { onderdeel: 'signalen' },
      );
      const idempotency = idempotencyKey
        ? { userId: principal.userId, key: idempotencyKey, requestHash: requestHash([t.id, body]) }
        : undefined;
      const first = idempotency ? await deps().signals.registeredWith(idempotency) : undefined;
      if (first) return { body: first };
      if (!isActive(t)) throw new RuleViolationError('Dit traject is afgesloten: er kunnen geen signalen meer bij.');
      const sign = body.tekenId
        ? currentPlan(t.signaleringsplan)?.tekens.find((s) => s.id === body.tekenId)
        : undefined;
      if (body.tekenId && !sign) {
        throw new ValidationError([
          { name: 'tekenId', code: 'unknown_sign', reason: 'Dit teken staat niet in het geldende signaleringsplan.' },
        ]);
      }
      const classification = classify({
        bron: body.bron,
        ...(sign ? { sign } : {}),
        fase: body.fase,
        reden: body.reden,
        score: body.thermometer,
      });
      const at = deps().now();
      const deadline = responseDeadline(classification.fase, at);
      const signal: Signal = {
        id: deps().newId(),
        transitionId: t.id,
        versie: 1,
        at: at.toISOString(),
        bron: body.bron,
        omschrijving: body.omschrijving,
        ...(sign ? { tekenId: sign.id } : {}),
        ...classification,
        status: 'open',
        ...(deadline ? { deadline: deadline.toISOString() } : {}),
        geregistreerdDoor: { id: principal.userId, naam: principal.naam },
      };
      const received = event(deps(), t.id, 'signaal-ontvangen', principal, `${signal.fase}: ${signal.omschrijving}`);
      const stored = await deps().signals.register(signal, received, idempotency ? { idempotency } : {});
      // The key was claimed meanwhile by a request with the same key: its signal is the answer.
      if (!stored) return { body: await firstOrInFlight(() => deps().signals.registeredWith(idempotency!)) };
      countBusinessEvent('SignalRegistered', { fase: signal.fase });
      // The follow-up is asked from the table's stream (functions/workflow/new-signal-handler.ts), at least
      // once: the answer does not wait for Step Functions, and an unreachable one loses nothing.
      return { body: signal };
    },
    acknowledgeSignal: async ({ principal, params, access }) => {
      const { t, signal } = await signalOf(deps(), principal, params, 'signal:acknowledge', access);
      const result = acknowledgeSignal(signal, { id: principal.userId, naam: principal.naam }, deps().now());
      await deps().signals.change({
        before: signal,
        ...withEvent(deps(), t.id, result, principal),
        closeOpenTasks: true,
      });
      await thenFollowUp(deps(), t.id);
      return { body: result.after };
    },
    resolveSignal: async ({ principal, params, body, access }) => {
      const { t, signal } = await signalOf(deps(), principal, params, 'signal:resolve', access);
      if (signal.status === 'afgehandeld') throw new RuleViolationError('Dit signaal is al afgehandeld.');
      // A scale-up made in resolving the signal is a change of the transition, written in the same transaction.
      const scaleUp = body.opschaling
        ? await scaleUpFor(deps(), { principal, access }, t, signal, body.opschaling, body.expectedVersion!)
        : undefined;
      const result = resolveSignal(
        signal,
        { notitie: body.notitie, wijzigingId: scaleUp?.next.ondersteuning.at(-1)?.id },
        { id: principal.userId, naam: principal.naam },
        deps().now(),
      );
      await deps().signals.change({
        before: signal,
        ...withEvent(deps(), t.id, result, principal),
        closeOpenTasks: true,
        ...(scaleUp ? { transition: scaleUp } : {}),
      });
      if (scaleUp) recordChange(access, scaleUp.grond, scaleUp.before, scaleUp.next, 'ondersteuning');
      await thenFollowUp(deps(), t.id);
      return { body: result.after };
    },
    listContacts: async ({ principal, params, access }) => {
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'contact:read',
        { onderdeel: 'contactmomenten' },
      );
      const items = await deps().contacts.recent(t.id, RECENT_CONTACTS);
      const today = todayInNetherlands(deps().now());
      const level = levelOn(t.ondersteuning, today);
      if (!level) return { body: { items } };
      const config = supportConfigFor(t.providerId);
      const achterstand = contactGap(items[0]?.op.slice(0, 10), t.createdAt.slice(0, 10), level, today, config);
      return {
        body: {
          items,
          toegestaneDagen: config.maxDaysWithoutContact[level],
          ...(achterstand ? { achterstandDagen: achterstand } : {}),
        },
      };
    },
    recordContact: async ({ principal, params, body, idempotencyKey, access }) => {
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'contact:record',
        { onderdeel: 'contactmomenten' },
      );
      const idempotency = idempotencyKey
        ? { userId: principal.userId, key: idempotencyKey, requestHash: requestHash([t.id, body]) }
        : undefined;
      const first = idempotency ? await deps().contacts.recordedWith(idempotency) : undefined;
      if (first) return { body: first };
      if (!isActive(t)) throw new RuleViolationError('Dit traject is afgesloten.');
      const now = deps().now();
      const op = body.op ?? now.toISOString();
      if (op > now.toISOString())
        throw new ValidationError([
          { name: 'op', code: 'in_future', reason: 'Een contactmoment ligt niet in de toekomst.' },
        ]);
      const contact: Contact = {
        id: deps().newId(),
        transitionId: t.id,
        op,
        wie: { id: principal.userId, naam: principal.naam },
        modaliteit: body.modaliteit,
        ...(body.notitie ? { notitie: body.notitie } : {}),
      };
      if (!(await deps().contacts.record(contact, idempotency))) {
        return { body: await firstOrInFlight(() => deps().contacts.recordedWith(idempotency!)) };
      }
      // The contact watch counts from this contact now: its alarm moves.
      await thenFollowUp(deps(), t.id);
      return { body: contact };
    },
  };
}

/** What a concurrent request with the same key created; still absent, it is in flight (or failed): retry later. */
async function firstOrInFlight<T>(first: () => Promise<T | undefined>): Promise<T> {
  const created = await first();
  if (!created) throw new IdempotencyInFlightError();
  return created;
}

async function signalOf(
  deps: SignalsDeps,
  principal: Principal,
  params: { transitionId: string; signalId: string },
  action: 'signal:acknowledge' | 'signal:resolve',
  access: RequestAccess,
) {
  const { transition: t } = await openRecord(deps.transitions, { principal, access }, params.transitionId, action, {
    onderdeel: 'signalen',
  });
  const signal = (await deps.signals.list(t.id)).find((s) => s.id === params.signalId);
  if (!signal) throw new NotFoundError('Dit signaal bestaat niet.');
  return { t, signal };
}

async function scaleUpFor(
  deps: SignalsDeps,
  request: RecordRequest,
  t: Transition,
  signal: Signal,
  opschaling: ScaleUp,
  expectedVersion: number,
) {
  const grond = admit(request, t, 'transition:update', { onderdeel: 'ondersteuning' });
  await requireVersion(deps.transitions, t, expectedVersion);
  const id = deps.newId();
  const change = prepareCommand(deps, t, actorOf(request.principal), (current, ctx) =>
    changeSupport(
      current,
      {
        id,
        ...opschaling,
        vanaf: ctx.today,
        reden: `Opgeschaald na een ${signal.fase} signaal: ${signal.omschrijving.slice(0, 200)}`,
        signaalId: signal.id,
      },
      ctx,
    ),
  );
  return { ...change, grond };
}

/** The follow-up workflow looks again; the change is stored already, so an unreachable workflow is logged, not failed. */
async function thenFollowUp(deps: SignalsDeps, transitionId: string): Promise<void> {
  await deps.workflow.evaluateSignals(transitionId).catch((error: Error) => {
    logger.warn('signal follow-up not reached', { transitionId, errorName: error.name });
  });
}

function withEvent(deps: SignalsDeps, transitionId: string, result: SignalCommandResult, principal: Principal) {
  return {
    after: result.after,
    event: event(deps, transitionId, result.event.type, principal, result.event.omschrijving),
  };
}

function event(
  deps: SignalsDeps,
  transitionId: string,
  type: TimelineEvent['type'],
  principal: Principal,
  omschrijving: string,
): TimelineEvent {
  return {
    id: deps.newId(),
    transitionId,
    type,
    at: deps.now().toISOString(),
    actor: actorOf(principal),
    omschrijving,
  };
}

export function createSignalsApi(deps: () => SignalsDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(signalOperations, signalHandlers(deps), options);
}

export const handler = createSignalsApi(
  lazy(() => ({
    signals: new DynamoSignalStore(runtime.documentClient(), runtime.tableName()),
    contacts: new DynamoContactStore(runtime.documentClient(), runtime.tableName()),
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    workflow: new StepFunctionsTransitionWorkflow(stepFunctionsClient(), runtime.workflowArns()),
    now: clock.now,
    newId: randomUUID,
  })),
  { audit: auditFromEnvironment },
);
