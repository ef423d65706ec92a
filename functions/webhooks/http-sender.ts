/**
 * One POST of one delivery attempt. It reports what happened and never throws for an HTTP or network
 * failure: deciding what an answer means is retry-schedule.ts's job, and a throw here would lose the
 * attempt's bookkeeping.
 *
 * Redirects are not followed (`redirect: 'manual'`): the address guard checked this URL's host, not
 * wherever a redirect points, so a 3xx is reported as it is and counts as a failure.
 */

import { workerBudget } from './worker-budget';

export const DEFAULT_TIMEOUT_MS = workerBudget.sendTimeoutMs;
/** Receivers' answers are not used; reading a little lets the connection be reused, reading all could be abused. */
const MAX_BODY_BYTES = 64 * 1024;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** For the whole attempt, headers and the bit of body we read. */
  timeoutMs?: number;
}

export interface WebhookResponse {
  /** Absent when no answer came (see `error`). */
  status?: number;
  /** From sending until the response headers arrived, or until the failure. */
  latencyMs: number;
  retryAfterHeader?: string | null;
  error?: 'timeout' | 'network';
}

export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    return { latencyMs: elapsed(), error: isTimeout(error) ? 'timeout' : 'network' };
  }
  const latencyMs = elapsed();
  // The status is what counts: a receiver that answered 2xx and then stalled or broke off its body has
  // still accepted the delivery.
  await drain(response.body).catch(() => undefined);
  return { status: response.status, latencyMs, retryAfterHeader: response.headers.get('retry-after') };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read < MAX_BODY_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
  } finally {
    // Stops a larger (or endless) body; harmless once it has ended.
    await reader.cancel().catch(() => undefined);
  }
}
