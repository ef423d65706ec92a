import { createHash, randomBytes } from 'node:crypto';

/**
 * A corporation's API key: `lnd_<prefix>_<secret>`. Only its SHA-256 is stored (a key is long and random, so
 * a plain hash is enough); the prefix names it in lists and logs without revealing it.
 */
const KEY = /^lnd_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { apiKey: string; prefix: string; hash: string } {
  const prefix = randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 8);
  const apiKey = `lnd_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { apiKey, prefix, hash: hashOf(apiKey) };
}

export function hashOf(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('base64url');
}

/** The key from `Authorization: Bearer lnd_…` (or `x-api-key`), if it has the shape of one. */
export function apiKeyFrom(headers: Record<string, string | undefined>): string | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const key = bearer ?? headers['x-api-key'];
  return key && KEY.test(key) ? key : undefined;
}
