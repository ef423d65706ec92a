import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemType, type Problem } from '../../shared/api/problem';
import { logger } from '../observability/logger';
import { ApiError } from './errors';

/** Maps every error to an RFC 9457 problem+json response, in one place. Unknown errors become a bare 500. */
export function problemResponses(): middy.MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const error = request.error;
      let problem: Problem;
      if (error instanceof ApiError) {
        problem = {
          type: problemType(error.code),
          title: error.title,
          status: error.status,
          code: error.code,
          ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
        };
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
        headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
        body: JSON.stringify(problem),
      };
    },
  };
}
