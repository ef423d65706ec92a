import type { Principal, Role } from '../domain/organisation/principal';

/**
 * The one place that decides who may do what, and on what ground (which the audit trail records). Pure:
 * handlers ask, this answers, nothing else decides.
 *
 * - A person's record (a transition, its signals, its support, its budget as the provider sees it) is for the
 *   provider's begeleiders and team lead of the person's team: the begeleiders of the duo on the ground of
 *   their treatment relationship, the rest of the team as colleagues. Someone of the same organisation outside
 *   the team may look in an emergency, with a reason ("break the glass"), which is flagged for the team lead.
 *   Emergency access is for looking: the one thing it also lets do is pass on a signal, so that what someone
 *   saw in a crisis reaches the duo ("manieren waarop signalen dat het niet goed gaat tijdig worden
 *   opgevangen"). Never money, never a change of the record, never the audit trail.
 * - A regelbudget is the municipality's money: its budget holders act on budgets in their municipality, and
 *   see nothing else of the person (no health details).
 * - The provider's administrator manages webhooks and keys, and reads no person's record.
 * - A corporation's system reports signals about its homes and reads back their status, nothing more.
 * - A municipality's policy staff (beleid) read outcomes as aggregates of their municipality (the
 *   centrumgemeente: of the region), never a person's record, a name or a date.
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
  | 'budget:request'
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
  | 'contact:read'
  | 'contact:record'
  | 'herstel:read'
  | 'herstel:write'
  | 'caseload:own'
  | 'caseload:team'
  | 'audit:read-person'
  | 'audit:read-user'
  | 'kaart:read'
  | 'kaart:write'
  | 'webhook:manage'
  | 'corporation:report'
  | 'outcomes:read';

/** Why access was granted: what the audit trail records as the ground (NEN 7513 "grondslag"). */
export const grounds = [
  'behandelrelatie',
  'team',
  'noodtoegang',
  'gemeente',
  'eigen-werk',
  'beheer',
  'corporatie',
  'beleid',
] as const;
export type Ground = (typeof grounds)[number];

export const groundLabels: Record<Ground, string> = {
  behandelrelatie: 'Begeleider van de persoon',
  team: 'Lid van het team van de persoon',
  noodtoegang: 'Noodtoegang (met reden)',
  gemeente: 'Budgethouder van de gemeente',
  'eigen-werk': 'Eigen werkvoorraad',
  beheer: 'Beheer',
  corporatie: 'Corporatie (eigen meldingen)',
  beleid: 'Beleid van de gemeente (alleen aantallen)',
};

export interface ResourceScope {
  /** The organisation that owns the resource (for a transition: the zorgaanbieder). */
  organisationId: string;
  /** For a person's record: the team that supports the person. */
  teamId?: string | undefined;
  /** Staff who work on the resource directly (for a transition: its begeleiders). */
  assignedUserIds?: readonly string[];
  /** For a budget: the municipality whose money it is; for outcomes: the municipality asked for, or `regio`. */
  gemeenteCode?: string;
}

export interface AccessContext {
  /** The principal's municipality, when they work for one (budget holders, beleid). */
  gemeenteCode?: string | undefined;
  /** The principal asks for emergency access, with a reason. */
  noodtoegang?: boolean;
}

/**
 * Why an attempt was refused. `alleen-inzien`: emergency access was asked for an action it does not cover
 * (a change, money, the audit trail).
 */
export const denials = ['role', 'organisation', 'team', 'gemeente', 'alleen-inzien'] as const;
export type Denial = (typeof denials)[number];
export type Decision = { allowed: true; grond: Ground } | { allowed: false; reason: Denial };

/** How an action is scoped: to a person's record, to a budget's municipality, or to the organisation. */
export type Scope = 'person' | 'budget' | 'organisation' | 'gemeente';
/** A look leaves a `lezen` entry in the audit trail; a change a `wijzigen` entry. */
export type Kind = 'look' | 'change';

interface Rule {
  roles: readonly Role[];
  scope: Scope;
  kind: Kind;
  /** Emergency access (with a reason) opens this action on another team's record. */
  noodtoegang?: true;
}

const staff = ['begeleider', 'teamleider'] as const;

const rules: Record<Action, Rule> = {
  'transition:create': { roles: staff, scope: 'organisation', kind: 'change' },
  'transition:update': { roles: staff, scope: 'person', kind: 'change' },
  'transition:list-own': { roles: staff, scope: 'organisation', kind: 'look' },
  'transition:list-team': { roles: staff, scope: 'organisation', kind: 'look' },
  'transition:read': { roles: staff, scope: 'person', kind: 'look', noodtoegang: true },
  'staff:list': { roles: [...staff, 'beheerder'], scope: 'organisation', kind: 'look' },
  'corporation:list': { roles: [...staff, 'beheerder'], scope: 'organisation', kind: 'look' },
  'budget:read': { roles: [...staff, 'budgethouder'], scope: 'budget', kind: 'look', noodtoegang: true },
  'budget:grant': { roles: ['budgethouder'], scope: 'budget', kind: 'change' },
  'budget:request': { roles: staff, scope: 'budget', kind: 'change' },
  'budget:propose': { roles: staff, scope: 'budget', kind: 'change' },
  'budget:decide': { roles: ['budgethouder'], scope: 'budget', kind: 'change' },
  'budget:pay': { roles: ['budgethouder'], scope: 'budget', kind: 'change' },
  'budget:cancel': { roles: [...staff, 'budgethouder'], scope: 'budget', kind: 'change' },
  'budget:inbox': { roles: ['budgethouder'], scope: 'organisation', kind: 'look' },
  'budget:export': { roles: ['budgethouder'], scope: 'organisation', kind: 'look' },
  'signal:read': { roles: staff, scope: 'person', kind: 'look', noodtoegang: true },
  // In a crisis, what someone saw must reach the duo, whoever saw it: the follow-up workflow takes it from there.
  'signal:register': { roles: staff, scope: 'person', kind: 'change', noodtoegang: true },
  'signal:acknowledge': { roles: staff, scope: 'person', kind: 'change' },
  'signal:resolve': { roles: staff, scope: 'person', kind: 'change' },
  'contact:read': { roles: staff, scope: 'person', kind: 'look', noodtoegang: true },
  'contact:record': { roles: staff, scope: 'person', kind: 'change' },
  // The person's own plan and network: in a crisis, who to call (a sleutelpersoon) is worth a look.
  'herstel:read': { roles: staff, scope: 'person', kind: 'look', noodtoegang: true },
  'herstel:write': { roles: staff, scope: 'person', kind: 'change' },
  // A caseworker's own "vandaag"; the team's load is for the team lead, who assigns new transitions.
  'caseload:own': { roles: staff, scope: 'organisation', kind: 'look' },
  'caseload:team': { roles: ['teamleider'], scope: 'organisation', kind: 'look' },
  // Who looked at a person's record, and what a user looked at: the oversight of the person's own team lead.
  'audit:read-person': { roles: ['teamleider'], scope: 'person', kind: 'look' },
  'audit:read-user': { roles: ['teamleider'], scope: 'organisation', kind: 'look' },
  // The sociale kaart is the provider's knowledge of the wijk (no person's data): its caseworkers keep it.
  'kaart:read': { roles: staff, scope: 'organisation', kind: 'look' },
  'kaart:write': { roles: staff, scope: 'organisation', kind: 'change' },
  'webhook:manage': { roles: ['beheerder'], scope: 'organisation', kind: 'change' },
  'corporation:report': { roles: ['corporatie'], scope: 'organisation', kind: 'change' },
  // Aggregates only, of the own municipality; the centrumgemeente coordinates BW and MO for the region
  // (Utrecht for the U16), so its policy staff see the region and each of its municipalities.
  'outcomes:read': { roles: ['beleid'], scope: 'gemeente', kind: 'look' },
};

/** The municipality whose policy staff see the whole region's outcomes. */
export const CENTRUMGEMEENTE = 'GM0344';

const organisationGround: Partial<Record<Role, Ground>> = { beheerder: 'beheer', corporatie: 'corporatie' };

export function decide(
  principal: Principal,
  action: Action,
  resource?: ResourceScope,
  context: AccessContext = {},
): Decision {
  const rule = rules[action];
  if (!rule.roles.includes(principal.role)) return { allowed: false, reason: 'role' };
  if (rule.scope === 'gemeente') {
    const own = context.gemeenteCode;
    const asked = resource?.gemeenteCode ?? own;
    if (!own || !asked) return { allowed: false, reason: 'gemeente' };
    return asked === own || own === CENTRUMGEMEENTE
      ? { allowed: true, grond: 'beleid' }
      : { allowed: false, reason: 'gemeente' };
  }
  if (rule.scope === 'budget' && principal.role === 'budgethouder') {
    // The municipality's money: its budget holders, for transitions in their municipality only.
    if (!resource) return { allowed: true, grond: 'gemeente' };
    return context.gemeenteCode && resource.gemeenteCode === context.gemeenteCode
      ? { allowed: true, grond: 'gemeente' }
      : { allowed: false, reason: 'gemeente' };
  }
  if (resource && resource.organisationId !== principal.organisationId)
    return { allowed: false, reason: 'organisation' };
  if (rule.scope === 'organisation' || !resource)
    return { allowed: true, grond: organisationGround[principal.role] ?? 'eigen-werk' };
  if (resource.assignedUserIds?.includes(principal.userId)) return { allowed: true, grond: 'behandelrelatie' };
  if (resource.teamId === undefined || resource.teamId === principal.teamId) return { allowed: true, grond: 'team' };
  // Outside the team: only in an emergency, with a reason (the caller checks the reason is there), and only
  // for what emergency access covers.
  if (!context.noodtoegang) return { allowed: false, reason: 'team' };
  return rule.noodtoegang ? { allowed: true, grond: 'noodtoegang' } : { allowed: false, reason: 'alleen-inzien' };
}

/** An action's rule as the policy table has it: for documentation, the audit entry and tests. */
export function ruleOf(action: Action): Readonly<Rule> {
  return rules[action];
}

export const actions = Object.keys(rules) as Action[];
