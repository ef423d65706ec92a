import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, retryKey } from '../../web/src/api/client';

/** The SPA's API client against a stubbed fetch: which headers each call sends. */
function stubFetch(
  answer: () => Response = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
) {
  const calls: { method: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    calls.push({ method: String(init.method), headers: init.headers as Record<string, string> });
    return answer();
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the SPA’s API client', () => {
  it('sends an Idempotency-Key on every POST, and none on a GET', async () => {
    const calls = stubFetch();
    await api.signals.acknowledge('t-1', 's-1');
    await api.transitions.changeFase('t-1', {
      fase: 'woning',
      reden: 'Klaar voor een woning',
      expectedVersion: 1,
    } as never);
    await api.budget.propose(
      't-1',
      { categorie: 'inrichting', bedragCent: 100, ontvanger: 'X', reden: 'Bed' },
      'form-key-0001',
    );
    await api.transitions.get('t-1');
    expect(calls.map((c) => [c.method, c.headers['idempotency-key']])).toEqual([
      ['POST', expect.stringMatching(/^[0-9a-f-]{36}$/)],
      ['POST', expect.stringMatching(/^[0-9a-f-]{36}$/)],
      ['POST', 'form-key-0001'],
      ['GET', undefined],
    ]);
  });

  it('keeps a form’s key for a retry only while the outcome is open (no connection, 5xx)', async () => {
    const keyed = retryKey();
    const seen: string[] = [];
    const fail = (status: number) => async (key: string) => {
      seen.push(key);
      throw new ApiError(status, { code: 'internal', title: 'x' });
    };
    await expect(keyed(fail(503))).rejects.toThrow();
    await expect(keyed(fail(0))).rejects.toThrow();
    await expect(keyed(fail(409))).rejects.toThrow();
    await keyed(async (key) => void seen.push(key));
    await keyed(async (key) => void seen.push(key));
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(seen[3]).not.toBe(seen[2]);
    expect(seen[4]).not.toBe(seen[3]);
  });
});
