import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StaleVersion } from '../../shared/domain/common/errors';
import { Partner } from '../../shared/domain/wijk/sociale-kaart';
import type { KaartWijk, SocialeKaartStore } from '../sociale-kaart/ports';
import { keys } from './keys';
import { transactWrite } from './transact-write';

/** A wijk's kaart holds tens of partners; a provider works in tens of wijken. */
const PARTNERS_LIMIT = 500;
const WIJKEN_LIMIT = 500;

export function partnerItem(p: Partner) {
  return { ...keys.partner(p.providerId, p.wijkKey, p.id), entity: 'Partner', ...p };
}

export class DynamoSocialeKaartStore implements SocialeKaartStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(partner: Partner): Promise<boolean> {
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: partnerItem(partner),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            // The wijk's list entry: its name as first typed, and a count of its partners.
            Update: {
              TableName: this.tableName,
              Key: keys.kaartWijk(partner.providerId, partner.wijkKey),
              UpdateExpression:
                'SET wijk = if_not_exists(wijk, :wijk), wijkKey = :key, entity = :entity ADD partners :one',
              ExpressionAttributeValues: {
                ':wijk': partner.wijk,
                ':key': partner.wijkKey,
                ':entity': 'KaartWijk',
                ':one': 1,
              },
            },
          },
        ],
      });
      return true;
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      )
        return false;
      throw error;
    }
  }

  async get(providerId: string, wijkKey: string, partnerId: string): Promise<Partner | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.partner(providerId, wijkKey, partnerId),
        ConsistentRead: true,
      }),
    );
    return Item ? Partner.parse(Item) : undefined;
  }

  async ofWijk(providerId: string, wijkKey: string): Promise<Partner[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.partnersOfWijk(providerId, wijkKey), ':prefix': keys.partnerPrefix },
        Limit: PARTNERS_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => Partner.parse(i));
  }

  async wijken(providerId: string): Promise<KaartWijk[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.kaartWijken(providerId), ':prefix': keys.kaartWijkPrefix },
        Limit: WIJKEN_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => ({
      wijk: String(i.wijk),
      wijkKey: String(i.wijkKey),
      partners: Number(i.partners ?? 0),
    }));
  }

  async replace(before: Partner, after: Partner): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: partnerItem(after),
          ConditionExpression: 'version = :seen',
          ExpressionAttributeValues: { ':seen': before.version },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new StaleVersion(
          'Deze partner is intussen gewijzigd. Laad de sociale kaart opnieuw en probeer het nog eens.',
        );
      throw error;
    }
  }
}
