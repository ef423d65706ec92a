import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { clock } from '../clock';
import { lazy, requiredEnv, runtime } from '../runtime';
import { DynamoDeliveryStore } from '../storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../storage/dynamo-endpoint-store';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import { resolveDeliverable } from './address-guard';
import type { DeliveryDeps } from './delivery-service';
import { sendWebhook } from './http-sender';
import { LogOpsNotifier, SnsOpsNotifier } from './ops-notifier';
import type { SecretVault } from './ports';
import { KmsSecretVault, LocalSecretVault } from './secret-vault';
import { SqsDeliveryQueue } from './sqs-delivery-queue';

/**
 * What the webhook functions need, from their environment: the same on AWS and locally, where the local
 * runtime sets a local vault key, a local queue endpoint, and allows http to localhost (the demo receiver).
 */
export const vaultFromEnvironment = lazy((): SecretVault => {
  const kmsKey = process.env.WEBHOOK_KMS_KEY_ID;
  if (kmsKey)
    return new KmsSecretVault(
      lazy(() => new KMSClient({})),
      kmsKey,
    );
  return new LocalSecretVault(Buffer.from(requiredEnv('LOCAL_VAULT_KEY'), 'base64'));
});

export const allowLocalHttp = () => process.env.WEBHOOKS_ALLOW_LOCAL_HTTP === 'true';

export const deliveryDepsFromEnvironment = lazy((): DeliveryDeps => {
  const db = runtime.documentClient();
  const table = runtime.tableName();
  const topic = process.env.OPS_TOPIC_ARN;
  return {
    deliveries: new DynamoDeliveryStore(db, table),
    endpoints: new DynamoEndpointStore(db, table),
    organisations: new DynamoOrganisationDirectory(db, table),
    vault: vaultFromEnvironment(),
    queue: new SqsDeliveryQueue(
      lazy(() => new SQSClient({})),
      requiredEnv('DELIVERY_QUEUE_URL'),
    ),
    notifier: topic ? new SnsOpsNotifier(topic) : new LogOpsNotifier(),
    send: sendWebhook,
    refuse: async (url) => {
      const resolution = await resolveDeliverable(url, { allowLocalHttp: allowLocalHttp() });
      return resolution.ok ? undefined : resolution.reden;
    },
    now: clock.now,
    wallClock: () => new Date(),
    apiBaseUrl: requiredEnv('API_BASE_URL'),
  };
});
