/**
 * How the person's own plan is stored: not on the transition's item (which every list reads), but as small
 * items of their own beside it, one per part and id — a profile version, a goal with its options, steps and
 * evaluations, a member of the network, a score. Each carries its own version, so the duo can work on the
 * network while a colleague adds a goal.
 */
export const herstelParts = ['profiel', 'doel', 'netwerk', 'score'] as const;
export type HerstelPart = (typeof herstelParts)[number];

/** One stored part, as the storage adapter hands it to the domain (the data still to be parsed). */
export interface HerstelItem {
  part: HerstelPart;
  id: string;
  versie: number;
  data: Record<string, unknown>;
}

export const itemsOf = (items: readonly HerstelItem[], part: HerstelPart) => items.filter((i) => i.part === part);
