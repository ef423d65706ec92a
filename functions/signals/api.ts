import { randomUUID } from 'node:crypto';
import { isActive } from '../../shared/domain/lifecycle';
import { currentPlan } from '../../shared/domain/signaleringsplan';
import type { Contact, Signal } from '../../shared/domain/signal-schemas';
import { todayInNetherlands } from '../../shared/domain/calendar';
import { contactGap, defaultSupportConfig, levelOn } from '../../shared/domain/support';
import { classify, responseDeadline } from '../../shared/domain/signals';
import type { TimelineEvent } from '../../shared/domain/timeline';
import { clock } from '../clock';
import { createApiHandler, type CapabilityHandlers } from '../http/api-handler';
import { NotFoundError, RuleViolationError, ValidationError } from '../http/errors';
import { lazy, runtime } from '../runtime';
import { DynamoContactStore, DynamoSignalStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import { authorize, readableTransition } from '../transitions/transition-access';
import type { ContactStore, SignalStore } from './ports';

/** Enough to see the rhythm of contact; the full history is not needed on the page. */
const RECENT_CONTACTS = 20;

export interface SignalsDeps {
  signals: SignalStore;
  contacts: ContactStore;
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
    listContacts: async ({ principal, params }) => {
      const t = await readableTransition(deps().transitions, principal, params.transitionId);
      authorize(principal, 'signal:read', { organisationId: t.providerId });
      const items = await deps().contacts.recent(t.id, RECENT_CONTACTS);
      const today = todayInNetherlands(deps().now());
      const level = levelOn(t.ondersteuning, today);
      if (!level) return { body: { items } };
      const achterstand = contactGap(items[0]?.op.slice(0, 10), t.createdAt.slice(0, 10), level, today, defaultSupportConfig);
      return { body: { items, toegestaneDagen: defaultSupportConfig.maxDaysWithoutContact[level], ...(achterstand ? { achterstandDagen: achterstand } : {}) } };
    },
    recordContact: async ({ principal, params, body }) => {
      const t = await readableTransition(deps().transitions, principal, params.transitionId);
      authorize(principal, 'signal:register', { organisationId: t.providerId });
      if (!isActive(t.fase)) throw new RuleViolationError('Dit traject is afgesloten.');
      const now = deps().now();
      const op = body.op ?? now.toISOString();
      if (op > now.toISOString()) throw new ValidationError([{ name: 'op', code: 'in_future', reason: 'Een contactmoment ligt niet in de toekomst.' }]);
      const contact: Contact = { id: deps().newId(), transitionId: t.id, op, wie: { id: principal.userId, naam: principal.naam }, modaliteit: body.modaliteit, ...(body.notitie ? { notitie: body.notitie } : {}) };
      await deps().contacts.record(contact);
      return { body: contact };
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
    contacts: new DynamoContactStore(runtime.documentClient(), runtime.tableName()),
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
    newId: randomUUID,
  })),
);
