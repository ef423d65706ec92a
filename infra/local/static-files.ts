import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);

/**
 * Serves the built SPA like CloudFront does: files by path, index.html for client-side routes, text compressed
 * for a browser that accepts gzip (CloudFront's default behaviour compresses; a phone's load time depends on it).
 */
export function serveStatic(webRoot: string, pathname: string, res: ServerResponse, acceptEncoding = ''): void {
  const root = path.resolve(webRoot);
  const requested = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  const isFile = requested.startsWith(root + path.sep) && existsSync(requested) && statSync(requested).isFile();
  const file = isFile ? requested : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('De webapp is nog niet gebouwd: npm run build:web');
    return;
  }
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  const gzip = compressible.has(path.extname(file)) && /\bgzip\b/.test(acceptEncoding);
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  const stream = createReadStream(file);
  if (gzip) stream.pipe(createGzip()).pipe(res);
  else stream.pipe(res);
}
