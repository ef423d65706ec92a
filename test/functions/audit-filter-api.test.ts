import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuditApi } from '../../functions/audit/api';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createTransitionsApi } from '../../functions/transitions/api';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import { ensureTable } from '../../infra/local/dynamodb-local';
import type { Problem } from '../../shared/api/problem';
import type { AuditAction, AuditEntry } from '../../shared/domain/audit/audit';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

// The audit trail filtered by who, what and a period, on DynamoDB Local; Step Functions (AWS-only) mocked.
const sfn = mockClient(SFNClient);
let table: TestTable;
let audit: DynamoAuditLog;
let auditApi: ReturnType<typeof createAuditApi>;
let transition: Transition;
type Page = { items: AuditEntry[]; nextCursor?: string };

const entry = (at: string, actie: AuditAction, who: typeof people.sanne | typeof people.youssef): AuditEntry => ({
  id: randomUUID(),
  at,
  actie,
  operatie: 'getTransition',
  onderdeel: 'traject',
  persoonRef: transition.persoonRef,
  transitionId: transition.id,
  teamId: 'team-a1',
  gebruiker: { id: who.userId, naam: who.naam, organisatieId: 'org-a', rol: 'begeleider' },
  namens: { id: who.userId, naam: who.naam },
  waar: { requestId: randomUUID(), kanaal: 'web-api' },
});

beforeAll(async () => {
  table = await createTestTable('audit-filter');
  await seedOrganisations(table.db, table.tableName);
  await ensureTable(table.client, `${table.tableName}-audit`, auditTableDesign);
  audit = new DynamoAuditLog(table.db, `${table.tableName}-audit`, 365);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  const store = new DynamoTransitionStore(table.db, table.tableName);
  const directory = new DynamoOrganisationDirectory(table.db, table.tableName);
  const transitionsApi = createTransitionsApi(() => ({
    store,
    directory,
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 't',
      move: 'm',
      signals: 's',
    }),
    now: () => new Date(),
    newId: randomUUID,
  }));
  auditApi = createAuditApi(() => ({ audit, transitions: store, directory }));
  transition = (
    await invoke<Transition>(transitionsApi, {
      routeKey: 'POST /api/transitions',
      principal: people.sanne,
      body: aanmelding(),
    })
  ).body;
  await audit.append([
    // 2 March 00:30 in Amsterdam is 1 March 23:30 UTC: a Dutch day, not a UTC day.
    entry('2026-03-01T23:30:00.000Z', 'lezen', people.sanne),
    entry('2026-03-05T10:00:00.000Z', 'wijzigen', people.sanne),
    entry('2026-03-06T10:00:00.000Z', 'lezen', people.youssef),
    entry('2026-03-09T10:00:00.000Z', 'lezen', people.sanne),
    entry('2026-04-01T10:00:00.000Z', 'lezen', people.youssef),
  ]);
});

const personTrail = (query: Record<string, string>) =>
  invoke<Page & Problem>(auditApi, {
    routeKey: 'GET /api/transitions/{transitionId}/audit',
    principal: people.ingrid,
    pathParameters: { transitionId: transition.id },
    query,
  });
const times = (page: Page) => page.items.filter((e) => e.at.startsWith('2026-0')).map((e) => e.at.slice(0, 10));

describe('filtering the audit trail', () => {
  it('filters a person’s trail by user, action and a period of Dutch days, newest first', async () => {
    expect(times((await personTrail({ gebruiker: people.youssef.userId })).body)).toEqual(['2026-04-01', '2026-03-06']);
    expect(times((await personTrail({ actie: 'wijzigen' })).body)).toEqual(['2026-03-05']);
    expect(times((await personTrail({ van: '2026-03-02', tot: '2026-03-06' })).body)).toEqual([
      '2026-03-06',
      '2026-03-05',
      '2026-03-01',
    ]);
    const all = { gebruiker: people.sanne.userId, actie: 'lezen', van: '2026-03-01', tot: '2026-03-31' };
    expect(times((await personTrail(all)).body)).toEqual(['2026-03-09', '2026-03-01']);
  });

  it('pages a filtered trail with a cursor, and answers an empty page when nothing matches', async () => {
    const first = await personTrail({ actie: 'lezen', van: '2026-03-01', tot: '2026-04-30', limit: '2' });
    expect(times(first.body)).toEqual(['2026-04-01', '2026-03-09']);
    const second = await personTrail({
      actie: 'lezen',
      van: '2026-03-01',
      tot: '2026-04-30',
      limit: '2',
      cursor: first.body.nextCursor!,
    });
    expect(times(second.body)).toEqual(['2026-03-06', '2026-03-01']);
    const none = await personTrail({ actie: 'exporteren' });
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
  });

  it('filters what a member of the team did by action and period', async () => {
    const page = await invoke<Page>(auditApi, {
      routeKey: 'GET /api/audit/gebruikers/{userId}',
      principal: people.ingrid,
      pathParameters: { userId: people.youssef.userId },
      query: { van: '2026-03-01', tot: '2026-03-31' },
    });
    expect(times(page.body)).toEqual(['2026-03-06']);
  });

  it('refuses a period that ends before it starts, and an unknown action, in Dutch', async () => {
    const bad = await personTrail({ van: '2026-03-09', tot: '2026-03-01' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/begint na het einde/);
    const unknown = await personTrail({ actie: 'stelen' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/handeling/);
  });
});
