import type { AuditEntry, RefusedRequest } from '../../shared/domain/audit';
import type { Page, PageRequest } from '../transitions/ports';

/** The audit trail: append-only. There is deliberately no way to change or remove an entry. */
export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  ofPerson(persoonRef: string, page: PageRequest): Promise<Page<AuditEntry>>;
  ofUser(userId: string, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Emergency access to the records of a team, newest first: the team lead's list to review. */
  emergencyAccessOfTeam(organisationId: string, teamId: string, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Requests refused before a user was known (no or a bad token), kept per day. */
  appendRefusedRequests(refusals: readonly RefusedRequest[]): Promise<void>;
  refusedRequestsOn(day: string, page: PageRequest): Promise<Page<RefusedRequest>>;
}
