import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { LandingFunction } from '../constructs/landing-function';
import { MoveWorkflow } from '../workflows/move-workflow';
import { TransitionWorkflow } from '../workflows/transition-workflow';

export interface WorkflowStackProps extends StackProps {
  stage: StageConfig;
  table: ITableV2;
}

export class WorkflowStack extends Stack {
  readonly transitionWorkflow: StateMachine;
  readonly moveWorkflow: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    const recordTimelineEvent = new LandingFunction(this, 'RecordTimelineEvent', {
      stage,
      entry: 'functions/workflow/record-timeline-event.ts',
      description: 'Workflow task: writes a timeline event of a transition',
    }).bindTable(table, 'RW');
    this.transitionWorkflow = new TransitionWorkflow(this, 'TransitionWorkflow', { stage, recordTimelineEvent }).stateMachine;

    // The move workflow's alarms: one-time schedules in their own group, started by the scheduler's own role.
    const scheduleGroup = new CfnScheduleGroup(this, 'Schedules', { name: `landing-${stage.name}` });
    const moveWorkflowArn = MoveWorkflow.arn(this, stage);
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler start the move workflow on the day',
    });
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [moveWorkflowArn] }));

    const moveStep = new LandingFunction(this, 'MoveStep', {
      stage,
      entry: 'functions/workflow/move-step.ts',
      description: 'Move workflow task: determines and carries out the next step of the move',
    }).bindTable(table, 'RW');
    const wakeup = new LandingFunction(this, 'MoveWakeup', {
      stage,
      entry: 'functions/workflow/wakeup-schedule.ts',
      description: 'Move workflow task: sets or clears the one-time schedule that wakes the workflow',
      environment: { SCHEDULE_GROUP: scheduleGroup.name!, SCHEDULER_ROLE_ARN: schedulerRole.roleArn, MOVE_WORKFLOW_ARN: moveWorkflowArn },
    });
    wakeup.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${scheduleGroup.name}/verhuizing-*` })],
      }),
    );
    schedulerRole.grantPassRole(wakeup.grantPrincipal);

    this.moveWorkflow = new MoveWorkflow(this, 'MoveWorkflow', { stage, moveStep, wakeup }).stateMachine;
  }
}
