import { randomUUID } from 'node:crypto';
import { noticeTypes } from '../../shared/domain/notices/notices';
import { sequenceOf, type OutboxEvent } from '../../shared/domain/notices/outbox-event';
import type { Principal } from '../../shared/domain/organisation/principal';
import { refOf, viewOf, type Delivery, type Endpoint } from '../../shared/domain/notices/webhook-schemas';
import type { ApiKeyStore } from '../corporation/ports';
import { newApiKey } from '../corporation/api-keys';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { auditFromEnvironment } from '../audit/audit-runtime';
import { NotFoundError, ValidationError } from '../http/errors';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import { DynamoApiKeyStore } from '../storage/dynamo-api-key-store';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { authorize } from '../access/person-record';
import { checkEndpointUrl } from './address-guard';
import { allowLocalHttp, deliveryDepsFromEnvironment } from './delivery-runtime';
import type { DeliveryQueue, DeliveryStore, EndpointStore, SecretVault } from './ports';
import { generateSecret } from './standard-webhooks';
import { healthOf } from './endpoint-health';
import { parkedDeliveries, requeueDeliveries } from './replay';
import { webhookOperations } from '../../shared/api/operations/webhooks';

/** How many deliveries of an endpoint a replay "since" looks at, and the health summary reads. */
const REPLAY_LIMIT = 500;
const HEALTH_SAMPLE = 50;

export interface WebhookAdminDeps {
  endpoints: EndpointStore;
  deliveries: DeliveryStore;
  apiKeys: ApiKeyStore;
  directory: Pick<OrganisationDirectory, 'organisation'>;
  vault: SecretVault;
  queue: DeliveryQueue;
  allowLocalHttp: boolean;
  now: () => Date;
  newId: () => string;
}

/**
 * The provider's administrator (beheerder) manages its webhook endpoints at each corporation, their secrets
 * (shown once, sealed at rest, rotated with an overlap), the delivery log, replays and test notices, and the
 * corporations' API keys. An endpoint belongs to the administrator's own organisation: another provider's
 * endpoints at the same corporation do not exist for them.
 */
export function webhookAdminHandlers(deps: () => WebhookAdminDeps): CapabilityHandlers<'webhooks'> {
  return {
    listEndpoints: async ({ principal, params }) => {
      await corporation(deps(), principal, params.corporatieId);
      const endpoints = await deps().endpoints.ofCorporation(params.corporatieId, principal.organisationId);
      const items = await Promise.all(
        endpoints.map(async (e) => ({
          endpoint: viewOf(e),
          gezondheid: healthOf((await deps().deliveries.log(e.id, { limit: HEALTH_SAMPLE })).items),
        })),
      );
      return { body: { items } };
    },
    createEndpoint: async ({ principal, params, body }) => {
      await corporation(deps(), principal, params.corporatieId);
      requireDeliverable(deps(), body.url);
      const secret = generateSecret();
      const now = deps().now().toISOString();
      const endpoint: Endpoint = {
        id: deps().newId(),
        corporatieId: params.corporatieId,
        providerId: principal.organisationId,
        versie: 1,
        url: body.url,
        soorten: body.soorten as Endpoint['soorten'],
        actief: true,
        secrets: [{ id: deps().newId(), sealed: await deps().vault.seal(secret), aangemaaktOp: now }],
        aangemaaktOp: now,
        aangemaaktDoor: { id: principal.userId, naam: principal.naam },
      };
      await deps().endpoints.create(endpoint);
      return { body: { endpoint: viewOf(endpoint), secret } };
    },
    updateEndpoint: async ({ principal, params, body }) => {
      const before = await endpointOf(deps(), principal, params);
      if (body.url) requireDeliverable(deps(), body.url);
      const { uitgeschakeld: _off, faaltSinds: _failing, ...rest } = before;
      // Switching an endpoint on again forgets why it was off and how long it had failed.
      const after: Endpoint = {
        ...(body.actief && !before.actief ? rest : before),
        ...(body.url ? { url: body.url } : {}),
        ...(body.soorten ? { soorten: body.soorten as Endpoint['soorten'] } : {}),
        ...(body.actief !== undefined ? { actief: body.actief } : {}),
        ...(body.actief === false && before.actief
          ? { uitgeschakeld: { op: deps().now().toISOString(), reden: 'beheerder' as const } }
          : {}),
      };
      await deps().endpoints.replace({ ...before, versie: body.versie }, after);
      return { body: viewOf({ ...after, versie: body.versie + 1 }) };
    },
    rotateSecret: async ({ principal, params, body }) => {
      const before = await endpointOf(deps(), principal, params);
      const now = deps().now();
      const secret = generateSecret();
      const overlapEnds = new Date(now.getTime() + body.overlapUren * 3_600_000).toISOString();
      // The old secrets keep signing until the overlap ends (each at most that long), so receivers can switch.
      const kept =
        body.overlapUren === 0
          ? []
          : before.secrets
              .filter((s) => !s.verlooptOp || s.verlooptOp > now.toISOString())
              .map((s) => ({
                ...s,
                verlooptOp: s.verlooptOp && s.verlooptOp < overlapEnds ? s.verlooptOp : overlapEnds,
              }));
      const after: Endpoint = {
        ...before,
        secrets: [
          { id: deps().newId(), sealed: await deps().vault.seal(secret), aangemaaktOp: now.toISOString() },
          ...kept,
        ],
      };
      await deps().endpoints.replace({ ...before, versie: body.versie }, after);
      return { body: { endpoint: viewOf({ ...after, versie: body.versie + 1 }), secret } };
    },
    listDeliveries: async ({ principal, params, query }) => {
      const endpoint = await endpointOf(deps(), principal, params);
      return { body: await deps().deliveries.log(endpoint.id, { limit: query.limit, cursor: query.cursor }) };
    },
    replayDeliveries: async ({ principal, params, body }) => {
      const endpoint = await endpointOf(deps(), principal, params);
      const now = deps().now().toISOString();
      let chosen: Delivery[];
      if (body.aflevering) {
        const one = await deps().deliveries.get({
          corporatieId: endpoint.corporatieId,
          providerId: endpoint.providerId,
          endpointId: endpoint.id,
          ...body.aflevering,
        });
        if (!one) throw new NotFoundError('Deze aflevering bestaat niet.');
        chosen = [one];
      } else {
        chosen = await parkedDeliveries(deps().deliveries, endpoint.id, {
          since: body.sinds!,
          maxLooked: REPLAY_LIMIT,
        });
      }
      const requeued = await requeueDeliveries(deps().deliveries, chosen, now);
      await deps().queue.enqueue(requeued.map(refOf));
      return { body: { opnieuwAangeboden: requeued.length } };
    },
    sendTestEvent: async ({ principal, params }) => {
      const endpoint = await endpointOf(deps(), principal, params);
      const time = deps().now().toISOString();
      const event: OutboxEvent = {
        id: deps().newId(),
        transitionId: 'test',
        providerId: endpoint.providerId,
        corporatieId: endpoint.corporatieId,
        soort: 'test',
        type: noticeTypes.test,
        time,
        sequence: sequenceOf(0),
        subject: 'test',
        data: { bericht: `Testmelding van Landing aan ${endpoint.url}` },
        endpointId: endpoint.id,
      };
      // Through the outbox like any notice, so the test shows the whole path works.
      await deps().deliveries.writeOutbox(event);
      return { body: { eventId: event.id } };
    },
    // A provider's beheerder sees and manages only the keys their own organisation issued to the corporation.
    listApiKeys: async ({ principal, params }) => {
      await corporation(deps(), principal, params.corporatieId);
      return { body: { items: await deps().apiKeys.issuedBy(principal.organisationId, params.corporatieId) } };
    },
    createApiKey: async ({ principal, params }) => {
      await corporation(deps(), principal, params.corporatieId);
      const { apiKey, prefix, hash } = newApiKey();
      const sleutel = {
        prefix,
        corporatieId: params.corporatieId,
        providerId: principal.organisationId,
        aangemaaktOp: deps().now().toISOString(),
        aangemaaktDoor: { id: principal.userId, naam: principal.naam },
      };
      await deps().apiKeys.create({ ...sleutel, hash });
      return { body: { sleutel, apiKey } };
    },
    revokeApiKey: async ({ principal, params }) => {
      await corporation(deps(), principal, params.corporatieId);
      if (!(await deps().apiKeys.revoke(principal.organisationId, params.corporatieId, params.prefix)))
        throw new NotFoundError('Deze API-sleutel bestaat niet.');
      return { body: { items: await deps().apiKeys.issuedBy(principal.organisationId, params.corporatieId) } };
    },
  };
}

async function corporation(deps: WebhookAdminDeps, principal: Principal, corporatieId: string) {
  authorize(principal, 'webhook:manage');
  const found = await deps.directory.organisation(corporatieId);
  if (found?.soort !== 'woningcorporatie') throw new NotFoundError('Deze corporatie bestaat niet.');
  return found;
}

async function endpointOf(
  deps: WebhookAdminDeps,
  principal: Principal,
  params: { corporatieId: string; endpointId: string },
): Promise<Endpoint> {
  await corporation(deps, principal, params.corporatieId);
  const endpoint = await deps.endpoints.get(params.corporatieId, principal.organisationId, params.endpointId);
  if (!endpoint) throw new NotFoundError('Dit endpoint bestaat niet.');
  return endpoint;
}

function requireDeliverable(deps: WebhookAdminDeps, url: string): void {
  const check = checkEndpointUrl(url, { allowLocalHttp: deps.allowLocalHttp });
  if (!check.ok) throw new ValidationError([{ name: 'url', code: check.code, reason: check.reden }]);
}

export function createWebhookAdminApi(deps: () => WebhookAdminDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(webhookOperations, webhookAdminHandlers(deps), options);
}

export const handler = createWebhookAdminApi(
  lazy(() => {
    const delivery = deliveryDepsFromEnvironment();
    return {
      endpoints: delivery.endpoints,
      deliveries: delivery.deliveries,
      apiKeys: new DynamoApiKeyStore(runtime.documentClient(), runtime.tableName()),
      directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
      vault: delivery.vault,
      queue: delivery.queue,
      allowLocalHttp: allowLocalHttp(),
      now: clock.now,
      newId: randomUUID,
    };
  }),
  { audit: auditFromEnvironment },
);
