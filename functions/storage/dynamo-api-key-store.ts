import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { ApiKeyStore, HomeIndex, StoredApiKey } from '../corporation/ports';
import { keys } from './keys';

const Stored = z.object({ prefix: z.string(), corporatieId: z.string(), aangemaaktOp: z.string(), aangemaaktDoor: z.object({ id: z.string(), naam: z.string() }) });
const Listed = Stored.extend({ hash: z.string() });
const KEYS_LIMIT = 100;

/** Two items a key, written and removed together: one found by the hash (the authorizer), one listed per corporation. */
export class DynamoApiKeyStore implements ApiKeyStore, HomeIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(key: StoredApiKey & { hash: string }): Promise<void> {
    const { hash, ...stored } = key;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.apiKeyByHash(hash), entity: 'ApiKey', ...stored }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.tableName, Item: { ...keys.apiKeyOfCorporation(key.corporatieId, key.prefix), entity: 'ApiKeyListing', ...stored, hash }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  }

  async byHash(hash: string): Promise<StoredApiKey | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.apiKeyByHash(hash) }));
    return Item ? Stored.parse(Item) : undefined;
  }

  async ofCorporation(corporatieId: string): Promise<StoredApiKey[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.corporation(corporatieId), ':prefix': keys.apiKeyPrefix },
        Limit: KEYS_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => Stored.parse(i));
  }

  async revoke(corporatieId: string, prefix: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.apiKeyOfCorporation(corporatieId, prefix), ConsistentRead: true }));
    if (!Item) return false;
    const listed = Listed.parse(Item);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.tableName, Key: keys.apiKeyOfCorporation(corporatieId, prefix), ConditionExpression: 'attribute_exists(pk)' } },
            { Delete: { TableName: this.tableName, Key: keys.apiKeyByHash(listed.hash) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async transitionAt(corporatieId: string, eenheidnummer: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.homeOfCorporation(corporatieId, eenheidnummer) }));
    return z.object({ transitionId: z.string() }).safeParse(Item).data?.transitionId;
  }
}
