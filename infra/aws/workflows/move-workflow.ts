import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { StageConfig } from '../config/stages';
import { AlarmWorkflow } from './alarm-workflow';
import type { Construct } from 'constructs';

/** The actions of the move process (shared/domain/transition/move-process.ts) and the state that carries each out. */
export const moveWorkflowActions = {
  'uitkering-taak': 'Taak: uitkering op tijd regelen',
  'vraag-bevestiging': 'Vraag bevestiging van ondersteuning en budget',
  'vraag-verhuisbevestiging': 'Vraag het duo de verhuizing te bevestigen',
  evaluatie: 'Plan de evaluatie na zes weken',
  landingsreview: 'Vraag het duo om de landingsreview',
  'omklap-aankondigen': 'Kondig de omklap aan en vraag om een besluit',
  'omklap-herinneren': 'Taak: nog geen besluit over de omklap',
} as const;

export const moveWorkflowStates = {
  determine: 'Bepaal de volgende stap',
  which: 'Welke stap?',
  setAlarm: 'Zet de wekker',
  clearAlarm: 'Zet de wekker uit',
  waitForAlarm: 'Wacht tot de wekker gaat',
  waitForContract: 'Wacht op het getekende contract',
  waitForMoveDate: 'Wacht op een verhuisdatum',
  waitForMoveConfirmation: 'Wacht op de bevestiging van de verhuizing',
  waitForOmklapDecision: 'Wacht op het besluit over de omklap',
  nothingLeft: 'Niets meer te doen',
} as const;

/**
 * "Verhuizing en omklap": from an accepted woning to the omklap years later. Waits for a person (the signed
 * contract, a move date, the confirmation of the move, the omklap decision) end the execution: the command that fills them in starts a new one. Waits for a date
 * set the alarm, so no execution waits the 2–3 years to the omklap (an execution lasts a year at most), and a
 * changed move date simply moves the alarm.
 */
export function createMoveWorkflow(
  scope: Construct,
  props: { stage: StageConfig; moveStep: IFunction; wakeup: IFunction },
) {
  return new AlarmWorkflow(scope, 'MoveWorkflow', {
    stage: props.stage,
    proces: 'verhuizing',
    step: props.moveStep,
    wakeup: props.wakeup,
    actions: moveWorkflowActions,
    waitsForPerson: {
      'wacht-op-contract': moveWorkflowStates.waitForContract,
      'wacht-op-verhuisdatum': moveWorkflowStates.waitForMoveDate,
      'wacht-op-verhuisbevestiging': moveWorkflowStates.waitForMoveConfirmation,
      'wacht-op-omklapbesluit': moveWorkflowStates.waitForOmklapDecision,
    },
    waitUntil: 'tot',
    states: moveWorkflowStates,
  }).stateMachine;
}
