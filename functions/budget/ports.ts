import type { Budget, LedgerEntry, Spend } from '../../shared/domain/regelbudget-schemas';
import type { SpendMove } from '../../shared/domain/regelbudget';

/** Storage of regelbudgets; functions/storage/dynamo-budget-store.ts implements it. */
export interface BudgetStore {
  grant(budget: Budget, entry: LedgerEntry): Promise<void>;
  get(transitionId: string): Promise<Budget | undefined>;
  spends(transitionId: string): Promise<Spend[]>;
  spend(transitionId: string, spendId: string): Promise<Spend | undefined>;
  ledger(transitionId: string): Promise<LedgerEntry[]>;
  /**
   * A new spend and its first move (reserve, or approve at once) in one atomic write, refused when the free
   * amount is short. With an idempotency key a retry returns the first spend and moves nothing.
   */
  propose(input: { spend: Spend; move: 'voorstellen' | 'direct-goedkeuren'; entry: LedgerEntry; gemeenteCode: string; today: string; idempotency?: { userId: string; key: string } }): Promise<{ spend: Spend; replayed: boolean }>;
  /** Moves an existing spend on (approve, reject, pay, cancel), conditional on its current status. */
  move(input: { before: Spend; after: Spend; move: SpendMove; entry: LedgerEntry }): Promise<void>;
  inbox(gemeenteCode: string, limit: number): Promise<Spend[]>;
  municipalityLedger(gemeenteCode: string, from: string, to: string): Promise<LedgerEntry[]>;
}
