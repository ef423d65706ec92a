import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { Endpoint } from '../../shared/domain/notices/webhook-schemas';
import { StaleVersion } from '../../shared/domain/common/errors';
import type { EndpointKey, EndpointStore } from '../webhooks/ports';
import { keys } from './keys';

/** A corporation has a handful of endpoints. */
const ENDPOINTS_LIMIT = 100;

export class EndpointChangedConflict extends StaleVersion {
  constructor() {
    super('Dit endpoint is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.');
  }
}

export class DynamoEndpointStore implements EndpointStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(endpoint: Endpoint): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: endpointItem(endpoint),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(corporatieId: string, providerId: string, endpointId: string): Promise<Endpoint | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.endpoint(corporatieId, providerId, endpointId),
        ConsistentRead: true,
      }),
    );
    return Item ? Endpoint.parse(Item) : undefined;
  }

  async ofCorporation(corporatieId: string, providerId: string): Promise<Endpoint[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.corporation(corporatieId),
          ':prefix': keys.endpointsOfProvider(providerId),
        },
        Limit: ENDPOINTS_LIMIT,
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((i) => Endpoint.parse(i));
  }

  async replace(before: Endpoint, after: Endpoint): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: endpointItem({ ...after, versie: before.versie + 1 }),
          ConditionExpression: 'versie = :seen',
          ExpressionAttributeValues: { ':seen': before.versie },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new EndpointChangedConflict();
      throw error;
    }
  }

  async recordSuccess(endpoint: EndpointKey, at: string): Promise<void> {
    await this.update(endpoint, 'SET laatsteSuccesOp = :at REMOVE faaltSinds', { ':at': at });
  }

  async recordFailure(endpoint: EndpointKey, at: string): Promise<Endpoint | undefined> {
    return this.update(endpoint, 'SET faaltSinds = if_not_exists(faaltSinds, :at)', { ':at': at });
  }

  async disable(
    endpoint: EndpointKey,
    at: string,
    reden: NonNullable<Endpoint['uitgeschakeld']>['reden'],
  ): Promise<void> {
    await this.update(endpoint, 'SET actief = :off, uitgeschakeld = :why, versie = versie + :one', {
      ':off': false,
      ':why': { op: at, reden },
      ':one': 1,
    });
  }

  /** Health changes apply to whatever version is stored: they never undo an administrator's change. */
  private async update(
    endpoint: EndpointKey,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<Endpoint | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.endpoint(endpoint.corporatieId, endpoint.providerId, endpoint.id),
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Endpoint.parse(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

function endpointItem(e: Endpoint) {
  return { ...keys.endpoint(e.corporatieId, e.providerId, e.id), entity: 'WebhookEndpoint', ...e };
}
