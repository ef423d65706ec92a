import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  InvalidWebhookSecretError,
  generateSecret,
  isValidSecret,
  signatureHeader,
  webhookHeaders,
} from '../../../functions/webhooks/standard-webhooks';

// The receiver's side is the independent `standardwebhooks` package: if it accepts our headers, any
// corporation using a Standard Webhooks library does too. It checks the timestamp against the real clock.
const now = () => Math.floor(Date.now() / 1000);
const noMatch = 'No matching signature found';
const body = JSON.stringify({
  specversion: '1.0',
  type: 'nl.landing.verhuizing.gepland',
  id: 'evt_1',
  data: { woning: 'Utrecht' },
});

function delivery(secrets: string[], overrides: Partial<{ id: string; timestamp: number; body: string }> = {}) {
  const input = { id: 'msg_2Kp7x', timestamp: now(), body, secrets, ...overrides };
  return { input, headers: webhookHeaders(input) };
}

describe('Standard Webhooks signing', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isValidSecret(a)).toBe(true);
  });

  it('produces headers the standardwebhooks package verifies', () => {
    const secret = generateSecret();
    const { input, headers } = delivery([secret]);

    expect(headers).toEqual({
      'webhook-id': 'msg_2Kp7x',
      'webhook-timestamp': String(input.timestamp),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs the same content as the reference implementation does', () => {
    const secret = generateSecret();
    const timestamp = now();
    const reference = new Webhook(secret).sign('msg_2Kp7x', new Date(timestamp * 1000), body);
    expect(signatureHeader({ id: 'msg_2Kp7x', timestamp, body, secrets: [secret] })).toBe(reference);
  });

  it('signs non-ASCII bodies as UTF-8', () => {
    const secret = generateSecret();
    const dutch = JSON.stringify({ straat: 'Oude Gracht', opmerking: 'één sleutel, café €' });
    const { headers } = delivery([secret], { body: dutch });
    expect(new Webhook(secret).verify(dutch, headers)).toEqual(JSON.parse(dutch));
  });

  it('signs with old and new secret during a rotation, so a receiver holding either verifies', () => {
    const oldSecret = generateSecret();
    const newSecret = generateSecret();
    const { headers } = delivery([oldSecret, newSecret]);

    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow(noMatch);
  });

  it('does not verify a tampered body, timestamp or id', () => {
    const secret = generateSecret();
    const { input, headers } = delivery([secret]);
    const receiver = new Webhook(secret);

    expect(() => receiver.verify(body.replace('Utrecht', 'Utrecht!'), headers)).toThrow(noMatch);
    expect(() => receiver.verify(body, { ...headers, 'webhook-timestamp': String(input.timestamp - 1) })).toThrow(
      noMatch,
    );
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(noMatch);
  });

  it('produces a signature the receiver refuses as a replay once the timestamp is old', () => {
    const secret = generateSecret();
    const { headers } = delivery([secret], { timestamp: now() - 60 * 60 });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow('Message timestamp too old');
  });

  it.each([
    ['without the whsec_ prefix', randomBytes(32).toString('base64')],
    ['that is not base64', 'whsec_not base64 at all!'],
    ['that is too short (16 bytes)', `whsec_${randomBytes(16).toString('base64')}`],
    ['that is too long (65 bytes)', `whsec_${randomBytes(65).toString('base64')}`],
    ['that is empty after the prefix', 'whsec_'],
  ])('refuses a secret %s', (_, secret) => {
    expect(isValidSecret(secret)).toBe(false);
    expect(() => signatureHeader({ id: 'msg_1', timestamp: now(), body, secrets: [secret] })).toThrow(
      InvalidWebhookSecretError,
    );
  });

  it('accepts secrets of 24 and 64 bytes, the bounds of the spec', () => {
    expect(isValidSecret(`whsec_${randomBytes(24).toString('base64')}`)).toBe(true);
    expect(isValidSecret(`whsec_${randomBytes(64).toString('base64')}`)).toBe(true);
  });

  it('refuses to sign without a secret, or with a timestamp in milliseconds', () => {
    expect(() => signatureHeader({ id: 'msg_1', timestamp: now(), body, secrets: [] })).toThrow(
      InvalidWebhookSecretError,
    );
    expect(() => signatureHeader({ id: 'msg_1', timestamp: Date.now(), body, secrets: [generateSecret()] })).toThrow(
      RangeError,
    );
    expect(() => signatureHeader({ id: 'msg_1', timestamp: 1.5, body, secrets: [generateSecret()] })).toThrow(
      RangeError,
    );
  });
});
