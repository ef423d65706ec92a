import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSignalsApi } from '../../functions/signals/api';
import { DynamoContactStore, DynamoSignalStore } from '../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { synthesizeForLocal } from '../../infra/local/cloud-assembly';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { LocalScheduler } from '../../infra/local/local-scheduler';
import { LocalStepFunctions, type LocalExecution } from '../../infra/local/local-step-functions';
import { startSchedulerEndpoint } from '../../infra/local/scheduler-endpoint';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { notStartedYet, type Transition } from '../../shared/domain/transition/transition';
import { invoke } from '../support/api-events';
import { createTestTable, type TestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';
import { crash, invocations, resetFlakyLambdas, withFlakyLambdas } from './support/flaky-lambda';

/**
 * A workflow task Lambda that crashes in the middle of its step — before it runs (the Lambda service fails to
 * invoke it) or after it wrote its part (the container dies before it answers) — is retried by the state
 * machine, as CDK synthesizes it (run locally with aws-local-stepfunctions, like test/workflows/*). The
 * execution succeeds and the step's effect exists once: steps are idempotent. Correctness only, never timing.
 */
let table: TestTable;
let stepFunctions: LocalStepFunctions;
let scheduler: LocalScheduler;
let schedulerServer: Server;
let arns: { transition: string; followUp: string };
const scheduleGroup = 'landing-resilience';

beforeAll(async () => {
  table = await createTestTable('crash');
  await seedOrganisations(table.db, table.tableName);
  // The follow-up workflow's alarms go to a local scheduler that only keeps them (nothing fires here).
  scheduler = new LocalScheduler({ now: () => new Date(), fire: () => undefined });
  const endpoint = await startSchedulerEndpoint(scheduler);
  schedulerServer = endpoint.server;
  const assembly = synthesizeForLocal();
  const arnOf = (prefix: string) => assembly.stateMachines.find((sm) => sm.logicalId.startsWith(prefix))!.arn;
  arns = { transition: arnOf('TransitionWorkflow'), followUp: arnOf('FollowUpWorkflow') };
  // The task Lambdas read the same environment as on AWS.
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_SCHEDULER: endpoint.endpoint,
    SCHEDULE_GROUP: scheduleGroup,
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/landing-resilience-scheduler',
    SCHEDULER_DLQ_ARN: 'arn:aws:sqs:eu-west-1:000000000000:landing-resilience-alarms-dlq',
    MOVE_WORKFLOW_ARN: arnOf('MoveWorkflow'),
    SIGNAL_WORKFLOW_ARN: arns.followUp,
  });
  stepFunctions = new LocalStepFunctions(assembly.stateMachines, withFlakyLambdas(assembly.functions));
});
afterAll(async () => {
  await stepFunctions?.settle();
  await new Promise((resolve) => schedulerServer?.close(resolve));
});
beforeEach(() => resetFlakyLambdas());

async function run(stateMachineArn: string, name: string, transitionId: string): Promise<LocalExecution> {
  const execution = stepFunctions.startExecution(stateMachineArn, name, JSON.stringify({ transitionId }));
  await execution.done;
  return execution;
}

const serviceException = () =>
  Object.assign(new Error('Lambda was unable to run the function'), { name: 'Lambda.ServiceException' });
const containerDied = () => new Error('the container died after its write');

describe('transition workflow: its first step crashes', { timeout: 60_000 }, () => {
  const timeline = (id: string) => new DynamoTransitionStore(table.db, table.tableName).timeline(id);

  it('after it wrote "traject-gestart": the state machine retries, the execution succeeds, the event is there once', async () => {
    const transitionId = randomUUID();
    crash('recordTimelineEvent', 'after', (input) => input.transitionId === transitionId, containerDied);
    const execution = await run(arns.transition, transitionId, transitionId);
    expect(execution.status).toBe('SUCCEEDED');
    // The handler ran twice: the crashed attempt (its write done) and the retry, which wrote the same event id.
    expect(invocations('recordTimelineEvent').map((i) => [i.ran, i.outcome])).toEqual([
      [true, 'crashed'],
      [true, 'ok'],
    ]);
    expect(await timeline(transitionId)).toEqual([
      expect.objectContaining({ id: `${transitionId}-traject-gestart`, type: 'traject-gestart' }),
    ]);
  });

  it('before it ran (Lambda.ServiceException): retried by the Lambda service retrier, the event is there once', async () => {
    const transitionId = randomUUID();
    crash('recordTimelineEvent', 'before', (input) => input.transitionId === transitionId, serviceException);
    const execution = await run(arns.transition, transitionId, transitionId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(invocations('recordTimelineEvent').map((i) => [i.ran, i.outcome])).toEqual([
      [false, 'crashed'],
      [true, 'ok'],
    ]);
    expect(await timeline(transitionId)).toEqual([expect.objectContaining({ type: 'traject-gestart' })]);
  });
});

describe('signal follow-up workflow: a step with several writes crashes', { timeout: 60_000 }, () => {
  const signals = createSignalsApi(() => ({
    signals: new DynamoSignalStore(table.db, table.tableName),
    contacts: new DynamoContactStore(table.db, table.tableName),
    transitions: new DynamoTransitionStore(table.db, table.tableName),
    // The test starts the follow-up itself, with a crash planned.
    workflow: { evaluateSignals: async () => undefined },
    now: () => new Date(),
    newId: randomUUID,
  }));

  /** A transition of Sanne and Youssef with regular support and a rood signal nobody picked up yet. */
  async function withRoodSignal(): Promise<{ t: Transition; signal: Signal }> {
    const at = new Date().toISOString();
    const t: Transition = {
      id: randomUUID(),
      version: 1,
      providerId: 'org-a',
      teamId: 'team-a1',
      persoonRef: randomUUID(),
      persoon: aanmelding().persoon,
      gemeenteCode: 'GM0344',
      herkomst: 'MO',
      begeleiders: [
        { id: people.sanne.userId, naam: people.sanne.naam },
        { id: people.youssef.userId, naam: people.youssef.naam },
      ],
      fase: 'landing',
      ...notStartedYet,
      ondersteuning: [
        {
          id: randomUUID(),
          niveau: 'regulier',
          modaliteiten: ['thuis'],
          reden: 'Start ambulante begeleiding',
          vanaf: at.slice(0, 10),
          door: { id: people.sanne.userId, naam: people.sanne.naam },
        },
      ],
      createdAt: at,
      createdBy: people.sanne.userId,
      updatedAt: at,
    };
    await new DynamoTransitionStore(table.db, table.tableName).create({
      transition: t,
      firstEvent: {
        id: randomUUID(),
        transitionId: t.id,
        type: 'aanmelding-geregistreerd',
        at,
        versie: 1,
        actor: { soort: 'medewerker', id: people.sanne.userId, naam: people.sanne.naam },
      },
    });
    const registered = await invoke<Signal>(signals, {
      routeKey: 'POST /api/transitions/{transitionId}/signalen',
      principal: people.sanne,
      pathParameters: { transitionId: t.id },
      body: {
        bron: 'buur-of-medebewoner',
        omschrijving: 'Buurman hoort al twee nachten geschreeuw',
        thermometer: { veiligheid: 2, gezondheid: 2, welzijn: 2, omvang: 2, duur: 2 },
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.fase).toBe('rood');
    return { t, signal: registered.body };
  }

  /** What the follow-up leaves behind, without ids and times: the same whether or not a step crashed. */
  async function outcome(t: Transition) {
    const { Items = [] } = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${t.id}` },
        ConsistentRead: true,
      }),
    );
    const of = (prefix: string) => Items.filter((i) => String(i.sk).startsWith(prefix));
    return {
      events: of('EVENT#')
        .map((e) => `${e.type} (${(e.actor as { soort: string }).soort})`)
        .sort(),
      tasks: of('TAAK#')
        .map((task) => `${task.rol} ${(task.voor as { id: string }).id} ${task.status}`)
        .sort(),
      signals: of('SIGNAL#').map((s) => ({
        fase: s.fase,
        status: s.status,
        versie: s.versie,
        voorstel: Boolean(s.opschalingsvoorstel),
      })),
      alarms: scheduler.list().filter((s) => s.name === `signalen-${t.id}`).length,
    };
  }

  const followUp = (t: Transition) => run(arns.followUp, `${t.id}-${randomUUID().slice(0, 8)}`, t.id);

  it('after the duo’s tasks were written: retried, the step is skipped as done, and the rest of the follow-up happens once', async () => {
    // The same follow-up without a crash, to compare with.
    const control = await withRoodSignal();
    expect((await followUp(control.t)).status).toBe('SUCCEEDED');
    const expected = await outcome(control.t);
    expect(expected.tasks).toHaveLength(2);
    expect(expected.alarms).toBe(1);

    const { t } = await withRoodSignal();
    resetFlakyLambdas();
    crash('followUpStep', 'after', (input) => input.transitionId === t.id && input.actie === 'taak-duo', containerDied);
    const execution = await followUp(t);
    expect(execution.status).toBe('SUCCEEDED');
    const duoSteps = invocations('followUpStep').filter(
      (i) => i.input.transitionId === t.id && i.input.actie === 'taak-duo',
    );
    expect(duoSteps.map((i) => [i.ran, i.outcome])).toEqual([
      [true, 'crashed'],
      [true, 'ok'],
    ]);
    expect(await outcome(t)).toEqual(expected);
  });

  it('after its alarm was set: retried, one alarm', async () => {
    const { t } = await withRoodSignal();
    crash(
      'wakeupSchedule',
      'after',
      (input) => input.transitionId === t.id && input.proces === 'signalen',
      containerDied,
    );
    const execution = await followUp(t);
    expect(execution.status).toBe('SUCCEEDED');
    expect(
      invocations('wakeupSchedule')
        .filter((i) => i.input.transitionId === t.id)
        .map((i) => i.outcome),
    ).toEqual(['crashed', 'ok']);
    const alarms = scheduler.list().filter((s) => s.name === `signalen-${t.id}`);
    expect(alarms).toHaveLength(1);
    expect(JSON.parse(alarms[0]!.input)).toMatchObject({ transitionId: t.id });
    expect((await outcome(t)).tasks).toHaveLength(2);
  });

  it('before a step ran (Lambda.ServiceException): retried, and the follow-up is the same as without', async () => {
    const { t } = await withRoodSignal();
    crash(
      'followUpStep',
      'before',
      (input) => input.transitionId === t.id && input.actie === 'bepaal',
      serviceException,
    );
    const execution = await followUp(t);
    expect(execution.status).toBe('SUCCEEDED');
    const outcomeOf = await outcome(t);
    expect(outcomeOf.tasks).toHaveLength(2);
    expect(outcomeOf.alarms).toBe(1);
  });
});
