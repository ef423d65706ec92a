import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemType, type Problem } from '../../shared/api/problem';
import { logger } from '../observability/logger';
import { isTemporaryFailure } from '../aws-failures';
import { ApiError, ConflictError, fromDomainError } from './errors';

/** How long a client waits before trying again after a 503: a throttled table recovers within seconds. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Maps every error to an RFC 9457 problem+json response, in one place. A temporary failure of DynamoDB (or
 * another AWS service) the SDK could not retry away becomes 503 with Retry-After; unknown errors a bare 500.
 */
export function problemResponses(): middy.MiddlewareObj<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2
> {
  return {
    onError: async (request) => {
      const error = fromDomainError(request.error);
      let problem: Problem;
      let retryAfter: string | undefined;
      if (error instanceof ApiError) {
        problem = {
          type: problemType(error.code),
          title: error.title,
          status: error.status,
          code: error.code,
          ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
          ...(error instanceof ConflictError && error.gewijzigd ? { gewijzigd: error.gewijzigd } : {}),
        };
        if (error.code === 'temporarily-unavailable') retryAfter = String(RETRY_AFTER_SECONDS);
      } else if (isTemporaryFailure(error)) {
        // The SDK has retried already. A change is one transaction, written whole or not at all, and the client's
        // retry with the same Idempotency-Key or expectedVersion is safe either way.
        logger.warn('temporarily unavailable', {
          requestId: request.context.awsRequestId,
          errorName: (error as Error).name,
        });
        problem = {
          type: problemType('temporarily-unavailable'),
          title: 'Het is even te druk. Probeer het over een paar seconden opnieuw.',
          status: 503,
          code: 'temporarily-unavailable',
        };
        retryAfter = String(RETRY_AFTER_SECONDS);
      } else {
        // Only the error's class goes to the log: messages of SDK or parse errors can carry item data.
        logger.error('unhandled error', {
          requestId: request.context.awsRequestId,
          errorName: error?.name ?? 'unknown',
        });
        problem = {
          type: problemType('internal'),
          title: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
          status: 500,
          code: 'internal',
        };
      }
      request.response = {
        statusCode: problem.status,
        headers: {
          'content-type': 'application/problem+json',
          'cache-control': 'no-store',
          ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        },
        body: JSON.stringify(problem),
      };
    },
  };
}
