import type { Organisation, StaffMember } from '../../shared/domain/organisation/organisation';

/** The organisation directory: who works where. Seeded locally; kept in step with Cognito on AWS. */
export interface OrganisationDirectory {
  organisation(organisationId: string): Promise<Organisation | undefined>;
  organisationsOfKind(soort: Organisation['soort']): Promise<Organisation[]>;
  staff(organisationId: string): Promise<StaffMember[]>;
  staffMembers(organisationId: string, userIds: readonly string[]): Promise<StaffMember[]>;
}
