import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roles, type Principal, type Role } from '../../shared/domain/organisation/principal';
import {
  actions,
  decide,
  ruleOf,
  type Action,
  type Decision,
  type ResourceScope,
} from '../../shared/policy/access-policy';

/**
 * The access policy against the table in docs/ARCHITECTURE.md (security section): every action the table
 * lists, every role, every relation between the principal and the record, with and without emergency access.
 * The table is the rule; a change of policy must change the table, and a table the code does not follow fails.
 */
interface Row {
  action: Action;
  roles: Role[];
  scope: 'person' | 'budget' | 'organisation' | 'gemeente';
  kind: 'look' | 'change';
  noodtoegang: boolean;
  audit: string;
}

function documentedTable(): Row[] {
  const doc = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
  const block = doc.split('<!-- access-policy:start')[1]?.split('<!-- access-policy:end -->')[0] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [action, , roleList, scope, kind, noodtoegang, audit] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        action: action!.replaceAll('`', '') as Action,
        roles: roleList!.split(',').map((r) => r.trim() as Role),
        scope: scope as Row['scope'],
        kind: kind as Row['kind'],
        noodtoegang: noodtoegang === 'yes',
        audit: audit!,
      };
    });
}

const table = documentedTable();
const principal = (role: Role): Principal => ({
  userId: 'u1',
  naam: 'Test',
  organisationId: 'org-a',
  role,
  ...(role === 'begeleider' || role === 'teamleider' ? { teamId: 'team-1' } : {}),
});

/** The ways a record can relate to the principal. */
const relations = {
  assigned: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u1'], gemeenteCode: 'GM0344' },
  sameTeam: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u2'], gemeenteCode: 'GM0344' },
  otherTeam: { organisationId: 'org-a', teamId: 'team-2', assignedUserIds: ['u2'], gemeenteCode: 'GM0344' },
  otherOrganisation: { organisationId: 'org-b', teamId: 'team-1', assignedUserIds: ['u1'], gemeenteCode: 'GM0344' },
  otherMunicipality: { organisationId: 'org-a', teamId: 'team-1', assignedUserIds: ['u2'], gemeenteCode: 'GM0355' },
} satisfies Record<string, ResourceScope>;
type Relation = keyof typeof relations;
const municipality = 'GM0344';

/** What the policy must answer, read from the table's row with the scope rules written out in words. */
function expected(row: Row, role: Role, relation: Relation, noodtoegang: boolean): Decision {
  if (!row.roles.includes(role)) return { allowed: false, reason: 'role' };
  // The principal's municipality here is the centrumgemeente: its policy staff see every municipality.
  if (row.scope === 'gemeente') return { allowed: true, grond: 'beleid' };
  if (row.scope === 'budget' && role === 'budgethouder') {
    return relation === 'otherMunicipality'
      ? { allowed: false, reason: 'gemeente' }
      : { allowed: true, grond: 'gemeente' };
  }
  if (relation === 'otherOrganisation') return { allowed: false, reason: 'organisation' };
  if (row.scope === 'organisation') {
    return {
      allowed: true,
      grond: role === 'beheerder' ? 'beheer' : role === 'corporatie' ? 'corporatie' : 'eigen-werk',
    };
  }
  if (relation === 'assigned') return { allowed: true, grond: 'behandelrelatie' };
  if (relation !== 'otherTeam') return { allowed: true, grond: 'team' };
  if (!noodtoegang) return { allowed: false, reason: 'team' };
  return row.noodtoegang ? { allowed: true, grond: 'noodtoegang' } : { allowed: false, reason: 'alleen-inzien' };
}

describe('access policy, as docs/ARCHITECTURE.md tabulates it', () => {
  it('lists every action of the policy once, and nothing else', () => {
    expect(table.map((r) => r.action).sort()).toEqual([...actions].sort());
  });

  const cases = table.flatMap((row) =>
    roles.flatMap((role) =>
      (Object.keys(relations) as Relation[]).flatMap((relation) =>
        [false, true].map((noodtoegang) => ({ row, role, relation, noodtoegang })),
      ),
    ),
  );

  it.each(cases)(
    '$role, $row.action on a record related as $relation (noodtoegang: $noodtoegang)',
    ({ row, role, relation, noodtoegang }) => {
      const context = { gemeenteCode: municipality, noodtoegang };
      expect(decide(principal(role), row.action, relations[relation], context)).toEqual(
        expected(row, role, relation, noodtoegang),
      );
    },
  );

  it.each(table)('$action: roles, scope, kind and what emergency access opens are the table’s', (row) => {
    const rule = ruleOf(row.action);
    expect([...rule.roles]).toEqual(row.roles);
    expect(rule.scope).toBe(row.scope);
    expect(rule.kind).toBe(row.kind);
    expect(Boolean(rule.noodtoegang)).toBe(row.noodtoegang);
    expect(row.audit).toBe(
      row.scope === 'organisation' || row.scope === 'gemeente'
        ? "on the user's trail"
        : `\`${row.kind === 'look' ? 'lezen' : 'wijzigen'}\` on the person's trail`,
    );
  });

  it.each(table)('$action without a record: allowed exactly for the table’s roles', (row) => {
    for (const role of roles)
      expect(decide(principal(role), row.action, undefined, { gemeenteCode: municipality }).allowed).toBe(
        row.roles.includes(role),
      );
  });

  it('never lets emergency access move money or change a record', () => {
    const opened = table.filter((r) => r.noodtoegang);
    expect(opened.filter((r) => r.kind === 'change').map((r) => r.action)).toEqual(['signal:register']);
    expect(opened.filter((r) => r.scope === 'budget' && r.kind === 'change')).toEqual([]);
  });

  it('gives a budget holder without a municipality no budget at all', () => {
    expect(decide(principal('budgethouder'), 'budget:read', relations.sameTeam, {})).toEqual({
      allowed: false,
      reason: 'gemeente',
    });
  });

  it('gives beleid its own municipality only, the centrumgemeente the region, and no municipality nothing', () => {
    const beleid = principal('beleid');
    const zeist = { gemeenteCode: 'GM0355' };
    const asked = (gemeenteCode: string) => ({ organisationId: 'org-a', gemeenteCode });
    expect(decide(beleid, 'outcomes:read', asked('GM0355'), zeist)).toEqual({ allowed: true, grond: 'beleid' });
    expect(decide(beleid, 'outcomes:read', undefined, zeist)).toEqual({ allowed: true, grond: 'beleid' });
    expect(decide(beleid, 'outcomes:read', asked('GM0344'), zeist)).toEqual({ allowed: false, reason: 'gemeente' });
    expect(decide(beleid, 'outcomes:read', asked('regio'), zeist)).toEqual({ allowed: false, reason: 'gemeente' });
    expect(decide(beleid, 'outcomes:read', asked('regio'), { gemeenteCode: 'GM0344' }).allowed).toBe(true);
    expect(decide(beleid, 'outcomes:read', undefined, {})).toEqual({ allowed: false, reason: 'gemeente' });
  });

  it('gives beleid no person’s record, no list, no budget, nothing but outcomes', () => {
    for (const action of actions.filter((a) => a !== 'outcomes:read'))
      for (const relation of Object.values(relations))
        expect(decide(principal('beleid'), action, relation, { gemeenteCode: municipality }).allowed).toBe(false);
  });

  it('treats a record from before teams as the whole organisation’s', () => {
    const noTeam = { organisationId: 'org-a', assignedUserIds: ['u2'] };
    expect(decide(principal('begeleider'), 'transition:read', noTeam)).toEqual({ allowed: true, grond: 'team' });
  });
});

describe('the steunsysteem (herstel)', () => {
  const otherTeamLead = principal('teamleider');
  it('lets another team’s teamleider look at the network only under noodtoegang, and never change it', () => {
    const context = { gemeenteCode: municipality };
    expect(decide(otherTeamLead, 'herstel:read', relations.otherTeam, context)).toEqual({
      allowed: false,
      reason: 'team',
    });
    expect(decide(otherTeamLead, 'herstel:read', relations.otherTeam, { ...context, noodtoegang: true })).toEqual({
      allowed: true,
      grond: 'noodtoegang',
    });
    expect(decide(otherTeamLead, 'herstel:write', relations.otherTeam, { ...context, noodtoegang: true })).toEqual({
      allowed: false,
      reason: 'alleen-inzien',
    });
    expect(decide(principal('budgethouder'), 'herstel:read', relations.sameTeam, context).allowed).toBe(false);
  });
});
