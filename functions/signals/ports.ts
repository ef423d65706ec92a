import type { Contact, Signal } from '../../shared/domain/signals/signal-schemas';
import type { Task } from '../../shared/domain/signals/task';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition } from '../../shared/domain/transition/transition';
import type { Idempotency } from '../storage/idempotency';

/**
 * One change of a signal, written atomically with what goes with it: its timeline event, tasks it opens,
 * the closing of its open tasks (picked up or resolved), and a change of the transition (a scale-up made in
 * resolving it). Refused with SignalChangedConflict when the signal is no longer the version `before`.
 */
export interface SignalChange {
  before: Signal;
  after: Signal;
  event: TimelineEvent;
  newTasks?: Task[];
  closeOpenTasks?: boolean;
  transition?: { before: Transition; next: Transition; event: TimelineEvent };
}

/** Signals of a transition, each with its timeline event written in the same atomic write. */
export interface SignalStore {
  /**
   * With `once`, a signal with the same id is written only once; with `idempotency`, a key creates one signal.
   * False when the signal or the key was written before (and nothing is written now).
   */
  register(
    signal: Signal,
    event: TimelineEvent,
    options?: { once?: boolean; idempotency?: Idempotency },
  ): Promise<boolean>;
  /** The signal a key registered first, undefined when it is unused; another request with it is refused. */
  registeredWith(idempotency: Idempotency): Promise<Signal | undefined>;
  change(change: SignalChange): Promise<void>;
  /** Newest first. */
  list(transitionId: string): Promise<Signal[]>;
  /** The signals a corporation reported, newest first. */
  reportedBy(corporatieId: string, providerId: string, limit: number): Promise<Signal[]>;
}

/** Tasks across transitions, for the person who must act. */
export interface TaskStore {
  /** Open tasks of a user, earliest deadline first. */
  openTasksOf(userId: string): Promise<Task[]>;
}

/** Contactmomenten of a transition. */
export interface ContactStore {
  /** With `idempotency`, a key records one contactmoment: false when it did before (and nothing is written now). */
  record(contact: Contact, idempotency?: Idempotency): Promise<boolean>;
  /** The contactmoment a key recorded first, undefined when it is unused; another request with it is refused. */
  recordedWith(idempotency: Idempotency): Promise<Contact | undefined>;
  /** Newest first, at most `limit`. */
  recent(transitionId: string, limit: number): Promise<Contact[]>;
}
