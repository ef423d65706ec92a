import { existsSync, readFileSync } from 'node:fs';
import { zonedInstant } from '../../shared/domain/common/calendar';
import { writeStateFile } from './state-file';

export interface LocalSchedule {
  name: string;
  groupName: string;
  /** When it fires, as an instant. */
  at: string;
  targetArn: string;
  input: string;
}

/**
 * EventBridge Scheduler's one-time schedules, locally: kept in a JSON file so they survive a restart of
 * `npm start`, and fired against the product's clock, which the demo can move forward.
 */
export class LocalScheduler {
  private readonly schedules = new Map<string, LocalSchedule>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      file?: string;
      now: () => Date;
      fire: (schedule: LocalSchedule) => void;
    },
  ) {
    if (options.file && existsSync(options.file)) {
      for (const s of JSON.parse(readFileSync(options.file, 'utf8')) as LocalSchedule[]) this.schedules.set(key(s), s);
    }
  }

  upsert(schedule: LocalSchedule): 'created' | 'updated' {
    const existed = this.schedules.has(key(schedule));
    this.schedules.set(key(schedule), schedule);
    this.persist();
    return existed ? 'updated' : 'created';
  }

  get(groupName: string, name: string): LocalSchedule | undefined {
    return this.schedules.get(`${groupName}/${name}`);
  }

  delete(groupName: string, name: string): boolean {
    const deleted = this.schedules.delete(`${groupName}/${name}`);
    if (deleted) this.persist();
    return deleted;
  }

  list(): LocalSchedule[] {
    return [...this.schedules.values()].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Fires every schedule that is due, earliest first, and removes it (ActionAfterCompletion DELETE). */
  tick(): number {
    const now = this.options.now().toISOString();
    const due = this.list().filter((s) => s.at <= now);
    for (const s of due) {
      this.schedules.delete(key(s));
      this.options.fire(s);
    }
    if (due.length) this.persist();
    return due.length;
  }

  start(intervalMs = 500): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private persist(): void {
    if (this.options.file) writeStateFile(this.options.file, JSON.stringify(this.list(), null, 2));
  }
}

const key = (s: Pick<LocalSchedule, 'groupName' | 'name'>) => `${s.groupName}/${s.name}`;

/** `at(2027-03-01T07:00:00)` in a time zone → the instant, as EventBridge Scheduler reads it. */
export function atExpressionToInstant(expression: string, timeZone = 'UTC'): Date {
  const match = /^at\((.+)\)$/.exec(expression);
  if (!match) throw new Error(`unsupported schedule expression ${expression}`);
  return zonedInstant(match[1]!, timeZone);
}
