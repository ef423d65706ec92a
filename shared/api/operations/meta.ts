import * as z from 'zod';
import { op, type OperationSpec } from '../operation';

export const Health = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.enum(['ok', 'failing'])) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** The health check and the API description. */
export const metaOperations = {
  getHealth: op({
    capability: 'meta',
    method: 'GET',
    path: '/api/health',
    summary: 'Gezondheid van de API en haar afhankelijkheden',
    auth: 'public',
    response: {
      status: 200,
      schema: Health,
      description: 'Status per onderdeel. Faalt er een, dan 503 met dezelfde body (status degraded)',
    },
    errors: [503],
  }),
  getOpenApi: op({
    capability: 'meta',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'Deze API-beschrijving (OpenAPI 3.1), voor wie is aangemeld',
    auth: 'principal',
    response: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'OpenAPI 3.1 document' },
    errors: [],
  }),
} as const satisfies Record<string, OperationSpec>;
