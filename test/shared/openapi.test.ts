import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import { createOpenApiDocument } from '../../shared/api/openapi';

describe('OpenAPI document', () => {
  const document = createOpenApiDocument();

  it('is OpenAPI 3.1 and describes every operation of the contract', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const [operationId, spec] of Object.entries(operations)) {
      const operation = document.paths?.[spec.path]?.[spec.method.toLowerCase() as 'get'];
      expect(operation?.operationId, `${spec.method} ${spec.path}`).toBe(operationId);
    }
  });

  it('takes request bodies from the zod schemas, with their constraints', () => {
    const schemas = document.components?.schemas ?? {};
    const aanmelding = schemas.AanmeldingInput as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(aanmelding.required).toEqual(
      expect.arrayContaining(['persoon', 'gemeenteCode', 'herkomst', 'begeleiderIds']),
    );
    expect(aanmelding.additionalProperties).toBe(false);
    expect(JSON.stringify(aanmelding.properties.begeleiderIds)).toContain('"maxItems":2');
  });

  it('documents errors as problem+json, and only the health check without security', () => {
    const create = document.paths?.['/api/transitions']?.post;
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '503']));
    expect(JSON.stringify(create?.responses?.['400'])).toContain('application/problem+json');
    expect(document.paths?.['/api/health']?.get?.security).toEqual([]);
    expect(document.paths?.['/api/openapi.json']?.get?.security).toEqual([{ bearer: [] }]);
    expect(create?.security).toEqual([{ bearer: [] }]);
  });

  it('documents the 401 API Gateway answers itself as its own JSON shape with a Bearer challenge, not as problem+json', () => {
    const me = document.paths?.['/api/me']?.get?.responses?.['401'] as {
      headers?: Record<string, unknown>;
      content: Record<string, { schema: unknown }>;
    };
    expect(me.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/GatewayRefusal' });
    expect(me.headers?.['WWW-Authenticate']).toBeDefined();
    // A valid token whose claims make no principal is the handler's 401, problem+json.
    expect(me.content['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(document.components?.schemas?.GatewayRefusal).toMatchObject({ required: ['message'] });
    // A corporation without its key gets API Gateway's 401 (no challenge: a Lambda authorizer's), a refused key its 403.
    const report = document.paths?.['/api/corporatie/signalen']?.post?.responses as Record<
      string,
      { headers?: object; content: object }
    >;
    expect(Object.keys(report['401']!.content).sort()).toEqual(['application/json', 'application/problem+json']);
    expect(report['401']!.headers).toBeUndefined();
    expect(Object.keys(report['403']!.content).sort()).toEqual(['application/json', 'application/problem+json']);
    // The health check has no authorizer: no gateway 401 to document.
    expect(document.paths?.['/api/health']?.get?.responses?.['401']).toBeUndefined();
  });
});
