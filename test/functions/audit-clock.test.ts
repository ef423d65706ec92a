import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, setClockOffset } from '../../functions/clock';
import { DynamoAuditLog } from '../../functions/storage/dynamo-audit-log';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createTransitionsApi } from '../../functions/transitions/api';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import { ensureTable } from '../../infra/local/dynamodb-local';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/** Audit entries take their time from the product's clock, like the records they describe (the demo clock too). */
let table: TestTable;
let audit: DynamoAuditLog;
const year = 365 * 24 * 3600_000;
const sfn = mockClient(SFNClient);

beforeAll(async () => {
  table = await createTestTable('audit-clock');
  await seedOrganisations(table.db, table.tableName);
  await ensureTable(table.client, `${table.tableName}-audit`, auditTableDesign);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  audit = new DynamoAuditLog(table.db, `${table.tableName}-audit`, 3650);
});
afterAll(() => setClockOffset(0));

describe('the audit trail’s clock', () => {
  it('stamps a look with the product’s clock when the handler is built as on AWS (no clock of its own)', async () => {
    // As the deployed handler is built: the audit log, no `now`.
    const api = createTransitionsApi(
      () => ({
        store: new DynamoTransitionStore(table.db, table.tableName),
        directory: new DynamoOrganisationDirectory(table.db, table.tableName),
        workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
          transition: 't',
          move: 'm',
          signals: 's',
        }),
        now: clock.now,
        newId: randomUUID,
      }),
      { audit: () => audit },
    );
    const created = await invoke<Transition>(api, {
      routeKey: 'POST /api/transitions',
      principal: people.sanne,
      body: aanmelding({ begeleiderIds: [people.sanne.userId] }),
    });
    expect(created.status).toBe(201);
    setClockOffset(year);
    const read = await invoke(api, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId: created.body.id },
    });
    expect(read.status).toBe(200);
    const looks = (await audit.ofPerson(created.body.persoonRef, { limit: 100 })).items.filter(
      (e) => e.operatie === 'getTransition',
    );
    expect(looks.length).toBeGreaterThan(0);
    // A year on by the product's clock: the entry says so, not the machine's time.
    for (const look of looks) expect(Date.parse(look.at)).toBeGreaterThan(Date.now() + year / 2);
  });
});
