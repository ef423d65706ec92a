import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The local vault's key: kept beside the local data (never in the table), or made anew when there is none. */
export function localVaultKey(stateDir: string | undefined): Buffer {
  if (!stateDir) return randomBytes(32);
  const file = path.join(stateDir, 'vault-key');
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}
