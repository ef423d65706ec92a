import * as z from 'zod';
import { Role } from './principal';

export const organisationKinds = ['zorgaanbieder', 'woningcorporatie', 'gemeente'] as const;
export const OrganisationKind = z.enum(organisationKinds);

export const Organisation = z
  .object({
    id: z.string(),
    naam: z.string(),
    soort: OrganisationKind,
    /** For a gemeente: its CBS code, which ties its budget holders to the transitions in it. */
    gemeenteCode: z
      .string()
      .regex(/^GM\d{4}$/)
      .optional(),
    /** For a zorgaanbieder: its KvK number, which names it as the source of its notices (urn:nld:kvk:…). */
    kvkNummer: z
      .string()
      .regex(/^\d{8}$/)
      .optional(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

/** A member of staff of an organisation, as the organisation's directory lists them. */
export const StaffMember = z
  .object({
    id: z.string(),
    naam: z.string(),
    role: Role,
    /** The team within the organisation (a provider's begeleiders and team lead). */
    teamId: z.string().optional(),
    /** Work phone, given to a corporation when this begeleider is the contact person for a home. */
    telefoon: z.string().max(20).optional(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof StaffMember>;
