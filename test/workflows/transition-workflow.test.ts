import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { synthesizeForLocal, type LocalAssembly } from '../../infra/local/cloud-assembly';
import { ExecutionAlreadyExistsError, LocalStepFunctions } from '../../infra/local/local-step-functions';
import { transitionWorkflowStates } from '../../infra/aws/workflows/transition-workflow';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { createTestTable, type TestTable } from '../support/dynamo';

let table: TestTable;
let assembly: LocalAssembly;
let stepFunctions: LocalStepFunctions;
let workflowArn: string;

beforeAll(async () => {
  table = await createTestTable('workflow');
  // The task Lambdas read the same environment as on AWS.
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  });
  assembly = synthesizeForLocal();
  stepFunctions = new LocalStepFunctions(assembly.stateMachines, assembly.functions);
  workflowArn = assembly.stateMachines.find((sm) => sm.logicalId.startsWith('TransitionWorkflow'))!.arn;
});

describe('Transition workflow, as CDK synthesizes it', () => {
  it('is plain ASL whose first task, after making sure of a correlation id, is a Lambda task wired to its handler', () => {
    const definition = assembly.stateMachines.find((sm) => sm.arn === workflowArn)!.definition as {
      StartAt: string;
      States: Record<
        string,
        { Type: string; Resource?: string; Next?: string; Default?: string; Choices?: { Next: string }[] }
      >;
    };
    // The execution's input carries the API request's correlation id; one started without gets its own name as one.
    const correlation = definition.States[definition.StartAt]!;
    expect(correlation.Type).toBe('Choice');
    expect(correlation.Choices!.map((c) => c.Next)).toEqual([transitionWorkflowStates.recordStart]);
    expect(definition.States[correlation.Default!]).toMatchObject({
      Type: 'Pass',
      Next: transitionWorkflowStates.recordStart,
    });
    const first = definition.States[transitionWorkflowStates.recordStart]!;
    expect(first.Type).toBe('Task');
    expect(assembly.functions.get(first.Resource!)).toEqual({
      entry: 'functions/workflow/record-timeline-event.ts',
      exportName: 'handler',
    });
  });

  it('records "traject-gestart" on the timeline as its first step, and succeeds', async () => {
    const transitionId = randomUUID();
    const execution = stepFunctions.startExecution(workflowArn, transitionId, JSON.stringify({ transitionId }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');

    const timeline = await new DynamoTransitionStore(table.db, table.tableName).timeline(transitionId);
    expect(timeline).toEqual([
      expect.objectContaining({
        id: `${transitionId}-traject-gestart`,
        type: 'traject-gestart',
        actor: { soort: 'werkproces', naam: 'Landing (aanmelding)' },
      }),
    ]);
  });

  it('refuses a second execution for the same transition once the first has finished', async () => {
    const transitionId = randomUUID();
    const input = JSON.stringify({ transitionId });
    await stepFunctions.startExecution(workflowArn, transitionId, input).done;
    expect(() => stepFunctions.startExecution(workflowArn, transitionId, input)).toThrow(ExecutionAlreadyExistsError);
  });

  it('returns the running execution when the same start is repeated while it runs', async () => {
    const transitionId = randomUUID();
    const input = JSON.stringify({ transitionId });
    const first = stepFunctions.startExecution(workflowArn, transitionId, input);
    const again = stepFunctions.startExecution(workflowArn, transitionId, input);
    expect(again.executionArn).toBe(first.executionArn);
    await first.done;
    const timeline = await new DynamoTransitionStore(table.db, table.tableName).timeline(transitionId);
    expect(timeline).toHaveLength(1);
  });

  it('fails the execution when the input names no transition', async () => {
    const execution = stepFunctions.startExecution(workflowArn, randomUUID(), JSON.stringify({}));
    await execution.done;
    expect(execution.status).toBe('FAILED');
  });

  it('does not retry a task whose input is invalid (retrying cannot fix it), and writes nothing', async () => {
    const name = randomUUID();
    const execution = stepFunctions.startExecution(workflowArn, name, JSON.stringify({ transitionId: '' }));
    // With the States.ALL retrier (2 s, backoff 2, 5 attempts) this would outlast the test timeout.
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(await new DynamoTransitionStore(table.db, table.tableName).timeline('')).toEqual([]);
  });
});
