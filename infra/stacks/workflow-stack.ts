import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { LandingFunction } from '../constructs/landing-function';
import { TransitionWorkflow } from '../workflows/transition-workflow';

export interface WorkflowStackProps extends StackProps {
  stage: StageConfig;
  table: ITableV2;
}

export class WorkflowStack extends Stack {
  readonly transitionWorkflow: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const recordTimelineEvent = new LandingFunction(this, 'RecordTimelineEvent', {
      stage: props.stage,
      entry: 'functions/workflow/record-timeline-event.ts',
      description: 'Workflow task: writes a timeline event of a transition',
    }).bindTable(props.table, 'RW');

    this.transitionWorkflow = new TransitionWorkflow(this, 'TransitionWorkflow', {
      stage: props.stage,
      recordTimelineEvent,
    }).stateMachine;
  }
}
