import * as z from 'zod';

export const capabilities = [
  'transitions',
  'budget',
  'signals',
  'caseload',
  'herstel',
  'audit',
  'webhooks',
  'corporation',
  'organisation',
  'sociale-kaart',
  'outcomes',
  'meta',
] as const;
export type Capability = (typeof capabilities)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationSpec {
  capability: Capability;
  method: HttpMethod;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: `/api/${string}`;
  summary: string;
  /**
   * `principal`: a signed-in member of staff (Cognito JWT); `corporation`: a housing corporation's system,
   * by its API key (a Lambda authorizer); `public`: nobody (only the health check).
   */
  auth: 'principal' | 'corporation' | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the operation honours an `Idempotency-Key` header (retries return the first result). */
  idempotent?: boolean;
  /** `text/csv` responses carry their body as a string (exports for a spreadsheet). */
  response: {
    status: 200 | 201 | 202;
    schema: z.ZodType;
    description: string;
    contentType?: 'application/json' | 'text/csv';
  };
  errors: readonly (400 | 401 | 403 | 404 | 409 | 503)[];
}

/** The path parameter of every operation on one transition. */
export const TransitionParams = z.object({
  transitionId: z.string().min(1).max(64).meta({ description: 'Id van het traject' }),
});

/** Every change of a transition names the version it was computed from (optimistic concurrency). */
export const ExpectedVersion = z
  .number({ error: 'Geef de versie van het traject mee die je wijzigt.' })
  .int()
  .positive()
  .meta({ description: 'De versie van het traject waarop deze wijziging is gebaseerd; een oudere versie geeft 409.' });

/** What a command on a transition may answer. */
export const commandErrors = [400, 401, 403, 404, 409] as const;

/** Declares one operation, keeping its literal types (the handlers and the SPA's client are typed by them). */
export const op = <const T extends OperationSpec>(spec: T): T => spec;

export function routeKey(spec: Pick<OperationSpec, 'method' | 'path'>): string {
  return `${spec.method} ${spec.path}`;
}

/** The error statuses an operation answers: its own, and 415 for a body not sent as JSON wherever it takes one. */
export function errorStatuses(spec: Pick<OperationSpec, 'errors' | 'body'>): readonly number[] {
  return spec.body ? [...spec.errors, 415] : spec.errors;
}
