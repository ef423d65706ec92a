import type { OutboxEvent } from '../../shared/domain/notices/outbox-event';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import type { Transition, TransitionSummary } from '../../shared/domain/transition/transition';
import type { TransitionFilter } from '../../shared/domain/transition/search';
import type { OrganisationDirectory } from '../organisation/ports';

/** Storage the transitions capability needs; functions/storage/dynamo-transition-store.ts implements it. */
export interface TransitionStore {
  /**
   * Writes a new transition, its begeleider assignments and its first timeline event in one atomic write.
   * With an idempotency key, a second call with the same key writes nothing and returns the first transition.
   */
  create(input: {
    transition: Transition;
    firstEvent: TimelineEvent;
    idempotency?: { userId: string; key: string };
  }): Promise<{ transition: Transition; replayed: boolean }>;
  /**
   * Replaces `before` with `next` (whose version is one higher) and appends the event and the notices to
   * housing corporations it causes (the outbox), atomically; refuses with StaleVersionError when the stored
   * version is no longer `before.version`.
   */
  update(input: TransitionChange): Promise<void>;
  placementsInWijk(gemeenteCode: string, wijk: string): Promise<number>;
  get(transitionId: string): Promise<Transition | undefined>;
  listOfTeam(organisationId: string, teamId: string | undefined, page: PageRequest): Promise<Page<TransitionSummary>>;
  listOfBegeleider(userId: string, page: PageRequest): Promise<Page<TransitionSummary>>;
  /**
   * One page of the team's (`team`) or the begeleider's (`userId`) list, newest first, holding only what
   * matches the filter. Reads at most a bounded number of summaries per call; a page can be short (even
   * empty) with a nextCursor when the list is longer than that.
   */
  search(list: ListOf, filter: TransitionFilter, page: PageRequest): Promise<Page<TransitionSummary>>;
  appendEvent(event: TimelineEvent): Promise<void>;
  /** Every event, oldest first, however many pages it takes (tools and checks, not the API). */
  timeline(transitionId: string): Promise<TimelineEvent[]>;
  /** One page of the timeline, newest first: what the API and the page read. */
  timelinePage(transitionId: string, page: PageRequest): Promise<Page<TimelineEvent>>;
}

/** One change of a transition as stored: the version it replaces, the next, its event and its notices. */
export type ListOf = { organisationId: string; teamId: string | undefined } | { userId: string };

export interface TransitionChange {
  before: Transition;
  next: Transition;
  event: TimelineEvent;
  outbox?: OutboxEvent[];
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Starts the long-running process of one transition (Step Functions on AWS and locally). */
export interface TransitionWorkflow {
  /** Idempotent per transition: starting an already started transition is a no-op. */
  start(transitionId: string): Promise<void>;
  /** Lets the move workflow look at the transition again after a change that may concern it. */
  evaluateMove(transitionId: string): Promise<void>;
  /** Lets the follow-up of signals and contact look again (a signal, a contact, a change of support). */
  evaluateSignals(transitionId: string): Promise<void>;
}

/** Everything the transitions capability needs, injected so tests can point it at their own table. */
export interface TransitionsDeps {
  store: TransitionStore;
  directory: OrganisationDirectory;
  workflow: TransitionWorkflow;
  now: () => Date;
  newId: () => string;
}
