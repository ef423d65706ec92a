import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { Transition, TransitionSummary } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

// Step Functions is AWS-only: mocked so registering works. The lists are the real DynamoDB Local.
const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
type Page = { items: TransitionSummary[]; nextCursor?: string };

beforeAll(async () => {
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: new Date() });
  table = await createTestTable('transition-search');
  await seedOrganisations(table.db, table.tableName);
  handler = createTransitionsApi(() => ({
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:t',
      move: 'arn:m',
      signals: 'arn:s',
    }),
    now: () => new Date(),
    newId: randomUUID,
  }));
  const register = (body: ReturnType<typeof aanmelding>, principal: Principal = people.sanne) =>
    invoke<Transition>(handler, { routeKey: 'POST /api/transitions', principal, body });
  await register(aanmelding({ persoon: { voornaam: 'Eva', achternaam: 'Smits', geboortedatum: '1990-04-03' } }));
  await register(
    aanmelding({
      persoon: { voornaam: 'Zeynep', achternaam: 'Koç', geboortedatum: '1985-12-01' },
      begeleiderIds: [people.youssef.userId],
    }),
  );
  for (let i = 0; i < 5; i++)
    await register(
      aanmelding({ persoon: { voornaam: 'Jan', achternaam: `Bakker ${i}`, geboortedatum: `1970-01-0${i + 1}` } }),
    );
  // Someone of another team, with a name that would match.
  await register(
    aanmelding({
      persoon: { voornaam: 'Eva', achternaam: 'Smits', geboortedatum: '1990-04-03' },
      begeleiderIds: [people.kim.userId],
    }),
    people.kim,
  );
});

const search = (body: unknown, principal: Principal = people.sanne) =>
  invoke<Page & Problem>(handler, { routeKey: 'POST /api/transitions/search', principal, body });

describe('POST /api/transitions/search', () => {
  it('finds by part of the name, in any order, without case or accents, within the own list', async () => {
    const names = async (zoek: string, principal?: Principal) =>
      (await search({ zoek }, principal)).body.items.map((t) => `${t.persoon.voornaam} ${t.persoon.achternaam}`);
    expect(await names('smits eva')).toEqual(['Eva Smits']);
    expect(await names('EVA')).toEqual(['Eva Smits']);
    // Zeynep is Youssef's only: Sanne does not find her in her own list, Youssef does, also typed without ç.
    expect(await names('koc')).toEqual([]);
    expect(await names('koc', people.youssef)).toEqual(['Zeynep Koç']);
  });

  it('finds by date of birth typed the Dutch way', async () => {
    for (const zoek of ['3-4-1990', '03-04-1990', '3/4/1990']) {
      const found = await search({ zoek });
      expect(found.status).toBe(200);
      expect(found.body.items.map((t) => t.persoon.achternaam)).toEqual(['Smits']);
    }
  });

  it('a begeleider does not find someone outside their caseload; the team lead finds the team’s only', async () => {
    // Kim's Eva Smits (another team) is not in Sanne's list, nor in Ingrid's team list.
    expect((await search({ zoek: 'Eva Smits' })).body.items).toHaveLength(1);
    const team = await search({ scope: 'team', zoek: 'Eva Smits' }, people.ingrid);
    expect(team.body.items).toHaveLength(1);
    expect(team.body.items[0]!.begeleiders.map((b) => b.id)).not.toContain(people.kim.userId);
    const kim = await search({ zoek: 'zeynep' }, people.kim);
    expect(kim.body.items).toEqual([]);
    // The team's list holds the own team only; a budget holder has no list of people to search.
    expect((await search({ scope: 'team', zoek: 'eva smits' })).body.items).toHaveLength(1);
    expect((await search({ scope: 'team', zoek: 'eva' }, people.pieter)).status).toBe(403);
  });

  it('filters by phase, risk and begeleider', async () => {
    const team = (body: object) => search({ scope: 'team', ...body }, people.ingrid);
    expect((await team({ begeleiderId: people.youssef.userId, zoek: 'koç' })).body.items).toHaveLength(1);
    expect((await team({ begeleiderId: people.sanne.userId, zoek: 'koç' })).body.items).toHaveLength(0);
    expect((await team({ fase: 'aanmelding', zoek: 'bakker' })).body.items).toHaveLength(5);
    expect((await team({ fase: 'woning', zoek: 'bakker' })).body.items).toHaveLength(0);
    expect((await team({ risico: 'rood', zoek: 'bakker' })).body.items).toHaveLength(0);
  });

  it('pages the matches with a cursor, newest first, each match once', async () => {
    const first = await search({ zoek: 'bakker', limit: 2 });
    expect(first.body.items.map((t) => t.persoon.achternaam)).toEqual(['Bakker 4', 'Bakker 3']);
    expect(first.body.nextCursor).toBeDefined();
    const second = await search({ zoek: 'bakker', limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((t) => t.persoon.achternaam)).toEqual(['Bakker 2', 'Bakker 1']);
    const third = await search({ zoek: 'bakker', limit: 2, cursor: second.body.nextCursor });
    expect(third.body.items.map((t) => t.persoon.achternaam)).toEqual(['Bakker 0']);
    expect(third.body.nextCursor).toBeUndefined();
    // A cursor of Sanne's list does not open Youssef's.
    const stolen = await search({ zoek: 'bakker', limit: 2, cursor: first.body.nextCursor }, people.youssef);
    expect(stolen.status).toBe(400);
  });

  it('refuses bad input in Dutch and lists nothing', async () => {
    const bad = await search({ zoek: 'x'.repeat(101), risico: 'paars' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/hooguit 100 tekens/);
    expect(JSON.stringify(bad.body)).toMatch(/uitkeringsrisico/);
  });
});
