/**
 * The export of one person's record: one JSON document to hand to the person (inzage, dataportabiliteit) or
 * to the archive, written before anything is deleted. Pure: the same items give the same document, apart
 * from `exportedAt` — kinds in a fixed order, items by key, attributes by name.
 */
export const EXPORT_FORMAT = 'landing.persoonsdossier';
export const EXPORT_VERSION = 1;

/** An item as it is stored in the table, keys included (so an archive copy could be put back as it was). */
export type StoredItem = Record<string, unknown> & { pk: string; sk: string };

export interface PersonRecordExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  transitionId: string;
  persoonRef: string;
  /** Why it was exported now: the end of the transition and when its retention period ran out. */
  bewaartermijn?: { jaren: number; beeindigdOp: string; verwijderbaarVanaf: string };
  /** How many items of each kind: what a reader checks first. */
  aantallen: Record<string, number>;
  /** Every item, grouped by kind (the item's `entity`). */
  items: Record<string, StoredItem[]>;
}

/** The kinds of a person's record in the order a reader expects them; anything else follows by name. */
export const kindOrder = [
  'Transition',
  'BegeleiderAssignment',
  'TimelineEvent',
  'Budget',
  'Spend',
  'LedgerEntry',
  'Signal',
  'Contact',
  'Herstel',
  'Task',
  'SignalOnce',
  'ActivePerson',
  'HomeOfCorporation',
  'OutboxEvent',
  'IdempotencyRecord',
] as const;

const UNKNOWN_KIND = 'Onbekend';

export function kindOf(item: StoredItem): string {
  return typeof item.entity === 'string' && item.entity ? item.entity : UNKNOWN_KIND;
}

export function buildExport(input: {
  exportedAt: string;
  transitionId: string;
  persoonRef: string;
  items: readonly StoredItem[];
  bewaartermijn?: PersonRecordExport['bewaartermijn'];
}): PersonRecordExport {
  const byKind = new Map<string, StoredItem[]>();
  for (const item of uniqueByKey(input.items))
    byKind.set(kindOf(item), [...(byKind.get(kindOf(item)) ?? []), canonical(item)]);
  const known: readonly string[] = kindOrder;
  const kinds = [...byKind.keys()].sort((a, b) => rank(a, known) - rank(b, known) || a.localeCompare(b));
  const items = Object.fromEntries(kinds.map((k) => [k, byKind.get(k)!.sort(byItemKey)]));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.exportedAt,
    transitionId: input.transitionId,
    persoonRef: input.persoonRef,
    ...(input.bewaartermijn ? { bewaartermijn: input.bewaartermijn } : {}),
    aantallen: Object.fromEntries(kinds.map((k) => [k, items[k]!.length])),
    items,
  };
}

/**
 * An earlier export of the same transition and what is stored now, as one: a run that stopped half-way
 * (some items deleted) and is run again must not replace the full export with the remainder. Items stored
 * now win over their earlier copy; the earlier export's reason is kept if the new one has none.
 */
export function mergeExports(earlier: PersonRecordExport | undefined, now: PersonRecordExport): PersonRecordExport {
  if (!earlier) return now;
  if (earlier.transitionId !== now.transitionId) throw new Error('exports of two transitions cannot be merged');
  return buildExport({
    exportedAt: now.exportedAt,
    transitionId: now.transitionId,
    persoonRef: now.persoonRef,
    items: [...allItems(now), ...allItems(earlier)],
    ...((now.bewaartermijn ?? earlier.bewaartermijn)
      ? { bewaartermijn: now.bewaartermijn ?? earlier.bewaartermijn }
      : {}),
  });
}

export function allItems(envelope: PersonRecordExport): StoredItem[] {
  return Object.values(envelope.items).flat();
}

export const itemKeyOf = (item: { pk: string; sk: string }) => `${item.pk}\u0000${item.sk}`;

/** Whether every one of `items` is in the export (by key): what must hold before anything is deleted. */
export function exportHolds(envelope: PersonRecordExport, items: readonly StoredItem[]): boolean {
  const exported = new Set(allItems(envelope).map(itemKeyOf));
  return items.every((i) => exported.has(itemKeyOf(i)));
}

/** The first occurrence of each key wins. */
function uniqueByKey(items: readonly StoredItem[]): StoredItem[] {
  const byKey = new Map<string, StoredItem>();
  for (const item of items) if (!byKey.has(itemKeyOf(item))) byKey.set(itemKeyOf(item), item);
  return [...byKey.values()];
}

function rank(kind: string, known: readonly string[]): number {
  const index = known.indexOf(kind);
  return index === -1 ? known.length : index;
}

function byItemKey(a: StoredItem, b: StoredItem): number {
  return a.pk.localeCompare(b.pk) || a.sk.localeCompare(b.sk);
}

/** Attributes sorted by name at every level, so the document does not depend on the order DynamoDB returned. */
function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}
