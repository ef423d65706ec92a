import type { Fase } from '../../shared/domain/common/vocabulary';
import type { Transition } from '../../shared/domain/transition/transition';
import type { PersonRecordExport, StoredItem } from './person-record-export';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** What one pass over the table tells: every transition with what the retention rule needs, and the items
 * outside a transition's partition that name it (so they can be found without an index of their own). */
export interface TableSurvey {
  transitions: { id: string; fase: Fase; nazorg?: Transition['nazorg']; updatedAt: string }[];
  elsewhere: Map<string, ItemKey[]>;
}

/** Everything stored about one person: the transition (parsed) and every item, as stored. */
export interface PersonRecord {
  transition: Transition;
  items: StoredItem[];
}

/** The table as the retention procedure sees it; functions/storage/dynamo-person-records.ts implements it. */
export interface PersonRecordStore {
  survey(): Promise<TableSurvey>;
  /** Read consistently; undefined when the transition is gone (deleted by an earlier run). */
  collect(transitionId: string, elsewhere: readonly ItemKey[]): Promise<PersonRecord | undefined>;
  /**
   * Deletes these items of the record, never the transition's own item: items in the transition's partition
   * in batches, items elsewhere only while they still name this transition. Deleting what is gone is a no-op.
   */
  deleteItems(transitionId: string, items: readonly StoredItem[]): Promise<void>;
  /** Deletes the transition's own item, last, only while its version is still the one exported. */
  deleteTransition(transitionId: string, version: number): Promise<void>;
}

/** Where exports go (a directory ops hand to the person or the archive). */
export interface ExportSink {
  read(transitionId: string): Promise<PersonRecordExport | undefined>;
  /** Written completely or not at all; resolves only once the export can be read back. */
  write(envelope: PersonRecordExport): Promise<void>;
}

/** The workflows' alarms of a transition (EventBridge Scheduler on AWS). */
export interface WakeupAlarms {
  clear(transitionId: string): Promise<void>;
}
