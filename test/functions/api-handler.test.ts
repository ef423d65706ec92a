import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/http/api-handler';
import { invoke } from '../support/api-events';

describe('the API handler', () => {
  it('answers only what the contract describes: fields a handler passes on by mistake are dropped', async () => {
    const handler = createApiHandler('meta', {
      // A handler that hands on more than the contract names (as a whole stored item would).
      getHealth: async () => ({ body: { status: 'ok', checks: { database: 'ok' }, geboortedatum: '1980-01-01' } as never }),
      getOpenApi: async () => ({ body: {} }),
    });
    const response = await invoke<Record<string, unknown>>(handler, { routeKey: 'GET /api/health' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('answers 500 without details when a handler’s answer breaks the contract', async () => {
    const handler = createApiHandler('meta', {
      getHealth: async () => ({ body: { status: 'unknown-state', checks: {} } as never }),
      getOpenApi: async () => ({ body: {} }),
    });
    const response = await invoke<{ code: string; title: string }>(handler, { routeKey: 'GET /api/health' });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('unknown-state');
  });
});
