/**
 * Small-number suppression of a table of counts, as statistics offices do it (pure, no knowledge of outcomes).
 *
 * - Primary: every count of 1 to 4 is not shown ("< 5"): a few people are recognisable in a small municipality.
 * - Secondary: a count that could be derived from the ones shown is not shown either. The caller names every
 *   additive relation a reader knows (a total and its parts: the region and its municipalities, all herkomsten
 *   and each one, the people who moved and what became of them); a hidden cell must stay unknown under all of
 *   them at once, so the check solves the relations as a system of linear equations, not one by one.
 *
 * Every view is a slice of one table suppressed as a whole: so two views together (the region and a
 * municipality) reveal no more than the table does. A hidden cell looks the same whether it is small or hides
 * a small one (as CBS marks both "x"): were only the small ones marked "< 5", every other hidden cell would be
 * known to be 5 or more, and a total of 6 over a "< 5" and an "x" would give away a 1.
 */
export const THRESHOLD = 5;

export interface Relation {
  total: string;
  parts: readonly string[];
}

const EPSILON = 1e-9;

export function isSmall(n: number): boolean {
  return n > 0 && n < THRESHOLD;
}

/** The cells to hide: the small ones, and enough others that no hidden cell follows from the relations. */
export function suppress(cells: ReadonlyMap<string, number>, relations: readonly Relation[]): Set<string> {
  const hidden = new Set([...cells].filter(([, n]) => isSmall(n)).map(([key]) => key));
  const members = relations.map((r) => [r.total, ...r.parts].filter((k) => cells.has(k)));
  const relationsOf = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const key of m) relationsOf.set(key, [...(relationsOf.get(key) ?? []), i]);
  });
  // Hide the smallest visible member of a relation (a part before the total; ties by key: deterministic).
  const hideAnotherIn = (i: number): boolean => {
    const visible = members[i]!.filter((k) => !hidden.has(k));
    if (!visible.length) return false;
    const total = relations[i]!.total;
    // A zero hides little: another hidden cell of the relation could then be read as the whole difference.
    const rank = (k: string) => [Number(k === total), Number(cells.get(k) === 0), cells.get(k)!] as const;
    visible.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || cmp(a, b);
    });
    hidden.add(visible[0]!);
    return true;
  };
  // A derivable cell whose own relations are hidden throughout is derived through its neighbours: hide in the
  // nearest relation (breadth first over hidden cells) that still shows something.
  const hideNear = (start: string): boolean => {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length) {
      const next: string[] = [];
      for (const key of frontier) {
        for (const i of relationsOf.get(key) ?? []) {
          if (hideAnotherIn(i)) return true;
          for (const k of members[i]!) {
            if (seen.has(k)) continue;
            seen.add(k);
            next.push(k);
          }
        }
      }
      frontier = next.sort(cmp);
    }
    return false;
  };
  for (;;) {
    // The cheap rule first: a relation never has exactly one hidden member.
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < members.length; i++) {
        if (members[i]!.filter((k) => hidden.has(k)).length === 1 && hideAnotherIn(i)) changed = true;
      }
    }
    const exposed = derivable(cells, relations, hidden);
    if (!exposed.size) return hidden;
    let grew = false;
    for (const key of [...exposed].sort(cmp)) {
      if (hideNear(key)) grew = true;
    }
    if (!grew) return hidden; // Everything in reach is hidden already: nothing is derivable from nothing.
  }
}

/**
 * The hidden cells a reader can compute exactly from the shown ones and the relations: what an attacker who
 * differences every view against every other gets. Gaussian elimination on the hidden cells; a cell is
 * determined when a combination of the relations leaves it alone.
 */
export function derivable(
  cells: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  hidden: ReadonlySet<string>,
): Set<string> {
  const unknowns = [...hidden].filter((k) => cells.has(k)).sort(cmp);
  const column = new Map(unknowns.map((k, i) => [k, i]));
  // One sparse row per relation that touches a hidden cell: total − Σ parts = 0, the shown cells moved aside.
  const rows: Map<number, number>[] = [];
  for (const r of relations) {
    const row = new Map<number, number>();
    const add = (key: string, c: number) => {
      const j = column.get(key);
      if (j !== undefined) row.set(j, (row.get(j) ?? 0) + c);
    };
    if (cells.has(r.total)) add(r.total, 1);
    for (const p of r.parts) if (cells.has(p)) add(p, -1);
    for (const [j, c] of row) if (Math.abs(c) < EPSILON) row.delete(j);
    if (row.size) rows.push(row);
  }
  // Reduced row echelon form, sparse: each pivot row is cleared from every other row.
  const pivots: { col: number; row: Map<number, number> }[] = [];
  for (let row of rows) {
    for (const p of pivots) row = eliminate(row, p.row, p.col);
    if (!row.size) continue;
    const col = Math.min(...row.keys());
    const scale = row.get(col)!;
    for (const [j, c] of row) row.set(j, c / scale);
    for (const p of pivots) p.row = eliminate(p.row, row, col);
    pivots.push({ col, row });
  }
  return new Set(pivots.filter((p) => p.row.size === 1).map((p) => unknowns[p.col]!));
}

function eliminate(row: Map<number, number>, pivot: Map<number, number>, col: number): Map<number, number> {
  const factor = row.get(col);
  if (factor === undefined) return row;
  const out = new Map(row);
  for (const [j, c] of pivot) {
    const v = (out.get(j) ?? 0) - factor * c;
    if (Math.abs(v) < EPSILON) out.delete(j);
    else out.set(j, v);
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
