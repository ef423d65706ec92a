import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPersonRecords } from '../../../functions/storage/dynamo-person-records';
import { DynamoContactStore, DynamoSignalStore } from '../../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../../functions/storage/dynamo-transition-store';
import { LocalScheduler } from '../../../infra/local/local-scheduler';
import { startSchedulerEndpoint } from '../../../infra/local/scheduler-endpoint';
import { localCredentials, localRegion } from '../../../infra/local/dynamodb-local';
import {
  type AlarmRepairPorts,
  repairAlarms,
  ruleExpectations,
  schedulerAlarms,
} from '../../../infra/ops/recovery/repair-alarms';
import { createTestTable, type TestTable } from '../../support/dynamo';
import { seedPersonRecord } from '../../support/person-record';
import { aanmelding, people } from '../../support/factories';
import { notStartedYet, type Transition } from '../../../shared/domain/transition/transition';

/**
 * `npm run repair-alarms`: the rules' pending wake-ups, read from DynamoDB Local, compared with the schedules
 * of the local scheduler stand-in (the same REST API the SDK speaks to EventBridge Scheduler).
 */
const now = new Date('2027-03-01T12:00:00Z');
const config = {
  groupName: 'landing-test',
  roleArn: 'arn:aws:iam::000000000000:role/scheduler',
  workflowArns: { verhuizing: 'arn:move', signalen: 'arn:signals' },
  deadLetterArn: 'arn:aws:sqs:eu-west-1:000000000000:alarms-dlq',
};

let table: TestTable;
let scheduler: LocalScheduler;
let server: Server;
let ports: AlarmRepairPorts;
const started: string[] = [];

beforeAll(async () => {
  table = await createTestTable('repair-alarms');
  // Two people just registered (the contact watch waits for its first due day), one with open signals to
  // follow up now, and one whose transition ended (nothing to wait for).
  await registered('2027-02-27T09:00:00Z');
  await registered('2027-02-28T09:00:00Z');
  await seedPersonRecord(table.db, table.tableName, { startAt: '2027-02-20T09:00:00Z' });
  await seedPersonRecord(table.db, table.tableName, { startAt: '2026-01-05T09:00:00Z', endAt: '2026-02-01T09:00:00Z' });
  scheduler = new LocalScheduler({ now: () => now, fire: () => {} });
  const endpoint = await startSchedulerEndpoint(scheduler);
  server = endpoint.server;
  const client = new SchedulerClient({
    endpoint: endpoint.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  ports = {
    transitionIds: async () =>
      (await new DynamoPersonRecords(table.db, table.tableName).survey()).transitions.map((t) => t.id),
    expected: ruleExpectations({
      transitions: new DynamoTransitionStore(table.db, table.tableName),
      signals: new DynamoSignalStore(table.db, table.tableName),
      contacts: new DynamoContactStore(table.db, table.tableName),
    }),
    ...schedulerAlarms(client, config),
    startWorkflow: async (_proces, _id, name) => {
      started.push(name);
      return 'gestart';
    },
  };
}, 60_000);
afterAll(() => server?.close());

async function registered(at: string): Promise<void> {
  const transition: Transition = {
    id: randomUUID(),
    version: 1,
    providerId: 'org-a',
    teamId: 'team-a1',
    persoonRef: randomUUID(),
    persoon: aanmelding().persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [{ id: people.sanne.userId, naam: people.sanne.naam }],
    fase: 'woning',
    ...notStartedYet,
    // A level of support: the contact watch waits for the first day without contact that is one too many.
    ondersteuning: [
      {
        id: randomUUID(),
        niveau: 'intensief',
        modaliteiten: ['thuis'],
        reden: 'Start',
        vanaf: at.slice(0, 10),
        door: { id: people.sanne.userId, naam: people.sanne.naam },
      },
    ],
    createdAt: at,
    createdBy: people.sanne.userId,
    updatedAt: at,
  };
  await new DynamoTransitionStore(table.db, table.tableName).create({
    transition,
    firstEvent: {
      id: randomUUID(),
      transitionId: transition.id,
      type: 'aanmelding-geregistreerd',
      at,
      versie: 1,
      actor: { soort: 'medewerker', id: people.sanne.userId, naam: people.sanne.naam },
    },
    idempotency: { userId: people.sanne.userId, key: randomUUID() },
  });
}

describe('repairing the workflows’ alarms', () => {
  it('sets every pending wake-up the rules expect, then finds them all in order', async () => {
    const first = await repairAlarms(ports, { dryRun: false, now });
    expect(first.transitions).toBe(4);
    const set = first.lines.filter((l) => l.bevinding === 'wekker ontbrak');
    expect(set.map((l) => l.proces)).toEqual(['signalen', 'signalen']);
    // The person record's open signals wait for no alarm: their step is due now, so their workflow starts.
    expect(first.lines.filter((l) => l.bevinding === 'stap staat klaar')).toHaveLength(1);
    expect(set.every((l) => l.outcome === 'gezet')).toBe(true);
    expect(scheduler.list()).toHaveLength(set.length);
    const second = await repairAlarms(ports, { dryRun: false, now });
    expect(second.lines.filter((l) => l.bevinding === 'wekker ontbrak')).toEqual([]);
    expect(second.inOrde).toBe(set.length);
  });

  it('finds a deleted schedule; a dry run changes nothing, the repair sets it back as it was', async () => {
    const [lost] = scheduler.list();
    scheduler.delete(lost!.groupName, lost!.name);
    const count = scheduler.list().length;

    const dry = await repairAlarms(ports, { dryRun: true, now });
    const missing = dry.lines.filter((l) => l.bevinding === 'wekker ontbrak');
    expect(missing).toHaveLength(1);
    expect(`${missing[0]!.proces}-${missing[0]!.transitionId}`).toBe(lost!.name);
    expect(missing[0]!.outcome).toBe('droogloop');
    expect(scheduler.list()).toHaveLength(count);

    const repaired = await repairAlarms(ports, { dryRun: false, now });
    expect(repaired.lines.filter((l) => l.bevinding === 'wekker ontbrak').map((l) => l.outcome)).toEqual(['gezet']);
    expect(scheduler.get(lost!.groupName, lost!.name)).toEqual(lost);
  });

  it('starts the workflow of a step due now whose alarm was lost, named so a second run does not start it twice', async () => {
    started.length = 0;
    const due: AlarmRepairPorts = {
      ...ports,
      transitionIds: async () => ['t-due'],
      expected: async (proces) => (proces === 'signalen' ? { soort: 'nu' } : { soort: 'niets' }),
    };
    expect((await repairAlarms(due, { dryRun: true, now })).lines).toEqual([
      { proces: 'signalen', transitionId: 't-due', bevinding: 'stap staat klaar', outcome: 'droogloop' },
    ]);
    expect(started).toEqual([]);
    const report = await repairAlarms(due, { dryRun: false, now });
    expect(started).toEqual(['herstel-signalen-t-due-202703011200']);
    expect(report.lines[0]!.outcome).toBe('werkproces gestart (herstel-signalen-t-due-202703011200)');
  });
});
