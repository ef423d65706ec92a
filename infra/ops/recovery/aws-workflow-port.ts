import { type CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ExecutionDetail, Proces, StoppedExecution, WorkflowPort } from './redrive';

/**
 * The stage's state machines and their executions. The state machines are the resources of
 * `Landing-<stage>-Workflows`: the move and follow-up workflows have fixed names (`landing-<stage>-<proces>`,
 * infra/aws/workflows/alarm-workflow.ts), the transition workflow a generated one, so the stack names all three.
 */
export class AwsWorkflowPort implements WorkflowPort {
  constructor(
    private readonly sfn: SFNClient,
    private readonly cloudFormation: CloudFormationClient,
  ) {}

  async stateMachines(stage: string): Promise<{ proces: Proces; arn: string }[]> {
    const { StackResources } = await this.cloudFormation.send(
      new DescribeStackResourcesCommand({ StackName: `Landing-${stage}-Workflows` }),
    );
    const found: { proces: Proces; arn: string }[] = [];
    for (const resource of StackResources ?? []) {
      const arn = resource.PhysicalResourceId;
      if (resource.ResourceType !== 'AWS::StepFunctions::StateMachine' || !arn) continue;
      const name = arn.slice(arn.lastIndexOf(':') + 1);
      if (name === `landing-${stage}-verhuizing`) found.push({ proces: 'verhuizing', arn });
      else if (name === `landing-${stage}-signalen`) found.push({ proces: 'signalen', arn });
      else if (resource.LogicalResourceId?.startsWith('TransitionWorkflow')) found.push({ proces: 'transitie', arn });
    }
    return found;
  }

  async listStopped(stateMachineArn: string, status: StoppedExecution['status'], nextToken?: string) {
    const page = await this.sfn.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: status, maxResults: 100, nextToken }),
    );
    const executions: StoppedExecution[] = (page.executions ?? []).map((e) => ({
      arn: e.executionArn!,
      name: e.name!,
      stateMachineArn: e.stateMachineArn ?? stateMachineArn,
      status,
      startDate: e.startDate!,
      ...(e.stopDate ? { stopDate: e.stopDate } : {}),
    }));
    return { executions, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  async describe(executionArn: string): Promise<ExecutionDetail> {
    const e = await this.sfn.send(new DescribeExecutionCommand({ executionArn }));
    return {
      ...(e.error ? { error: e.error } : {}),
      ...(e.input !== undefined ? { input: e.input } : {}),
      ...(e.redriveStatus ? { redriveStatus: e.redriveStatus } : {}),
      redriveCount: e.redriveCount ?? 0,
    };
  }

  async redrive(executionArn: string, clientToken: string): Promise<void> {
    await this.sfn.send(new RedriveExecutionCommand({ executionArn, clientToken }));
  }

  async start(stateMachineArn: string, name: string, input: string | undefined): Promise<'gestart' | 'bestond-al'> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name, ...(input !== undefined ? { input } : {}) }),
      );
      return 'gestart';
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return 'bestond-al';
      throw error;
    }
  }
}
