import { describe, expect, it } from 'vitest';
import { roles, type Principal, type Role } from '../../shared/domain/principal';
import { decide, rolesFor, type Action, type Decision, type ResourceScope } from '../../shared/policy/access-policy';

/**
 * The access policy as a table: every action, every role, and every relation between the principal and the
 * resource. A change of policy must change this table.
 */
const principal = (role: Role): Principal => ({ userId: 'u1', naam: 'Test', organisationId: 'org-a', role, ...(role === 'begeleider' || role === 'teamleider' ? { teamId: 'team-1' } : {}) });

const allowed: Record<Action, Role[]> = {
  'transition:create': ['begeleider', 'teamleider'],
  'transition:update': ['begeleider', 'teamleider'],
  'transition:list-own': ['begeleider', 'teamleider'],
  'transition:list-team': ['begeleider', 'teamleider'],
  'transition:read': ['begeleider', 'teamleider'],
  'staff:list': ['begeleider', 'teamleider', 'beheerder'],
  'corporation:list': ['begeleider', 'teamleider', 'beheerder'],
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
  'caseload:own': ['begeleider', 'teamleider'],
  'caseload:team': ['teamleider'],
  'audit:read-person': ['teamleider'],
  'audit:read-user': ['teamleider'],
  'webhook:manage': ['beheerder'],
  'corporation:report': ['corporatie'],
};

const personActions: Action[] = ['transition:update', 'transition:read', 'signal:read', 'signal:register', 'signal:acknowledge', 'signal:resolve', 'audit:read-person'];
const budgetActions: Action[] = ['budget:read', 'budget:grant', 'budget:propose', 'budget:decide', 'budget:pay', 'budget:cancel'];
const actions = Object.keys(allowed) as Action[];

/** The ways a resource can relate to the principal. */
const relations: Record<string, ResourceScope> = {
  assigned: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u1'], gemeenteCode: 'GM0344' },
  sameTeam: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u2'], gemeenteCode: 'GM0344' },
  otherTeam: { organisationId: 'org-a', teamId: 'team-2', assignedUserIds: ['u2'], gemeenteCode: 'GM0344' },
  otherOrganisation: { organisationId: 'org-b', teamId: 'team-1', assignedUserIds: ['u1'], gemeenteCode: 'GM0344' },
  otherMunicipality: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u2'], gemeenteCode: 'GM0355' },
};
const municipality = { gemeenteCode: 'GM0344' };

/** What the policy must answer, written out from the rules in words. */
function expected(role: Role, action: Action, relation: keyof typeof relations, noodtoegang = false): Decision {
  if (!allowed[action].includes(role)) return { allowed: false, reason: 'role' };
  const isBudget = budgetActions.includes(action);
  if (isBudget && role === 'budgethouder') {
    return relation === 'otherMunicipality' ? { allowed: false, reason: 'gemeente' } : { allowed: true, grond: 'gemeente' };
  }
  if (relation === 'otherOrganisation') return { allowed: false, reason: 'organisation' };
  const personScoped = personActions.includes(action) || isBudget;
  if (!personScoped) return { allowed: true, grond: role === 'beheerder' ? 'beheer' : role === 'corporatie' ? 'corporatie' : 'eigen-werk' };
  if (relation === 'assigned') return { allowed: true, grond: 'behandelrelatie' };
  if (relation === 'otherTeam') return noodtoegang ? { allowed: true, grond: 'noodtoegang' } : { allowed: false, reason: 'team' };
  return { allowed: true, grond: 'team' };
}

describe('access policy', () => {
  const cases = actions.flatMap((action) => roles.flatMap((role) => Object.keys(relations).map((relation) => ({ action, role, relation }))));

  it.each(cases)('$role, $action on a resource related as $relation', ({ action, role, relation }) => {
    expect(decide(principal(role), action, relations[relation], municipality)).toEqual(expected(role, action, relation));
  });

  it.each(actions.flatMap((action) => roles.map((role) => ({ action, role }))))('$role may $action only if the table says so (no resource)', ({ action, role }) => {
    expect(decide(principal(role), action, undefined, municipality).allowed).toBe(allowed[action].includes(role));
    expect(rolesFor(action)).toEqual(allowed[action]);
  });

  it.each(personActions.flatMap((action) => allowed[action].map((role) => ({ action, role }))))(
    'lets a $role of another team $action only with emergency access, on that ground',
    ({ action, role }) => {
      expect(decide(principal(role), action, relations.otherTeam, { noodtoegang: true })).toEqual({ allowed: true, grond: 'noodtoegang' });
      // Emergency access opens another team's records, never another organisation's.
      expect(decide(principal(role), action, relations.otherOrganisation, { noodtoegang: true })).toEqual({ allowed: false, reason: 'organisation' });
    },
  );

  it('gives a budget holder without a municipality no budget at all', () => {
    expect(decide(principal('budgethouder'), 'budget:read', relations.sameTeam, {})).toEqual({ allowed: false, reason: 'gemeente' });
  });

  it('treats a record from before teams as the whole organisation’s', () => {
    const noTeam = { organisationId: 'org-a', assignedUserIds: ['u2'] };
    expect(decide(principal('begeleider'), 'transition:read', noTeam)).toEqual({ allowed: true, grond: 'team' });
  });
});
