import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { herkomsten } from '../../shared/domain/common/vocabulary';
import { factsOf } from '../../shared/domain/outcomes/facts';
import { gemeenteCodes } from '../../shared/domain/organisation/municipalities';
import { fromStored, type Transition } from '../../shared/domain/transition/transition';
import type { OutcomeStore } from './ports';

export interface CounterDifference {
  gemeenteCode: string;
  cohort: string;
  counter: string;
  herkomst: string;
  stored: number;
  recounted: number;
}

/** What the facts need of a record: no name, no date of birth is read. */
const PROJECTION = [
  'id',
  'entity',
  'gemeenteCode',
  'herkomst',
  'fase',
  'vorigeFase',
  'verhuisdOp',
  'aanbiedingen',
  'beeindiging',
  'omklapBesluiten',
  'tijdelijkVerblijf',
  'createdAt',
  'updatedAt',
];

/**
 * Counts the facts of every stored transition again and compares them with the counters. A Scan: only for ops
 * (like retention), never in a request. A stay elsewhere that ended is no longer on its record, so the stay
 * counters are left out of the comparison (their markers are what counted them).
 */
export async function recountOutcomes(
  db: DynamoDBDocumentClient,
  tableName: string,
  store: OutcomeStore,
): Promise<{ transitions: number; differences: CounterDifference[] }> {
  const recounted = new Map<string, number>();
  let transitions = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#entity = :transition',
        ProjectionExpression: PROJECTION.map((_, i) => `#p${i}`).join(', '),
        ExpressionAttributeNames: {
          '#entity': 'entity',
          ...Object.fromEntries(PROJECTION.map((p, i) => [`#p${i}`, p])),
        },
        ExpressionAttributeValues: { ':transition': 'Transition' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      transitions++;
      const t = fromStored(item) as unknown as Transition;
      for (const fact of factsOf({
        ...t,
        aanbiedingen: t.aanbiedingen ?? [],
        omklapBesluiten: t.omklapBesluiten ?? [],
      }))
        for (const [counter, n] of Object.entries(fact.adds)) {
          const k = `${fact.gemeenteCode}|${fact.cohort}|${counter}|${fact.herkomst}`;
          recounted.set(k, (recounted.get(k) ?? 0) + (n ?? 0));
        }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  const stored = new Map<string, number>();
  for (const g of gemeenteCodes)
    for (const row of await store.counters(g))
      for (const h of herkomsten) {
        const n = row.perHerkomst[h] ?? 0;
        if (n) stored.set(`${g}|${row.cohort}|${row.counter}|${h}`, n);
      }
  const differences: CounterDifference[] = [];
  for (const k of new Set([...stored.keys(), ...recounted.keys()])) {
    const [gemeenteCode, cohort, counter, herkomst] = k.split('|') as [string, string, string, string];
    if (counter.startsWith('opname-')) continue;
    const [s, r] = [stored.get(k) ?? 0, recounted.get(k) ?? 0];
    if (s !== r) differences.push({ gemeenteCode, cohort, counter, herkomst, stored: s, recounted: r });
  }
  return {
    transitions,
    differences: differences.sort((a, b) => (a.gemeenteCode + a.cohort < b.gemeenteCode + b.cohort ? -1 : 1)),
  };
}
