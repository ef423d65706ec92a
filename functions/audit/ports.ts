import type { AuditAction, AuditEntry, RefusedRequest } from '../../shared/domain/audit/audit';

/** Who did it (a user id), what, and the Dutch days from and to (both included, jjjj-mm-dd). */
export interface AuditFilter {
  gebruiker?: string | undefined;
  actie?: AuditAction | undefined;
  van?: string | undefined;
  tot?: string | undefined;
}
import type { Page, PageRequest } from '../transitions/ports';

/** A write may be bounded: aborted when the Lambda's time for it is up. */
export interface WriteOptions {
  signal?: AbortSignal;
}

/** The audit trail: append-only. There is deliberately no way to change or remove an entry. */
export interface AuditLog {
  append(entries: readonly AuditEntry[], options?: WriteOptions): Promise<void>;
  /**
   * Newest first; with a filter, a page holds only matching entries (a page can be short, even empty, with a
   * nextCursor: a call reads a bounded number of entries).
   */
  ofPerson(persoonRef: string, page: PageRequest, filter?: AuditFilter): Promise<Page<AuditEntry>>;
  ofUser(userId: string, page: PageRequest, filter?: AuditFilter): Promise<Page<AuditEntry>>;
  /** Emergency access to the records of a team, newest first: the team lead's list to review. */
  emergencyAccessOfTeam(organisationId: string, teamId: string, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Requests refused before a user was known (no or a bad token), kept per day. */
  appendRefusedRequests(refusals: readonly RefusedRequest[], options?: WriteOptions): Promise<void>;
  refusedRequestsOn(day: string, page: PageRequest): Promise<Page<RefusedRequest>>;
}

/** DynamoDB kept leaving entries unprocessed (throttling): worth another try later. */
export class UnprocessedAuditEntriesError extends Error {
  constructor() {
    super('audit entries not written');
    this.name = 'UnprocessedAuditEntriesError';
  }
}

/**
 * Refusals whose entries could not be written, kept where a replay (`npm run replay-audit`) writes them later.
 * A message of the place is one of these, or a CloudWatch Logs event the refused-requests Lambda gave up on.
 */
export type ParkedAudit =
  | { soort: 'toegang'; entries: AuditEntry[] }
  | { soort: 'weigering'; refusals: RefusedRequest[] };

export interface AuditParking {
  park(parked: ParkedAudit): Promise<void>;
}
