import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf } from '../../functions/corporation/api-keys';
import { DynamoApiKeyStore } from '../../functions/storage/dynamo-api-key-store';
import { keys } from '../../functions/storage/keys';
import { LocalSecretVault } from '../../functions/webhooks/secret-vault';
import { demoCorporationAccess } from '../../infra/local/demo-corporation';
import { createTestTable, type TestTable } from '../support/dynamo';

/** The demo corporation's access across restarts of `npm start`, on DynamoDB Local. */
let table: TestTable;
let apiKeys: DynamoApiKeyStore;
const stateDir = mkdtempSync(path.join(tmpdir(), 'landing-demo-corporation-'));
const access = (fresh: boolean) =>
  demoCorporationAccess(table.db, table.tableName, {
    vault: new LocalSecretVault(randomBytes(32)),
    webhookUrl: 'http://localhost:4010/webhooks',
    stateDir,
    fresh,
  });

beforeAll(async () => {
  table = await createTestTable('demo-corporation');
  apiKeys = new DynamoApiKeyStore(table.db, table.tableName);
});
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('the demo corporation', () => {
  it('gets a key from the demo provider, keeps it across a restart, and gets a new one when the kept key opens nothing', async () => {
    const first = await access(true);
    expect(await apiKeys.byHash(hashOf(first.apiKey))).toMatchObject({
      corporatieId: 'org-rijnhoven',
      providerId: 'org-overstap',
    });
    expect((await access(false)).apiKey).toBe(first.apiKey);

    // As stored before keys named the provider that issued them: the authorizer no longer accepts it.
    const { providerId: _, ...unscoped } = (await apiKeys.byHash(hashOf(first.apiKey)))!;
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.apiKeyByHash(hashOf(first.apiKey)), entity: 'ApiKey', ...unscoped },
      }),
    );
    expect(await apiKeys.byHash(hashOf(first.apiKey))).toBeUndefined();

    const healed = await access(false);
    expect(healed.apiKey).not.toBe(first.apiKey);
    expect(healed.endpointId).toBe(first.endpointId);
    expect(await apiKeys.byHash(hashOf(healed.apiKey))).toMatchObject({ providerId: 'org-overstap' });
    expect((await access(false)).apiKey).toBe(healed.apiKey);
  });
});
