import { randomUUID } from 'node:crypto';
import { corporationSignalLabels, type ReportedSignal } from '../../shared/api/webhook-schemas';
import { toCloudEvent } from '../../shared/domain/notices/cloud-event';
import { isActive } from '../../shared/domain/transition/lifecycle';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import { responseDeadline } from '../../shared/domain/signals/signals';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { NotFoundError, RuleViolationError, UnauthenticatedError } from '../http/errors';
import { countBusinessEvent } from '../observability/metrics';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, requiredEnv, runtime } from '../runtime';
import type { SignalStore } from '../signals/ports';
import { DynamoApiKeyStore } from '../storage/dynamo-api-key-store';
import { DynamoDeliveryStore } from '../storage/dynamo-delivery-store';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoSignalStore } from '../storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { requestHash } from '../storage/idempotency';
import { IdempotencyInFlightError } from '../transitions/errors';
import type { TransitionStore } from '../transitions/ports';
import { authorize } from '../access/person-record';
import type { DeliveryStore } from '../webhooks/ports';
import type { HomeIndex } from './ports';
import { corporationOperations } from '../../shared/api/operations/corporation';

const REPORTED_LIMIT = 200;

export interface CorporationDeps {
  homes: HomeIndex;
  transitions: Pick<TransitionStore, 'get'>;
  signals: Pick<SignalStore, 'register' | 'registeredWith' | 'reportedBy'>;
  outbox: Pick<DeliveryStore, 'outboxEvent'>;
  directory: Pick<OrganisationDirectory, 'organisation'>;
  apiBaseUrl: string;
  now: () => Date;
  newId: () => string;
}

/**
 * The housing corporation's API (machine access with an API key): report a signal about a home it lets, by
 * its own unit number and never by a person's name; see whether its signals were picked up; read a notice
 * again. A corporation sees only what it reported and what was sent to it.
 */
export function corporationHandlers(deps: () => CorporationDeps): CapabilityHandlers<'corporation'> {
  return {
    reportSignal: async ({ principal, body, idempotencyKey }) => {
      const { corporatieId, providerId } = corporationOf(principal);
      // The key is the corporation's (per provider it reports to): a retried report creates one signal.
      const idempotency = idempotencyKey
        ? { userId: `${corporatieId}#${providerId}`, key: idempotencyKey, requestHash: requestHash(body) }
        : undefined;
      const first = idempotency ? await deps().signals.registeredWith(idempotency) : undefined;
      if (first) return { body: reported(first) };
      const transitionId = await deps().homes.transitionAt(providerId, corporatieId, body.eenheidnummer);
      const found = transitionId ? await deps().transitions.get(transitionId) : undefined;
      // An unknown unit, another corporation's and another provider's answer alike: which homes exist is not disclosed.
      const t = found?.providerId === providerId ? found : undefined;
      if (!t) throw new NotFoundError('Deze eenheid is bij Landing niet bekend als woning van een lopend traject.');
      if (!isActive(t)) throw new RuleViolationError('Het traject voor deze woning is afgesloten.');
      const corporation = await deps().directory.organisation(corporatieId);
      const at = deps().now();
      const signal: Signal = {
        id: deps().newId(),
        transitionId: t.id,
        versie: 1,
        at: at.toISOString(),
        bron: 'corporatie',
        omschrijving: `${corporationSignalLabels[body.soort]}, gemeld door ${corporation?.naam ?? 'de corporatie'} (eenheid ${body.eenheidnummer})${body.toelichting ? `: ${body.toelichting}` : ''}`,
        // A corporation's report asks a professional look within a working day; the duo decides what more.
        fase: 'oranje',
        status: 'open',
        deadline: responseDeadline('oranje', at)!.toISOString(),
        geregistreerdDoor: { id: principal.userId, naam: corporation?.naam ?? principal.naam },
        melder: { corporatieId, providerId, eenheidnummer: body.eenheidnummer, soort: body.soort },
      };
      const event: TimelineEvent = {
        id: deps().newId(),
        transitionId: t.id,
        type: 'signaal-ontvangen',
        at: signal.at,
        actor: { soort: 'werkproces', naam: `Corporatie-API (${corporation?.naam ?? corporatieId})` },
        omschrijving: `oranje: ${signal.omschrijving}`,
      };
      if (!(await deps().signals.register(signal, event, idempotency ? { idempotency } : {}))) {
        // A concurrent report with the same key claimed it first: its signal is the answer.
        const claimed = await deps().signals.registeredWith(idempotency!);
        if (!claimed) throw new IdempotencyInFlightError();
        return { body: reported(claimed) };
      }
      countBusinessEvent('SignalRegistered', { fase: signal.fase });
      // The follow-up is asked from the table's stream (functions/workflow/new-signal-handler.ts).
      return { body: reported(signal) };
    },
    listReportedSignals: async ({ principal }) => {
      const { corporatieId, providerId } = corporationOf(principal);
      return {
        body: { items: (await deps().signals.reportedBy(corporatieId, providerId, REPORTED_LIMIT)).map(reported) },
      };
    },
    getNotice: async ({ principal, params }) => {
      const { corporatieId, providerId } = corporationOf(principal);
      const event = await deps().outbox.outboxEvent(params.eventId);
      if (!event || event.corporatieId !== corporatieId || event.providerId !== providerId)
        throw new NotFoundError('Deze melding bestaat niet.');
      const provider = await deps().directory.organisation(event.providerId);
      if (!provider?.kvkNummer) throw new NotFoundError('Deze melding bestaat niet.');
      return { body: { ...toCloudEvent(event, { kvkNummer: provider.kvkNummer, apiBaseUrl: deps().apiBaseUrl }) } };
    },
  };
}

/** The corporation the key belongs to, and the provider that issued it: the two bound everything it reaches. */
function corporationOf(principal: Principal): { corporatieId: string; providerId: string } {
  authorize(principal, 'corporation:report');
  if (!principal.providerId) throw new UnauthenticatedError();
  return { corporatieId: principal.organisationId, providerId: principal.providerId };
}

/** The corporation's view of its report: received, picked up or resolved, and when. Nothing of what was done. */
function reported(s: Signal): ReportedSignal {
  return {
    id: s.id,
    eenheidnummer: s.melder!.eenheidnummer,
    soort: s.melder!.soort as ReportedSignal['soort'],
    ontvangenOp: s.at,
    status: s.status === 'open' ? 'ontvangen' : s.status === 'bevestigd' ? 'opgepakt' : 'afgehandeld',
    ...(s.bevestigd ? { opgepaktOp: s.bevestigd.op } : {}),
  };
}

export function createCorporationApi(deps: () => CorporationDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(corporationOperations, corporationHandlers(deps), options);
}

export const handler = createCorporationApi(
  lazy(() => {
    const db = runtime.documentClient();
    const table = runtime.tableName();
    return {
      homes: new DynamoApiKeyStore(db, table),
      transitions: new DynamoTransitionStore(db, table),
      signals: new DynamoSignalStore(db, table),
      outbox: new DynamoDeliveryStore(db, table),
      directory: new DynamoOrganisationDirectory(db, table),
      apiBaseUrl: requiredEnv('API_BASE_URL'),
      now: clock.now,
      newId: randomUUID,
    };
  }),
  { audit: auditFromEnvironment },
);
