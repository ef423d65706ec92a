import { GetScheduleCommand, ResourceNotFoundException, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { todayInNetherlands } from '../../../shared/domain/common/calendar';
import { municipalityPolicy } from '../../../shared/domain/organisation/municipality-policy';
import { followUpActions, nextFollowUpStep } from '../../../shared/domain/signals/signal-followup';
import { supportConfigFor } from '../../../shared/domain/support/provider-policy';
import { nextMoveStep } from '../../../shared/domain/transition/move-process';
import type { ContactStore, SignalStore } from '../../../functions/signals/ports';
import type { TransitionStore } from '../../../functions/transitions/ports';
import {
  createWakeupSchedule,
  type Process,
  processes,
  scheduleName,
  type WakeupConfig,
} from '../../../functions/workflow/wakeup-schedule';
import { moveWorkflowActions } from '../../aws/workflows/move-workflow';

/**
 * Repairing the workflows' alarms (docs/RECOVERY.md): for every transition, ask each process's rule what it
 * waits for, as the workflow's `bepaal` does, and compare with the schedules that exist. A wait without its
 * schedule gets it again, set exactly as the wake-up task sets it; a step that is due now while nothing runs
 * (its alarm went off and was lost) starts the process's workflow. Ids and counts only: nothing of the record.
 */

/** What the rule of a process says about one transition. */
export type Expected = { soort: 'wekker'; tot?: string; om?: string } | { soort: 'nu' } | { soort: 'niets' };

export interface AlarmRepairPorts {
  transitionIds(): Promise<string[]>;
  expected(proces: Process, transitionId: string, now: Date): Promise<Expected>;
  scheduleExists(proces: Process, transitionId: string): Promise<boolean>;
  setAlarm(proces: Process, transitionId: string, wekker: { tot?: string; om?: string }): Promise<void>;
  /** Starts the process's workflow for the transition under `name`; `bestond-al` when that execution exists. */
  startWorkflow(proces: Process, transitionId: string, name: string): Promise<'gestart' | 'bestond-al'>;
}

export interface RepairLine {
  proces: Process;
  transitionId: string;
  /** `wekker ontbrak` (a missing schedule) or `stap staat klaar` (due now, its alarm lost). */
  bevinding: 'wekker ontbrak' | 'stap staat klaar';
  outcome: string;
}

export interface RepairReport {
  transitions: number;
  /** Alarms that should exist and do. */
  inOrde: number;
  lines: RepairLine[];
}

/**
 * A step due now is normally run within seconds of its alarm; one found due now may also be one being run at
 * this moment. Starting its workflow again is safe: each step re-checks with its rule and writes conditionally.
 */
export async function repairAlarms(
  ports: AlarmRepairPorts,
  options: { dryRun: boolean; now: Date },
  progress: (line: RepairLine) => void = () => {},
): Promise<RepairReport> {
  const ids = await ports.transitionIds();
  const report: RepairReport = { transitions: ids.length, inOrde: 0, lines: [] };
  const stamp = options.now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  for (const transitionId of ids) {
    for (const proces of processes) {
      const expected = await ports.expected(proces, transitionId, options.now);
      let line: RepairLine | undefined;
      if (expected.soort === 'wekker') {
        if (await ports.scheduleExists(proces, transitionId)) {
          report.inOrde += 1;
          continue;
        }
        line = {
          proces,
          transitionId,
          bevinding: 'wekker ontbrak',
          outcome: options.dryRun
            ? 'droogloop'
            : await attempt(async () => {
                await ports.setAlarm(proces, transitionId, expected);
                return 'gezet';
              }),
        };
      } else if (expected.soort === 'nu') {
        const name = `herstel-${proces}-${transitionId}-${stamp}`.slice(0, 80);
        line = {
          proces,
          transitionId,
          bevinding: 'stap staat klaar',
          outcome: options.dryRun
            ? 'droogloop'
            : await attempt(async () => {
                const started = await ports.startWorkflow(proces, transitionId, name);
                return started === 'gestart' ? `werkproces gestart (${name})` : `al gestart (${name})`;
              }),
        };
      }
      if (line) {
        report.lines.push(line);
        progress(line);
      }
    }
  }
  return report;
}

async function attempt(action: () => Promise<string>): Promise<string> {
  try {
    return await action();
  } catch (error) {
    return `mislukt: ${(error as Error).name}`;
  }
}

/** The rules, read from the table through the product's own stores (no write). */
export function ruleExpectations(stores: {
  transitions: Pick<TransitionStore, 'get'>;
  signals: Pick<SignalStore, 'list'>;
  contacts: Pick<ContactStore, 'recent'>;
}): AlarmRepairPorts['expected'] {
  const moveActions = new Set<string>(Object.keys(moveWorkflowActions));
  const signalActions = new Set<string>(followUpActions);
  return async (proces, transitionId, now) => {
    const t = await stores.transitions.get(transitionId);
    if (!t) return { soort: 'niets' };
    if (proces === 'verhuizing') {
      const step = nextMoveStep(t, municipalityPolicy(t.gemeenteCode), todayInNetherlands(now));
      if (step.stap === 'wacht') return { soort: 'wekker', tot: step.tot };
      return moveActions.has(step.stap) ? { soort: 'nu' } : { soort: 'niets' };
    }
    const signals = await stores.signals.list(t.id);
    const [lastContact] = await stores.contacts.recent(t.id, 1);
    const step = nextFollowUpStep({
      transition: t,
      signals,
      lastContactAt: lastContact?.op,
      now,
      support: supportConfigFor(t.providerId),
    });
    if (step.stap === 'wacht') return { soort: 'wekker', om: step.om };
    return signalActions.has(step.stap) ? { soort: 'nu' } : { soort: 'niets' };
  };
}

/** Schedules: read with GetSchedule, set with the wake-up task's own code (retry policy and dead letters included). */
export function schedulerAlarms(
  scheduler: SchedulerClient,
  config: WakeupConfig,
): Pick<AlarmRepairPorts, 'scheduleExists' | 'setAlarm'> {
  const set = createWakeupSchedule(
    () => scheduler,
    () => config,
  );
  return {
    async scheduleExists(proces, transitionId) {
      try {
        await scheduler.send(
          new GetScheduleCommand({ Name: scheduleName(proces, transitionId), GroupName: config.groupName }),
        );
        return true;
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return false;
        throw error;
      }
    },
    async setAlarm(proces, transitionId, wekker) {
      await set({ transitionId, proces, ...wekker });
    },
  };
}
