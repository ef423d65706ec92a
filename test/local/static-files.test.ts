import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../infra/local/static-files';

const root = mkdtempSync(path.join(os.tmpdir(), 'landing-static-'));
const script = `console.log(${JSON.stringify('Landing '.repeat(500))});`;
const server = createServer((req, res) =>
  serveStatic(root, new URL(req.url!, 'http://x').pathname, res, String(req.headers['accept-encoding'] ?? '')),
);

beforeAll(async () => {
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'assets/app.js'), script);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Landing</title>');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(pathname: string, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local product serves the SPA as CloudFront does', () => {
  it('compresses a script for a browser that accepts gzip', async () => {
    const answer = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(answer.body).toString()).toBe(script);
  });

  it('sends it as it is to a client that does not', async () => {
    const answer = await get('/assets/app.js', {});
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(script);
  });
});
