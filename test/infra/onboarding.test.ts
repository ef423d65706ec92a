import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { CognitoUsers } from '../../infra/ops/onboarding/cognito-users';
import { onboard } from '../../infra/ops/onboarding/onboard';
import { parseOnboardingFile, type OnboardingFile } from '../../infra/ops/onboarding/onboarding-file';
import { createTestTable, type TestTable } from '../support/dynamo';

/**
 * `npm run onboard`: the example file of the runbook brought onto a table in DynamoDB Local, with the user
 * pool (an AWS-only service) mocked: users created once with their attributes, staff keyed by their `sub`.
 */
const example = JSON.parse(readFileSync('docs/examples/organisatie.voorbeeld.json', 'utf8')) as unknown;
const cognito = mockClient(CognitoIdentityProviderClient);
let table: TestTable;
let pool: Map<string, string>;

beforeEach(async () => {
  table = await createTestTable('onboard');
  cognito.reset();
  pool = new Map();
  cognito.on(ListUsersCommand).callsFake(({ Filter }: { Filter: string }) => {
    const email = Filter.match(/email = "(.*)"/)![1]!;
    const sub = pool.get(email);
    return { Users: sub ? [{ Username: email, Attributes: [{ Name: 'sub', Value: sub }] }] : [] };
  });
  cognito.on(AdminCreateUserCommand).callsFake(({ Username }: { Username: string }) => {
    const sub = `sub-${pool.size + 1}`;
    pool.set(Username, sub);
    return { User: { Username, Attributes: [{ Name: 'sub', Value: sub }] } };
  });
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
  cognito.on(AdminDeleteUserAttributesCommand).resolves({});
});

const deps = () => ({
  db: table.db,
  tableName: table.tableName,
  users: new CognitoUsers(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), 'pool-1'),
});
const file = (): OnboardingFile => {
  const parsed = parseOnboardingFile(example);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.file;
};

describe('onboarding an organisation', () => {
  it('creates each member of staff once, as a user with organisation, role and team, and as staff keyed by their sub', async () => {
    expect(await onboard(deps(), file(), false)).toEqual({
      organisations: 3,
      staff: 4,
      usersCreated: 4,
      usersUpdated: 0,
    });
    const created = cognito.commandCalls(AdminCreateUserCommand).map((c) => c.args[0].input);
    expect(created.find((u) => u.Username === 'begeleider@overstap.example.nl')?.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:organisation_id', Value: 'org-overstap' },
        { Name: 'custom:role', Value: 'begeleider' },
        { Name: 'custom:team_id', Value: 'team-utrecht' },
        { Name: 'name', Value: 'Sanne de Vries' },
      ]),
    );
    const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
    const staff = await directory.staff('org-overstap');
    expect(staff.map((s) => [s.naam, s.role, s.teamId]).sort()).toEqual([
      ['Bram Koster', 'beheerder', undefined],
      ['Ingrid Visser', 'teamleider', 'team-utrecht'],
      ['Sanne de Vries', 'begeleider', 'team-utrecht'],
    ]);
    expect(staff.find((s) => s.naam === 'Sanne de Vries')?.id).toBe(pool.get('begeleider@overstap.example.nl'));
    expect((await directory.organisation('gm-utrecht'))?.gemeenteCode).toBe('GM0344');

    // Again: nobody is created twice; their attributes are set again.
    expect(await onboard(deps(), file(), false)).toMatchObject({ usersCreated: 0, usersUpdated: 4 });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(4);
    expect(await directory.staff('org-overstap')).toHaveLength(3);
    // Those without a team lose the team claim (an administrator who was a begeleider sees no team's records).
    expect(
      cognito
        .commandCalls(AdminDeleteUserAttributesCommand)
        .map((c) => c.args[0].input.Username)
        .sort(),
    ).toEqual(['beheer@overstap.example.nl', 'budget@utrecht.example.nl']);
  });

  it('writes nothing in a dry run', async () => {
    expect(await onboard(deps(), file(), true)).toMatchObject({ usersCreated: 4 });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
    expect(
      await new DynamoOrganisationDirectory(table.db, table.tableName).organisation('org-overstap'),
    ).toBeUndefined();
  });

  it('refuses a file with mistakes, each named, before anything is written', () => {
    const wrong = structuredClone(example) as { medewerkers: Record<string, unknown>[] };
    wrong.medewerkers.push(
      { email: 'x@overstap.example.nl', naam: 'Zonder Team', organisatieId: 'org-overstap', rol: 'begeleider' },
      { email: 'y@overstap.example.nl', naam: 'Verkeerde Plek', organisatieId: 'org-overstap', rol: 'budgethouder' },
      { email: 'z@elders.example.nl', naam: 'Onbekende Organisatie', organisatieId: 'org-elders', rol: 'beheerder' },
      {
        email: 'begeleider@overstap.example.nl',
        naam: 'Dubbel',
        organisatieId: 'org-overstap',
        rol: 'begeleider',
        teamId: 't',
      },
      { email: 'geen-adres', naam: 'Geen Adres', organisatieId: 'org-overstap', rol: 'beheerder' },
    );
    const parsed = parseOnboardingFile(wrong);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? '' : parsed.problems.join('\n');
    expect(problems).toMatch(/x@overstap.example.nl: een begeleider hoort bij een team/);
    expect(problems).toMatch(/y@overstap.example.nl: een budgethouder werkt bij een gemeente/);
    expect(problems).toMatch(/org-elders staat niet in "organisaties"/);
    expect(problems).toMatch(/Dubbel: begeleider@overstap.example.nl/);
    expect(problems).toMatch(/geldig e-mailadres/);
  });
});
