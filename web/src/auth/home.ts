import type { Role } from '../../../shared/domain/vocabulary';

/** Where each role starts: caseworkers at their transitions, budget holders at their inbox. */
export function homeOf(role: Role | undefined): string {
  return role === 'budgethouder' ? '/regelbudget' : '/trajecten';
}
