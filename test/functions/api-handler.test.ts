import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../functions/audit/ports';
import { createApiHandler } from '../../functions/http/api-handler';
import { RETRY_AFTER_SECONDS } from '../../functions/http/problem-responses';
import { LocalParkedAudit } from '../../infra/local/local-parked-audit';
import { organisationOperations } from '../../shared/api/operations/organisation';
import type { AuditEntry, RefusedRequest } from '../../shared/domain/audit/audit';
import { metaOperations } from '../../shared/api/operations/meta';
import { transitionOperations } from '../../shared/api/operations/transitions';
import { ForbiddenError, NotFoundError } from '../../functions/http/errors';
import { invoke } from '../support/api-events';
import { aanmelding, people } from '../support/factories';

describe('the API handler', () => {
  it('answers only what the contract describes: fields a handler passes on by mistake are dropped', async () => {
    const handler = createApiHandler(metaOperations, {
      // A handler that hands on more than the contract names (as a whole stored item would).
      getHealth: async () => ({
        body: { status: 'ok', checks: { database: 'ok' }, geboortedatum: '1980-01-01' } as never,
      }),
      getOpenApi: async () => ({ body: {} }),
    });
    const response = await invoke<Record<string, unknown>>(handler, { routeKey: 'GET /api/health' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('answers 500 without details when a handler’s answer breaks the contract', async () => {
    const handler = createApiHandler(metaOperations, {
      getHealth: async () => ({ body: { status: 'unknown-state', checks: {} } as never }),
      getOpenApi: async () => ({ body: {} }),
    });
    const response = await invoke<{ code: string; title: string }>(handler, { routeKey: 'GET /api/health' });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('unknown-state');
  });

  it('reads a body only when it is sent as JSON: anything else is 415 before any handler runs', async () => {
    const reached: string[] = [];
    // Every route of the capability records that it ran, then answers 404 (what it answers does not matter here).
    const handlers = new Proxy(
      {},
      {
        get: (_, id: string) => async () => {
          reached.push(id);
          throw new NotFoundError();
        },
      },
    );
    const handler = createApiHandler(transitionOperations, handlers as never);
    const post = (headers: Record<string, string>, body: unknown = aanmelding()) =>
      invoke<{ code: string; title: string }>(handler, {
        routeKey: 'POST /api/transitions',
        principal: people.sanne,
        headers,
        body,
      });

    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      '',
    ]) {
      const response = await post({ 'content-type': contentType });
      expect(response.status, contentType).toBe(415);
      expect(response.body).toMatchObject({
        code: 'unsupported-media-type',
        title: expect.stringContaining('application/json'),
      });
    }
    expect(reached).toEqual([]);

    for (const contentType of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/merge-patch+json',
    ]) {
      await post({ 'content-type': contentType });
    }
    expect(reached).toEqual(Array(4).fill('createTransition'));
  });
});

describe('the API handler when the audit trail cannot be written', () => {
  /** An audit table that refuses every write, for a reason retrying does not cure (it is not a throttle). */
  const broken = () => {
    const attempts = { entries: 0, refusals: 0 };
    const audit = {
      append: async () => {
        attempts.entries += 1;
        throw Object.assign(new Error('User is not authorized to perform: dynamodb:BatchWriteItem'), {
          name: 'AccessDeniedException',
        });
      },
      appendRefusedRequests: async () => {
        attempts.refusals += 1;
        throw Object.assign(new Error('the request socket timed out'), { name: 'TimeoutError' });
      },
    } as unknown as AuditLog;
    return { audit, attempts };
  };
  const staff = [{ id: 'u-sanne', naam: 'Sanne de Vries', rol: 'begeleider' }];
  const handlers = {
    listStaff: async ({ access }: { access: { record: (input: { actie: 'lijst'; onderdeel: string }) => void } }) => {
      access.record({ actie: 'lijst', onderdeel: 'medewerkers' });
      return { body: { items: staff } };
    },
    listCorporations: async () => {
      throw new ForbiddenError();
    },
    getMe: async () => ({ body: {} }),
  };

  it('answers 503 with Retry-After and shows nothing when a served request’s entry cannot be written', async () => {
    const { audit } = broken();
    const handler = createApiHandler(organisationOperations, handlers as never, {
      audit: () => audit,
      parking: () => new LocalParkedAudit(),
    });
    const response = await invoke<{ code: string; status: number }>(handler, {
      routeKey: 'GET /api/organisation/staff',
      principal: people.sanne,
    });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.body).toMatchObject({ code: 'temporarily-unavailable', status: 503 });
    expect(JSON.stringify(response.body)).not.toContain('Sanne');
  });

  it('keeps a refusal a refusal, and parks its entry for the replay', async () => {
    const { audit, attempts } = broken();
    const parked = new LocalParkedAudit();
    const handler = createApiHandler(organisationOperations, handlers as never, {
      audit: () => audit,
      parking: () => parked,
    });
    const response = await invoke<{ code: string }>(handler, {
      routeKey: 'GET /api/corporaties',
      principal: people.sanne,
    });
    expect(response.status).toBe(403);
    expect(attempts.entries).toBeGreaterThanOrEqual(1);
    const [message] = await parked.receive(10);
    const body = JSON.parse(message!.body) as { soort: string; entries: AuditEntry[] };
    expect(body).toMatchObject({
      soort: 'toegang',
      entries: [{ actie: 'geweigerd', operatie: 'listCorporations', gebruiker: { id: people.sanne.userId } }],
    });
  });

  it('answers 401 to a token without a role even when its refusal cannot be written, retried and then parked', async () => {
    const { audit, attempts } = broken();
    const parked = new LocalParkedAudit();
    const handler = createApiHandler(organisationOperations, handlers as never, {
      audit: () => audit,
      parking: () => parked,
    });
    const response = await invoke<{ code: string }>(handler, {
      routeKey: 'GET /api/me',
      principal: { ...people.sanne, role: undefined as never },
    });
    expect(response.status).toBe(401);
    expect(attempts.refusals).toBeGreaterThan(1);
    const [message] = await parked.receive(10);
    const body = JSON.parse(message!.body) as { soort: string; refusals: RefusedRequest[] };
    expect(body).toMatchObject({
      soort: 'weigering',
      refusals: [{ reden: 'onvolledig', gebruikerId: people.sanne.userId, status: 401 }],
    });
  });
});
