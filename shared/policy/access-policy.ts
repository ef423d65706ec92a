import type { Principal, Role } from '../domain/principal';

/**
 * The one place that decides who may do what, and on what ground (which the audit trail records). Pure:
 * handlers ask, this answers, nothing else decides.
 *
 * - A person's record (a transition, its signals, its support, its budget as the provider sees it) is for the
 *   provider's begeleiders and team lead of the person's team: the begeleiders of the duo on the ground of
 *   their treatment relationship, the rest of the team as colleagues. Someone of the same organisation outside
 *   the team may look in an emergency, with a reason ("break the glass"), which is flagged for the team lead.
 * - A regelbudget is the municipality's money: its budget holders act on budgets in their municipality, and
 *   see nothing else of the person (no health details).
 * - The provider's administrator manages webhooks and keys, and reads no person's record.
 * - A corporation's system reports signals about its homes and reads back their status, nothing more.
 */
export type Action =
  | 'transition:create'
  | 'transition:update'
  | 'transition:list-own'
  | 'transition:list-team'
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
  | 'audit:read-person'
  | 'audit:read-user'
  | 'webhook:manage'
  | 'corporation:report';

/** Why access was granted: what the audit trail records as the ground (NEN 7513 "grondslag"). */
export const grounds = ['behandelrelatie', 'team', 'noodtoegang', 'gemeente', 'eigen-werk', 'beheer', 'corporatie'] as const;
export type Ground = (typeof grounds)[number];

export const groundLabels: Record<Ground, string> = {
  behandelrelatie: 'Begeleider van de persoon',
  team: 'Lid van het team van de persoon',
  noodtoegang: 'Noodtoegang (met reden)',
  gemeente: 'Budgethouder van de gemeente',
  'eigen-werk': 'Eigen werkvoorraad',
  beheer: 'Beheer',
  corporatie: 'Corporatie (eigen meldingen)',
};

export interface ResourceScope {
  /** The organisation that owns the resource (for a transition: the zorgaanbieder). */
  organisationId: string;
  /** For a person's record: the team that supports the person. */
  teamId?: string | undefined;
  /** Staff who work on the resource directly (for a transition: its begeleiders). */
  assignedUserIds?: readonly string[];
  /** For a budget: the municipality whose money it is. */
  gemeenteCode?: string;
}

export interface AccessContext {
  /** The principal's municipality, when they work for one (budget holders). */
  gemeenteCode?: string | undefined;
  /** The principal asks for emergency access, with a reason. */
  noodtoegang?: boolean;
}

export type Denial = 'role' | 'organisation' | 'team' | 'gemeente';
export type Decision = { allowed: true; grond: Ground } | { allowed: false; reason: Denial };

/** How an action is scoped: to a person's record, to a budget's municipality, or to the organisation. */
type Scope = 'person' | 'budget' | 'organisation';

const rules: Record<Action, { roles: readonly Role[]; scope: Scope }> = {
  'transition:create': { roles: ['begeleider', 'teamleider'], scope: 'organisation' },
  'transition:update': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  'transition:list-own': { roles: ['begeleider', 'teamleider'], scope: 'organisation' },
  'transition:list-team': { roles: ['begeleider', 'teamleider'], scope: 'organisation' },
  'transition:read': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  'staff:list': { roles: ['begeleider', 'teamleider', 'beheerder'], scope: 'organisation' },
  'corporation:list': { roles: ['begeleider', 'teamleider', 'beheerder'], scope: 'organisation' },
  'budget:read': { roles: ['begeleider', 'teamleider', 'budgethouder'], scope: 'budget' },
  'budget:grant': { roles: ['budgethouder'], scope: 'budget' },
  'budget:propose': { roles: ['begeleider', 'teamleider'], scope: 'budget' },
  'budget:decide': { roles: ['budgethouder'], scope: 'budget' },
  'budget:pay': { roles: ['budgethouder'], scope: 'budget' },
  'budget:cancel': { roles: ['begeleider', 'teamleider', 'budgethouder'], scope: 'budget' },
  'budget:inbox': { roles: ['budgethouder'], scope: 'organisation' },
  'budget:export': { roles: ['budgethouder'], scope: 'organisation' },
  'signal:read': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  'signal:register': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  'signal:acknowledge': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  'signal:resolve': { roles: ['begeleider', 'teamleider'], scope: 'person' },
  // A caseworker's own "vandaag"; the team's load is for the team lead, who assigns new transitions.
  'caseload:own': { roles: ['begeleider', 'teamleider'], scope: 'organisation' },
  'caseload:team': { roles: ['teamleider'], scope: 'organisation' },
  // Who looked at a person's record, and what a user looked at: the team lead's oversight.
  'audit:read-person': { roles: ['teamleider'], scope: 'person' },
  'audit:read-user': { roles: ['teamleider'], scope: 'organisation' },
  'webhook:manage': { roles: ['beheerder'], scope: 'organisation' },
  'corporation:report': { roles: ['corporatie'], scope: 'organisation' },
};

const organisationGround: Partial<Record<Role, Ground>> = { beheerder: 'beheer', corporatie: 'corporatie' };

export function decide(principal: Principal, action: Action, resource?: ResourceScope, context: AccessContext = {}): Decision {
  const rule = rules[action];
  if (!rule.roles.includes(principal.role)) return { allowed: false, reason: 'role' };
  if (rule.scope === 'budget' && principal.role === 'budgethouder') {
    // The municipality's money: its budget holders, for transitions in their municipality only.
    if (!resource) return { allowed: true, grond: 'gemeente' };
    return context.gemeenteCode && resource.gemeenteCode === context.gemeenteCode ? { allowed: true, grond: 'gemeente' } : { allowed: false, reason: 'gemeente' };
  }
  if (resource && resource.organisationId !== principal.organisationId) return { allowed: false, reason: 'organisation' };
  if (rule.scope === 'organisation' || !resource) return { allowed: true, grond: organisationGround[principal.role] ?? 'eigen-werk' };
  if (resource.assignedUserIds?.includes(principal.userId)) return { allowed: true, grond: 'behandelrelatie' };
  if (resource.teamId === undefined || resource.teamId === principal.teamId) return { allowed: true, grond: 'team' };
  // Outside the team: only in an emergency, with a reason (the caller checks the reason is there).
  return context.noodtoegang ? { allowed: true, grond: 'noodtoegang' } : { allowed: false, reason: 'team' };
}

/** The roles an action is for (the policy table, for documentation and tests). */
export function rolesFor(action: Action): readonly Role[] {
  return rules[action].roles;
}
