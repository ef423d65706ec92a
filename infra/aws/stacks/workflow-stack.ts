import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { LandingFunction } from '../constructs/landing-function';
import { acknowledge, wildcardResource } from '../guard-rails';
import { AlarmWorkflow } from '../workflows/alarm-workflow';
import { createFollowUpWorkflow } from '../workflows/follow-up-workflow';
import { createMoveWorkflow } from '../workflows/move-workflow';
import { TransitionWorkflow } from '../workflows/transition-workflow';

export interface WorkflowStackProps extends StackProps {
  stage: StageConfig;
  table: ITableV2;
}

export class WorkflowStack extends Stack {
  readonly transitionWorkflow: StateMachine;
  readonly moveWorkflow: StateMachine;
  readonly followUpWorkflow: StateMachine;
  /** The EventBridge Scheduler group of the workflows' alarms (`landing-<stage>`). */
  readonly scheduleGroupName: string;
  /** Stream batches of new signals the follow-up could not be asked to look at, after its retries. */
  readonly newSignalDeadLetters: Queue;
  /** Workflow alarms the scheduler could not deliver after its retries (a day): the repair sets them again. */
  readonly alarmDeadLetters: Queue;
  /** Reads the table's stream for new signals: its iterator age is watched. */
  readonly newSignal: LandingFunction;
  /** Counts outcome facts from the table's stream of transitions: its iterator age is watched. */
  readonly countOutcomes: LandingFunction;
  /** Stream batches of transition changes that could not be counted after their retries (a recount repairs). */
  readonly outcomeDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    const recordTimelineEvent = new LandingFunction(this, 'RecordTimelineEvent', {
      stage,
      entry: 'functions/workflow/record-timeline-event.ts',
      description: 'Workflow task: writes a timeline event of a transition',
    }).bindTable(table, 'RW');
    this.transitionWorkflow = new TransitionWorkflow(this, 'TransitionWorkflow', {
      stage,
      recordTimelineEvent: recordTimelineEvent.live,
    }).stateMachine;

    // The workflows' alarms: one-time schedules in their own group, started by the scheduler's own role.
    const scheduleGroup = new CfnScheduleGroup(this, 'Schedules', { name: `landing-${stage.name}` });
    // The group holds every pending alarm: removing or replacing it deletes them all (see the change summary).
    scheduleGroup.applyRemovalPolicy(stage.removalPolicy);
    this.scheduleGroupName = scheduleGroup.name!;
    const moveWorkflowArn = AlarmWorkflow.arn(this, stage, 'verhuizing');
    const signalWorkflowArn = AlarmWorkflow.arn(this, stage, 'signalen');
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler start the move and follow-up workflows when due',
    });
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [moveWorkflowArn, signalWorkflowArn] }),
    );
    this.alarmDeadLetters = new Queue(this, 'AlarmsDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: stage.removalPolicy,
    });
    acknowledge(this.alarmDeadLetters, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter destination of the workflows’ alarm schedules (their DeadLetterConfig), watched by an alarm; it needs no queue of its own behind it.',
    });
    // Only what the scheduler does with it (grantSendMessages would add reading the queue's attributes).
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.alarmDeadLetters.queueArn] }),
    );

    const wakeup = new LandingFunction(this, 'Wakeup', {
      stage,
      entry: 'functions/workflow/wakeup-schedule.ts',
      description: 'Workflow task: sets or clears the one-time schedule that wakes a workflow',
      environment: {
        SCHEDULE_GROUP: scheduleGroup.name!,
        SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
        MOVE_WORKFLOW_ARN: moveWorkflowArn,
        SIGNAL_WORKFLOW_ARN: signalWorkflowArn,
        SCHEDULER_DLQ_ARN: this.alarmDeadLetters.queueArn,
      },
    });
    // What `npm run repair-alarms` needs to set an alarm exactly as the wake-up task does.
    const outputs = {
      AlarmScheduleGroup: scheduleGroup.name!,
      AlarmSchedulerRoleArn: schedulerRole.roleArn,
      AlarmDeadLetterArn: this.alarmDeadLetters.queueArn,
      MoveWorkflowArn: moveWorkflowArn,
      SignalWorkflowArn: signalWorkflowArn,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
    const alarmSchedules = (['verhuizing', 'signalen'] as const).map((proces) =>
      this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${scheduleGroup.name}/${proces}-*` }),
    );
    wakeup.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: alarmSchedules,
      }),
    );
    acknowledge(
      wakeup.role!,
      ...alarmSchedules.map((arn) => ({
        id: wildcardResource(this, arn),
        reason:
          'One alarm schedule per transition, named <proces>-<transitionId> when it is set; the wildcard stays inside this stage’s group and process.',
      })),
    );
    schedulerRole.grantPassRole(wakeup.grantPrincipal);

    const moveStep = new LandingFunction(this, 'MoveStep', {
      stage,
      entry: 'functions/workflow/move-step.ts',
      description: 'Move workflow task: determines and carries out the next step of the move',
    }).bindTable(table, 'RW');
    this.moveWorkflow = createMoveWorkflow(this, { stage, moveStep: moveStep.live, wakeup: wakeup.live });

    const followUpStep = new LandingFunction(this, 'FollowUpStep', {
      stage,
      entry: 'functions/workflow/follow-up-step.ts',
      description: 'Follow-up workflow task: tasks, escalation and scale-up proposals for signals; the contact watch',
    }).bindTable(table, 'RW');
    this.followUpWorkflow = createFollowUpWorkflow(this, {
      stage,
      followUpStep: followUpStep.live,
      wakeup: wakeup.live,
    });

    // Every new signal makes the follow-up look, from the table's stream: at least once, whether or not the
    // API's own start reached Step Functions (a rood signal's task must not wait for the next change).
    this.newSignalDeadLetters = new Queue(this, 'NewSignalsDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.newSignalDeadLetters, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter destination of the new-signal stream consumer (its event source mapping’s onFailure), watched by an alarm; it needs no queue of its own behind it.',
    });
    const newSignal = new LandingFunction(this, 'NewSignal', {
      stage,
      entry: 'functions/workflow/new-signal-handler.ts',
      description: 'Follow-up workflow: asks it to look at the transition of every new signal (from the table stream)',
      environment: {
        TRANSITION_WORKFLOW_ARN: this.transitionWorkflow.stateMachineArn,
        MOVE_WORKFLOW_ARN: moveWorkflowArn,
        SIGNAL_WORKFLOW_ARN: signalWorkflowArn,
      },
    });
    this.newSignal = newSignal;
    newSignal.live.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 10,
        bisectBatchOnError: true,
        // The consumer reports the records that failed; Lambda hands the stream again from the first of them.
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.newSignalDeadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('Signal') } } },
          }),
        ],
      }),
    );
    this.followUpWorkflow.grantStartExecution(newSignal);

    // Outcome counters kept as the facts happen: every change of a transition, from the table's stream.
    this.outcomeDeadLetters = new Queue(this, 'OutcomesDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.outcomeDeadLetters, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter destination of the outcome counters’ stream consumer (its event source mapping’s onFailure); it needs no queue of its own behind it.',
    });
    this.countOutcomes = new LandingFunction(this, 'CountOutcomes', {
      stage,
      entry: 'functions/outcomes/counter-handler.ts',
      description: 'Outcomes: counts the facts of every changed transition once (from the table stream)',
    }).bindTable(table, 'RW');
    this.countOutcomes.live.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.outcomeDeadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('Transition') } } },
          }),
        ],
      }),
    );
  }
}
