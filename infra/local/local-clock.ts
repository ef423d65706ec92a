import { existsSync, readFileSync } from 'node:fs';
import { clock, clockOffset, setClockOffset } from '../../functions/clock';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { writeStateFile } from './state-file';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How far to move the clock: whole days, or whole hours. */
export type ClockStep = { days: number } | { hours: number };

/**
 * The demo's time machine: moves the product's clock forward (never back: schedules and timelines only go
 * forward) and remembers how far, across restarts.
 */
export class LocalClock {
  constructor(private readonly file?: string) {
    if (file && existsSync(file))
      setClockOffset((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }).offsetMs);
    else setClockOffset(0);
  }

  state() {
    const now = clock.now();
    return { now: now.toISOString(), today: todayInNetherlands(now), offsetDays: Math.round(clockOffset() / DAY_MS) };
  }

  advance(step: ClockStep): ReturnType<LocalClock['state']> {
    const ms = 'days' in step ? step.days * DAY_MS : step.hours * HOUR_MS;
    if (!Number.isInteger(ms) || ms < HOUR_MS || ms > 3660 * DAY_MS)
      throw new RangeError('advance by 1 hour to 3660 days');
    setClockOffset(clockOffset() + ms);
    if (this.file) writeStateFile(this.file, JSON.stringify({ offsetMs: clockOffset() }));
    return this.state();
  }
}
