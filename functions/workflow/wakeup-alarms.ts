import { DeleteScheduleCommand, ResourceNotFoundException, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { WakeupAlarms } from '../retention/ports';
import { processes, scheduleName } from './wakeup-schedule';

/**
 * Clears every workflow alarm of a transition (one EventBridge Scheduler schedule per process, named as the
 * wake-up task names them). An ended transition's alarms were normally cleared when it ended; this makes sure
 * none is left to start a workflow for a record that no longer exists. A missing schedule is fine.
 */
export class SchedulerWakeupAlarms implements WakeupAlarms {
  constructor(
    private readonly scheduler: SchedulerClient,
    private readonly groupName: string,
  ) {}

  async clear(transitionId: string): Promise<void> {
    for (const proces of processes) {
      await this.scheduler
        .send(new DeleteScheduleCommand({ Name: scheduleName(proces, transitionId), GroupName: this.groupName }))
        .catch((error: unknown) => {
          if (!(error instanceof ResourceNotFoundException)) throw error;
        });
    }
  }
}
