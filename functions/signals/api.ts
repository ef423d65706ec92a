import { randomUUID } from 'node:crypto';
import { isActive } from '../../shared/domain/lifecycle';
import { currentPlan } from '../../shared/domain/signaleringsplan';
import type { Signal } from '../../shared/domain/signal-schemas';
import { classify, responseDeadline } from '../../shared/domain/signals';
import type { TimelineEvent } from '../../shared/domain/timeline';
import { clock } from '../clock';
import { createApiHandler, type CapabilityHandlers } from '../http/api-handler';
import { NotFoundError, RuleViolationError, ValidationError } from '../http/errors';
import { lazy, runtime } from '../runtime';
import { DynamoSignalStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import { authorize, readableTransition } from '../transitions/transition-access';
import type { SignalStore } from './ports';

export interface SignalsDeps {
  signals: SignalStore;
  transitions: TransitionStore;
  now: () => Date;
  newId: () => string;
}

export function signalHandlers(deps: () => SignalsDeps): CapabilityHandlers<'signals'> {
  return {
    listSignals: async ({ principal, params }) => {
      const t = await readableTransition(deps().transitions, principal, params.transitionId);
      authorize(principal, 'signal:read', { organisationId: t.providerId });
      return { body: { items: await deps().signals.list(t.id) } };
    },
    registerSignal: async ({ principal, params, body }) => {
      const t = await readableTransition(deps().transitions, principal, params.transitionId);
      authorize(principal, 'signal:register', { organisationId: t.providerId });
      if (!isActive(t.fase)) throw new RuleViolationError('Dit traject is afgesloten: er kunnen geen signalen meer bij.');
      const sign = body.tekenId ? currentPlan(t.signaleringsplan)?.tekens.find((s) => s.id === body.tekenId) : undefined;
      if (body.tekenId && !sign) {
        throw new ValidationError([{ name: 'tekenId', code: 'unknown_sign', reason: 'Dit teken staat niet in het geldende signaleringsplan.' }]);
      }
      const classification = classify({ ...(sign ? { matchedSignFase: sign.fase } : {}), ...(body.thermometer ? { score: body.thermometer } : {}) });
      const at = deps().now();
      const deadline = responseDeadline(classification.fase, at);
      const signal: Signal = {
        id: deps().newId(),
        transitionId: t.id,
        at: at.toISOString(),
        bron: body.bron,
        omschrijving: body.omschrijving,
        ...(sign ? { tekenId: sign.id } : {}),
        ...classification,
        status: 'open',
        ...(deadline ? { deadline: deadline.toISOString() } : {}),
        geregistreerdDoor: { id: principal.userId, naam: principal.naam },
      };
      await deps().signals.register(signal, event(deps(), signal, 'signaal-ontvangen', principal, `${signal.fase}: ${signal.omschrijving}`));
      return { body: signal };
    },
    acknowledgeSignal: async ({ principal, params }) => {
      const t = await readableTransition(deps().transitions, principal, params.transitionId);
      authorize(principal, 'signal:acknowledge', { organisationId: t.providerId });
      const before = (await deps().signals.list(t.id)).find((s) => s.id === params.signalId);
      if (!before) throw new NotFoundError('Dit signaal bestaat niet.');
      const after: Signal = { ...before, status: 'bevestigd', bevestigd: { door: { id: principal.userId, naam: principal.naam }, op: deps().now().toISOString() } };
      await deps().signals.acknowledge(after, event(deps(), after, 'signaal-bevestigd', principal, before.omschrijving));
      return { body: after };
    },
  };
}

function event(deps: SignalsDeps, signal: Signal, type: TimelineEvent['type'], principal: { userId: string; naam: string }, omschrijving: string): TimelineEvent {
  return {
    id: deps.newId(),
    transitionId: signal.transitionId,
    type,
    at: deps.now().toISOString(),
    actor: { soort: 'medewerker', id: principal.userId, naam: principal.naam },
    omschrijving,
  };
}

export function createSignalsApi(deps: () => SignalsDeps) {
  return createApiHandler('signals', signalHandlers(deps));
}

export const handler = createSignalsApi(
  lazy(() => ({
    signals: new DynamoSignalStore(runtime.documentClient(), runtime.tableName()),
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
    newId: randomUUID,
  })),
);
