import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { Principal, principalClaims } from '../../shared/domain/organisation/principal';
import { UnauthenticatedError } from './errors';

/**
 * The principal from the claims API Gateway's JWT authorizer verified (Cognito on AWS, the local
 * sign-in locally). The handler never sees a token, only verified claims.
 */
export function principalFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const claims = event.requestContext?.authorizer?.jwt?.claims ?? {};
  const parsed = Principal.safeParse({
    userId: claims[principalClaims.userId],
    naam: claims[principalClaims.naam],
    organisationId: claims[principalClaims.organisationId],
    role: claims[principalClaims.role],
    ...(claims[principalClaims.teamId] ? { teamId: claims[principalClaims.teamId] } : {}),
  });
  if (!parsed.success) throw new UnauthenticatedError();
  return parsed.data;
}

/**
 * A housing corporation's system, as the API key authorizer identified it (its context: the corporation, the
 * provider that issued the key, the key's prefix). It acts with the role `corporatie` in its own organisation,
 * towards that one provider, and nothing else.
 */
export function corporationFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const context = (event.requestContext?.authorizer as { lambda?: Record<string, unknown> } | undefined)?.lambda ?? {};
  const { corporatieId, providerId, keyPrefix } = context;
  if (!nonEmpty(corporatieId) || !nonEmpty(providerId) || !nonEmpty(keyPrefix)) throw new UnauthenticatedError();
  return {
    userId: `api-sleutel:${keyPrefix}`,
    naam: `API-sleutel ${keyPrefix}`,
    organisationId: corporatieId,
    role: 'corporatie',
    providerId,
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
