import type { Budget, BudgetRequest, LedgerEntry, Spend } from '../../shared/domain/regelbudget/regelbudget-schemas';
import type { SpendMove } from '../../shared/domain/regelbudget/regelbudget';

/** An Idempotency-Key of a user, bound to the request it was first used for (a hash of its target and body). */
export interface SpendIdempotency {
  userId: string;
  key: string;
  requestHash: string;
}

/** Storage of regelbudgets; functions/storage/dynamo-budget-store.ts implements it. */
export interface BudgetStore {
  grant(budget: Budget, entry: LedgerEntry): Promise<void>;
  get(transitionId: string): Promise<Budget | undefined>;
  spends(transitionId: string): Promise<Spend[]>;
  spend(transitionId: string, spendId: string): Promise<Spend | undefined>;
  ledger(transitionId: string): Promise<LedgerEntry[]>;
  /**
   * A new spend and its first move (reserve, or approve at once) in one atomic write with its idempotency record,
   * refused when the free amount is short. When the key was used first, answers what it answered then
   * (the spend, or the refusal thrown again) and moves nothing.
   */
  propose(input: {
    spend: Spend;
    move: 'voorstellen' | 'direct-goedkeuren';
    entry: LedgerEntry;
    gemeenteCode: string;
    today: string;
    idempotency?: SpendIdempotency;
  }): Promise<{ spend: Spend; replayed: boolean }>;
  /**
   * What a key answered first: the spend it booked, a refusal (thrown again), or undefined when it is unused.
   * A key used for another request is refused (IdempotencyKeyReusedError).
   */
  replay(idempotency: SpendIdempotency): Promise<{ spend: Spend; replayed: true } | undefined>;
  /**
   * Records that the key's request was refused with `title`, unless the key answered something first (then that
   * is returned or thrown), so every request with the key gets the same answer.
   */
  refuse(idempotency: SpendIdempotency, title: string, at: string): Promise<{ spend: Spend; replayed: true }>;
  /** Moves an existing spend on (approve, reject, pay, cancel), conditional on its current status. */
  move(input: { before: Spend; after: Spend; move: SpendMove; entry: LedgerEntry }): Promise<void>;
  /** The spends awaiting a decision and the open budget requests of a municipality, oldest first. */
  inbox(gemeenteCode: string, limit: number): Promise<{ spends: Spend[]; requests: BudgetRequest[] }>;
  budgetRequest(transitionId: string): Promise<BudgetRequest | undefined>;
  /**
   * Stores a new request, unless one is open or granted. A retry of the same request (same `requestHash`) answers
   * the stored request and writes nothing.
   */
  requestBudget(request: BudgetRequest, requestHash: string): Promise<{ request: BudgetRequest; replayed: boolean }>;
  /**
   * Decides an open request: granting writes the budget, the request and the ledger entry in one transaction.
   * Returns false when the request was not open (decided meanwhile); nothing is written then.
   */
  decideBudgetRequest(decided: BudgetRequest, grant?: { budget: Budget; entry: LedgerEntry }): Promise<boolean>;
  municipalityLedger(gemeenteCode: string, from: string, to: string): Promise<LedgerEntry[]>;
}
