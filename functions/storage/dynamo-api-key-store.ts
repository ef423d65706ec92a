import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { ApiKeyStore, HomeIndex, StoredApiKey } from '../corporation/ports';
import { transactWrite } from './transact-write';
import { keys } from './keys';

const Stored = z.object({
  prefix: z.string(),
  corporatieId: z.string(),
  providerId: z.string(),
  aangemaaktOp: z.string(),
  aangemaaktDoor: z.object({ id: z.string(), naam: z.string() }),
});
const Listed = Stored.extend({ hash: z.string() });
const KEYS_LIMIT = 100;

/** Two items a key, written and removed together: one found by the hash (the authorizer), one listed per issuing provider. */
export class DynamoApiKeyStore implements ApiKeyStore, HomeIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(key: StoredApiKey & { hash: string }): Promise<void> {
    const { hash, ...stored } = key;
    await transactWrite(this.db, {
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.apiKeyByHash(hash), entity: 'ApiKey', ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.apiKeyIssued(key.providerId, key.corporatieId, key.prefix),
              entity: 'ApiKeyListing',
              ...stored,
              hash,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
  }

  async byHash(hash: string): Promise<StoredApiKey | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.apiKeyByHash(hash) }));
    // A key issued before keys were scoped to a provider names none: it opens nothing (issue a new one).
    return Stored.safeParse(Item).data;
  }

  async issuedBy(providerId: string, corporatieId: string): Promise<StoredApiKey[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.corporation(corporatieId),
          ':prefix': keys.apiKeysIssuedBy(providerId),
        },
        Limit: KEYS_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => Stored.parse(i));
  }

  async revoke(providerId: string, corporatieId: string, prefix: string): Promise<boolean> {
    const listing = keys.apiKeyIssued(providerId, corporatieId, prefix);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: listing, ConsistentRead: true }),
    );
    if (!Item) return false;
    const listed = Listed.parse(Item);
    try {
      await transactWrite(this.db, {
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: listing, ConditionExpression: 'attribute_exists(pk)' } },
          { Delete: { TableName: this.tableName, Key: keys.apiKeyByHash(listed.hash) } },
        ],
      });
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async transitionAt(providerId: string, corporatieId: string, eenheidnummer: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.homeOfCorporation(corporatieId, providerId, eenheidnummer),
      }),
    );
    return z.object({ transitionId: z.string() }).safeParse(Item).data?.transitionId;
  }
}
