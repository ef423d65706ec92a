import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { offboard } from '../../infra/ops/onboarding/offboard';
import { CognitoUsers } from '../../infra/ops/onboarding/cognito-users';
import { onboard } from '../../infra/ops/onboarding/onboard';
import { parseOnboardingFile, type OnboardingFile } from '../../infra/ops/onboarding/onboarding-file';
import { createTestTable, type TestTable } from '../support/dynamo';
import { seedPersonRecord } from '../support/person-record';
import { randomUUID } from 'node:crypto';

/**
 * `npm run onboard`: the example file of the runbook brought onto a table in DynamoDB Local, with the user
 * pool (an AWS-only service) mocked: users created once with their attributes, staff keyed by their `sub`.
 */
const example = JSON.parse(readFileSync('docs/examples/organisatie.voorbeeld.json', 'utf8')) as unknown;
const cognito = mockClient(CognitoIdentityProviderClient);
let table: TestTable;
let pool: Map<string, string>;
/** Per e-mail: status, enabled and the custom attributes the mock keeps. */
let userState: Map<string, { status: string; enabled: boolean; attributes: Record<string, string> }>;

beforeEach(async () => {
  table = await createTestTable('onboard');
  cognito.reset();
  pool = new Map();
  userState = new Map();
  cognito.on(ListUsersCommand).callsFake(({ Filter }: { Filter: string }) => {
    const email = Filter.match(/email = "(.*)"/)![1]!;
    const sub = pool.get(email);
    const state = userState.get(email);
    const attributes = Object.entries({ sub, ...state?.attributes }).map(([Name, Value]) => ({ Name, Value }));
    return {
      Users: sub
        ? [{ Username: email, Attributes: attributes, UserStatus: state?.status, Enabled: state?.enabled }]
        : [],
    };
  });
  cognito
    .on(AdminCreateUserCommand)
    .callsFake(
      ({ Username, UserAttributes }: { Username: string; UserAttributes?: { Name: string; Value: string }[] }) => {
        const sub = `sub-${pool.size + 1}`;
        pool.set(Username, sub);
        userState.set(Username, {
          status: 'FORCE_CHANGE_PASSWORD',
          enabled: true,
          attributes: Object.fromEntries((UserAttributes ?? []).map((a) => [a.Name, a.Value])),
        });
        return { User: { Username, Attributes: [{ Name: 'sub', Value: sub }] } };
      },
    );
  cognito.on(AdminCreateUserCommand, { MessageAction: 'RESEND' }).resolves({});
  cognito.on(AdminDisableUserCommand).callsFake(({ Username }: { Username: string }) => {
    userState.get(Username)!.enabled = false;
    return {};
  });
  cognito.on(AdminUserGlobalSignOutCommand).resolves({});
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
  cognito.on(AdminDeleteUserAttributesCommand).resolves({});
});

const options = { maxInvitations: 50, resend: false };
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
    expect(await onboard(deps(), file(), options)).toEqual({
      organisations: 3,
      staff: 4,
      usersCreated: 4,
      usersUpdated: 0,
      invitationsResent: 0,
      waiting: 0,
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
    expect(await onboard(deps(), file(), options)).toMatchObject({ usersCreated: 0, usersUpdated: 4 });
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

  it("sends at most the run's invitations; a stop halfway and a rerun resume, with no one twice", async () => {
    const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
    // A run that stops after two users (Cognito refuses the third): those two are staff already.
    let created = 0;
    cognito.on(AdminCreateUserCommand).callsFake(({ Username }: { Username: string }) => {
      if (++created === 3) throw Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' });
      const sub = `sub-${pool.size + 1}`;
      pool.set(Username, sub);
      return { User: { Username, Attributes: [{ Name: 'sub', Value: sub }] } };
    });
    await expect(onboard(deps(), file(), options)).rejects.toThrow('throttled');
    const staffAfterStop = await directory.staff('org-overstap');
    expect(staffAfterStop.map((s) => s.id).sort()).toEqual(['sub-1', 'sub-2']);

    // The rerun with one invitation left today: one more, one waits; the next day the last one.
    expect(await onboard(deps(), file(), { maxInvitations: 1, resend: false })).toMatchObject({
      usersCreated: 1,
      usersUpdated: 2,
      waiting: 1,
    });
    expect(await onboard(deps(), file(), { maxInvitations: 1, resend: false })).toMatchObject({
      usersCreated: 1,
      usersUpdated: 3,
      waiting: 0,
    });
    expect(pool.size).toBe(4);
    expect(await directory.staff('org-overstap')).toHaveLength(3);
  });

  it('sends the invitation again to whoever never signed in, and to nobody else', async () => {
    await onboard(deps(), file(), options);
    userState.get('begeleider@overstap.example.nl')!.status = 'CONFIRMED';
    const report = await onboard(deps(), file(), { maxInvitations: 50, resend: true });
    const resent = cognito
      .commandCalls(AdminCreateUserCommand, { MessageAction: 'RESEND' })
      .map((c) => c.args[0].input.Username)
      .sort();
    expect(report.invitationsResent).toBe(3);
    expect(resent).not.toContain('begeleider@overstap.example.nl');
    expect(resent).toHaveLength(3);
  });

  it('refuses a file with mistakes, each named, before anything is written', () => {
    const wrong = structuredClone(example) as { medewerkers: Record<string, unknown>[] };
    wrong.medewerkers.push(
      { email: 'x@overstap.example.nl', naam: 'Zonder Team', organisatieId: 'org-overstap', rol: 'begeleider' },
      { email: 'y@overstap.example.nl', naam: 'Verkeerde Plek', organisatieId: 'org-overstap', rol: 'budgethouder' },
      { email: 'b@overstap.example.nl', naam: 'Beleid Elders', organisatieId: 'org-overstap', rol: 'beleid' },
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
    expect(problems).toMatch(/b@overstap.example.nl: beleid werkt bij een gemeente met een gemeentecode/);
    expect(problems).toMatch(/org-elders staat niet in "organisaties"/);
    expect(problems).toMatch(/Dubbel: begeleider@overstap.example.nl/);
    expect(problems).toMatch(/geldig e-mailadres/);
    // Places count from 1, as a person counts: the 5th member of staff (the first added above).
    expect(problems).toMatch(/^medewerker 5: x@overstap.example.nl/m);
  });

  it('refuses an organisation id twice', () => {
    const twice = structuredClone(example) as { organisaties: Record<string, unknown>[] };
    twice.organisaties.push({ ...twice.organisaties[0], naam: 'Een andere naam' });
    const parsed = parseOnboardingFile(twice);
    expect(parsed.ok ? [] : parsed.problems).toContain('organisaties: Dubbele organisatie-id: org-overstap');
  });
});

describe('offboarding', () => {
  it('disables the leaver, takes them off their team and transitions (a duo goes on, the successor takes over), with audit entries', async () => {
    // Prepare: Sanne and Youssef are a duo on one transition; Sanne alone on another.
    const staff = (email: string, naam: string) => ({
      email,
      naam,
      organisatieId: 'org-a',
      rol: 'begeleider' as const,
      teamId: 'team-a1',
    });
    const onboarding = parseOnboardingFile({
      organisaties: [{ id: 'org-a', naam: 'Aanbieder A', soort: 'zorgaanbieder' }],
      medewerkers: [
        staff('sanne@a.example.nl', 'Sanne de Vries'),
        staff('youssef@a.example.nl', 'Youssef El Amrani'),
        staff('kim@a.example.nl', 'Kim de Wit'),
      ],
    });
    if (!onboarding.ok) throw new Error(onboarding.problems.join('\n'));
    await onboard(deps(), onboarding.file, options);
    const sanne = pool.get('sanne@a.example.nl')!;
    const youssef = pool.get('youssef@a.example.nl')!;
    const kim = pool.get('kim@a.example.nl')!;
    const transitions = new DynamoTransitionStore(table.db, table.tableName);
    const duo = await seedPersonRecord(table.db, table.tableName, { startAt: '2027-01-04T09:00:00.000Z' });
    const alone = await seedPersonRecord(table.db, table.tableName, { startAt: '2027-01-05T09:00:00.000Z' });
    // Give the seeded transitions these users as begeleiders, as a registration would.
    for (const [t, ids] of [
      [duo, [sanne, youssef]],
      [alone, [sanne]],
    ] as const) {
      const before = (await transitions.get(t.id))!;
      await transitions.update({
        before,
        next: {
          ...before,
          version: before.version + 1,
          begeleiders: ids.map((id) => ({ id, naam: id === sanne ? 'Sanne de Vries' : 'Youssef El Amrani' })),
        },
        event: {
          id: randomUUID(),
          transitionId: t.id,
          type: 'begeleiders-gewijzigd',
          at: '2027-01-06T09:00:00.000Z',
          actor: { soort: 'werkproces', naam: 'test' },
        },
      });
    }
    const auditTableName = `${table.tableName}-audit`;
    await ensureTable(table.client, auditTableName, auditTableDesign);
    const audit = new DynamoAuditLog(table.db, auditTableName, 365);
    const offboardDeps = {
      ...deps(),
      audit,
      now: () => new Date('2027-06-01T09:00:00.000Z'),
      newId: randomUUID,
      operator: { id: 'ops-jan', naam: 'ops-jan' },
      runId: randomUUID(),
    };

    // Act: without a successor the transition Sanne supports alone stays with her and is named
    const first = await offboard(offboardDeps, 'sanne@a.example.nl');
    const afterFirst = { duo: await transitions.get(duo.id), alone: await transitions.get(alone.id) };
    // Then with Kim as successor
    const second = await offboard(offboardDeps, 'sanne@a.example.nl', 'kim@a.example.nl');

    // Assess
    expect(first).toMatchObject({ outcome: 'uit-dienst', removedFrom: [duo.id], withoutSuccessor: [alone.id] });
    expect(afterFirst.duo?.begeleiders.map((b) => b.id)).toEqual([youssef]);
    expect(afterFirst.alone?.begeleiders.map((b) => b.id)).toEqual([sanne]);
    expect(second).toMatchObject({ removedFrom: [alone.id], handedOver: [alone.id], withoutSuccessor: [] });
    expect((await transitions.get(alone.id))?.begeleiders.map((b) => b.id)).toEqual([kim]);
    expect((await transitions.listOfBegeleider(sanne, { limit: 10 })).items).toEqual([]);
    expect((await transitions.listOfBegeleider(kim, { limit: 10 })).items.map((t) => t.id)).toEqual([alone.id]);
    expect(userState.get('sanne@a.example.nl')?.enabled).toBe(false);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).not.toHaveLength(0);
    const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
    expect((await directory.staff('org-a')).map((s) => s.id).sort()).toEqual([kim, youssef].sort());
    const timeline = await transitions.timeline(duo.id);
    expect(timeline.at(-1)).toMatchObject({ type: 'begeleiders-gewijzigd', versie: afterFirst.duo?.version });
    const entries = (await audit.ofUser('ops-jan', { limit: 50 })).items;
    expect(entries.map((e) => [e.operatie, e.onderdeel, e.transitionId ?? '-']).sort()).toEqual(
      [
        ['uit-dienst', 'begeleiders', alone.id],
        ['uit-dienst', 'begeleiders', duo.id],
        ['uit-dienst', `medewerker ${sanne}`, '-'],
        ['uit-dienst', `medewerker ${sanne}`, '-'],
      ].sort(),
    );
    expect(entries.find((e) => e.transitionId === duo.id)).toMatchObject({
      actie: 'wijzigen',
      persoonRef: duo.persoonRef,
      grond: 'beheer',
      wijziging: { nieuw: { begeleiders: [youssef] } },
    });
  });

  it('changes nothing for an unknown leaver or a successor who is not an active begeleider', async () => {
    const offboardDeps = {
      ...deps(),
      audit: { append: async () => {} },
      now: () => new Date(),
      newId: randomUUID,
      operator: { id: 'ops', naam: 'ops' },
      runId: 'r',
    };
    expect((await offboard(offboardDeps, 'niemand@a.example.nl')).outcome).toBe('onbekend');
    await onboard(deps(), file(), options);
    expect((await offboard(offboardDeps, 'begeleider@overstap.example.nl', 'budget@utrecht.example.nl')).outcome).toBe(
      'opvolger-ongeldig',
    );
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(0);
  });
});
