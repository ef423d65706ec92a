import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMove,
  cancelMove,
  centsToCsvEuro,
  InsufficientBudgetError,
  isConsistent,
  moves,
  newBalance,
  proposalMove,
  type Balance,
  type SpendMove,
} from '../../shared/domain/regelbudget/regelbudget';

describe('regelbudget arithmetic', () => {
  it('reserves a proposal, approves it, pays it', () => {
    let b = newBalance(100_000);
    b = applyMove(b, 'voorstellen', 30_000);
    expect(b).toMatchObject({ vrijCent: 70_000, gereserveerdCent: 30_000 });
    b = applyMove(b, 'goedkeuren', 30_000);
    b = applyMove(b, 'betalen', 30_000);
    expect(b).toEqual({
      toegekendCent: 100_000,
      vrijCent: 70_000,
      gereserveerdCent: 0,
      goedgekeurdCent: 0,
      betaaldCent: 30_000,
    });
  });

  it('returns the amount when a proposal is rejected or an approved spend cancelled', () => {
    let b = applyMove(newBalance(50_000), 'voorstellen', 40_000);
    b = applyMove(b, 'afwijzen', 40_000);
    b = applyMove(applyMove(b, 'direct-goedkeuren', 10_000), 'annuleren-goedgekeurd', 10_000);
    expect(b.vrijCent).toBe(50_000);
  });

  it('refuses to overspend, and refuses amounts that are not positive whole cents', () => {
    expect(() => applyMove(newBalance(10_000), 'voorstellen', 10_001)).toThrow(InsufficientBudgetError);
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => applyMove(newBalance(10_000), 'voorstellen', bad)).toThrow(RangeError);
  });

  it('approves at or below the threshold at once, above it asks a budget holder', () => {
    expect(proposalMove(25_000, 25_000)).toBe('direct-goedkeuren');
    expect(proposalMove(25_001, 25_000)).toBe('voorstellen');
    expect(cancelMove('betaald')).toBeUndefined();
  });

  it('formats euro for a Dutch spreadsheet', () => {
    expect(centsToCsvEuro(123_450)).toBe('1234,50');
    expect(centsToCsvEuro(5)).toBe('0,05');
    expect(centsToCsvEuro(-250)).toBe('-2,50');
  });

  it('no sequence of moves makes a bucket negative or loses a cent (property)', () => {
    const move = fc.constantFrom(...(Object.keys(moves) as SpendMove[]));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.tuple(move, fc.integer({ min: 1, max: 500_000 })), { maxLength: 60 }),
        (granted, steps) => {
          let b: Balance = newBalance(granted);
          for (const [m, amount] of steps) {
            try {
              b = applyMove(b, m, amount);
            } catch {
              // refused moves change nothing
            }
            if (!isConsistent(b)) return false;
          }
          return true;
        },
      ),
    );
  });
});
