import middy from '@middy/core';
import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
// Types only from the whole contract: a capability's Lambda passes its own operations, so its bundle carries
// no other capability's schemas.
import type { Capability, OperationId, Operations, OperationsOf } from '../../shared/api/contract';
import { routeKey, type OperationSpec } from '../../shared/api/operation';
import { invalidParamsFrom } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import { EMERGENCY_REASON_MESSAGE, emergencyReasonIsValid } from '../../shared/domain/common/free-text';
import {
  AuditUnavailableError,
  ForbiddenError,
  NotFoundError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { clock } from '../clock';
import { callerAddressOf } from './caller-address';
import { corporationFrom, principalFrom } from './principal';
import { problemResponses } from './problem-responses';
import { requestLog } from './request-log';
import { RequestAccess } from './request-access';
import { auditDeadline, parkedEntries, parkedRefusals, recordRefusal, withAuditRetries } from '../audit/audit-trail';
import { auditParkingFromEnvironment } from '../audit/audit-runtime';
import type { AuditLog, AuditParking, ParkedAudit } from '../audit/ports';
import { logger } from '../observability/logger';
import { currentCorrelationId, isCallerCorrelationId, observed } from '../observability/context';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives: everything parsed and checked against the contract already. */
export interface ApiRequest<K extends OperationId> {
  principal: Operations[K]['auth'] extends 'principal' | 'corporation' ? Principal : undefined;
  params: Out<Operations[K] extends { params: infer P } ? P : undefined>;
  query: Out<Operations[K] extends { query: infer Q } ? Q : undefined>;
  body: Out<Operations[K] extends { body: infer B } ? B : undefined>;
  idempotencyKey: string | undefined;
  requestId: string;
  /** Records what the request looked at and changed (the audit trail), and carries a reason for emergency access. */
  access: RequestAccess;
}

export interface ApiResult<K extends OperationId> {
  body: z.output<Operations[K]['response']['schema']>;
  headers?: Record<string, string>;
  /** Only the health check: 503 with its own body when a part fails, so a canary or load balancer reads the code. */
  status?: 503;
}

export type RouteHandler<K extends OperationId> = (request: ApiRequest<K>) => Promise<ApiResult<K>>;

export type CapabilityHandlers<C extends Capability> = {
  [K in keyof OperationsOf<C> & OperationId]: RouteHandler<K>;
};

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResponse = APIGatewayProxyStructuredResultV2;

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(invalidParamsFrom(result.error));
  return result.data;
}

/** `application/json` or a `+json` type (`application/merge-patch+json`), with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

function parseJsonBody(event: ApiEvent): unknown {
  if (!event.body) return undefined;
  // A form post or a text body is not read as JSON even when it parses as JSON: what was sent is what it says it is.
  if (!JSON_MEDIA_TYPE.test(event.headers?.['content-type'] ?? '')) throw new UnsupportedMediaTypeError();
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ name: 'body', code: 'invalid_json', reason: 'De inhoud is geen geldige JSON.' }]);
  }
}

function idempotencyKeyOf(event: ApiEvent): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ValidationError([
      { name: 'Idempotency-Key', code: 'invalid_format', reason: 'Gebruik 8 tot 128 letters, cijfers of - _ . :' },
    ]);
  }
  return key;
}

/**
 * One Lambda per capability. API Gateway already matched the route (event.routeKey) and verified the
 * token; this parses the request against the contract, calls the route's handler and serialises the
 * result. Errors are mapped to problem+json in one middleware, never inline.
 */
export interface ApiHandlerOptions {
  /** Where the audit entries of a request go; they are written before the answer leaves. */
  audit?: () => AuditLog;
  /** Where a refusal's entries go when the audit table cannot take them (default: AUDIT_PARKED_QUEUE_URL). */
  parking?: () => AuditParking | undefined;
  /** The time audit entries carry; by default the product's clock (the demo clock locally), as every record's. */
  now?: () => Date;
}

export function createApiHandler<Ops extends Record<string, OperationSpec>>(
  operations: Ops,
  handlers: { [K in keyof Ops & OperationId]: RouteHandler<K> },
  options: ApiHandlerOptions = {},
) {
  const byRouteKey = new Map<string, { id: OperationId; spec: OperationSpec }>();
  for (const [id, spec] of Object.entries(operations) as [OperationId, OperationSpec][])
    byRouteKey.set(routeKey(spec), { id, spec });

  const dispatch = async (event: ApiEvent, context: Context): Promise<ApiResponse> => {
    const route = byRouteKey.get(event.routeKey);
    if (!route) throw new NotFoundError('Deze route bestaat niet.');
    const { id, spec } = route;
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const kanaal = spec.auth === 'corporation' ? 'corporatie-api' : 'web-api';
    let principal: Principal | undefined;
    try {
      principal =
        spec.auth === 'principal'
          ? principalFrom(event)
          : spec.auth === 'corporation'
            ? corporationFrom(event)
            : undefined;
    } catch (error) {
      // A verified token without the claims of a member of staff (no organisation or role): an attempt too.
      await recordRefused(
        options,
        context,
        requestId,
        parkedRefusals([
          {
            id: randomUUID(),
            at: (options.now ?? clock.now)().toISOString(),
            reden: 'onvolledig',
            route: event.routeKey,
            status: 401,
            ...(typeof event.requestContext?.authorizer?.jwt?.claims?.sub === 'string'
              ? { gebruikerId: event.requestContext.authorizer.jwt.claims.sub }
              : {}),
            waar: {
              requestId,
              kanaal,
              ...(callerAddressOf(event) ? { bron: callerAddressOf(event) } : {}),
            },
          },
        ]),
      );
      throw error;
    }
    const access = new RequestAccess(principal, {
      requestId,
      operationId: id,
      kanaal,
      bron: callerAddressOf(event),
      noodtoegangReden: emergencyReasonOf(event),
      now: options.now ?? clock.now,
    });
    const request = {
      principal,
      params: spec.params ? parseWith(spec.params, event.pathParameters ?? {}) : undefined,
      query: spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}) : undefined,
      body: spec.body ? parseWith(spec.body, parseJsonBody(event)) : undefined,
      idempotencyKey: spec.idempotent ? idempotencyKeyOf(event) : undefined,
      requestId,
      access,
    };
    const handler = handlers[id as keyof typeof handlers] as unknown as (
      r: typeof request,
    ) => Promise<ApiResult<OperationId>>;
    let result: ApiResult<OperationId>;
    try {
      result = await handler(request);
    } catch (error) {
      // A refused attempt is recorded too (a handler that refused a person's record already said whose); if
      // writing fails after retries, its entry is parked for the replay and the refusal still stands. Only the
      // refusal: a change the handler was allowed to make but that failed (a rule, a stale version, DynamoDB
      // unavailable) did not happen, and a record it read was not shown, so the trail does not claim either.
      if (error instanceof ForbiddenError && !access.entries.some((e) => e.actie === 'geweigerd')) {
        access.record({ actie: 'geweigerd', onderdeel: spec.capability, weigering: error.weigering });
      }
      await recordRefused(
        options,
        context,
        requestId,
        parkedEntries(access.entries.filter((e) => e.actie === 'geweigerd')),
      );
      throw error;
    }
    const csv = spec.response.contentType === 'text/csv';
    // The answer goes out as the contract describes it and no more: zod drops fields the schema does not
    // name, so a handler that passes a whole item on (a date of birth in a list) cannot leak it.
    const render = () => (csv ? String(result.body) : JSON.stringify(spec.response.schema.parse(result.body)));
    const statusCode = result.status ?? spec.response.status;
    // A read's ETag is the hash of its answer: a poll that sends it back gets a bodiless 304 when nothing changed.
    const tagged = spec.method === 'GET' && statusCode === 200 && !csv;
    const ifNoneMatch = event.headers?.['if-none-match'];
    let body = tagged && ifNoneMatch ? render() : undefined;
    // A 304 shows nothing the caller did not have already, so it writes no audit entry (a poll every half
    // minute would otherwise fill the trail); the 200 that gave the ETag has its entry.
    if (body !== undefined && matchesEtag(ifNoneMatch, etagOf(body))) {
      return { statusCode: 304, headers: { 'cache-control': 'no-store', etag: etagOf(body), ...result.headers } };
    }
    // No record leaves without its audit entry: if the trail cannot be written, the answer is a 503.
    await writeAudit(options, context, requestId, access.entries);
    body ??= render();
    return {
      statusCode,
      headers: {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json',
        'cache-control': 'no-store',
        ...(tagged ? { etag: etagOf(body) } : {}),
        ...result.headers,
      },
      body,
    };
  };

  const handler = middy<ApiEvent, ApiResponse>()
    .use(correlationHeader())
    .use(requestLog())
    .use(problemResponses())
    .handler(dispatch);
  // Every log line of the request carries its correlation id, which the workflows and notices it starts carry on.
  return observed((event: ApiEvent, context: Context) => handler(event, context), correlationIdOfRequest);
}

/** A strong ETag: the first 128 bits of the answer's SHA-256, base64url. */
function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** `If-None-Match` as RFC 9110 reads it: a list of ETags (weak ones compared weakly) or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * A request's correlation id: the caller's `x-correlation-id` when it is a well-formed id (so a corporation
 * can trace its own call), otherwise API Gateway's request id.
 */
export function correlationIdOfRequest(event: Pick<ApiEvent, 'headers' | 'requestContext'>): string | undefined {
  const sent = event.headers?.['x-correlation-id'];
  return isCallerCorrelationId(sent) ? sent : event.requestContext?.requestId;
}

/** Answers the correlation id in `x-correlation-id`, errors included (its onError runs after the problem response is set). */
function correlationHeader(): middy.MiddlewareObj<ApiEvent, ApiResponse> {
  const answer = async (request: middy.Request<ApiEvent, ApiResponse>) => {
    const correlationId = currentCorrelationId();
    if (!correlationId || !request.response) return;
    request.response = {
      ...request.response,
      headers: { ...request.response.headers, 'x-correlation-id': correlationId },
    };
  };
  return { after: answer, onError: answer };
}

/** What a served request looked at or changed, retried within the Lambda's time; else 503 and nothing shown. */
async function writeAudit(
  options: ApiHandlerOptions,
  context: Context,
  requestId: string,
  entries: RequestAccess['entries'],
): Promise<void> {
  const audit = options.audit;
  if (!entries.length || !audit) return;
  try {
    await withAuditRetries((writeOptions) => audit().append(entries, writeOptions), auditDeadline(context));
  } catch (error) {
    logger.error('audit not written', { requestId, errorName: (error as Error).name });
    throw new AuditUnavailableError();
  }
}

/** A refusal's entries: written, or parked for the replay; the refusal is answered either way. */
async function recordRefused(
  options: ApiHandlerOptions,
  context: Context,
  requestId: string,
  parked: ParkedAudit,
): Promise<void> {
  if (!options.audit) return;
  const parking = (options.parking ?? auditParkingFromEnvironment)();
  await recordRefusal(options.audit(), parking, parked, auditDeadline(context)).catch((error: Error) =>
    logger.error('refusal not recorded', { requestId, errorName: error.name }),
  );
}

/**
 * The reason for emergency access ("break the glass"), in the `landing-noodtoegang` header, URI-encoded (a
 * header carries no accents). Required to be a real sentence: the team lead reads it, so its 10 characters are
 * counted as they show, and control or bidi characters are refused (emergencyReasonIsValid).
 */
function emergencyReasonOf(event: ApiEvent): string | undefined {
  const raw = event.headers?.['landing-noodtoegang'];
  if (raw === undefined) return undefined;
  let reason: string;
  try {
    reason = decodeURIComponent(raw).trim();
  } catch {
    reason = '';
  }
  if (!emergencyReasonIsValid(reason)) {
    throw new ValidationError([
      { name: 'landing-noodtoegang', code: 'invalid_reason', reason: EMERGENCY_REASON_MESSAGE },
    ]);
  }
  return reason;
}
