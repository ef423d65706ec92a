import { addDays, daysBetween, instantInNetherlands, todayInNetherlands, type IsoDate } from '../common/calendar';
import { isActive, type ActiveFacts } from '../transition/lifecycle';
import type { Signal, ScaleUp } from './signal-schemas';
import { CONTACT_WATCH } from './signals';
import { changeOn, levelOn, supportLevelLabels, type SupportChange, type SupportConfig } from '../support/support';

/**
 * The follow-up of signals and of the rhythm of contact, as a pure rule: given what is known of a transition
 * now, which step is due, or until when nothing is. The "Signalen opvolgen" workflow asks this rule, takes
 * the step, asks again, and sets one alarm for the earliest wait, as the move workflow does.
 *
 * - A rood or oranje signal gets a task for the duo with its deadline.
 * - A rood signal gets a proposed temporary scale-up (with the logeerplek as an option).
 * - A rood signal nobody picked up by its deadline goes to the team lead.
 * - No contact for longer than the level allows raises an oranje signal by itself.
 * - A temporary scale-up that ends is recorded on the timeline the day after its end.
 */
export interface FollowUpConfig {
  /** Length of the proposed temporary scale-up after a rood signal. */
  scaleUpDays: number;
  /** How long the team lead has to pick up an escalated signal. */
  teamLeadResponseHours: number;
  /** Ends of temporary changes older than this are not announced any more (no backfill of old history). */
  announceEndsWithinDays: number;
}

export const defaultFollowUpConfig: FollowUpConfig = {
  scaleUpDays: 14,
  teamLeadResponseHours: 1,
  announceEndsWithinDays: 7,
};

export type FollowUpStep =
  | { stap: 'taak-duo'; signaalId: string }
  | { stap: 'opschaling-voorstellen'; signaalId: string }
  | { stap: 'escaleren'; signaalId: string }
  | { stap: 'contact-signaleren'; sinds: IsoDate; dagen: number; toegestaan: number }
  | { stap: 'opschaling-afgelopen'; wijzigingId: string }
  | { stap: 'wacht'; om: string }
  | { stap: 'geen' };

export type FollowUpAction = Exclude<FollowUpStep['stap'], 'wacht' | 'geen'>;
export const followUpActions = [
  'taak-duo',
  'opschaling-voorstellen',
  'escaleren',
  'contact-signaleren',
  'opschaling-afgelopen',
] as const satisfies readonly FollowUpAction[];

export interface FollowUpFacts {
  transition: ActiveFacts & { ondersteuning: readonly SupportChange[]; createdAt: string };
  /** The transition's signals, in any order. */
  signals: readonly Signal[];
  /** The latest contactmoment, if any. */
  lastContactAt?: string | undefined;
  now: Date;
  support: SupportConfig;
}

export function nextFollowUpStep(facts: FollowUpFacts): FollowUpStep {
  if (!isActive(facts.transition)) return { stap: 'geen' };
  const now = facts.now.toISOString();
  const today = todayInNetherlands(facts.now);
  const waits: string[] = [];

  for (const s of [...facts.signals].sort((a, b) => a.at.localeCompare(b.at))) {
    if (s.fase === 'groen' || s.status === 'afgehandeld') continue;
    if (s.status === 'open' && !s.taakAangemaaktOp) return { stap: 'taak-duo', signaalId: s.id };
    if (s.fase === 'rood' && !s.opschalingsvoorstel) return { stap: 'opschaling-voorstellen', signaalId: s.id };
    if (s.fase === 'rood' && s.status === 'open' && s.deadline && !s.geescaleerdOp) {
      if (s.deadline <= now) return { stap: 'escaleren', signaalId: s.id };
      waits.push(s.deadline);
    }
  }

  const gap = contactDue(facts, today);
  if (gap && gap.dueOn <= today)
    return { stap: 'contact-signaleren', sinds: gap.sinds, dagen: gap.dagen, toegestaan: gap.toegestaan };
  if (gap) waits.push(instantInNetherlands(gap.dueOn).toISOString());

  for (const c of facts.transition.ondersteuning) {
    if (!c.tot || c.afgelopenGemeldOp) continue;
    const firstDayAfter = addDays(c.tot, 1);
    if (firstDayAfter > today) waits.push(instantInNetherlands(firstDayAfter).toISOString());
    else if (firstDayAfter >= addDays(today, -defaultFollowUpConfig.announceEndsWithinDays))
      return { stap: 'opschaling-afgelopen', wijzigingId: c.id };
  }

  const earliest = waits.sort()[0];
  return earliest ? { stap: 'wacht', om: earliest } : { stap: 'geen' };
}

/**
 * When contact falls over time for the level of support: the first day past what the level allows, counted
 * from the last contact (before any contact, from when support began). A signal Landing raised for it counts
 * as a new starting point, so an unanswered gap raises one signal per period the level allows, not one a day.
 */
function contactDue(
  facts: FollowUpFacts,
  today: IsoDate,
): { sinds: IsoDate; dueOn: IsoDate; dagen: number; toegestaan: number } | undefined {
  const current = changeOn(facts.transition.ondersteuning, today);
  if (!current) return undefined;
  const toegestaan = facts.support.maxDaysWithoutContact[current.niveau];
  const sinds = facts.lastContactAt
    ? todayInNetherlands(new Date(facts.lastContactAt))
    : firstSupportDay(facts.transition.ondersteuning, facts.transition.createdAt);
  const raised = facts.signals.filter((s) => s.bron === CONTACT_WATCH).map((s) => todayInNetherlands(new Date(s.at)));
  const from = [sinds, ...raised].sort().at(-1)!;
  return { sinds, dueOn: addDays(from, toegestaan + 1), dagen: daysBetween(sinds, today), toegestaan };
}

function firstSupportDay(changes: readonly SupportChange[], createdAt: string): IsoDate {
  const first = [...changes].map((c) => c.vanaf).sort()[0];
  const created = createdAt.slice(0, 10);
  return first && first > created ? first : created;
}

/** The scale-up proposed after a rood signal: intensief with 24/7 reach for two weeks, the logeerplek as an option. */
export function proposedScaleUp(
  today: IsoDate,
  config: FollowUpConfig = defaultFollowUpConfig,
): ScaleUp & { logeerplek: boolean } {
  return {
    niveau: 'intensief',
    modaliteiten: ['thuis', 'remote-24-7'],
    tot: addDays(today, config.scaleUpDays),
    logeerplek: true,
  };
}

/** What the timeline says when a temporary change ended: the level it falls back to. */
export function scaleUpEndedText(changes: readonly SupportChange[], ended: SupportChange): string {
  const after = levelOn(
    changes.filter((c) => c.id !== ended.id),
    addDays(ended.tot!, 1),
  );
  return `${supportLevelLabels[ended.niveau]} tot en met ${ended.tot} is afgelopen${after ? `: terug naar ${supportLevelLabels[after].toLowerCase()}` : ''}.`;
}
