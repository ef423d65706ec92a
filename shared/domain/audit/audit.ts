import * as z from 'zod';
import { denials, grounds } from '../../policy/access-policy';
import { roles } from '../common/vocabulary';

/**
 * The audit trail, in the spirit of NEN 7513: every look at and every change of a person's record, and every
 * refused attempt, with what happened, when, about which person (pseudonymous reference), by which user (their
 * organisation and role), on whose behalf, on what ground, from where, and whether emergency access was used.
 * Entries are only ever added: there is no update or delete path (the table keeps them for the retention
 * period and then lets them expire).
 */
export const auditActions = [
  'lezen',
  'wijzigen',
  'aanmaken',
  'lijst',
  'exporteren',
  'geweigerd',
  'verwijderen',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  lezen: 'Ingezien',
  wijzigen: 'Gewijzigd',
  aanmaken: 'Aangemaakt',
  lijst: 'Lijst bekeken',
  exporteren: 'Geëxporteerd',
  geweigerd: 'Geweigerd',
  verwijderen: 'Verwijderd na bewaartermijn',
};

export const channels = ['web-api', 'corporatie-api', 'werkproces'] as const;

const Person = z.object({ id: z.string(), naam: z.string() });

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actie: z.enum(auditActions),
    /** What was touched: the operation of the API and the part of the record. */
    operatie: z.string(),
    onderdeel: z.string(),
    /** About whom: the pseudonymous person reference, and the transition. Absent for lists and anonymous attempts. */
    persoonRef: z.string().optional(),
    transitionId: z.string().optional(),
    /** The team of the person's record, so its team lead sees emergency access to it. */
    teamId: z.string().optional(),
    gebruiker: Person.extend({ organisatieId: z.string(), rol: z.enum(roles) }),
    /** The responsible user on whose behalf the action was taken (the same user, unless a process acted). */
    namens: Person,
    grond: z.enum(grounds).optional(),
    noodtoegang: z.object({ reden: z.string() }).optional(),
    /** Why an attempt was refused: the policy's reason. */
    weigering: z.enum(denials).optional(),
    waar: z.object({ requestId: z.string(), kanaal: z.enum(channels), bron: z.string().optional() }),
    /** For a change: the versions, and the fields that changed with their values before and after. */
    wijziging: z
      .object({
        versieVoor: z.number().int().optional(),
        versieNa: z.number().int().optional(),
        velden: z.array(z.string()),
        oud: z.record(z.string(), z.unknown()).optional(),
        nieuw: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
  })
  .meta({ id: 'AuditRegel' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The top-level fields that differ between two versions, with their values before and after. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = ['version', 'medewerkerVersie', 'updatedAt', 'signalen'],
) {
  const velden = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !ignore.includes(k))
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
  return {
    velden,
    oud: Object.fromEntries(velden.filter((k) => k in before).map((k) => [k, before[k]])),
    nieuw: Object.fromEntries(velden.filter((k) => k in after).map((k) => [k, after[k]])),
  };
}

/**
 * A request refused before anyone was known — no token, an expired or forged one, a token without the claims
 * of a member of staff, a corporation's key refused — is an attempt too (NEN 7513 logs them). It names no
 * person and no verified user: the route, when, from where, and why. API Gateway refuses most of these itself,
 * before any Lambda runs; its access log carries them into the audit trail (functions/audit/refused-requests.ts).
 */
export const refusalReasons = ['geen-token', 'verlopen', 'ongeldig', 'onvolledig', 'sleutel-geweigerd'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const RefusedRequest = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    reden: z.enum(refusalReasons),
    /** The route asked for (`GET /api/transitions/{transitionId}`: the template, never the values). */
    route: z.string(),
    status: z.union([z.literal(401), z.literal(403)]),
    /** The user a verified token named, when only its claims fell short (`onvolledig`). */
    gebruikerId: z.string().optional(),
    /** What the authorizer said, as API Gateway logged it (its own words; no personal data). */
    melding: z.string().max(200).optional(),
    waar: z.object({ requestId: z.string(), kanaal: z.enum(channels), bron: z.string().optional() }),
  })
  .meta({ id: 'GeweigerdVerzoek' });
export type RefusedRequest = z.infer<typeof RefusedRequest>;
