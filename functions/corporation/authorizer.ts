import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { isCallerCorrelationId, observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, runtime } from '../runtime';
import { DynamoApiKeyStore } from '../storage/dynamo-api-key-store';
import { apiKeyFrom, hashOf } from './api-keys';
import type { ApiKeyStore } from './ports';

type Result = APIGatewaySimpleAuthorizerWithContextResult<
  { corporatieId: string; providerId: string; keyPrefix: string } | Record<string, never>
>;

/**
 * API Gateway's Lambda authorizer for the corporation API: the API key's hash must be known. The context it
 * returns (the corporation, the provider that issued the key, the key's prefix) is all the handlers see of the caller.
 */
export function createApiKeyAuthorizer(store: () => Pick<ApiKeyStore, 'byHash'>) {
  return async (event: Pick<APIGatewayRequestAuthorizerEventV2, 'headers'>): Promise<Result> => {
    const key = apiKeyFrom(event.headers ?? {});
    const stored = key ? await store().byHash(hashOf(key)) : undefined;
    if (!stored) {
      logger.warn('api key refused', { known: false });
      return { isAuthorized: false, context: {} };
    }
    return {
      isAuthorized: true,
      context: { corporatieId: stored.corporatieId, providerId: stored.providerId, keyPrefix: stored.prefix },
    };
  };
}

// The same correlation id the corporation API's handler logs with: the caller's, or API Gateway's request id.
export const handler = observed(
  createApiKeyAuthorizer(lazy(() => new DynamoApiKeyStore(runtime.documentClient(), runtime.tableName()))),
  (event: Pick<APIGatewayRequestAuthorizerEventV2, 'headers' | 'requestContext'>) =>
    isCallerCorrelationId(event.headers?.['x-correlation-id'])
      ? event.headers?.['x-correlation-id']
      : event.requestContext?.requestId,
);
