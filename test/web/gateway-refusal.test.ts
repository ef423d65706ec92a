import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGateway } from '../../infra/local/http-gateway';
import { LocalAuth } from '../../infra/local/local-auth';
import { api, ApiError, configureClient } from '../../web/src/api/client';

/**
 * The SPA's client against the local gateway, which refuses a token exactly as API Gateway's JWT authorizer
 * does (`{"message":"Unauthorized"}`, not problem+json): the client ends the session and says to sign in again.
 */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createGateway({
    routes: [
      {
        routeKey: 'GET /api/me',
        method: 'GET',
        path: '/api/me',
        requiresPrincipal: true,
        handler: { entry: 'no-such-handler.ts', exportName: 'handler' },
      },
    ],
    auth: new LocalAuth(),
    webRoot: 'web/dist',
    clock: { state: () => ({}), advance: async () => ({}) },
    users: [],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const realFetch = globalThis.fetch;
  // The SPA calls relative paths on its own origin; here that origin is the gateway.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, base), init));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the SPA’s API client', () => {
  it.each([
    ['an expired or forged token', 'not-a-token'],
    ['no token', undefined],
  ])('on API Gateway’s own 401 (%s) ends the session and asks to sign in again', async (_, token) => {
    const ended = vi.fn();
    configureClient({ token: () => token, onUnauthenticated: ended });
    const refused = await api.organisation.me().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(401);
    expect((refused as ApiError).problem).toEqual({
      code: 'unauthenticated',
      title: 'Je sessie is verlopen. Meld je opnieuw aan.',
    });
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
