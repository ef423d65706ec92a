import { addDays, daysBetween, type IsoDate } from '../common/calendar';

/**
 * Ambulant support that scales (seed 004, bouwsteen Ambulante begeleiding): temporarily up around the move,
 * up fast on relapse signals, down step by step towards afschalen. The history is a list of changes; what
 * holds on a day is derived from it, so the history is never rewritten.
 */
export const supportLevels = ['intensief', 'verhoogd', 'regulier', 'licht', 'waakvlam', 'afgeschaald'] as const;
export type SupportLevel = (typeof supportLevels)[number];

export const supportLevelLabels: Record<SupportLevel, string> = {
  intensief: 'Intensief (24/7 bereikbaar)',
  verhoogd: 'Verhoogd',
  regulier: 'Regulier',
  licht: 'Licht',
  waakvlam: 'Waakvlam',
  afgeschaald: 'Geen begeleiding / nazorg',
};

export const modaliteiten = ['thuis', 'op-afstand', 'remote-24-7', 'logeerplek'] as const;
export type Modaliteit = (typeof modaliteiten)[number];

export const modaliteitLabels: Record<Modaliteit, string> = {
  thuis: 'Thuis',
  'op-afstand': 'Op afstand (video, telefoon)',
  'remote-24-7': 'Ondersteuning op afstand, 24/7',
  logeerplek: 'Logeerplek',
};

/** Per provider: hours a week per level, and how long without contact each level allows. */
export interface SupportConfig {
  hoursPerWeek: Record<SupportLevel, number>;
  maxDaysWithoutContact: Record<SupportLevel, number>;
  /** A temporary scale-up is reviewed after this many days. */
  reviewAfterDays: number;
  /** After this many days on intensief without a break, the review asks whether a step down fits. */
  maxDaysIntensief: number;
  /** The scale-up around the move: from this many days before to this many after. */
  moveScaleUp: { daysBefore: number; daysAfter: number };
}

export const defaultSupportConfig: SupportConfig = {
  hoursPerWeek: { intensief: 10, verhoogd: 6, regulier: 3, licht: 1.5, waakvlam: 0.5, afgeschaald: 0 },
  // "Ze bellen als je twee keer niet bent geweest": a waakvlam contact is kept, if only rarely.
  maxDaysWithoutContact: { intensief: 2, verhoogd: 4, regulier: 8, licht: 15, waakvlam: 30, afgeschaald: 90 },
  reviewAfterDays: 28,
  maxDaysIntensief: 90,
  moveScaleUp: { daysBefore: 14, daysAfter: 42 },
};

export interface SupportChange {
  id: string;
  niveau: SupportLevel;
  modaliteiten: Modaliteit[];
  reden: string;
  vanaf: IsoDate;
  /** A temporary change ends here (inclusive); the level before it applies again the day after. */
  tot?: IsoDate;
  door: { id: string; naam: string };
  /** The signal this change answers, when it was made in resolving one. */
  signaalId?: string;
  /** The follow-up workflow recorded on the timeline that this temporary change ended. */
  afgelopenGemeldOp?: IsoDate;
}

/** What the level over time needs of a change: lists carry only this (no reasons) to show and weigh levels. */
export type LevelChange = Pick<SupportChange, 'niveau' | 'vanaf' | 'tot'>;

/** The change in force on `date`: the latest started one that has not ended. */
export function changeOn<C extends LevelChange>(changes: readonly C[], date: IsoDate): C | undefined {
  let inForce: C | undefined;
  for (const c of changes) {
    if (c.vanaf <= date && (!c.tot || c.tot >= date) && (!inForce || c.vanaf >= inForce.vanaf)) inForce = c;
  }
  return inForce;
}

export function levelOn(changes: readonly LevelChange[], date: IsoDate): SupportLevel | undefined {
  return changeOn(changes, date)?.niveau;
}

/** One level more support (intensief stays intensief). */
export function oneUp(level: SupportLevel): SupportLevel {
  return supportLevels[Math.max(0, supportLevels.indexOf(level) - 1)]!;
}

/** One level less support (afgeschaald stays afgeschaald). */
export function oneDown(level: SupportLevel): SupportLevel {
  return supportLevels[Math.min(supportLevels.length - 1, supportLevels.indexOf(level) + 1)]!;
}

/** The product's proposal around the move: one level up, from two weeks before to six weeks after. */
export function proposeMoveScaleUp(
  changes: readonly SupportChange[],
  moveDate: IsoDate,
  config: SupportConfig,
): Pick<SupportChange, 'niveau' | 'vanaf' | 'tot' | 'reden'> {
  const vanaf = addDays(moveDate, -config.moveScaleUp.daysBefore);
  const current = levelOn(changes, vanaf) ?? 'regulier';
  return {
    niveau: oneUp(current),
    vanaf,
    tot: addDays(moveDate, config.moveScaleUp.daysAfter),
    reden: 'Tijdelijk opschalen rond de verhuizing',
  };
}

export function isScaleUp(change: SupportChange, before: SupportLevel | undefined): boolean {
  return before !== undefined && supportLevels.indexOf(change.niveau) < supportLevels.indexOf(before);
}

/** Every scale-up is reviewed: after the configured days, or at its end if that comes first. */
export function reviewDate(change: SupportChange, config: SupportConfig): IsoDate {
  const review = addDays(change.vanaf, config.reviewAfterDays);
  return change.tot && change.tot < review ? change.tot : review;
}

export interface LevelSpan {
  niveau: SupportLevel;
  van: IsoDate;
  /** Inclusive. */
  tot: IsoDate;
}

/**
 * The level day by day from `from` to `to`, merged into spans: what the step chart draws and what
 * "how long at each level" counts. The level can only change on a day a change starts or the day after one
 * ends, so only those days are looked at: ten years of history cost as much as one week (it runs on every
 * write of a transition).
 */
export function levelSpans(changes: readonly LevelChange[], from: IsoDate, to: IsoDate): LevelSpan[] {
  const boundaries = new Set<IsoDate>([from]);
  for (const c of changes) {
    for (const day of [c.vanaf, ...(c.tot ? [addDays(c.tot, 1)] : [])])
      if (day > from && day <= to) boundaries.add(day);
  }
  const starts = [...boundaries].sort();
  const spans: LevelSpan[] = [];
  starts.forEach((van, i) => {
    const niveau = levelOn(changes, van);
    if (!niveau || van > to) return;
    const tot = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : to;
    const last = spans.at(-1);
    if (last && last.niveau === niveau && addDays(last.tot, 1) === van) last.tot = tot;
    else spans.push({ niveau, van, tot });
  });
  return spans;
}

export function daysAtLevel(
  changes: readonly LevelChange[],
  from: IsoDate,
  to: IsoDate,
): Partial<Record<SupportLevel, number>> {
  const days: Partial<Record<SupportLevel, number>> = {};
  for (const span of levelSpans(changes, from, to))
    days[span.niveau] = (days[span.niveau] ?? 0) + daysBetween(span.van, span.tot) + 1;
  return days;
}

/** Flags a transition that has been on intensief without a break for longer than the configured period. */
export function longOnIntensief(
  changes: readonly LevelChange[],
  today: IsoDate,
  config: SupportConfig,
): number | undefined {
  const spans = levelSpans(changes, addDays(today, -3650), today);
  const last = spans.at(-1);
  if (last?.niveau !== 'intensief' || last.tot !== today) return undefined;
  const days = daysBetween(last.van, today) + 1;
  return days > config.maxDaysIntensief ? days : undefined;
}

/**
 * After long on intensief, the review asks whether a step down fits, with the person: a question, never a
 * warning, for "het tempo van de deelnemer is leidend" (Housing First).
 */
export function afschalenQuestion(
  changes: readonly LevelChange[],
  today: IsoDate,
  config: SupportConfig,
): { dagen: number; vraag: string } | undefined {
  const dagen = longOnIntensief(changes, today, config);
  if (dagen === undefined) return undefined;
  return {
    dagen,
    vraag:
      `Al ${dagen} dagen intensief. Voor de evaluatie, samen met de deelnemer: past een stap terug al, of is ` +
      'intensief nog nodig? Het tempo van de deelnemer is leidend.',
  };
}

/** How many days a contact is overdue for the level on `today`, or undefined when it is not. */
export function contactGap(
  lastContact: IsoDate | undefined,
  since: IsoDate,
  level: SupportLevel,
  today: IsoDate,
  config: SupportConfig,
): number | undefined {
  const allowed = config.maxDaysWithoutContact[level];
  const gap = daysBetween(lastContact ?? since, today);
  return gap > allowed ? gap - allowed : undefined;
}

/** Planned hours a week on a day, for comparing with the iWmo allocation. */
export function plannedHoursPerWeek(changes: readonly LevelChange[], date: IsoDate, config: SupportConfig): number {
  const level = levelOn(changes, date);
  return level ? config.hoursPerWeek[level] : 0;
}
