import type { AuditEntry } from '../../../../shared/domain/audit/audit';

/** Reads of one record by one user with no longer pause than this between them: one page view. */
export const PAGE_VIEW_GAP_MS = 2 * 60_000;

/** A line of the trail as shown: an entry, or for a page view its first look and every part it read. */
export interface AuditLineView {
  entry: AuditEntry;
  onderdelen: string[];
}

const sameView = (a: AuditEntry, b: AuditEntry) =>
  a.actie === 'lezen' &&
  b.actie === 'lezen' &&
  a.gebruiker.id === b.gebruiker.id &&
  a.transitionId !== undefined &&
  a.transitionId === b.transitionId &&
  a.noodtoegang?.reden === b.noodtoegang?.reden &&
  Math.abs(Date.parse(a.at) - Date.parse(b.at)) <= PAGE_VIEW_GAP_MS;

/**
 * The trail (newest first) as a reader takes it in: the reads a page makes of one record (the record, its
 * signals, contactmomenten, budget, and the page's refreshes) are one "ingezien" line. The trail itself keeps
 * every entry; only the display groups.
 */
export function groupLooks(entries: readonly AuditEntry[]): AuditLineView[] {
  const lines: AuditLineView[] = [];
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const line = lines.at(-1);
    if (line && previous && sameView(previous, entry)) {
      line.entry = entry;
      if (!line.onderdelen.includes(entry.onderdeel)) line.onderdelen.unshift(entry.onderdeel);
    } else lines.push({ entry, onderdelen: [entry.onderdeel] });
    previous = entry;
  }
  return lines;
}
