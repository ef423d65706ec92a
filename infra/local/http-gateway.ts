import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AccessLogRecord } from '../../functions/audit/access-log';
import type { Principal } from '../../shared/domain/organisation/principal';
import { apiGatewayEvent, matchPath } from './api-gateway-event';
import type { LocalRoute } from './cloud-assembly';
import type { ClockStep } from './local-clock';
import { lambdaContext, loadHandler } from './local-lambda';
import type { LocalAuth } from './local-auth';
import { serveStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;

export interface GatewayOptions {
  routes: LocalRoute[];
  auth: LocalAuth;
  webRoot: string;
  /** The demo's time machine (local mode only). */
  clock: { state(): unknown; advance(step: ClockStep): Promise<unknown> };
  /** The seeded users offered on the local sign-in screen. */
  users: { principal: Principal; organisationNaam: string }[];
  /** Receives API Gateway's access log line of every API request (see functions/audit/access-log.ts). */
  accessLog?: (record: AccessLogRecord) => void;
  /** What `/config.json` tells the SPA; locally the seeded users' sign-in (tests may point it at a stand-in Cognito). */
  appConfig?: Record<string, unknown>;
}

/**
 * The local stand-in for CloudFront + API Gateway: `/api/*` goes through the routes of the synthesized API
 * stack to the same Lambda handlers, with the JWT check API Gateway does; everything else is the SPA.
 */
export function createGateway(options: GatewayOptions): Server {
  return createServer((req, res) => {
    handle(options, req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { message: 'Internal Server Error' });
      else res.end();
    });
  });
}

async function handle(options: GatewayOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) return invokeApi(options, req, res, url);
  if (url.pathname === '/config.json') return json(res, 200, options.appConfig ?? { auth: { mode: 'local' } });
  if (url.pathname === '/local/users' && req.method === 'GET') {
    return json(res, 200, {
      items: options.users.map(({ principal, organisationNaam }) => ({
        id: principal.userId,
        naam: principal.naam,
        role: principal.role,
        organisationNaam,
      })),
    });
  }
  if (url.pathname === '/local/sign-in' && req.method === 'POST') {
    const userId = parseJson(await readBody(req))?.userId;
    const user = options.users.find((u) => u.principal.userId === userId);
    if (!user) return json(res, 400, { message: 'Onbekende gebruiker' });
    return json(res, 200, { token: await options.auth.issue(user.principal), principal: user.principal });
  }
  if (url.pathname === '/local/clock') {
    if (req.method === 'GET') return json(res, 200, options.clock.state());
    if (req.method === 'POST') {
      const body = parseJson(await readBody(req));
      const step = clockStep(body?.advanceDays, body?.advanceHours);
      if (!step)
        return json(res, 400, {
          message: 'advanceDays (1 tot 3660 dagen) of advanceHours (1 tot 48 uur), een heel getal',
        });
      return json(res, 200, await options.clock.advance(step));
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { message: 'Method Not Allowed' });
  serveStatic(options.webRoot, url.pathname, res, String(req.headers['accept-encoding'] ?? ''));
}

async function invokeApi(options: GatewayOptions, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = Date.now();
  let route: LocalRoute | undefined;
  let pathParameters: Record<string, string> = {};
  // A path that does not percent-decode (a stray `%`, broken UTF-8) matches no route: a 400, as a client error.
  const decodes = isDecodablePath(url.pathname);
  for (const candidate of decodes ? options.routes : []) {
    if (candidate.method !== req.method) continue;
    const params = matchPath(candidate.path, url.pathname);
    if (params) {
      route = candidate;
      pathParameters = params;
      break;
    }
  }
  const requestId = randomUUID();
  // Every answer is logged as API Gateway's access log line would be.
  // Who the authorizers let in, for the log line (as API Gateway fills `$context.authorizer.*`).
  const caller: { user?: string; corporatieId?: string; keyPrefix?: string } = {};
  const log = (status: number, extra: { authorizerError?: string | undefined; integrationStatus?: number } = {}) =>
    options.accessLog?.({
      requestId,
      time: String(started),
      routeKey: route?.routeKey ?? '-',
      status: String(status),
      sourceIp: req.socket.remoteAddress ?? '-',
      user: caller.user ?? '-',
      corporatieId: caller.corporatieId ?? '-',
      keyPrefix: caller.keyPrefix ?? '-',
      authorizerError: extra.authorizerError ?? '-',
      integrationStatus: extra.integrationStatus === undefined ? '-' : String(extra.integrationStatus),
      responseLatency: String(Date.now() - started),
    });
  // What API Gateway answers itself, before any Lambda runs: its own JSON shape and headers, byte for byte.
  const refuse = (status: number, message: string, authorizerError?: string, headers: Record<string, string> = {}) => {
    log(status, { authorizerError });
    const body = JSON.stringify({ message });
    const length = String(Buffer.byteLength(body));
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': length, ...headers });
    res.end(body);
  };
  if (!decodes) return refuse(400, 'Bad Request');
  if (!route) return refuse(404, 'Not Found');
  const verified = route.requiresPrincipal ? await options.auth.verify(req.headers.authorization) : undefined;
  if (verified && 'refused' in verified) {
    return refuse(401, 'Unauthorized', verified.refused, { 'www-authenticate': bearerChallenge(verified.refused) });
  }
  const claims = verified?.claims;
  if (claims?.sub) caller.user = String(claims.sub);

  const body = await readBody(req);
  if (body.length > MAX_BODY_BYTES) return refuse(413, 'Request Entity Too Large');
  const event = apiGatewayEvent({ req, url, body, routeKey: route.routeKey, pathParameters, claims, requestId });
  if (route.authorizer) {
    // As API Gateway does with a Lambda authorizer (simple responses): no header is a 401, a refusal a 403.
    if (!req.headers.authorization) return refuse(401, 'Unauthorized');
    const authorize = await loadHandler(route.authorizer);
    const verdict = (await authorize(
      { type: 'REQUEST', routeKey: route.routeKey, headers: event.headers },
      lambdaContext(route.authorizer.entry),
    )) as { isAuthorized?: boolean; context?: Record<string, unknown> };
    if (!verdict.isAuthorized) return refuse(403, 'Forbidden', 'Forbidden');
    (event.requestContext as unknown as { authorizer: unknown }).authorizer = { lambda: verdict.context ?? {} };
    caller.corporatieId = String(verdict.context?.corporatieId ?? '-');
    caller.keyPrefix = String(verdict.context?.keyPrefix ?? '-');
  }
  const handler = await loadHandler(route.handler);
  const result = (await handler(event, lambdaContext(route.handler.entry))) as {
    statusCode?: number;
    headers?: Record<string, string>;
    body?: string;
    isBase64Encoded?: boolean;
  };
  const status = result.statusCode ?? 200;
  log(status, { integrationStatus: status });
  res.writeHead(status, result.headers ?? {});
  res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/**
 * The challenge API Gateway's JWT authorizer sends with its 401: the bare scheme when there was no token, and
 * for a refused token the reason, laid out as API Gateway lays it out (space-separated, an empty scope first).
 */
function bearerChallenge(reason: string | undefined): string {
  return reason === undefined ? 'Bearer' : `Bearer scope="" error="invalid_token" error_description="${reason}"`;
}

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      // Keep the chunk that crosses the limit (so the caller sees a body over it and answers 413), drop the rest.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The demo clock moves forward by whole days, or by hours (a signal's 4-hour deadline). */
function clockStep(days: unknown, hours: unknown): ClockStep | undefined {
  const whole = (n: unknown, max: number): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  if (whole(days, 3660) && hours === undefined) return { days };
  if (whole(hours, 48) && days === undefined) return { hours };
  return undefined;
}
