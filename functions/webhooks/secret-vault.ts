import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretVault } from './ports';

/** Bound into every sealed secret: a ciphertext made for something else does not open as a webhook secret. */
const context = { purpose: 'landing-webhook-secret' };

/** On AWS: a customer-managed KMS key seals each secret; only the webhook functions may decrypt. */
export class KmsSecretVault implements SecretVault {
  constructor(
    private readonly kms: () => KMSClient,
    private readonly keyId: string,
  ) {}

  async seal(plaintext: string): Promise<string> {
    const { CiphertextBlob } = await this.kms().send(
      new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext, 'utf8'), EncryptionContext: context }),
    );
    if (!CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return `kms:${Buffer.from(CiphertextBlob).toString('base64')}`;
  }

  async open(sealed: string): Promise<string> {
    if (!sealed.startsWith('kms:')) throw new Error('not sealed by KMS');
    const { Plaintext } = await this.kms().send(
      new DecryptCommand({ CiphertextBlob: Buffer.from(sealed.slice(4), 'base64'), EncryptionContext: context }),
    );
    if (!Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(Plaintext).toString('utf8');
  }
}

/** In local mode: AES-256-GCM with a key kept beside the local data (.local/vault-key), never in the table. */
export class LocalSecretVault implements SecretVault {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the local vault key must be 32 bytes');
  }

  async seal(plaintext: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context.purpose));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `local:${[iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64')).join('.')}`;
  }

  async open(sealed: string): Promise<string> {
    const [iv, tag, ciphertext] = sealed
      .replace(/^local:/, '')
      .split('.')
      .map((part) => Buffer.from(part, 'base64'));
    if (!sealed.startsWith('local:') || !iv || !tag || !ciphertext) throw new Error('not sealed by the local vault');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(context.purpose));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}
