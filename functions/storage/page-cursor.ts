import * as z from 'zod';
import { InvalidInput } from '../../shared/domain/common/errors';
import { auditTableDesign, tableDesign } from './table-design';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor is only accepted
 * for the partition it came from, so a crafted cursor cannot open someone else's list; and only with the
 * shape DynamoDB gave it (exactly the key attributes of what is queried, none empty, the sort key within the
 * query's condition), so a crafted cursor is a 400, never a start key DynamoDB refuses (a 500).
 */
const CursorKey = z.record(z.string(), z.string().min(1));

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') : undefined;
}

/**
 * The attributes of a LastEvaluatedKey of a query on this partition attribute: the table's key, plus the
 * index's key for an index (both tables name their keys alike, see table-design.ts).
 */
function keyAttributesOf(partitionAttribute: string): readonly string[] | undefined {
  const table = [tableDesign.partitionKey, tableDesign.sortKey];
  if (partitionAttribute === tableDesign.partitionKey) return table;
  const index = [...tableDesign.globalIndexes, ...auditTableDesign.globalIndexes].find(
    (i) => i.partitionKey === partitionAttribute,
  );
  return index ? [...table, index.partitionKey, index.sortKey] : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expected: {
    attribute: string;
    value: string;
    /** The query's condition on the table's sort key, if it has one: a start key outside it is refused. */
    sortKeyWithin?: (sortKey: string) => boolean;
  },
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new InvalidInput([{ name: 'cursor', code: 'invalid_cursor', reason: 'Deze vervolgpagina is niet geldig.' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const key = CursorKey.safeParse(parsed);
  if (!key.success || key.data[expected.attribute] !== expected.value) throw invalid();
  const attributes = keyAttributesOf(expected.attribute);
  const names = Object.keys(key.data);
  if (!attributes || names.length !== attributes.length || !attributes.every((a) => names.includes(a))) throw invalid();
  if (expected.sortKeyWithin && !expected.sortKeyWithin(key.data[tableDesign.sortKey]!)) throw invalid();
  return key.data;
}
