import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from '../../../functions/webhooks/http-sender';

// A real receiver on the loopback address: each path answers in its own way.
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const received: Received[] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.writeHead(204).end(),
  '/accepted': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('bedankt'),
  '/moved': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
  '/busy': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
  '/down': (_req, res) => res.writeHead(503, { 'retry-after': 'Fri, 05 Mar 2027 16:30:00 GMT' }).end(),
  '/broken': (_req, res) => res.writeHead(500).end(),
  // Answers 200 and then streams far more than we read; the sender must stop reading, not wait for it.
  '/endless': (_req, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const timer = setInterval(() => res.write(chunk), 1);
    res.on('close', () => clearInterval(timer));
  },
  // Never answers.
  '/silent': () => undefined,
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const route = routes[req.url ?? ''];
      if (route) route(req, res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const headers = {
  'webhook-id': 'msg_1',
  'webhook-timestamp': '1804262400',
  'content-type': 'application/cloudevents+json; charset=utf-8',
};
const body = JSON.stringify({ specversion: '1.0', type: 'nl.landing.test', data: { woning: 'Zeist' } });

describe('sendWebhook', () => {
  it('posts the body and headers as given and reports a 2xx', async () => {
    const result = await sendWebhook({ url: `${base}/ok`, headers, body });

    expect(result).toEqual({ status: 204, latencyMs: expect.any(Number), retryAfterHeader: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const request = received.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/ok', body });
    expect(request.headers).toMatchObject({
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1804262400',
      'content-type': headers['content-type'],
    });
  });

  it('reads and ignores a response body', async () => {
    await expect(sendWebhook({ url: `${base}/accepted`, headers, body })).resolves.toMatchObject({ status: 200 });
  });

  it('stops reading a response body after 64 KiB', async () => {
    const started = Date.now();
    const result = await sendWebhook({ url: `${base}/endless`, headers, body, timeoutMs: 8_000 });

    expect(result).toMatchObject({ status: 200 });
    expect(result.error).toBeUndefined();
    // Well before the timeout: the sender cancelled the body instead of reading until it was cut off.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('reports a redirect as it is and does not follow it', async () => {
    const before = received.length;
    const result = await sendWebhook({ url: `${base}/moved`, headers, body });

    expect(result).toMatchObject({ status: 302 });
    expect(received.slice(before).map((r) => r.url)).toEqual(['/moved']);
  });

  it('passes Retry-After through, in seconds or as a date', async () => {
    await expect(sendWebhook({ url: `${base}/busy`, headers, body })).resolves.toMatchObject({
      status: 429,
      retryAfterHeader: '120',
    });
    await expect(sendWebhook({ url: `${base}/down`, headers, body })).resolves.toMatchObject({
      status: 503,
      retryAfterHeader: 'Fri, 05 Mar 2027 16:30:00 GMT',
    });
  });

  it('reports a server error without throwing', async () => {
    await expect(sendWebhook({ url: `${base}/broken`, headers, body })).resolves.toMatchObject({ status: 500 });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const result = await sendWebhook({ url: `${base}/silent`, headers, body, timeoutMs: 200 });

    expect(result).toEqual({ latencyMs: expect.any(Number), error: 'timeout' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(150);
    expect(result.latencyMs).toBeLessThan(5_000);
  });

  it('reports a closed port as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    await expect(sendWebhook({ url: `http://127.0.0.1:${port}/ok`, headers, body })).resolves.toEqual({
      latencyMs: expect.any(Number),
      error: 'network',
    });
  });

  it('reports a URL fetch cannot use as a network error rather than throwing', async () => {
    await expect(sendWebhook({ url: 'not a url', headers, body })).resolves.toMatchObject({ error: 'network' });
  });
});
