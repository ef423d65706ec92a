import * as z from 'zod';
import { errorStatuses, operations, type OperationSpec } from './contract';
import { bearerChallengeText, gatewayRefusal } from './openapi';

/**
 * The human-readable API reference (docs/API.md), generated from the contract like the OpenAPI document.
 * A test fails when the committed file is stale: `npm run docs:api` rewrites it.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Schemas with a `meta({ id })` become `$ref`s into `$defs`; a field table wants them inline. */
function inline(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const resolved = schema.$ref ? (defs[schema.$ref.replace('#/$defs/', '')] ?? {}) : schema;
  return {
    ...resolved,
    ...(resolved.properties
      ? { properties: Object.fromEntries(Object.entries(resolved.properties).map(([k, v]) => [k, inline(v, defs)])) }
      : {}),
    ...(resolved.items ? { items: inline(resolved.items, defs) } : {}),
  };
}

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.type === 'array') return `${describeType(schema.items ?? {})}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`min. ${schema.minLength} tekens`);
  if (schema.maxLength !== undefined) parts.push(`max. ${schema.maxLength} tekens`);
  // zod's int() adds the safe-integer range; that says nothing to a reader.
  if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) parts.push(`min. ${schema.minItems}`);
  if (schema.maxItems !== undefined) parts.push(`max. ${schema.maxItems}`);
  if (schema.default !== undefined) parts.push(`standaard \`${JSON.stringify(schema.default)}\``);
  return [schema.description, ...parts].filter(Boolean).join('; ');
}

function fieldRows(schema: JsonSchema, prefix = ''): string[] {
  const rows: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) ? 'ja' : 'nee';
    rows.push(`| \`${path}\` | ${describeType(field)} | ${required} | ${constraints(field)} |`);
    if (field.type === 'object') rows.push(...fieldRows(field, `${path}.`));
    if (field.type === 'array' && field.items?.type === 'object') rows.push(...fieldRows(field.items, `${path}[].`));
  }
  return rows;
}

function table(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const rows = fieldRows(inline(json, json.$defs ?? {}));
  return ['| veld | type | verplicht | toelichting |', '|---|---|---|---|', ...rows].join('\n');
}

function section(operationId: string, spec: OperationSpec): string {
  const lines = [
    `### ${spec.summary}`,
    '',
    `\`${spec.method} ${spec.path}\` · operationId \`${operationId}\` · ${spec.auth === 'public' ? 'openbaar' : spec.auth === 'corporation' ? 'API-sleutel van de corporatie (Bearer)' : 'aanmelding vereist (Bearer-token)'}`,
    '',
  ];
  if (spec.params) lines.push('Padparameters:', '', table(spec.params, 'input'), '');
  if (spec.query) lines.push('Queryparameters:', '', table(spec.query, 'input'), '');
  if (spec.idempotent) {
    lines.push(
      'Header `Idempotency-Key` (optioneel, 8–128 tekens): een herhaald verzoek met dezelfde sleutel geeft het eerste resultaat.',
      '',
    );
  }
  if (spec.body) lines.push('Inhoud (JSON):', '', table(spec.body, 'input'), '');
  lines.push(`Antwoord \`${spec.response.status}\`: ${spec.response.description}.`, '');
  if (spec.response.schema instanceof z.ZodObject) lines.push(table(spec.response.schema, 'output'), '');
  const errors = errorStatuses(spec);
  const gateway = {
    principal: '; `401` ook van API Gateway zelf',
    corporation: '; `401` en `403` ook van API Gateway zelf',
    public: '',
  }[spec.auth];
  if (errors.length)
    lines.push(`Fouten: ${errors.map((s) => `\`${s}\``).join(', ')} (application/problem+json${gateway}).`, '');
  return lines.join('\n');
}

export function renderApiReference(): string {
  const byCapability = new Map<string, string[]>();
  for (const [id, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    byCapability.set(spec.capability, [...(byCapability.get(spec.capability) ?? []), section(id, spec)]);
  }
  return [
    '# Landing API',
    '',
    '<!-- Generated from shared/api/contract.ts by `npm run docs:api`; do not edit by hand. -->',
    '',
    'Het machineleesbare document (OpenAPI 3.1) staat op `/api/openapi.json`. Alle paden beginnen met `/api`,',
    'op dezelfde origin als de webapp. Inloggen: een Cognito ID-token (op AWS) of het token van de lokale',
    'aanmelding, als `Authorization: Bearer <token>`.',
    '',
    '## Fouten',
    '',
    'Elke fout van de API zelf heeft één vorm (RFC 9457 Problem Details, met `invalidParams` volgens de NL API Design Rules):',
    '',
    '```json',
    '{ "type": "urn:landing:problem:validation-failed", "title": "De invoer is niet geldig.", "status": 400,',
    '  "code": "validation-failed",',
    '  "invalidParams": [{ "name": "persoon.voornaam", "code": "too_small", "reason": "Vul de voornaam in." }] }',
    '```',
    '',
    'Codes: `validation-failed` (400), `unsupported-media-type` (415: stuur een body als JSON, met',
    '`Content-Type: application/json`), `unauthenticated` (401), `forbidden` (403), `not-found` (404, ook voor',
    'gegevens van een andere organisatie), `conflict` (409), `workflow-unavailable` (503: opgeslagen, opnieuw',
    'proberen met dezelfde Idempotency-Key), `temporarily-unavailable` (503 met `Retry-After`: de database was te',
    'druk of antwoordde niet op tijd, ook na een paar pogingen; na die seconden opnieuw proberen met dezelfde',
    'Idempotency-Key of `expectedVersion`), `internal` (500). Bij een fout is niets geschreven, behalve bij',
    '`workflow-unavailable`, en bij `temporarily-unavailable` als alleen het antwoord van de database verloren ging:',
    'de herhaling met dezelfde sleutel geeft dan het eerste resultaat, die met dezelfde versie een 409.',
    '',
    '### Weigeringen van API Gateway zelf',
    '',
    'Sommige weigeringen komen van API Gateway, voordat de API zelf iets ziet. Die zijn geen problem+json maar',
    '`application/json` met alleen `message` (schema `GatewayRefusal`):',
    '',
    '```json',
    '{"message":"Unauthorized"}',
    '```',
    '',
    `- Aanmelding vereist: ${gatewayRefusal.principal} ${bearerChallengeText}`,
    `- API-sleutel van de corporatie: ${gatewayRefusal.corporation} Daarnaast: ${gatewayRefusal.corporationKey}`,
    '',
    ...[...byCapability.entries()].flatMap(([capability, sections]) => [`## ${capability}`, '', ...sections]),
  ].join('\n');
}
