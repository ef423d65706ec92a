import type { Principal, Role } from '../domain/principal';

/**
 * The one place that decides who may do what. Pure: handlers ask, this answers, nothing else decides.
 * Step 1 covers transitions and the organisation directory; later steps add budget, support, signals.
 */
export type Action =
  | 'transition:create'
  | 'transition:update'
  | 'transition:list-own'
  | 'transition:list-organisation'
  | 'transition:read'
  | 'staff:list'
  | 'corporation:list'
  | 'budget:read'
  | 'budget:grant'
  | 'budget:propose'
  | 'budget:decide'
  | 'budget:pay'
  | 'budget:cancel'
  | 'budget:inbox'
  | 'budget:export'
  | 'signal:read'
  | 'signal:register'
  | 'signal:acknowledge'
  | 'signal:resolve'
  | 'caseload:own'
  | 'caseload:team'
  | 'webhook:manage'
  | 'corporation:report';

export interface ResourceScope {
  /** The organisation that owns the resource (for a transition: the zorgaanbieder). */
  organisationId: string;
  /** Staff who work on the resource directly (for a transition: its begeleiders). */
  assignedUserIds?: readonly string[];
}

export type Decision = { allowed: true } | { allowed: false; reason: 'role' | 'organisation' };

const rolesFor: Record<Action, readonly Role[]> = {
  'transition:create': ['begeleider', 'teamleider'],
  'transition:update': ['begeleider', 'teamleider'],
  'transition:list-own': ['begeleider', 'teamleider'],
  'transition:list-organisation': ['begeleider', 'teamleider', 'beheerder'],
  'transition:read': ['begeleider', 'teamleider', 'beheerder'],
  'staff:list': ['begeleider', 'teamleider', 'beheerder'],
  'corporation:list': ['begeleider', 'teamleider', 'beheerder'],
  // A regelbudget is the municipality's money: its budget holders grant, decide and pay; the provider's
  // caseworkers propose and cancel. Both read it (the budget holder sees no health details there).
  'budget:read': ['begeleider', 'teamleider', 'budgethouder'],
  'budget:grant': ['budgethouder'],
  'budget:propose': ['begeleider', 'teamleider'],
  'budget:decide': ['budgethouder'],
  'budget:pay': ['budgethouder'],
  'budget:cancel': ['begeleider', 'teamleider', 'budgethouder'],
  'budget:inbox': ['budgethouder'],
  'budget:export': ['budgethouder'],
  'signal:read': ['begeleider', 'teamleider'],
  'signal:register': ['begeleider', 'teamleider'],
  'signal:acknowledge': ['begeleider', 'teamleider'],
  'signal:resolve': ['begeleider', 'teamleider'],
  // A caseworker's own "vandaag"; the team's load is for the team lead, who assigns new transitions.
  'caseload:own': ['begeleider', 'teamleider'],
  'caseload:team': ['teamleider'],
  // The provider's admin manages its endpoints at corporations and the corporations' API keys.
  'webhook:manage': ['beheerder'],
  // A corporation's system reports signals about its homes and reads back whether they were picked up.
  'corporation:report': ['corporatie'],
};

export function decide(principal: Principal, action: Action, resource?: ResourceScope): Decision {
  if (!rolesFor[action].includes(principal.role)) return { allowed: false, reason: 'role' };
  if (resource && resource.organisationId !== principal.organisationId) return { allowed: false, reason: 'organisation' };
  return { allowed: true };
}
