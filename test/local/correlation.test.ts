import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLanding, type RunningLanding } from '../../infra/local/landing';
import type { Transition } from '../../shared/domain/transition/transition';
import { settle } from '../support/local-api';

/**
 * One correlation id through the whole path of a change, in the product as `npm start` runs it: a caseworker
 * accepts an offer through the gateway (the API Lambda), which starts the move workflow (its step Lambda) and
 * writes a notice to the outbox (the fan-out from the table's stream, the queue, the worker and its delivery
 * to the demo corporation's receiver). Every one of those log lines carries the id the request was answered
 * with, as they would in CloudWatch Logs Insights (`filter correlationId = "…"`).
 */
type LogLine = { message: string; correlationId?: string; lambdaRequestId?: string } & Record<string, unknown>;

let landing: RunningLanding;
let token: string;

beforeAll(async () => {
  // test/run-vitest.mjs sets LOG_FILE for the whole run (and scans it for personal data); alone, this file keeps its own.
  process.env.LOG_FILE ??= path.join(mkdtempSync(path.join(tmpdir(), 'landing-logs-')), 'logs.jsonl');
  landing = await startLanding({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `landing-correlation-${Date.now()}`,
    webRoot: 'web/dist',
    seedDemoData: true,
  });
  const signIn = await fetch(`${landing.url}/local/sign-in`, {
    method: 'POST',
    body: JSON.stringify({ userId: 'u-sanne' }),
  });
  token = ((await signIn.json()) as { token: string }).token;
});
afterAll(() => landing?.stop());

const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${landing.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

function logLines(correlationId: string): LogLine[] {
  const file = process.env.LOG_FILE!;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(correlationId))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.correlationId === correlationId);
}

describe('correlation ids in the local product', { timeout: 60_000 }, () => {
  it('finds the request, its workflow step and its webhook delivery by the id the API answered', async () => {
    const list = (await (await call('GET', '/api/transitions?scope=team')).json()) as {
      items: { id: string; persoon: { voornaam: string } }[];
    };
    const id = list.items.find((t) => t.persoon.voornaam === 'Fatima')!.id;
    const t = (await (await call('GET', `/api/transitions/${id}`)).json()) as Transition;

    const correlationId = `test-${randomUUID()}`;
    const accepted = await call(
      'POST',
      `/api/transitions/${t.id}/aanbiedingen/${t.aanbiedingen[0]!.id}/besluit`,
      { besluit: 'geaccepteerd', expectedVersion: t.version },
      { 'x-correlation-id': correlationId },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('x-correlation-id')).toBe(correlationId);
    await settle(landing);

    const lines = logLines(correlationId);
    const api = lines.find((l) => l.message === 'request');
    const step = lines.find((l) => l.message === 'move step due');
    const fanOut = lines.find((l) => l.message === 'webhook fan-out');
    const delivery = lines.find((l) => l.message === 'webhook attempt');
    expect(api, JSON.stringify(lines)).toMatchObject({
      route: 'POST /api/transitions/{transitionId}/aanbiedingen/{aanbiedingId}/besluit',
      status: 200,
    });
    expect(step, JSON.stringify(lines)).toMatchObject({ transitionId: t.id, stap: 'wacht-op-contract' });
    expect(fanOut, JSON.stringify(lines)).toMatchObject({ soort: 'aanbod-geaccepteerd', deliveries: 1 });
    expect(delivery, JSON.stringify(lines)).toMatchObject({ eventId: fanOut!.eventId, outcome: 'afgeleverd' });
    // Four different Lambdas (API, move step, fan-out, worker), each with its own request id, one correlation id.
    expect(new Set([api, step, fanOut, delivery].map((l) => l!.lambdaRequestId)).size).toBe(4);
  });

  it('answers API Gateway’s request id when the caller sends none, or something that is not an id', async () => {
    for (const headers of [{}, { 'x-correlation-id': 'Fatima Ouali' }] as Record<string, string>[]) {
      const response = await call('GET', '/api/me', undefined, headers);
      expect(response.status).toBe(200);
      const correlationId = response.headers.get('x-correlation-id')!;
      expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(logLines(correlationId).find((l) => l.message === 'request')).toMatchObject({
        requestId: correlationId,
        route: 'GET /api/me',
      });
    }
  });
});
