import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clock, clockOffset, setClockOffset } from '../../functions/clock';
import { todayInNetherlands } from '../../shared/domain/calendar';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo's time machine: moves the product's clock forward (never back: schedules and timelines only go
 * forward) and remembers how far, across restarts.
 */
export class LocalClock {
  constructor(private readonly file?: string) {
    if (file && existsSync(file)) setClockOffset((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }).offsetMs);
    else setClockOffset(0);
  }

  state() {
    const now = clock.now();
    return { now: now.toISOString(), today: todayInNetherlands(now), offsetDays: Math.round(clockOffset() / DAY_MS) };
  }

  advance(days: number): ReturnType<LocalClock['state']> {
    if (!Number.isInteger(days) || days < 1 || days > 3660) throw new RangeError('advance by 1 to 3660 whole days');
    setClockOffset(clockOffset() + days * DAY_MS);
    if (this.file) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ offsetMs: clockOffset() }));
    }
    return this.state();
  }
}
