import type { Contact, Signal } from '../../shared/domain/signal-schemas';
import type { TimelineEvent } from '../../shared/domain/timeline';

/** Signals of a transition, each with its timeline event written in the same atomic write. */
export interface SignalStore {
  register(signal: Signal, event: TimelineEvent): Promise<void>;
  /** Refused (SignalChangedConflict) unless the signal is still open. */
  acknowledge(after: Signal, event: TimelineEvent): Promise<void>;
  list(transitionId: string): Promise<Signal[]>;
}

/** Contactmomenten of a transition. */
export interface ContactStore {
  record(contact: Contact): Promise<void>;
  /** Newest first, at most `limit`. */
  recent(transitionId: string, limit: number): Promise<Contact[]>;
}
