import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { keys, timelineEventItem } from '../../functions/storage/keys';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { applyCommand } from '../../functions/transitions/run-command';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Problem } from '../../shared/api/problem';
import type { Principal } from '../../shared/domain/organisation/principal';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import { setReadiness } from '../../shared/domain/transition/transition-commands';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/**
 * A transition that has lived long: more timeline events than one read of DynamoDB returns. The stale-version
 * check and the timeline's pages must both still see its latest changes.
 */
const sfn = mockClient(SFNClient);
let table: TestTable;
let handler: ReturnType<typeof createTransitionsApi>;
let now = new Date('2027-01-11T09:00:00Z');
let deps: TransitionsDeps;
const workflow = { soort: 'werkproces' as const, naam: 'Werkproces verhuizing' };
const EVENTS = 620;

beforeAll(async () => {
  table = await createTestTable('long-timeline');
  await seedOrganisations(table.db, table.tableName);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
  deps = {
    store: new DynamoTransitionStore(table.db, table.tableName),
    directory: new DynamoOrganisationDirectory(table.db, table.tableName),
    workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
      transition: 'arn:t',
      move: 'arn:m',
      signals: 'arn:s',
    }),
    now: () => now,
    newId: randomUUID,
  };
  handler = createTransitionsApi(() => deps);
});

const later = (ms: number) => (now = new Date(now.getTime() + ms));

/** A transition with `EVENTS` workflow tasks on its timeline (no version of their own), written in bulk. */
async function longLived(): Promise<Transition> {
  const created = await invoke<Transition>(handler, {
    routeKey: 'POST /api/transitions',
    principal: people.sanne,
    body: aanmelding(),
  });
  const events: TimelineEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
    id: randomUUID(),
    transitionId: created.body.id,
    type: 'taak-aangemaakt',
    at: new Date(now.getTime() + (i + 1) * 1000).toISOString(),
    actor: workflow,
    omschrijving: `Taak ${i + 1}`,
  }));
  for (let i = 0; i < events.length; i += 25) {
    const RequestItems = {
      [table.tableName]: events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: timelineEventItem(e) } })),
    };
    await table.db.send(new BatchWriteCommand({ RequestItems }));
  }
  later((EVENTS + 1) * 1000);
  return created.body;
}

const changeFase = (t: Transition, expectedVersion: number, principal: Principal = people.sanne) =>
  invoke<Transition & Problem>(handler, {
    routeKey: 'POST /api/transitions/{transitionId}/fase',
    principal,
    pathParameters: { transitionId: t.id },
    body: { naar: 'voorbereiding', reden: 'Intake gedaan', expectedVersion },
  });

const workflowStep = (t: Transition) =>
  applyCommand(deps, t, workflow, (current, ctx) =>
    setReadiness(current, { item: 'buffer', gedaan: !current.gereedheid.buffer }, ctx),
  );

describe('the stale-version check of a transition with a long timeline', { timeout: 60_000 }, () => {
  it('lets a caseworker save whose view is behind only the workflow, and refuses one behind another person', async () => {
    // Prepare
    const t = await longLived();
    const stepped = await workflowStep(t);
    later(1000);

    // Act
    const behindWorkflow = await changeFase(t, t.version);
    later(1000);
    const afterOtherPerson = await invoke<Problem>(handler, {
      routeKey: 'PUT /api/transitions/{transitionId}/gereedheid/{itemId}',
      principal: people.youssef,
      pathParameters: { transitionId: t.id, itemId: 'budgetbeheer' },
      body: { gedaan: true, expectedVersion: stepped.version },
    });

    // Assess
    expect(behindWorkflow.status).toBe(200);
    expect(behindWorkflow.body).toMatchObject({ fase: 'voorbereiding', version: stepped.version + 1 });
    expect(afterOtherPerson.status).toBe(409);
    expect(afterOtherPerson.body.code).toBe('stale-version');
  });

  it('still decides for a transition stored before it kept the version of the last person’s change', async () => {
    // Prepare: the item as it was written before, without that version
    const t = await longLived();
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.transition(t.id),
        UpdateExpression: 'REMOVE medewerkerVersie',
      }),
    );
    const legacy = (await deps.store.get(t.id))!;
    const stepped = await workflowStep(legacy);
    later(1000);

    // Act
    const behindWorkflow = await changeFase(t, t.version);
    later(1000);
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.transition(t.id),
        UpdateExpression: 'REMOVE medewerkerVersie',
      }),
    );
    const behindPerson = await changeFase(t, stepped.version, people.youssef);

    // Assess
    expect(behindWorkflow.status).toBe(200);
    expect(behindPerson.status).toBe(409);
  });
});

describe('GET /api/transitions/{id}/timeline, page by page', { timeout: 60_000 }, () => {
  const timelinePage = (t: Transition, query: Record<string, string> = {}) =>
    invoke<{ items: TimelineEvent[]; nextCursor?: string } & Problem>(handler, {
      routeKey: 'GET /api/transitions/{transitionId}/timeline',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
      query,
    });

  it('starts with the newest event and follows its cursor through every one', async () => {
    // Prepare
    const t = await longLived();
    const stepped = await workflowStep(t);

    // Act
    const first = await timelinePage(t);
    const all: TimelineEvent[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await timelinePage(t, { limit: '100', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);

    // Assess
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0]).toMatchObject({ versie: stepped.version, type: 'gereedheid-bijgewerkt' });
    expect(all).toHaveLength(EVENTS + 2);
    expect(new Set(all.map((e) => e.id)).size).toBe(EVENTS + 2);
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.at(-1)).toMatchObject({ type: 'aanmelding-geregistreerd', versie: 1 });
  });

  it('refuses a cursor of another transition’s timeline, in Dutch, and a page too large', async () => {
    // Prepare
    const [a, b] = [await longLived(), await longLived()];
    const ofA = (await timelinePage(a)).body.nextCursor!;

    // Act
    const crossed = await timelinePage(b, { cursor: ofA });
    const tooLarge = await timelinePage(b, { limit: '1000' });

    // Assess
    expect(crossed.status).toBe(400);
    expect(crossed.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'cursor', reason: 'Deze vervolgpagina is niet geldig.' }),
    ]);
    expect(tooLarge.status).toBe(400);
  });
});
