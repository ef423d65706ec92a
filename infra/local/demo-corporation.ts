import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { noticeKinds } from '../../shared/domain/notices/notices';
import type { Endpoint } from '../../shared/domain/notices/webhook-schemas';
import { hashOf, newApiKey } from '../../functions/corporation/api-keys';
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
const CORPORATIE = 'org-rijnhoven';
const PROVIDER = 'org-overstap';

export async function demoCorporationAccess(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { vault: SecretVault; webhookUrl: string; stateDir: string | undefined; fresh: boolean },
): Promise<DemoCorporation> {
  const endpoints = new DynamoEndpointStore(db, tableName);
  const apiKeys = new DynamoApiKeyStore(db, tableName);
  const bram = { id: 'u-bram', naam: 'Bram Koster' };
  const issueKey = async (aangemaaktOp: string) => {
    const key = newApiKey();
    await apiKeys.create({
      hash: key.hash,
      prefix: key.prefix,
      corporatieId: CORPORATIE,
      providerId: PROVIDER,
      aangemaaktOp,
      aangemaaktDoor: bram,
    });
    return key.apiKey;
  };
  const keep = (access: DemoCorporation) => {
    if (!options.stateDir) return access;
    mkdirSync(options.stateDir, { recursive: true });
    writeFileSync(file(options.stateDir), JSON.stringify(access, null, 2), { mode: 0o600 });
    return access;
  };

  if (!options.fresh && options.stateDir && existsSync(file(options.stateDir))) {
    const kept = JSON.parse(readFileSync(file(options.stateDir), 'utf8')) as DemoCorporation;
    // The receiver listens on another port after a restart: the endpoint follows it.
    const endpoint = await endpoints.get(kept.corporatieId, PROVIDER, kept.endpointId);
    if (endpoint && endpoint.url !== options.webhookUrl)
      await endpoints.replace(endpoint, { ...endpoint, url: options.webhookUrl });
    // A key kept from before keys named their provider opens nothing any more: Rijnhoven gets a new one.
    if (await apiKeys.byHash(hashOf(kept.apiKey))) return kept;
    return keep({ ...kept, apiKey: await issueKey(new Date().toISOString()) });
  }
  const now = new Date().toISOString();
  const secret = generateSecret();
  const endpoint: Endpoint = {
    id: randomUUID(),
    corporatieId: CORPORATIE,
    providerId: PROVIDER,
    versie: 1,
    url: options.webhookUrl,
    soorten: noticeKinds.filter((k) => k !== 'test'),
    actief: true,
    secrets: [{ id: randomUUID(), sealed: await options.vault.seal(secret), aangemaaktOp: now }],
    aangemaaktOp: now,
    aangemaaktDoor: bram,
  };
  await endpoints.create(endpoint);
  return keep({ corporatieId: CORPORATIE, endpointId: endpoint.id, secret, apiKey: await issueKey(now) });
}
