import * as z from 'zod';

/**
 * Every error the API returns has this one shape: RFC 9457 Problem Details with the `invalidParams`
 * extension of the Dutch API Design Rules, a stable machine-readable `code` and a Dutch human message.
 */
export const problemCodes = [
  'validation-failed',
  'unsupported-media-type',
  'unauthenticated',
  'forbidden',
  'noodtoegang-mogelijk',
  'noodtoegang-alleen-inzien',
  'not-found',
  'conflict',
  'stale-version',
  'rule-violation',
  'workflow-unavailable',
  'temporarily-unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const InvalidParam = z.object({
  /** Dotted path of the field, e.g. `persoon.geboortedatum`; `body` for the body as a whole. */
  name: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type InvalidParam = z.infer<typeof InvalidParam>;

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(problemCodes),
    detail: z.string().optional(),
    invalidParams: z.array(InvalidParam).optional(),
    /** With `stale-version`, when known: the other person's change since the version sent. */
    gewijzigd: z
      .object({
        door: z.string().meta({ description: 'Naam van wie het wijzigde' }),
        op: z.iso.datetime(),
        wat: z.string().meta({ description: 'Wat er gewijzigd is, zoals in de tijdlijn' }),
      })
      .optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export function problemType(code: ProblemCode): string {
  return `urn:landing:problem:${code}`;
}

/** Field messages from a zod error, in the `invalidParams` form. */
export function invalidParamsFrom(error: z.ZodError, prefix = ''): InvalidParam[] {
  return error.issues.map((issue) => ({
    name: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body',
    code: issue.code,
    reason: issue.message,
  }));
}

/**
 * What API Gateway answers itself, before any handler runs: a refused or missing token (401, from the JWT
 * authorizer, with a `WWW-Authenticate: Bearer …` challenge), a corporation's request without its key (401)
 * or with a key the authorizer refused (403). Not problem+json: API Gateway's own shape, `application/json`.
 */
export const GatewayRefusal = z
  .object({ message: z.string().meta({ description: 'Unauthorized of Forbidden' }) })
  .meta({ id: 'GatewayRefusal' });
export type GatewayRefusal = z.infer<typeof GatewayRefusal>;
