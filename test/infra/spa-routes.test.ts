import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spaRoutesFunctionPath } from '../../infra/aws/stacks/web-stack';

/**
 * The CloudFront Function on the SPA's behaviour (viewer request), run in node on the events CloudFront
 * hands it: client routes become /index.html, files stay what they are (a missing one is S3's error, not
 * the app with 200).
 */
type Request = { uri: string; method: string; querystring: Record<string, unknown>; headers: Record<string, unknown> };
const handler = new Function(`${readFileSync(spaRoutesFunctionPath, 'utf8')}; return handler;`)() as (event: {
  version: string;
  context: { eventType: string };
  viewer: { ip: string };
  request: Request;
}) => Request;

const uriAfter = (uri: string) =>
  handler({
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { uri, method: 'GET', querystring: {}, headers: {} },
  }).uri;

describe('the SPA routes function', () => {
  it.each(['/', '/trajecten', '/trajecten/t-123', '/inloggen/terug', '/team/', '/corporaties/c-1/endpoints'])(
    'serves the client route %s from /index.html',
    (uri) => {
      expect(uriAfter(uri)).toBe('/index.html');
    },
  );

  it.each([
    '/index.html',
    '/config.json',
    '/assets/index-abc123.js',
    '/assets/missing.css',
    '/favicon.ico',
    '/trajecten/verslag.csv',
  ])('leaves the file %s alone', (uri) => {
    expect(uriAfter(uri)).toBe(uri);
  });

  it.each(['/api', '/api/', '/api/transitions'])('never turns an API path (%s) into the app', (uri) => {
    expect(uriAfter(uri)).toBe(uri);
  });

  it('keeps the rest of the request as it came', () => {
    const request = {
      uri: '/trajecten/t-1',
      method: 'GET',
      querystring: { tab: { value: 'budget' } },
      headers: { accept: { value: 'text/html' } },
    };
    expect(
      handler({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '192.0.2.1' }, request }),
    ).toEqual({ ...request, uri: '/index.html' });
  });
});
