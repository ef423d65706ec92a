import { auditActionLabels, type AuditEntry } from '../../shared/domain/audit/audit';
import { groundLabels } from '../../shared/policy/access-policy';
import { roleLabels } from '../../shared/domain/common/vocabulary';
import { clock } from '../clock';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { csvDocument } from '../http/csv';
import { NotFoundError } from '../http/errors';
import type { OrganisationDirectory } from '../organisation/ports';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import type { TransitionStore } from '../transitions/ports';
import { authorize, openRecord } from '../access/person-record';
import { auditFromEnvironment } from './audit-runtime';
import type { AuditLog } from './ports';
import { auditOperations } from '../../shared/api/operations/audit';

/** An access report covers the whole record, however long: read in pages up to this many entries. */
const REPORT_LIMIT = 5000;

export interface AuditDeps {
  audit: AuditLog;
  transitions: Pick<TransitionStore, 'get'>;
  directory: Pick<OrganisationDirectory, 'staffMembers' | 'organisation'>;
}

/**
 * The audit trail, for the team lead: who looked at or changed a person's record, what a member of the team
 * looked at, and every use of emergency access to the team's records; and the person's own access report
 * (AVG, right of access). Reading the trail is itself recorded.
 */
export function auditHandlers(deps: () => AuditDeps): CapabilityHandlers<'audit'> {
  return {
    getPersonAudit: async ({ principal, params, query, access }) => {
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'audit:read-person',
        { onderdeel: 'audit' },
      );
      const { limit, cursor, ...filter } = query;
      return { body: await deps().audit.ofPerson(t.persoonRef, { limit, cursor }, filter) };
    },
    exportAccessReport: async ({ principal, params, access }) => {
      // The report holds the same trail as the audit panel (staff names, refusals, emergency reasons): same rule.
      const { transition: t } = await openRecord(
        deps().transitions,
        { principal, access },
        params.transitionId,
        'audit:read-person',
        { onderdeel: 'inzageverslag' },
      );
      access.record({
        actie: 'exporteren',
        onderdeel: 'inzageverslag',
        person: { persoonRef: t.persoonRef, transitionId: t.id, teamId: t.teamId },
      });
      const entries: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await deps().audit.ofPerson(t.persoonRef, { limit: 100, cursor });
        entries.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && entries.length < REPORT_LIMIT);
      return {
        body: accessReportCsv(entries, await organisationNames(deps(), entries)),
        headers: { 'content-disposition': 'attachment; filename="inzageverslag.csv"' },
      };
    },
    getUserAudit: async ({ principal, params, query, access }) => {
      authorize(principal, 'audit:read-user');
      const [member] = await deps().directory.staffMembers(principal.organisationId, [params.userId]);
      // A team lead oversees their own team: someone of another team or organisation does not "exist" here.
      if (!member || member.teamId !== principal.teamId)
        throw new NotFoundError('Deze medewerker is niet van jouw team.');
      access.record({ actie: 'lezen', onderdeel: `audit van medewerker ${params.userId}` });
      const { limit, cursor, ...filter } = query;
      return { body: await deps().audit.ofUser(params.userId, { limit, cursor }, filter) };
    },
    listEmergencyAccess: async ({ principal, query, access }) => {
      authorize(principal, 'audit:read-user');
      if (!principal.teamId) return { body: { items: [] } };
      access.record({ actie: 'lijst', onderdeel: 'noodtoegang van het team' });
      return {
        body: await deps().audit.emergencyAccessOfTeam(principal.organisationId, principal.teamId, {
          limit: query.limit,
          cursor: query.cursor,
        }),
      };
    },
  };
}

/** The names of the organisations in the entries: a person reads "Stichting De Overstap", not an id. */
async function organisationNames(
  deps: AuditDeps,
  entries: readonly AuditEntry[],
): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(entries.map((e) => e.gebruiker.organisatieId))];
  const found = await Promise.all(
    ids.map(async (id) => [id, (await deps.directory.organisation(id))?.naam ?? id] as const),
  );
  return new Map(found);
}

/**
 * The access report in words a person can read (Dutch spreadsheet conventions: semicolons, a BOM): when, who
 * (name, role, organisation), what, on what ground, emergency access with its reason. No values of the record.
 */
export function accessReportCsv(
  entries: readonly AuditEntry[],
  organisations: ReadonlyMap<string, string> = new Map(),
): string {
  const local = (e: AuditEntry) => new Date(e.at).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return csvDocument<AuditEntry>(
    [
      { header: 'datum', cell: (e) => local(e).slice(0, 10) },
      { header: 'tijd', cell: (e) => local(e).slice(11, 16) },
      { header: 'wie', cell: (e) => e.gebruiker.naam, quoted: true },
      { header: 'rol', cell: (e) => roleLabels[e.gebruiker.rol], quoted: true },
      {
        header: 'organisatie',
        cell: (e) => organisations.get(e.gebruiker.organisatieId) ?? e.gebruiker.organisatieId,
        quoted: true,
      },
      { header: 'wat', cell: (e) => auditActionLabels[e.actie], quoted: true },
      { header: 'onderdeel', cell: (e) => e.onderdeel, quoted: true },
      { header: 'grond', cell: (e) => (e.grond ? groundLabels[e.grond] : ''), quoted: true },
      { header: 'noodtoegang', cell: (e) => e.noodtoegang?.reden, quoted: true },
    ],
    [...entries].sort((a, b) => a.at.localeCompare(b.at)),
  );
}

export function createAuditApi(deps: () => AuditDeps, options: ApiHandlerOptions = {}) {
  return createApiHandler(auditOperations, auditHandlers(deps), options);
}

export const handler = createAuditApi(
  lazy(() => ({
    audit: auditFromEnvironment(),
    transitions: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
    directory: new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName()),
  })),
  { audit: auditFromEnvironment, now: clock.now },
);
