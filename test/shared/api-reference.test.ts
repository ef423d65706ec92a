import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import { renderApiReference } from '../../shared/api/api-reference';

describe('docs/API.md', () => {
  it('is what the contract generates today (run `npm run docs:api` after changing the contract)', () => {
    expect(readFileSync('docs/API.md', 'utf8')).toBe(`${renderApiReference()}\n`);
  });

  it('lists every operation with its fields', () => {
    const reference = renderApiReference();
    for (const spec of Object.values(operations)) expect(reference).toContain(`\`${spec.method} ${spec.path}\``);
    expect(reference).toContain('| `persoon.geboortedatum` | string (date) | ja |');
  });
});
