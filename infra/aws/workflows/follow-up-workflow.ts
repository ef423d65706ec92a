import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { FollowUpAction } from '../../../shared/domain/signals/signal-followup';
import type { StageConfig } from '../config/stages';
import { AlarmWorkflow } from './alarm-workflow';

/** The steps of the follow-up (shared/domain/signals/signal-followup.ts) and the state that carries each out. */
export const followUpWorkflowActions = {
  'taak-duo': 'Taak voor het duo',
  'opschaling-voorstellen': 'Stel een tijdelijke opschaling voor',
  escaleren: 'Escaleer naar de teamleider',
  'contact-signaleren': 'Signaleer: contact over tijd',
  'opschaling-afgelopen': 'Registreer het einde van de opschaling',
} as const satisfies Record<FollowUpAction, string>;

export const followUpWorkflowStates = {
  determine: 'Bepaal wat opvolging vraagt',
  which: 'Wat is er aan de beurt?',
  setAlarm: 'Zet de wekker',
  clearAlarm: 'Zet de wekker uit',
  waitForAlarm: 'Wacht tot de wekker gaat',
  nothingLeft: 'Niets op te volgen',
} as const;

/**
 * "Signalen opvolgen": a rood or oranje signal gets a task for the duo with its deadline; rood also a proposed
 * scale-up with the logeerplek, and the team lead when nobody picked it up in time; no contact for longer
 * than the level allows raises an oranje signal; a temporary scale-up's end lands on the timeline. Started by
 * every signal, pick-up, resolution, contact and change of support, and by its own alarm (the next deadline).
 */
export function createFollowUpWorkflow(
  scope: Construct,
  props: { stage: StageConfig; followUpStep: IFunction; wakeup: IFunction },
) {
  return new AlarmWorkflow(scope, 'FollowUpWorkflow', {
    stage: props.stage,
    proces: 'signalen',
    step: props.followUpStep,
    wakeup: props.wakeup,
    actions: followUpWorkflowActions,
    waitUntil: 'om',
    states: followUpWorkflowStates,
  }).stateMachine;
}
