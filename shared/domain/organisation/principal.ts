import * as z from 'zod';
import { roles } from '../common/vocabulary';

export { roles } from '../common/vocabulary';

/**
 * Who is asking. On AWS this comes from the Cognito JWT that API Gateway verified; locally from the
 * token the local sign-in issues for a seeded user. Handlers only ever see this shape.
 */
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const Principal = z.object({
  userId: z.string().min(1),
  naam: z.string().min(1),
  organisationId: z.string().min(1),
  role: Role,
  /** The team a member of a provider's staff works in: it bounds which persons' records they see. */
  teamId: z.string().min(1).optional(),
  /** A corporation's system: the provider that issued its API key. It reaches that provider's homes and notices only. */
  providerId: z.string().min(1).optional(),
});
export type Principal = z.infer<typeof Principal>;

/** The JWT claim names that carry a principal (Cognito custom attributes keep their `custom:` prefix). */
export const principalClaims = {
  userId: 'sub',
  naam: 'name',
  organisationId: 'custom:organisation_id',
  role: 'custom:role',
  teamId: 'custom:team_id',
} as const;
