import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import type { Idempotency } from '../storage/idempotency';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { TransitionStore } from '../transitions/ports';

/** One part written: new when `seenVersie` is absent, else only on the version the writer saw. */
export interface HerstelChange {
  transitionId: string;
  item: Pick<HerstelItem, 'part' | 'id' | 'data'>;
  seenVersie?: number;
  /** Claimed in the same transaction: a retry with the key finds what this write added. */
  idempotency?: Idempotency;
  /** A part that must not exist when this one is written (else the write is stale), e.g. a newer version. */
  requireAbsent?: { part: HerstelItem['part']; id: string };
  event: TimelineEvent;
  /**
   * A small summary of the plan kept on the transition's item and its begeleiders' copies (what Vandaag
   * reads), updated in the same transaction without changing the transition's version. Absent: left alone.
   */
  transitionSummary?: {
    doelEvaluaties: readonly string[];
    begeleiderIds: readonly string[];
    /** The transition's `doelStand` when it was read, before the plan was: the write holds only if unchanged. */
    seenStand: number | undefined;
  };
}

export interface HerstelStore {
  read(transitionId: string): Promise<HerstelItem[]>;
  write(change: HerstelChange): Promise<void>;
  /** The part the first request with this key wrote (undefined when the key is unused). */
  createdWith(idempotency: Idempotency): Promise<HerstelItem | undefined>;
}

export interface HerstelDeps {
  transitions: Pick<TransitionStore, 'get'>;
  herstel: HerstelStore;
  now: () => Date;
  newId: () => string;
}
