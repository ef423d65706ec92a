import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { noticeKinds } from '../../shared/domain/notices';
import type { Endpoint } from '../../shared/domain/webhook-schemas';
import { newApiKey } from '../../functions/corporation/api-keys';
import { DynamoApiKeyStore } from '../../functions/storage/dynamo-api-key-store';
import { DynamoEndpointStore } from '../../functions/storage/dynamo-endpoint-store';
import type { SecretVault } from '../../functions/webhooks/ports';
import { generateSecret } from '../../functions/webhooks/standard-webhooks';

/**
 * The demo corporation's access: Stichting De Overstap's webhook endpoint at Woonstichting Rijnhoven, pointing
 * to the demo receiver, and an API key Rijnhoven can report signals with. Made with a fresh database; the
 * secret and the key are kept in the state folder so the receiver can verify again after a restart (on AWS
 * both are shown once, to the people who set them up).
 */
export interface DemoCorporation {
  corporatieId: string;
  endpointId: string;
  secret: string;
  apiKey: string;
}

const file = (stateDir: string) => path.join(stateDir, 'demo-corporatie.json');

export async function demoCorporationAccess(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { vault: SecretVault; webhookUrl: string; stateDir: string | undefined; fresh: boolean },
): Promise<DemoCorporation> {
  const endpoints = new DynamoEndpointStore(db, tableName);
  if (!options.fresh && options.stateDir && existsSync(file(options.stateDir))) {
    const kept = JSON.parse(readFileSync(file(options.stateDir), 'utf8')) as DemoCorporation;
    // The receiver listens on another port after a restart: the endpoint follows it.
    const endpoint = await endpoints.get(kept.corporatieId, 'org-overstap', kept.endpointId);
    if (endpoint && endpoint.url !== options.webhookUrl) await endpoints.replace(endpoint, { ...endpoint, url: options.webhookUrl });
    return kept;
  }
  const now = new Date().toISOString();
  const secret = generateSecret();
  const bram = { id: 'u-bram', naam: 'Bram Koster' };
  const endpoint: Endpoint = {
    id: randomUUID(),
    corporatieId: 'org-rijnhoven',
    providerId: 'org-overstap',
    versie: 1,
    url: options.webhookUrl,
    soorten: noticeKinds.filter((k) => k !== 'test'),
    actief: true,
    secrets: [{ id: randomUUID(), sealed: await options.vault.seal(secret), aangemaaktOp: now }],
    aangemaaktOp: now,
    aangemaaktDoor: bram,
  };
  await endpoints.create(endpoint);
  const key = newApiKey();
  await new DynamoApiKeyStore(db, tableName).create({ hash: key.hash, prefix: key.prefix, corporatieId: 'org-rijnhoven', aangemaaktOp: now, aangemaaktDoor: bram });
  const access: DemoCorporation = { corporatieId: 'org-rijnhoven', endpointId: endpoint.id, secret, apiKey: key.apiKey };
  if (options.stateDir) {
    mkdirSync(options.stateDir, { recursive: true });
    writeFileSync(file(options.stateDir), JSON.stringify(access, null, 2), { mode: 0o600 });
  }
  return access;
}
