import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/http/api-handler';
import { metaOperations } from '../../shared/api/operations/meta';
import { transitionOperations } from '../../shared/api/operations/transitions';
import { NotFoundError } from '../../functions/http/errors';
import { invoke } from '../support/api-events';
import { aanmelding, people } from '../support/factories';

describe('the API handler', () => {
  it('answers only what the contract describes: fields a handler passes on by mistake are dropped', async () => {
    const handler = createApiHandler(metaOperations, {
      // A handler that hands on more than the contract names (as a whole stored item would).
      getHealth: async () => ({ body: { status: 'ok', checks: { database: 'ok' }, geboortedatum: '1980-01-01' } as never }),
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
    const handlers = new Proxy({}, { get: (_, id: string) => async () => { reached.push(id); throw new NotFoundError(); } });
    const handler = createApiHandler(transitionOperations, handlers as never);
    const post = (headers: Record<string, string>, body: unknown = aanmelding()) =>
      invoke<{ code: string; title: string }>(handler, { routeKey: 'POST /api/transitions', principal: people.sanne, headers, body });

    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
      const response = await post({ 'content-type': contentType });
      expect(response.status, contentType).toBe(415);
      expect(response.body).toMatchObject({ code: 'unsupported-media-type', title: expect.stringContaining('application/json') });
    }
    expect(reached).toEqual([]);

    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
      await post({ 'content-type': contentType });
    }
    expect(reached).toEqual(Array(4).fill('createTransition'));
  });
});
