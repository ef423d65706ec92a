import * as z from 'zod';
import { AuditEntry, auditActions } from '../../domain/audit/audit';
import { TransitionParams, op, type OperationSpec } from '../operation';

const AuditPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1024).optional(),
});
const Dag = z.iso.date({ error: 'Vul een datum in als jjjj-mm-dd.' });
/** A trail filtered: by who (a user id), by what, and by a period of Dutch days (both ends included). */
const AuditFilterQuery = AuditPageQuery.extend({
  gebruiker: z.string().min(1).max(64).optional().meta({ description: 'Alleen wat deze medewerker deed (id)' }),
  actie: z.enum(auditActions, { error: 'Kies een handeling uit de lijst.' }).optional(),
  van: Dag.optional().meta({ description: 'Vanaf deze dag (jjjj-mm-dd, Nederlandse tijd)' }),
  tot: Dag.optional().meta({ description: 'Tot en met deze dag (jjjj-mm-dd, Nederlandse tijd)' }),
}).refine((q) => !q.van || !q.tot || q.van <= q.tot, {
  error: 'De periode begint na het einde: kies een begindatum vóór de einddatum.',
  path: ['tot'],
});
export const AuditPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().optional() })
  .meta({ id: 'AuditPagina' });

/** The audit trail: per person, per user, emergency access, the AVG access report. */
export const auditOperations = {
  getPersonAudit: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/transitions/{transitionId}/audit',
    summary: 'Wie heeft het dossier van deze persoon ingezien of gewijzigd (NEN 7513), nieuwste eerst (teamleider)',
    auth: 'principal',
    params: TransitionParams,
    query: AuditFilterQuery,
    response: { status: 200, schema: AuditPage, description: 'De auditregels' },
    errors: [400, 401, 403, 404],
  }),
  exportAccessReport: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/transitions/{transitionId}/inzageverslag',
    summary:
      'Inzageverslag voor de persoon (AVG, recht op inzage): wie zag of wijzigde het dossier, wanneer en waarom, als CSV',
    auth: 'principal',
    params: TransitionParams,
    response: { status: 200, schema: z.string(), description: 'CSV (puntkomma)', contentType: 'text/csv' },
    errors: [401, 403, 404],
  }),
  getUserAudit: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/audit/gebruikers/{userId}',
    summary: 'Wat een medewerker van het eigen team heeft ingezien of gewijzigd, nieuwste eerst (teamleider)',
    auth: 'principal',
    params: z.object({ userId: z.string().min(1).max(64) }),
    query: AuditFilterQuery,
    response: { status: 200, schema: AuditPage, description: 'De auditregels' },
    errors: [400, 401, 403, 404],
  }),
  listEmergencyAccess: op({
    capability: 'audit',
    method: 'GET',
    path: '/api/audit/noodtoegang',
    summary: 'Noodtoegang tot dossiers van mijn team, met de reden, om na te lopen (teamleider)',
    auth: 'principal',
    query: AuditPageQuery,
    response: { status: 200, schema: AuditPage, description: 'De keren dat iemand noodtoegang gebruikte' },
    errors: [400, 401, 403],
  }),
} as const satisfies Record<string, OperationSpec>;
