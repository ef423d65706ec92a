/**
 * The delivery worker's time, in one place: the stack sizes the Lambda, its queue and its batches from it, the
 * sender bounds each POST by it, and the handler stops waiting by it.
 *
 * The messages of one batch are attempted side by side, so a batch takes about as long as its slowest send:
 * one send, the bookkeeping around it, and a moment to answer. What is not recorded by the batch's deadline
 * is reported as a batch item failure: its message comes back, and the delivery stays due in the table.
 */
export const workerBudget = {
  /** Messages per invocation (the event source mapping's batch size). */
  batchSize: 5,
  /** One POST to a receiver, headers and the bit of body read (WEBHOOKS.md promises receivers 15 s). */
  sendTimeoutMs: 15_000,
  /** Around one send: claim, read endpoint and notice, resolve the address, open secrets, settle, health, requeue. */
  bookkeepingMs: 10_000,
  /** Between the batch's deadline and the Lambda's timeout: to log and return the batch response. */
  returnMs: 3_000,
} as const;

/** The worker's Lambda timeout: one attempt at its slowest, and time to answer the batch. */
export const WORKER_TIMEOUT_SECONDS = Math.ceil(
  (workerBudget.sendTimeoutMs + workerBudget.bookkeepingMs + workerBudget.returnMs) / 1000,
);

/** AWS's guidance for a Lambda's SQS source: the visibility timeout at least six times the function's timeout. */
export const DELIVERY_VISIBILITY_TIMEOUT_SECONDS = 6 * WORKER_TIMEOUT_SECONDS;

/**
 * A worker holds a delivery this long: longer than the worker can run, so no second worker sends it while
 * the first still may; a crash in between lets the sweeper try it again afterwards.
 */
export const LEASE_MS = 60_000;

/** How long a batch may wait for its attempts, given what the Lambda has left (or the whole budget, locally). */
export function batchWaitMs(remainingMs: number | undefined): number {
  const whole = WORKER_TIMEOUT_SECONDS * 1000 - workerBudget.returnMs;
  return Math.max(0, Math.min(whole, (remainingMs ?? whole + workerBudget.returnMs) - workerBudget.returnMs));
}
