import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { TransitionStore } from '../transitions/ports';

/** One part written: new when `seenVersie` is absent, else only on the version the writer saw. */
export interface HerstelChange {
  transitionId: string;
  item: Pick<HerstelItem, 'part' | 'id' | 'data'>;
  seenVersie?: number;
  /** A part that must not exist when this one is written (else the write is stale), e.g. a newer version. */
  requireAbsent?: { part: HerstelItem['part']; id: string };
  event: TimelineEvent;
}

export interface HerstelStore {
  read(transitionId: string): Promise<HerstelItem[]>;
  write(change: HerstelChange): Promise<void>;
}

export interface HerstelDeps {
  transitions: Pick<TransitionStore, 'get'>;
  herstel: HerstelStore;
  now: () => Date;
  newId: () => string;
}
