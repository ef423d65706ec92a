import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionNotRedrivable,
  type ExecutionStatus,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SFNClient,
  SFNServiceException,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsWorkflowPort } from '../../../infra/ops/recovery/aws-workflow-port';
import {
  chooseAction,
  processes,
  redriveFailed,
  type RedriveOptions,
  redriveToken,
  replacementName,
} from '../../../infra/ops/recovery/redrive';

/** Re-driving a stage's failed executions, against a mocked Step Functions and CloudFormation. */
const account = '123456789012';
const machineArn = (name: string) => `arn:aws:states:eu-west-1:${account}:stateMachine:${name}`;
const executionArn = (machine: string, name: string) =>
  `arn:aws:states:eu-west-1:${account}:execution:${machine}:${name}`;
const transitie = 'TransitionWorkflowStateMachine0846BE62-Ab12Cd34';
const now = new Date('2027-03-20T12:00:00Z');
const since = new Date('2027-02-25T00:00:00Z');

interface Fixture {
  machine: string;
  name: string;
  status: ExecutionStatus;
  stop: string;
  error?: string;
  redriveStatus?: 'REDRIVABLE' | 'NOT_REDRIVABLE';
}
const recentMove: Fixture = {
  machine: 'landing-prod-verhuizing',
  name: 't-1-1773900000000-aaaa1111',
  status: 'FAILED',
  stop: '2027-03-19T07:00:05Z',
  error: 'States.TaskFailed',
  redriveStatus: 'REDRIVABLE',
};
const oldMove: Fixture = {
  machine: 'landing-prod-verhuizing',
  name: 't-2-1772300000000-bbbb2222',
  status: 'FAILED',
  stop: '2027-03-01T07:00:05Z',
  error: 'Lambda.Unknown',
  redriveStatus: 'NOT_REDRIVABLE',
};
const tooOld: Fixture = {
  machine: 'landing-prod-verhuizing',
  name: 't-9-1769900000000-cccc3333',
  status: 'FAILED',
  stop: '2027-02-01T07:00:05Z',
  error: 'Lambda.Unknown',
  redriveStatus: 'NOT_REDRIVABLE',
};
const signalTimeout: Fixture = {
  machine: 'landing-prod-signalen',
  name: 't-3-1773800000000-dddd4444',
  status: 'TIMED_OUT',
  stop: '2027-03-18T03:05:00Z',
  error: 'States.Timeout',
  redriveStatus: 'REDRIVABLE',
};
const abortedStart: Fixture = {
  machine: transitie,
  name: 't-4',
  status: 'ABORTED',
  stop: '2027-03-10T09:00:00Z',
  redriveStatus: 'REDRIVABLE',
};
const fixtures = [recentMove, oldMove, tooOld, signalTimeout, abortedStart];
const inputOf = (f: Fixture) => JSON.stringify({ transitionId: f.name.slice(0, 3) });
const cause = 'ZodError: persoon.achternaam "Piet Bakker 3" is ongeldig';

const sfn = mockClient(SFNClient);
const cloudFormation = mockClient(CloudFormationClient);
let listed: { machine: string; status: string; token?: string }[];

beforeEach(() => {
  sfn.reset();
  cloudFormation.reset();
  listed = [];
  cloudFormation.on(DescribeStackResourcesCommand).resolves({
    StackResources: [
      {
        LogicalResourceId: 'TransitionWorkflowStateMachine0846BE62',
        PhysicalResourceId: machineArn(transitie),
        ResourceType: 'AWS::StepFunctions::StateMachine',
        Timestamp: now,
        ResourceStatus: 'UPDATE_COMPLETE',
      },
      {
        LogicalResourceId: 'MoveWorkflowStateMachineCB574BD8',
        PhysicalResourceId: machineArn('landing-prod-verhuizing'),
        ResourceType: 'AWS::StepFunctions::StateMachine',
        Timestamp: now,
        ResourceStatus: 'UPDATE_COMPLETE',
      },
      {
        LogicalResourceId: 'FollowUpWorkflowStateMachineDCDE2EEC',
        PhysicalResourceId: machineArn('landing-prod-signalen'),
        ResourceType: 'AWS::StepFunctions::StateMachine',
        Timestamp: now,
        ResourceStatus: 'UPDATE_COMPLETE',
      },
      {
        LogicalResourceId: 'MoveStepB2D92D2C',
        PhysicalResourceId: 'Landing-prod-Workflows-MoveStep',
        ResourceType: 'AWS::Lambda::Function',
        Timestamp: now,
        ResourceStatus: 'UPDATE_COMPLETE',
      },
    ],
  });
  sfn.on(ListExecutionsCommand).callsFake((input) => {
    const machine = input.stateMachineArn!.split(':').at(-1)!;
    listed.push({ machine, status: input.statusFilter!, ...(input.nextToken ? { token: input.nextToken } : {}) });
    const summary = (f: Fixture) => ({
      executionArn: executionArn(f.machine, f.name),
      stateMachineArn: input.stateMachineArn,
      name: f.name,
      status: f.status,
      startDate: new Date(Date.parse(f.stop) - 5000),
      stopDate: new Date(f.stop),
    });
    // The move workflow's failures come in pages, newest first; the last page is older than --since by far.
    if (machine === 'landing-prod-verhuizing' && input.statusFilter === 'FAILED') {
      if (!input.nextToken) return { executions: [summary(recentMove)], nextToken: 'p2' };
      if (input.nextToken === 'p2') return { executions: [summary(oldMove), summary(tooOld)], nextToken: 'p3' };
      throw new Error('page 3 is older than --since and must not be read');
    }
    return {
      executions: fixtures.filter((f) => f.machine === machine && f.status === input.statusFilter).map(summary),
    };
  });
  sfn.on(DescribeExecutionCommand).callsFake((input) => {
    const f = fixtures.find((x) => executionArn(x.machine, x.name) === input.executionArn)!;
    return {
      executionArn: input.executionArn,
      stateMachineArn: machineArn(f.machine),
      status: f.status,
      startDate: new Date(f.stop),
      input: inputOf(f),
      ...(f.error ? { error: f.error, cause } : {}),
      redriveStatus: f.redriveStatus,
      redriveCount: 0,
    };
  });
  sfn.on(RedriveExecutionCommand).callsFake((input) => {
    if (input.executionArn === executionArn(signalTimeout.machine, signalTimeout.name))
      throw new ExecutionNotRedrivable({ message: 'Execution cannot be redriven', $metadata: {} });
    return { redriveDate: now };
  });
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:new', startDate: now });
});
afterEach(() => {
  sfn.reset();
  cloudFormation.reset();
});

const port = () =>
  new AwsWorkflowPort(
    new SFNClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    new CloudFormationClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
  );
const run = (options: Partial<RedriveOptions> = {}) =>
  redriveFailed(port(), { stage: 'prod', since, workflows: processes, dryRun: false, now, ...options });

describe('npm run redrive', () => {
  it('redrives what failed, timed out or was aborted since the time, and starts anew what Step Functions will not redrive, with the same input', async () => {
    // Act
    const lines = await run();

    // Assess: every stopped execution since --since, per state machine oldest stop first, and nothing older
    expect(lines.map((l) => [l.proces, l.name, l.status, l.error ?? '-', l.outcome])).toEqual([
      ['transitie', abortedStart.name, 'ABORTED', '-', 'opnieuw gestart (redrive)'],
      ['verhuizing', oldMove.name, 'FAILED', 'Lambda.Unknown', `nieuw gestart als ${oldMove.name}-opnieuw`],
      ['verhuizing', recentMove.name, 'FAILED', 'States.TaskFailed', 'opnieuw gestart (redrive)'],
      [
        'signalen',
        signalTimeout.name,
        'TIMED_OUT',
        'States.Timeout',
        `nieuw gestart als ${signalTimeout.name}-opnieuw`,
      ],
    ]);
    expect(lines.map((l) => l.name)).not.toContain(tooOld.name);

    // the redrives, each with its idempotency token
    expect(sfn.commandCalls(RedriveExecutionCommand).map((c) => c.args[0].input)).toEqual(
      expect.arrayContaining(
        [abortedStart, recentMove, signalTimeout].map((f) => ({
          executionArn: executionArn(f.machine, f.name),
          clientToken: redriveToken(executionArn(f.machine, f.name), 0),
        })),
      ),
    );
    expect(sfn.commandCalls(RedriveExecutionCommand)).toHaveLength(3);
    // the new executions: same state machine, same input, a name a second run finds again
    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input)).toEqual(
      expect.arrayContaining(
        [oldMove, signalTimeout].map((f) => ({
          stateMachineArn: machineArn(f.machine),
          name: `${f.name}-opnieuw`,
          input: inputOf(f),
        })),
      ),
    );
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(2);

    // every state machine listed in each of the three statuses, paginated, and not past --since
    for (const machine of [transitie, 'landing-prod-verhuizing', 'landing-prod-signalen']) {
      expect(listed.filter((l) => l.machine === machine && !l.token).map((l) => l.status)).toEqual([
        'FAILED',
        'TIMED_OUT',
        'ABORTED',
      ]);
    }
    expect(listed.filter((l) => l.token).map((l) => l.token)).toEqual(['p2']);

    // what is printed names executions and errors, never an input or a cause
    const printed = JSON.stringify(lines);
    expect(printed).not.toContain('transitionId');
    expect(printed).not.toContain('Piet');
  });

  it('in a dry run lists what it would do and changes nothing; --workflow picks the state machines', async () => {
    // Act
    const lines = await run({ dryRun: true, workflows: ['verhuizing'] });

    // Assess
    expect(lines.map((l) => [l.name, l.action, l.outcome])).toEqual([
      [oldMove.name, 'nieuw', 'droogloop'],
      [recentMove.name, 'redrive', 'droogloop'],
    ]);
    expect(sfn.commandCalls(RedriveExecutionCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(new Set(listed.map((l) => l.machine))).toEqual(new Set(['landing-prod-verhuizing']));
  });

  it('a second run finds the replacement it started before; another error is reported and the rest goes on', async () => {
    // Prepare
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));
    sfn.on(RedriveExecutionCommand, { executionArn: executionArn(recentMove.machine, recentMove.name) }).rejects(
      new SFNServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        message: 'not allowed',
        $metadata: {},
      }),
    );

    // Act
    const lines = await run({ workflows: ['verhuizing'] });

    // Assess
    expect(lines.map((l) => [l.name, l.outcome])).toEqual([
      [oldMove.name, `al eerder nieuw gestart als ${oldMove.name}-opnieuw`],
      [recentMove.name, 'mislukt: AccessDeniedException'],
    ]);
  });
});

describe('redrive rules', () => {
  it('redrives within 14 days unless Step Functions says it cannot; names a replacement once, within 80 characters', () => {
    const execution = {
      arn: 'a',
      name: 'n',
      stateMachineArn: 's',
      status: 'FAILED' as const,
      startDate: new Date('2027-03-10T00:00:00Z'),
      stopDate: new Date('2027-03-10T00:01:00Z'),
    };
    expect(chooseAction(execution, { redriveStatus: 'REDRIVABLE', redriveCount: 0 }, now)).toBe('redrive');
    expect(chooseAction(execution, { redriveStatus: 'NOT_REDRIVABLE', redriveCount: 0 }, now)).toBe('nieuw');
    expect(
      chooseAction(execution, { redriveStatus: 'REDRIVABLE', redriveCount: 0 }, new Date('2027-03-25T00:00:00Z')),
    ).toBe('nieuw');
    expect(replacementName('t-1')).toBe('t-1-opnieuw');
    expect(replacementName('t-1-opnieuw')).toBe('t-1-opnieuw2');
    expect(replacementName('t-1-opnieuw2')).toBe('t-1-opnieuw3');
    const long = `${'x'.repeat(36)}-1773900000000-aaaa1111-${'y'.repeat(20)}`;
    expect(replacementName(long)).toHaveLength(80);
    expect(replacementName(long).endsWith('-opnieuw')).toBe(true);
    expect(redriveToken('arn', 0)).not.toBe(redriveToken('arn', 1));
  });
});
