import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monthlyCost, total, withCostTable } from '../../infra/ops/commands/cost-model';

describe('the cost model', () => {
  it('grows with the number of transitions, with a fixed part that does not', () => {
    const [small, medium, large] = [100, 1_000, 10_000].map((n) => total(monthlyCost(n)));
    expect(small).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(small!);
    expect(large).toBeGreaterThan(medium!);
    const kms = (n: number) => monthlyCost(n).find((l) => l.part === 'KMS')!.usd;
    expect(kms(100)).toBe(kms(10_000));
  });

  it('is what the runbook shows (run `npm run cost -- --write` after changing an assumption)', () => {
    const runbook = readFileSync('docs/OPERATIONS.md', 'utf8');
    expect(runbook).toContain('<!-- cost:start -->');
    expect(withCostTable(runbook)).toBe(runbook);
  });
});
