import type { Server } from 'node:http';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../../functions/audit/access-log';
import { GatewayRefusal } from '../../shared/api/problem';
import { createGateway } from '../../infra/local/http-gateway';
import { LocalAuth } from '../../infra/local/local-auth';
import type { Principal } from '../../shared/domain/organisation/principal';

/**
 * What the local gateway answers itself, as API Gateway would, before any Lambda runs. Both cases were found by
 * the fuzz test (test/fuzz/routes.fuzz.test.ts): a path that does not percent-decode was a 500 (decodeURIComponent
 * threw while matching routes), and a body over the limit was cut short and handed on instead of refused with 413
 * (the chunk that crossed the limit was dropped, so what was kept looked small enough).
 */
let server: Server;
let port: number;
const logged: AccessLogRecord[] = [];

const auth = new LocalAuth();
const begeleider: Principal = {
  userId: 'u-test',
  naam: 'Test Begeleider',
  organisationId: 'org-1',
  role: 'begeleider',
};

beforeAll(async () => {
  server = createGateway({
    // Never invoked: every request here is answered by the gateway itself.
    routes: [
      {
        routeKey: 'POST /api/dingen/{id}',
        method: 'POST',
        path: '/api/dingen/{id}',
        requiresPrincipal: false,
        handler: { entry: 'no-such-handler.ts', exportName: 'handler' },
      },
      {
        routeKey: 'GET /api/me',
        method: 'GET',
        path: '/api/me',
        requiresPrincipal: true,
        handler: { entry: 'no-such-handler.ts', exportName: 'handler' },
      },
      {
        routeKey: 'GET /api/wie',
        method: 'GET',
        path: '/api/wie',
        requiresPrincipal: true,
        handler: { entry: 'test/support/stub-lambdas.ts', exportName: 'noContent' },
      },
      {
        routeKey: 'GET /api/corporatie/wie',
        method: 'GET',
        path: '/api/corporatie/wie',
        requiresPrincipal: false,
        authorizer: { entry: 'test/support/stub-lambdas.ts', exportName: 'admitCorporation' },
        handler: { entry: 'test/support/stub-lambdas.ts', exportName: 'noContent' },
      },
    ],
    auth,
    webRoot: 'web/dist',
    clock: { state: () => ({}), advance: async () => ({}) },
    users: [],
    accessLog: (record) => logged.push(record),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw answer: status, headers and the body's exact text. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function post(path: string, body?: Buffer): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local gateway’s own answers', () => {
  it('answers 400 for a path that does not percent-decode, not 500', async () => {
    for (const id of ['%', '%ZZ', 'abc%', '%E0%A4%A', '%C0%AF', '%ED%A0%80']) {
      expect(await post(`/api/dingen/${id}`), id).toEqual({ status: 400, body: { message: 'Bad Request' } });
    }
    expect(logged.at(-1)).toMatchObject({ status: '400', routeKey: '-' });
  });

  it('answers 413 for a body over the limit, whatever its chunks', async () => {
    const oversized = Buffer.alloc(1024 * 1024 + 10, 'x');
    expect(await post('/api/dingen/1', oversized)).toEqual({
      status: 413,
      body: { message: 'Request Entity Too Large' },
    });
    expect(logged.at(-1)).toMatchObject({ status: '413', routeKey: 'POST /api/dingen/{id}' });
  });

  // API Gateway's JWT authorizer answers this itself: not problem+json, whatever the API's handlers answer.
  it('answers a request without a token exactly as API Gateway’s JWT authorizer does', async () => {
    const answer = await get('/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': '26',
      'www-authenticate': 'Bearer',
    });
    expect(answer.headers['cache-control']).toBeUndefined();
    expect(GatewayRefusal.parse(JSON.parse(answer.body))).toEqual({ message: 'Unauthorized' });
    expect(logged.at(-1)).toMatchObject({ status: '401', routeKey: 'GET /api/me' });
  });

  it('names the refused token in the Bearer challenge, as API Gateway does', async () => {
    const answer = await get('/api/me', { authorization: 'Bearer not-a-token' });
    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers).toMatchObject({
      'content-type': 'application/json',
      'www-authenticate': 'Bearer scope="" error="invalid_token" error_description="invalid token"',
    });
  });
});

// Behind CloudFront the source address is CloudFront's and API Gateway cannot log a header: the access log
// names the caller by what the authorizer knew, as `$context.authorizer.*` does on AWS.
describe('the access log names who called', () => {
  it('a member of staff by their Cognito id, a corporation by its id and key prefix, nobody when refused', async () => {
    const token = await auth.issue(begeleider);
    expect((await get('/api/wie', { authorization: `Bearer ${token}` })).status).toBe(204);
    expect(logged.at(-1)).toMatchObject({ status: '204', user: 'u-test', corporatieId: '-', keyPrefix: '-' });
    expect((await get('/api/corporatie/wie', { authorization: 'lk_test.geheim' })).status).toBe(204);
    expect(logged.at(-1)).toMatchObject({
      status: '204',
      user: '-',
      corporatieId: 'corporatie-1',
      keyPrefix: 'lk_test',
    });
    await get('/api/wie', { authorization: 'Bearer not-a-token' });
    expect(logged.at(-1)).toMatchObject({ status: '401', user: '-', corporatieId: '-' });
  });
});
