import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  DefinitionBody,
  JsonPath,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  type INextable,
  type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { withTaskRetries, workflowLogs } from './workflow-defaults';

export interface MoveWorkflowProps {
  stage: StageConfig;
  moveStep: IFunction;
  wakeup: IFunction;
}

/** The actions of the move process (shared/domain/move-process.ts) and the state that carries each out. */
export const moveWorkflowActions = {
  'uitkering-taak': 'Taak: uitkering op tijd regelen',
  'vraag-bevestiging': 'Vraag bevestiging van ondersteuning en budget',
  verhuisdag: 'Registreer de verhuizing',
  evaluatie: 'Plan de evaluatie na zes weken',
  'omklap-aankondigen': 'Kondig de omklap aan',
  'omklap-melden': 'Meld de omklap',
} as const;

export const moveWorkflowStates = {
  determine: 'Bepaal de volgende stap',
  which: 'Welke stap?',
  setAlarm: 'Zet de wekker',
  clearAlarm: 'Zet de wekker uit',
  waitForAlarm: 'Wacht tot de wekker gaat',
  waitForContract: 'Wacht op het getekende contract',
  waitForMoveDate: 'Wacht op een verhuisdatum',
  nothingLeft: 'Niets meer te doen',
} as const;

/**
 * "Verhuizing en omklap": from an accepted woning to the omklap years later.
 *
 * One execution looks at the transition, carries out every step that is due now, and stops at the next
 * wait. Waits for a person (the signed contract, a move date) end the execution: the command that fills them
 * in starts a new one. Waits for a date set a one-time EventBridge Scheduler schedule that starts a new one
 * on the day, so no execution ever waits for weeks, let alone the 2–3 years to the omklap (an execution lasts
 * a year at most), and a changed move date simply moves the alarm.
 */
export class MoveWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: MoveWorkflowProps) {
    super(scope, id);
    const invoke = (taskId: string, stateName: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string) =>
      withTaskRetries(
        new LambdaInvoke(this, taskId, {
          stateName,
          lambdaFunction: fn,
          payload: TaskInput.fromObject({ transitionId: JsonPath.stringAt('$.transitionId'), ...payload }),
          payloadResponseOnly: true,
          resultPath,
        }),
      );

    const determine = invoke('Determine', moveWorkflowStates.determine, props.moveStep, { actie: 'bepaal' }, '$.stap');
    const setAlarm = invoke('SetAlarm', moveWorkflowStates.setAlarm, props.wakeup, { tot: JsonPath.stringAt('$.stap.tot') }, JsonPath.DISCARD);
    const clearAlarm = invoke('ClearAlarm', moveWorkflowStates.clearAlarm, props.wakeup, {}, JsonPath.DISCARD);

    const which = new Choice(this, 'Which', { stateName: moveWorkflowStates.which })
      .when(Condition.stringEquals('$.stap.stap', 'wacht'), setAlarm.next(new Succeed(this, 'WaitForAlarm', { stateName: moveWorkflowStates.waitForAlarm })))
      .when(Condition.stringEquals('$.stap.stap', 'wacht-op-contract'), new Succeed(this, 'WaitForContract', { stateName: moveWorkflowStates.waitForContract }))
      .when(Condition.stringEquals('$.stap.stap', 'wacht-op-verhuisdatum'), new Succeed(this, 'WaitForMoveDate', { stateName: moveWorkflowStates.waitForMoveDate }));
    for (const [actie, stateName] of Object.entries(moveWorkflowActions)) {
      const act: IChainable & INextable = invoke(`Do-${actie}`, stateName, props.moveStep, { actie }, JsonPath.DISCARD);
      which.when(Condition.stringEquals('$.stap.stap', actie), act.next(determine));
    }
    which.otherwise(clearAlarm.next(new Succeed(this, 'NothingLeft', { stateName: moveWorkflowStates.nothingLeft })));

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      // A fixed name: the scheduler's target and the Lambdas' environment can name it without a cycle.
      stateMachineName: MoveWorkflow.stateMachineName(props.stage),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(determine.next(which)),
      timeout: Duration.minutes(5),
      tracingEnabled: props.stage.tracing,
      logs: workflowLogs(this, props.stage),
    });
  }

  static stateMachineName(stage: StageConfig): string {
    return `landing-${stage.name}-verhuizing`;
  }

  static arn(scope: Construct, stage: StageConfig): string {
    return Stack.of(scope).formatArn({ service: 'states', resource: 'stateMachine', resourceName: MoveWorkflow.stateMachineName(stage), arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  }
}
