import type { Role } from '../../../shared/domain/common/vocabulary';

/**
 * Where each role starts: caseworkers and team leads at what asks for them today, budget holders at their
 * inbox, the provider's administrator at the corporations (webhooks and API keys), beleid at the outcomes. Anyone else at "Vandaag",
 * which has something for every role.
 */
export function homeOf(role: Role | undefined): string {
  if (role === 'budgethouder') return '/regelbudget';
  if (role === 'beheerder') return '/corporaties';
  if (role === 'beleid') return '/uitkomsten';
  return '/vandaag';
}
