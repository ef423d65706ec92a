import * as z from 'zod';
import { ValidationError } from '../http/errors';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor is only accepted
 * for the partition it came from, so a crafted cursor cannot open someone else's list.
 */
const CursorKey = z.record(z.string(), z.string());

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expected: { attribute: string; value: string },
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new ValidationError([{ name: 'cursor', code: 'invalid_cursor', reason: 'Deze vervolgpagina is niet geldig.' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const key = CursorKey.safeParse(parsed);
  if (!key.success || key.data[expected.attribute] !== expected.value) throw invalid();
  return key.data;
}
