import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger';

/**
 * One access log line per request: route, status, duration and who (user id, never a name).
 * The route key holds `{transitionId}` placeholders, not values, so no identifiers of a person end up here.
 */
export function requestLog(): middy.MiddlewareObj<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2
> {
  const started = new WeakMap<object, number>();
  const finish = (
    request: middy.Request<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>,
  ) => {
    const claims = request.event.requestContext?.authorizer?.jwt?.claims;
    logger.info('request', {
      requestId: request.event.requestContext?.requestId ?? request.context.awsRequestId,
      route: request.event.routeKey,
      status: request.response?.statusCode,
      durationMs: Date.now() - (started.get(request) ?? Date.now()),
      userId: typeof claims?.sub === 'string' ? claims.sub : undefined,
    });
  };
  return {
    before: async (request) => {
      started.set(request, Date.now());
    },
    after: async (request) => finish(request),
    // onError middlewares unwind in reverse order of `use`, so problemResponses has set the response by now.
    onError: async (request) => finish(request),
  };
}
