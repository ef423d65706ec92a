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
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import {
  acknowledgeWorkflowGuardRails,
  correlationIdField,
  withCorrelationId,
  withTaskRetries,
  workflowLogs,
} from './workflow-defaults';

export interface AlarmWorkflowProps {
  stage: StageConfig;
  /** The process's name: the state machine is `landing-<stage>-<proces>`, its alarms `<proces>-<transitionId>`. */
  proces: 'verhuizing' | 'signalen';
  /** The Lambda that answers `bepaal` (which step is due) and carries out each action. */
  step: IFunction;
  wakeup: IFunction;
  /** Action → the name of the state that carries it out (what ops read in the console). */
  actions: Record<string, string>;
  /** Steps that wait for a person: the execution ends there; the person's change starts a new one. */
  waitsForPerson?: Record<string, string>;
  /** Where the rule's answer `wacht` says until when: a day (`tot`) or an instant (`om`). */
  waitUntil: 'tot' | 'om';
  states: {
    determine: string;
    which: string;
    setAlarm: string;
    clearAlarm: string;
    waitForAlarm: string;
    nothingLeft: string;
  };
}

/**
 * A process driven by a pure rule and an alarm, with no execution that waits: one execution looks at the
 * transition, carries out every step that is due now (each action loops back to the rule), and stops at the
 * next wait. A wait for a date or an instant sets one EventBridge Scheduler schedule per transition that
 * starts the same state machine again; nothing left to do deletes it. See docs/ARCHITECTURE.md, Workflows.
 */
export class AlarmWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: AlarmWorkflowProps) {
    super(scope, id);
    const { states, proces } = props;
    const invoke = (
      taskId: string,
      stateName: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      resultPath: string,
    ) =>
      withTaskRetries(
        new LambdaInvoke(this, taskId, {
          stateName,
          lambdaFunction: fn,
          payload: TaskInput.fromObject({
            transitionId: JsonPath.stringAt('$.transitionId'),
            ...correlationIdField,
            ...payload,
          }),
          payloadResponseOnly: true,
          resultPath,
        }),
      );

    const determine = invoke('Determine', states.determine, props.step, { actie: 'bepaal' }, '$.stap');
    const setAlarm = invoke(
      'SetAlarm',
      states.setAlarm,
      props.wakeup,
      { proces, [props.waitUntil]: JsonPath.stringAt(`$.stap.${props.waitUntil}`) },
      JsonPath.DISCARD,
    );
    const clearAlarm = invoke('ClearAlarm', states.clearAlarm, props.wakeup, { proces }, JsonPath.DISCARD);

    const which = new Choice(this, 'Which', { stateName: states.which }).when(
      Condition.stringEquals('$.stap.stap', 'wacht'),
      setAlarm.next(new Succeed(this, 'WaitForAlarm', { stateName: states.waitForAlarm })),
    );
    for (const [stap, stateName] of Object.entries(props.waitsForPerson ?? {})) {
      which.when(Condition.stringEquals('$.stap.stap', stap), new Succeed(this, `Wait-${stap}`, { stateName }));
    }
    for (const [actie, stateName] of Object.entries(props.actions)) {
      which.when(
        Condition.stringEquals('$.stap.stap', actie),
        invoke(`Do-${actie}`, stateName, props.step, { actie }, JsonPath.DISCARD).next(determine),
      );
    }
    which.otherwise(clearAlarm.next(new Succeed(this, 'NothingLeft', { stateName: states.nothingLeft })));

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      // A fixed name: the scheduler's target and the Lambdas' environment can name it without a cycle.
      stateMachineName: AlarmWorkflow.stateMachineName(props.stage, proces),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(withCorrelationId(this, determine.next(which))),
      timeout: Duration.minutes(5),
      tracingEnabled: props.stage.tracing,
      logs: workflowLogs(this, props.stage),
    });
    acknowledgeWorkflowGuardRails(this.stateMachine, props.stage, [props.step, props.wakeup]);
  }

  static stateMachineName(stage: StageConfig, proces: AlarmWorkflowProps['proces']): string {
    return `landing-${stage.name}-${proces}`;
  }

  static arn(scope: Construct, stage: StageConfig, proces: AlarmWorkflowProps['proces']): string {
    return Stack.of(scope).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: AlarmWorkflow.stateMachineName(stage, proces),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}
