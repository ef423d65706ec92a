import { describe, expect, it } from 'vitest';
import { roles, type Principal, type Role } from '../../shared/domain/principal';
import { decide, type Action } from '../../shared/policy/access-policy';

const principal = (role: Role): Principal => ({ userId: 'u1', naam: 'Test', organisationId: 'org-a', role });

// Every role × action, written out: a change of policy must change this table.
const allowed: Record<Action, Role[]> = {
  'transition:create': ['begeleider', 'teamleider'],
  'transition:update': ['begeleider', 'teamleider'],
  'transition:list-own': ['begeleider', 'teamleider'],
  'transition:list-organisation': ['begeleider', 'teamleider', 'beheerder'],
  'transition:read': ['begeleider', 'teamleider', 'beheerder'],
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
  'webhook:manage': ['beheerder'],
  'corporation:report': ['corporatie'],
};

describe('access policy', () => {
  const cases = (Object.keys(allowed) as Action[]).flatMap((action) => roles.map((role) => ({ action, role })));

  it.each(cases)('$role may $action only if the table says so', ({ action, role }) => {
    expect(decide(principal(role), action).allowed).toBe(allowed[action].includes(role));
  });

  it.each(cases.filter(({ action, role }) => allowed[action].includes(role)))(
    '$role of another organisation may not $action on org-b resources',
    ({ action, role }) => {
      expect(decide(principal(role), action, { organisationId: 'org-b' })).toEqual({ allowed: false, reason: 'organisation' });
      expect(decide(principal(role), action, { organisationId: 'org-a' })).toEqual({ allowed: true });
    },
  );
});
