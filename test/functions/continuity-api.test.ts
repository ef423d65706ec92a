import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransitionsApi } from '../../functions/transitions/api';
import { applyCommand } from '../../functions/transitions/run-command';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { keys } from '../../functions/storage/keys';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Problem } from '../../shared/api/problem';
import type { Actor } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';
import { acceptedWoning, driepartijenContract } from '../support/woning-fixtures';

const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
let deps: TransitionsDeps;
const today = new Date('2027-04-10T09:00:00Z');
const sanne: Actor = { soort: 'medewerker', id: people.sanne.userId, naam: people.sanne.naam };

beforeAll(async () => {
  table = await createTestTable('continuity');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  deps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:aws:states:eu-west-1:0:stateMachine:t',
      move: 'arn:aws:states:eu-west-1:0:stateMachine:move',
      signals: 'arn:aws:states:eu-west-1:0:stateMachine:signals',
    }),
    now: () => today,
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

type Body = Transition & Problem;
const post = (path: string, transitionId: string, body: unknown) =>
  invoke<Body>(handler, {
    routeKey: `POST /api/transitions/{transitionId}${path}`,
    principal: people.sanne,
    pathParameters: { transitionId },
    body,
  });
const read = async (transitionId: string) =>
  (
    await invoke<Transition>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}',
      principal: people.sanne,
      pathParameters: { transitionId },
    })
  ).body;

/** Moved in under a driepartijenovereenkomst with corporation W, in the landing phase. */
async function movedIn(): Promise<Transition> {
  const created = await invoke<Transition>(handler, {
    routeKey: 'POST /api/transitions',
    principal: people.sanne,
    body: aanmelding(),
  });
  return applyCommand(deps, created.body, sanne, (t) => ({
    next: {
      ...t,
      fase: 'landing',
      aanbiedingen: [{ ...acceptedWoning, corporatieId: 'corp-w', eenheidnummer: `VE-${t.id.slice(0, 6)}` }],
      contract: driepartijenContract,
      verhuisdatum: '2027-03-01',
      verhuisdOp: '2027-03-01',
    },
    event: { type: 'verhuisd' },
  }));
}

async function noticesOf(transitionId: string): Promise<string[]> {
  const { Items = [] } = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxPending },
    }),
  );
  return Items.filter((i) => i.transitionId === transitionId)
    .sort((a, b) => String(a.sequence).localeCompare(String(b.sequence)))
    .map((i) => `${i.soort}${i.data.woningBehouden === undefined ? '' : ` woning ${i.data.woningBehouden}`}`);
}

describe('a stay elsewhere through the API', () => {
  it('keeps the phase, tells the corporation support goes on, and returns to the same phase', async () => {
    // Prepare
    const t = await movedIn();
    const earlier = (await noticesOf(t.id)).length;

    // Act
    const away = await post('/tijdelijk-verblijf', t.id, {
      soort: 'logeerplek',
      sinds: '2027-04-09',
      toelichting: 'Even tot rust komen',
      expectedVersion: t.version,
    });
    const support = await post('/ondersteuning', t.id, {
      niveau: 'intensief',
      modaliteiten: ['logeerplek'],
      reden: 'Opschalen tijdens het logeren',
      vanaf: '2027-04-10',
      expectedVersion: away.body.version,
    });
    const home = await post('/tijdelijk-verblijf/einde', t.id, {
      op: '2027-04-10',
      expectedVersion: support.body.version,
    });

    // Assess
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({
      fase: 'landing',
      tijdelijkVerblijf: { soort: 'logeerplek', woningBehouden: true },
    });
    expect(support.status).toBe(200);
    expect(home.status).toBe(200);
    expect(home.body.fase).toBe('landing');
    expect(home.body.tijdelijkVerblijf).toBeUndefined();
    expect((await noticesOf(t.id)).slice(earlier)).toEqual([
      'tijdelijk-elders woning true',
      'bereikbaarheid-gewijzigd',
      'weer-thuis',
    ]);
  });

  it('refuses a kind of stay not on the list in Dutch, and writes nothing', async () => {
    const t = await movedIn();
    const refused = await post('/tijdelijk-verblijf', t.id, {
      soort: 'vakantie',
      sinds: '2027-04-09',
      expectedVersion: t.version,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('Kies opname, logeerplek of crisisopvang.');
    expect((await read(t.id)).version).toBe(t.version);
  });
});

describe('ending a transition through the API', () => {
  it('ends only by its own command, with a reason from the list; the corporation hears it ended, not why', async () => {
    // Prepare
    const t = await movedIn();
    const earlier = (await noticesOf(t.id)).length;

    // Act
    const byPhase = await post('/fase', t.id, { naar: 'beeindigd', reden: 'Klaar', expectedVersion: t.version });
    const noReason = await post('/beeindiging', t.id, { reden: 'opgeknapt', expectedVersion: t.version });
    const ended = await post('/beeindiging', t.id, {
      reden: 'verhuisd-buiten-regio',
      toelichting: 'Naar zijn broer in Groningen',
      expectedVersion: t.version,
    });

    // Assess
    expect(byPhase.status).toBe(400);
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('Kies een reden uit de lijst.');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      fase: 'beeindigd',
      vorigeFase: 'landing',
      beeindiging: { reden: 'verhuisd-buiten-regio', op: '2027-04-10' },
    });
    expect((await noticesOf(t.id)).slice(earlier)).toEqual(['traject-beeindigd']);
    // The person may be registered again: the end released the person lock.
    const again = await invoke<Transition>(handler, {
      routeKey: 'POST /api/transitions',
      principal: people.sanne,
      body: aanmelding({ persoon: t.persoon }),
    });
    expect(again.status).toBe(201);
  });
});

describe('nazorg after geland through the API', () => {
  it('hands over warmly and picks up again without a new aanmelding', async () => {
    // Prepare
    const moved = await movedIn();
    const t = await applyCommand(deps, moved, sanne, (tr) => ({
      next: { ...tr, fase: 'geland', nazorg: { vorm: 'waakvlam', sinds: '2027-04-01' } },
      event: { type: 'fase-gewijzigd' },
    }));

    // Act
    const handed = await post('/nazorg/overdracht', t.id, {
      aan: 'sociaal-wijkteam',
      contactpersoon: 'Fatima Ouali',
      op: '2027-04-10',
      overgedragen: 'Signaleringsplan en netwerkkaart, samen kennisgemaakt',
      expectedVersion: t.version,
    });
    const again = await post('/nazorg/weer-oppakken', t.id, {
      reden: 'Wijkteam belt: het gaat minder',
      expectedVersion: handed.body.version,
    });

    // Assess
    expect(handed.status).toBe(200);
    expect(handed.body.nazorg).toMatchObject({ vorm: 'overgedragen', overdracht: { aan: 'sociaal-wijkteam' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ fase: 'geland', nazorg: { vorm: 'waakvlam', sinds: '2027-04-10' } });
  });
});

describe('records stored before', () => {
  it('reads a stored teruggevallen transition as a stay elsewhere, and works on it', async () => {
    // Prepare: the item as it was stored when teruggevallen was a final phase.
    const t = await movedIn();
    const stored = { ...t, fase: 'teruggevallen', vorigeFase: 'landing' };
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.transition(t.id), entity: 'Transition', ...stored },
      }),
    );

    // Act
    const readBack = await read(t.id);
    const home = await post('/tijdelijk-verblijf/einde', t.id, { op: '2027-04-10', expectedVersion: t.version });

    // Assess
    expect(readBack).toMatchObject({ fase: 'landing', tijdelijkVerblijf: { woningBehouden: true } });
    expect(readBack.vorigeFase).toBeUndefined();
    expect(home.status).toBe(200);
    expect(home.body.fase).toBe('landing');
  });
});
