/**
 * Regelbudget (seed 004, bouwsteen Wonen and Financiën op orde): a flexible budget per transition for what
 * makes the move calmer — furniture, moving costs, an e-bike to keep the old daytime activity. Money is in
 * euro cents, integers only.
 *
 * The balance is four buckets that always add up to the granted amount:
 *   vrij (free) + gereserveerd (proposed, awaiting approval) + goedgekeurd (approved, not paid) + betaald.
 * Every spend moves money between buckets; no move may take a bucket below zero, so the budget can never be
 * overspent. The same moves are what the storage layer does atomically with conditional updates.
 */
export const spendCategories = ['inrichting', 'verhuiskosten', 'vervoer', 'daginvulling', 'overig'] as const;
export type SpendCategory = (typeof spendCategories)[number];

export const spendCategoryLabels: Record<SpendCategory, string> = {
  inrichting: 'Inrichting en meubilering',
  verhuiskosten: 'Verhuiskosten',
  vervoer: 'Vervoer',
  daginvulling: 'Daginvulling',
  overig: 'Overig',
};

export type SpendStatus = 'voorgesteld' | 'goedgekeurd' | 'afgewezen' | 'betaald' | 'geannuleerd';

export const spendStatusLabels: Record<SpendStatus, string> = {
  voorgesteld: 'Wacht op goedkeuring',
  goedgekeurd: 'Goedgekeurd',
  afgewezen: 'Afgewezen',
  betaald: 'Betaald',
  geannuleerd: 'Geannuleerd',
};

export interface Balance {
  toegekendCent: number;
  vrijCent: number;
  gereserveerdCent: number;
  goedgekeurdCent: number;
  betaaldCent: number;
}

export type Bucket = Exclude<keyof Balance, 'toegekendCent'>;

/** A spend moves its amount from one bucket to another. */
export type SpendMove =
  | 'voorstellen'
  | 'direct-goedkeuren'
  | 'goedkeuren'
  | 'afwijzen'
  | 'betalen'
  | 'annuleren-voorstel'
  | 'annuleren-goedgekeurd';

export const moves: Record<SpendMove, { from: Bucket; to: Bucket; fromStatus?: SpendStatus; toStatus: SpendStatus }> = {
  voorstellen: { from: 'vrijCent', to: 'gereserveerdCent', toStatus: 'voorgesteld' },
  'direct-goedkeuren': { from: 'vrijCent', to: 'goedgekeurdCent', toStatus: 'goedgekeurd' },
  goedkeuren: { from: 'gereserveerdCent', to: 'goedgekeurdCent', fromStatus: 'voorgesteld', toStatus: 'goedgekeurd' },
  afwijzen: { from: 'gereserveerdCent', to: 'vrijCent', fromStatus: 'voorgesteld', toStatus: 'afgewezen' },
  betalen: { from: 'goedgekeurdCent', to: 'betaaldCent', fromStatus: 'goedgekeurd', toStatus: 'betaald' },
  'annuleren-voorstel': {
    from: 'gereserveerdCent',
    to: 'vrijCent',
    fromStatus: 'voorgesteld',
    toStatus: 'geannuleerd',
  },
  'annuleren-goedgekeurd': {
    from: 'goedgekeurdCent',
    to: 'vrijCent',
    fromStatus: 'goedgekeurd',
    toStatus: 'geannuleerd',
  },
};

export class InsufficientBudgetError extends Error {
  constructor(readonly vrijCent: number) {
    super('Het regelbudget is hiervoor niet toereikend.');
    this.name = 'InsufficientBudgetError';
  }
}

export function newBalance(toegekendCent: number): Balance {
  return { toegekendCent, vrijCent: toegekendCent, gereserveerdCent: 0, goedgekeurdCent: 0, betaaldCent: 0 };
}

/** Applies one move; refuses anything that would take a bucket below zero. */
export function applyMove(balance: Balance, move: SpendMove, amountCent: number): Balance {
  if (!Number.isSafeInteger(amountCent) || amountCent <= 0)
    throw new RangeError('amount must be a positive whole number of cents');
  const { from, to } = moves[move];
  if (balance[from] < amountCent) {
    if (from === 'vrijCent') throw new InsufficientBudgetError(balance.vrijCent);
    throw new RangeError(`${from} would go below zero`);
  }
  return { ...balance, [from]: balance[from] - amountCent, [to]: balance[to] + amountCent };
}

/** The first move of a new spend: straight to approved when at or below the municipality's threshold. */
export function proposalMove(amountCent: number, thresholdCent: number): 'voorstellen' | 'direct-goedkeuren' {
  return amountCent <= thresholdCent ? 'direct-goedkeuren' : 'voorstellen';
}

/** Which move a decision or a cancellation is, from the spend's current status. */
export function cancelMove(status: SpendStatus): SpendMove | undefined {
  if (status === 'voorgesteld') return 'annuleren-voorstel';
  if (status === 'goedgekeurd') return 'annuleren-goedgekeurd';
  return undefined;
}

export function isConsistent(b: Balance): boolean {
  const buckets = [b.vrijCent, b.gereserveerdCent, b.goedgekeurdCent, b.betaaldCent];
  return (
    buckets.every((x) => Number.isSafeInteger(x) && x >= 0) && buckets.reduce((s, x) => s + x, 0) === b.toegekendCent
  );
}

/** "1234,50" for a finance department's Dutch spreadsheet (no thousands separator, comma decimal). */
export function centsToCsvEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * How a budget holder's screens name the person: first initial and surname ("S. Jansen"). The municipality
 * pays the budget and knows the person from its own beschikking, so the name must let the budget holder tell the
 * lines apart and match them; the full first name, the date of birth and everything else stay with the provider.
 */
export function persoonVoorBudgethouder(persoon: { voornaam: string; achternaam: string }): string {
  const initial = [...persoon.voornaam.trim()][0]?.toLocaleUpperCase('nl-NL') ?? '';
  return `${initial}. ${persoon.achternaam.trim()}`;
}
