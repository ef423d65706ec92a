import type { Role } from '../../../shared/domain/vocabulary';

/** Where each role starts: caseworkers and team leads at what asks for them today, budget holders at their inbox. */
export function homeOf(role: Role | undefined): string {
  if (role === 'budgethouder') return '/regelbudget';
  return role === 'begeleider' || role === 'teamleider' ? '/vandaag' : '/trajecten';
}
