import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { errorStatuses, operations, type OperationSpec } from './contract';
import { GatewayRefusal, Problem } from './problem';

const statusTitles: Record<number, string> = {
  400: 'Ongeldige invoer: zie invalidParams',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden (of niet zichtbaar voor jouw organisatie)',
  409: 'Conflict met de huidige toestand',
  415: 'De inhoud is niet als JSON gestuurd (Content-Type: application/json)',
  503: 'Tijdelijk niet beschikbaar: probeer opnieuw (met dezelfde Idempotency-Key)',
};

/** Where API Gateway answers itself (`{"message":"Unauthorized"}`), and where a handler answers problem+json. */
export const gatewayRefusal = {
  principal:
    'API Gateway weigert een ontbrekend, verlopen of ongeldig token zelf met `{"message":"Unauthorized"}` ' +
    '(application/json) en een `WWW-Authenticate`-header; meld je opnieuw aan. Een geldig token zonder ' +
    'organisatie of rol geeft problem+json met code `unauthenticated`.',
  corporation:
    'zonder `Authorization`-header antwoordt API Gateway zelf `{"message":"Unauthorized"}` (application/json).',
  corporationKey:
    'een onbekende of ingetrokken API-sleutel weigert API Gateway zelf met `{"message":"Forbidden"}` ' +
    '(application/json); een weigering door de API zelf is problem+json.',
} as const;

export const bearerChallengeText =
  'Bij de 401 van API Gateway: `Bearer` zonder token, `Bearer scope="" error="invalid_token" ' +
  'error_description="…"` bij een geweigerd token.';

function operationObject(operationId: string, spec: OperationSpec): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [spec.response.status]: {
      description: spec.response.description,
      content: { [spec.response.contentType ?? 'application/json']: { schema: spec.response.schema } },
    },
  };
  for (const status of errorStatuses(spec)) {
    responses[status] = {
      description: statusTitles[status] ?? 'Fout',
      content: { 'application/problem+json': { schema: Problem } },
    };
  }
  // API Gateway's own refusals (before any handler runs) are its JSON shape, not problem+json.
  if (spec.auth === 'principal') {
    responses[401] = {
      description: `${statusTitles[401]}: ${gatewayRefusal.principal}`,
      headers: { 'WWW-Authenticate': { description: bearerChallengeText, schema: { type: 'string' } } },
      content: { 'application/json': { schema: GatewayRefusal }, 'application/problem+json': { schema: Problem } },
    };
  }
  if (spec.auth === 'corporation') {
    responses[401] = {
      description: `${statusTitles[401]}: ${gatewayRefusal.corporation}`,
      content: { 'application/json': { schema: GatewayRefusal }, 'application/problem+json': { schema: Problem } },
    };
    responses[403] = {
      description: `${statusTitles[403]}: ${gatewayRefusal.corporationKey}`,
      content: { 'application/json': { schema: GatewayRefusal }, 'application/problem+json': { schema: Problem } },
    };
  }
  return {
    operationId,
    summary: spec.summary,
    tags: [spec.capability],
    security: spec.auth === 'public' ? [] : spec.auth === 'corporation' ? [{ apiKey: [] }] : [{ bearer: [] }],
    requestParams: {
      ...(spec.params ? { path: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
    },
    ...(spec.idempotent
      ? {
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header' as const,
              required: false,
              description:
                'Een herhaald verzoek met dezelfde sleutel geeft het eerste resultaat en boekt niets dubbel.',
              schema: { type: 'string' as const, maxLength: 128 },
            },
          ],
        }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the contract's zod schemas: never written by hand. */
export function createOpenApiDocument(version = '0.1.0'): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const [operationId, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    paths[spec.path] = { ...paths[spec.path], [method]: operationObject(operationId, spec) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Landing API',
      version,
      description:
        'Landing volgt de overgang van Beschermd Wonen of Maatschappelijke Opvang naar een eigen thuis in de wijk. ' +
        'Fouten volgen RFC 9457 (application/problem+json) met invalidParams per veld.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'De API-sleutel van de corporatie (lnd_…), als Bearer-token',
        },
      },
    },
    paths,
  });
}
