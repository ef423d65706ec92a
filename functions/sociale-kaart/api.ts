import { createHash, randomUUID } from 'node:crypto';
import { socialeKaartOperations } from '../../shared/api/operations/sociale-kaart';
import type { Principal } from '../../shared/domain/organisation/principal';
import {
  byTrede,
  changePartner,
  moveOnLadder,
  newPartner,
  wijkKey,
  type Partner,
} from '../../shared/domain/wijk/sociale-kaart';
import { authorize } from '../access/person-record';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { NotFoundError } from '../http/errors';
import type { RequestAccess } from '../http/request-access';
import { lazy, runtime } from '../runtime';
import { DynamoSocialeKaartStore } from '../storage/dynamo-sociale-kaart-store';
import type { SocialeKaartStore } from './ports';

export interface SocialeKaartDeps {
  store: SocialeKaartStore;
  now: () => Date;
}

const ONDERDEEL = 'sociale kaart';

const door = (principal: Principal) => ({ id: principal.userId, naam: principal.naam });

/**
 * A retried add (same user, same Idempotency-Key, same wijk) gets the same partner id, so the conditional put
 * stores it once and the retry is answered with the partner the first attempt stored.
 */
function partnerIdFor(principal: Principal, key: string | undefined, wijk: string): string {
  if (!key) return randomUUID();
  const hex = createHash('sha256').update(`${principal.userId}\n${key}\n${wijk}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function socialeKaartHandlers(deps: () => SocialeKaartDeps): CapabilityHandlers<'sociale-kaart'> {
  const existing = async (principal: Principal, wijk: string, partnerId: string): Promise<Partner> => {
    // Keys carry the principal's organisation: another provider's partner is not found, not refused.
    const partner = await deps().store.get(principal.organisationId, wijk, partnerId);
    if (!partner) throw new NotFoundError('Deze partner staat niet op de sociale kaart van deze wijk.');
    return partner;
  };
  /** A change of one partner: allowed, read, decided by the pure rule on the version seen, stored, recorded. */
  const replace = async (
    request: { principal: Principal; params: { wijk: string; partnerId: string }; access: RequestAccess },
    change: (before: Partner, meta: { door: ReturnType<typeof door>; at: string }) => Partner,
  ) => {
    const { principal, params, access } = request;
    authorize(principal, 'kaart:write');
    const before = await existing(principal, params.wijk, params.partnerId);
    const after = change(before, { door: door(principal), at: deps().now().toISOString() });
    await deps().store.replace(before, after);
    access.record({ actie: 'wijzigen', onderdeel: ONDERDEEL });
    return { body: after };
  };
  return {
    listKaartWijken: async ({ principal, access }) => {
      authorize(principal, 'kaart:read');
      access.record({ actie: 'lijst', onderdeel: ONDERDEEL });
      const wijken = await deps().store.wijken(principal.organisationId);
      return { body: { items: wijken.sort((a, b) => a.wijk.localeCompare(b.wijk, 'nl')) } };
    },
    listPartners: async ({ principal, params, access }) => {
      authorize(principal, 'kaart:read');
      access.record({ actie: 'lijst', onderdeel: ONDERDEEL });
      const items = await deps().store.ofWijk(principal.organisationId, params.wijk);
      return { body: { wijkKey: params.wijk, items: byTrede(items) } };
    },
    addPartner: async ({ principal, body, idempotencyKey, access }) => {
      authorize(principal, 'kaart:write');
      const id = partnerIdFor(principal, idempotencyKey, wijkKey(body.wijk));
      const partner = newPartner(body, {
        id,
        providerId: principal.organisationId,
        door: door(principal),
        at: deps().now().toISOString(),
      });
      const stored = (await deps().store.add(partner))
        ? partner
        : await existing(principal, partner.wijkKey, partner.id);
      access.record({ actie: 'aanmaken', onderdeel: ONDERDEEL });
      return { body: stored };
    },
    changePartner: ({ principal, params, body, access }) => {
      const { expectedVersion, ...gegevens } = body;
      return replace({ principal, params, access }, (before, meta) =>
        changePartner(before, gegevens, { expectedVersion, ...meta }),
      );
    },
    moveOnLadder: ({ principal, params, body, access }) => {
      const { expectedVersion, ...stap } = body;
      return replace({ principal, params, access }, (before, meta) =>
        moveOnLadder(before, stap, { expectedVersion, ...meta }),
      );
    },
  };
}

export function createSocialeKaartApi(deps: () => SocialeKaartDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(socialeKaartOperations, socialeKaartHandlers(deps), options);
}

export const handler = createSocialeKaartApi(
  lazy(() => ({
    store: new DynamoSocialeKaartStore(runtime.documentClient(), runtime.tableName()),
    now: clock.now,
  })),
  { audit: auditFromEnvironment },
);
