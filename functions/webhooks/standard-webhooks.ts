import { createHmac, randomBytes } from 'node:crypto';

/**
 * The signing side of the Standard Webhooks specification, so a corporation verifies our deliveries with
 * any of its reference libraries. Written here rather than taken from a package: it is a few lines of
 * node:crypto, and the tests check it against the independent `standardwebhooks` package.
 *
 * The signed content is `${id}.${timestamp}.${body}`: the id lets a receiver drop a delivery it already
 * handled, the timestamp lets it refuse a replay, and both are covered by the signature.
 */

const SECRET_PREFIX = 'whsec_';
/** The spec asks for secrets of 24 to 64 bytes; we generate 32. */
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
/** Strict standard base64 with padding: Buffer.from(…, 'base64') silently skips what it cannot read. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Seconds before the year 2286; a larger number is almost certainly milliseconds, which receivers refuse. */
const MAX_TIMESTAMP_SECONDS = 9_999_999_999;

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export class InvalidWebhookSecretError extends Error {
  readonly code = 'invalid-webhook-secret';
  constructor(reden: string) {
    super(reden);
    this.name = new.target.name;
  }
}

export interface SignatureInput {
  /** The message id (`webhook-id`): the same for every attempt of one delivery, so receivers can dedupe. */
  id: string;
  /** Unix seconds of this attempt (`webhook-timestamp`). */
  timestamp: number;
  /** The exact body that is sent; a single changed byte breaks the signature. */
  body: string;
  /** Every secret in force: during a rotation old and new both sign, so the receiver may hold either. */
  secrets: readonly string[];
}

/** A new endpoint secret: `whsec_` and 32 random bytes in base64. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

export function isValidSecret(secret: string): boolean {
  try {
    secretKey(secret);
    return true;
  } catch {
    return false;
  }
}

/** `v1,<base64 HMAC-SHA256>` for every secret, separated by spaces. */
export function signatureHeader(input: SignatureInput): string {
  if (input.secrets.length === 0)
    throw new InvalidWebhookSecretError('Er is geen geheim om de webhook mee te ondertekenen.');
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0 || input.timestamp > MAX_TIMESTAMP_SECONDS) {
    throw new RangeError(`webhook timestamp must be whole unix seconds, got ${input.timestamp}`);
  }
  const content = `${input.id}.${input.timestamp}.${input.body}`;
  return input.secrets
    .map((secret) => `v1,${createHmac('sha256', secretKey(secret)).update(content, 'utf8').digest('base64')}`)
    .join(' ');
}

/** The headers of one delivery attempt. */
export function webhookHeaders(input: SignatureInput): Record<string, string> {
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': signatureHeader(input),
    'content-type': WEBHOOK_CONTENT_TYPE,
  };
}

function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new InvalidWebhookSecretError(`Een webhookgeheim begint met ${SECRET_PREFIX}.`);
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded)) {
    throw new InvalidWebhookSecretError(`Een webhookgeheim is ${SECRET_PREFIX} gevolgd door base64.`);
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new InvalidWebhookSecretError(
      `Een webhookgeheim is ${MIN_SECRET_BYTES} tot ${MAX_SECRET_BYTES} bytes lang; dit is ${key.length} bytes.`,
    );
  }
  return key;
}
