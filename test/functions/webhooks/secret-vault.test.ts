import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KmsSecretVault, LocalSecretVault } from '../../../functions/webhooks/secret-vault';

const secret = 'whsec_not-a-real-secret-for-the-vault-test';
const purpose = { purpose: 'landing-webhook-secret' };

describe('LocalSecretVault', () => {
  const key = randomBytes(32);

  it('opens what it sealed', async () => {
    // Prepare
    const vault = new LocalSecretVault(key);

    // Act
    const sealed = await vault.seal(secret);

    // Assess
    expect(await vault.open(sealed)).toBe(secret);
    expect(sealed).toMatch(/^local:/);
  });

  it('does not keep the secret readable in the sealed text, and seals it differently each time', async () => {
    // Prepare
    const vault = new LocalSecretVault(key);

    // Act
    const [a, b] = [await vault.seal(secret), await vault.seal(secret)];

    // Assess
    expect(a).not.toContain(secret);
    expect(a).not.toContain(Buffer.from(secret).toString('base64'));
    expect(a).not.toBe(b);
  });

  it('refuses a tampered ciphertext', async () => {
    // Prepare
    const vault = new LocalSecretVault(key);
    const [iv, tag, ciphertext] = (await vault.seal(secret)).slice('local:'.length).split('.');
    const bytes = Buffer.from(ciphertext!, 'base64');
    bytes[0] = bytes[0]! ^ 0x01;
    const tampered = `local:${iv}.${tag}.${bytes.toString('base64')}`;

    // Act + Assess
    await expect(vault.open(tampered)).rejects.toThrow();
  });

  it('refuses to open with another key', async () => {
    // Prepare
    const sealed = await new LocalSecretVault(key).seal(secret);

    // Act + Assess
    await expect(new LocalSecretVault(randomBytes(32)).open(sealed)).rejects.toThrow();
  });

  it('refuses a value it did not seal, and a key that is not 32 bytes', async () => {
    const vault = new LocalSecretVault(key);
    await expect(vault.open('kms:AQID')).rejects.toThrow(/not sealed by the local vault/);
    await expect(vault.open(secret)).rejects.toThrow();
    expect(() => new LocalSecretVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('KmsSecretVault', () => {
  const kms = mockClient(KMSClient);
  const client = new KMSClient({
    region: 'eu-central-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const keyId = 'alias/landing-webhook-secrets';
  const ciphertext = Uint8Array.from([7, 8, 9, 10]);
  const vault = new KmsSecretVault(() => client, keyId);

  beforeEach(() => kms.reset());
  afterEach(() => kms.reset());

  it('seals with EncryptCommand on the key, bound to the webhook-secret context, the secret only as Plaintext', async () => {
    // Prepare
    kms.on(EncryptCommand).resolves({ CiphertextBlob: ciphertext, KeyId: keyId });

    // Act
    const sealed = await vault.seal(secret);

    // Assess
    const calls = kms.commandCalls(EncryptCommand);
    expect(calls).toHaveLength(1);
    const { Plaintext, ...rest } = calls[0]!.args[0].input;
    expect(rest).toEqual({ KeyId: keyId, EncryptionContext: purpose });
    expect(Buffer.from(Plaintext!).toString('utf8')).toBe(secret);
    expect(JSON.stringify(rest)).not.toContain(secret);
    expect(sealed).toBe(`kms:${Buffer.from(ciphertext).toString('base64')}`);
    expect(sealed).not.toContain(secret);
  });

  it('opens with DecryptCommand under the same context', async () => {
    // Prepare
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from(secret, 'utf8') });

    // Act
    const opened = await vault.open(`kms:${Buffer.from(ciphertext).toString('base64')}`);

    // Assess
    expect(opened).toBe(secret);
    const calls = kms.commandCalls(DecryptCommand);
    expect(calls).toHaveLength(1);
    expect(Buffer.from(calls[0]!.args[0].input.CiphertextBlob!)).toEqual(Buffer.from(ciphertext));
    expect(calls[0]!.args[0].input.EncryptionContext).toEqual(purpose);
  });

  it('refuses a value not sealed by KMS without asking KMS', async () => {
    // Prepare
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from(secret, 'utf8') });
    const local = await new LocalSecretVault(randomBytes(32)).seal(secret);

    // Act + Assess
    await expect(vault.open(local)).rejects.toThrow(/not sealed by KMS/);
    await expect(vault.open(secret)).rejects.toThrow(/not sealed by KMS/);
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(0);
  });

  it('fails when KMS returns no ciphertext or no plaintext', async () => {
    // Prepare
    kms.on(EncryptCommand).resolves({}).on(DecryptCommand).resolves({});

    // Act + Assess
    await expect(vault.seal(secret)).rejects.toThrow(/no ciphertext/);
    await expect(vault.open('kms:BwgJCg==')).rejects.toThrow(/no plaintext/);
  });
});
