/**
 * A consumer's answer to a batch as Lambda's event source mappings read it (ReportBatchItemFailures), for the
 * local stand-ins of the queue and the table stream. No answer, or an empty `batchItemFailures`, is a
 * success; an identifier that is empty, not a string or not in the batch makes the whole batch a failure.
 */
export function failedItems(answer: unknown, ids: readonly (string | undefined)[]): Set<string> | 'all' {
  const failures = (answer as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return new Set();
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !id || !ids.includes(id)) return 'all';
    failed.add(id);
  }
  return failed;
}

/**
 * What a stream hands again after a batch: from the first record reported (the lowest sequence number, the
 * stream's order) to the end, as Lambda checkpoints before it; the whole batch after an error.
 */
export function streamRecordsAgain<R>(
  records: readonly R[],
  idOf: (record: R) => string | undefined,
  outcome: { answer: unknown } | { error: unknown },
): R[] {
  if ('error' in outcome) return [...records];
  const failed = failedItems(outcome.answer, records.map(idOf));
  if (failed === 'all') return [...records];
  const first = records.findIndex((r) => failed.has(idOf(r) ?? ''));
  return first < 0 ? [] : records.slice(first);
}
