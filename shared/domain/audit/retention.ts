import { addDays, addMonths, todayInNetherlands, type IsoDate } from '../common/calendar';
import { isActive } from '../transition/lifecycle';
import type { Transition } from '../transition/transition';

/**
 * The bewaartermijn of a person's record: when a transition that ended may (and must) be deleted. Pure: the
 * caller passes today and the number of years, which is stage configuration (`recordRetentionYears` in
 * infra/aws/config/stages.ts), not a constant of the code.
 *
 * A record of Wmo support is kept 15 years after the support ended unless the organisation's privacy officer
 * (functionaris gegevensbescherming) decides otherwise; they set the stages' value, this is only the default.
 */
export const DEFAULT_RECORD_RETENTION_YEARS = 15;

/**
 * Ended means: not active (lifecycle.ts), so *beeindigd* (ended by a decision, no command changes it any more)
 * or *geland* with the nazorg handed over (or landed before nazorg existed). A landed person can be picked
 * up again; then the transition is active and never due, and its retention starts over when it ends.
 *
 * The end date is the day of the transition's last change, in the Netherlands. Every command on an ended
 * transition is refused except the few that do not need an active phase, so `updatedAt` is the day it ended
 * or later: the retention period can come out longer than needed, never shorter.
 */
export function endOfRecord(t: Pick<Transition, 'fase' | 'nazorg' | 'updatedAt'>): IsoDate | undefined {
  return isActive(t) ? undefined : todayInNetherlands(new Date(t.updatedAt));
}

/**
 * The first day on which a record that ended on `endedOn` is due: it is kept for `years` whole years, up to
 * and including the anniversary of its end, and is due the day after. An end on 29 February is kept up to
 * 28 February and due on 1 March of a year without one: never a day early.
 */
export function deletionDueOn(endedOn: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError('the retention period is a whole number of years, at least 1');
  return addDays(addMonths(endedOn, years * 12), 1);
}

export type RetentionDecision =
  | { due: true; endedOn: IsoDate; dueOn: IsoDate }
  | { due: false; reason: 'actief' }
  | { due: false; reason: 'bewaartermijn-loopt'; endedOn: IsoDate; dueOn: IsoDate };

/** Whether a transition's record is due for deletion on `today`. An active transition never is. */
export function retentionDecision(
  t: Pick<Transition, 'fase' | 'updatedAt'>,
  today: IsoDate,
  years: number,
): RetentionDecision {
  const endedOn = endOfRecord(t);
  if (!endedOn) return { due: false, reason: 'actief' };
  const dueOn = deletionDueOn(endedOn, years);
  return today >= dueOn ? { due: true, endedOn, dueOn } : { due: false, reason: 'bewaartermijn-loopt', endedOn, dueOn };
}
