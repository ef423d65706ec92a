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
    const aanmelding = schemas.AanmeldingInput as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(aanmelding.required).toEqual(expect.arrayContaining(['persoon', 'gemeenteCode', 'herkomst', 'begeleiderIds']));
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
});
