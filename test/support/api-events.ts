import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { principalClaims, type Principal } from '../../shared/domain/organisation/principal';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>;

export interface ApiCall {
  routeKey: string;
  principal?: Principal;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is (to send broken JSON). */
  body?: unknown;
  /** What a Lambda authorizer (the corporations' API key) passed on, instead of JWT claims. */
  authorizerContext?: Record<string, string>;
}

/** An API Gateway HTTP API v2 event as AWS delivers it after its JWT authorizer accepted the token. */
export function apiEvent(call: ApiCall): APIGatewayProxyEventV2WithJWTAuthorizer {
  const claims = call.principal
    ? {
        [principalClaims.userId]: call.principal.userId,
        [principalClaims.naam]: call.principal.naam,
        [principalClaims.organisationId]: call.principal.organisationId,
        [principalClaims.role]: call.principal.role,
        ...(call.principal.teamId ? { [principalClaims.teamId]: call.principal.teamId } : {}),
      }
    : {};
  const [method = 'GET', path = '/'] = call.routeKey.split(' ');
  return {
    version: '2.0',
    routeKey: call.routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...call.headers },
    queryStringParameters: call.query,
    pathParameters: call.pathParameters,
    body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      routeKey: call.routeKey,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      authorizer: call.authorizerContext
        ? { lambda: call.authorizerContext }
        : { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const context = { awsRequestId: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

export async function invoke<T = unknown>(handler: Handler, call: ApiCall) {
  const response = (await handler(apiEvent(call), context)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  // A 304 (not modified) has no body.
  const body = response.body ? (JSON.parse(response.body) as T) : (undefined as T);
  return { status: response.statusCode, headers: response.headers, body };
}
