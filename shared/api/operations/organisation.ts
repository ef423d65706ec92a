import * as z from 'zod';
import { Principal } from '../../domain/organisation/principal';
import { Organisation, StaffMember } from '../../domain/organisation/organisation';
import { op, type OperationSpec } from '../operation';

export const Me = z.object({ principal: Principal, organisation: Organisation }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const StaffList = z.object({ items: z.array(StaffMember) }).meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof StaffList>;

export const CorporationList = z.object({ items: z.array(Organisation) }).meta({ id: 'CorporationList' });

/** Who is signed in, their organisation, its staff and the corporations it works with. */
export const organisationOperations = {
  listCorporations: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/corporaties',
    summary: 'Woningcorporaties (om een woningaanbod te registreren)',
    auth: 'principal',
    response: { status: 200, schema: CorporationList, description: 'De corporaties' },
    errors: [401, 403],
  }),
  getMe: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/me',
    summary: 'Wie ben ik: de aangemelde medewerker en diens organisatie',
    auth: 'principal',
    response: { status: 200, schema: Me, description: 'De aangemelde medewerker' },
    errors: [401],
  }),
  listStaff: op({
    capability: 'organisation',
    method: 'GET',
    path: '/api/organisation/staff',
    summary: 'Medewerkers van mijn organisatie (om begeleiders te kiezen)',
    auth: 'principal',
    response: { status: 200, schema: StaffList, description: 'De medewerkers' },
    errors: [401, 403],
  }),
} as const satisfies Record<string, OperationSpec>;
