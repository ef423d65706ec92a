import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { OutboxEvent } from '../../shared/domain/notices/outbox-event';
import { Delivery, refOf, type DeliveryRef } from '../../shared/domain/notices/webhook-schemas';
import { outboxItem } from './outbox-item';
import { StaleVersion } from '../../shared/domain/common/errors';
import type { Page, PageRequest } from '../transitions/ports';
import type { DeliveryStore } from '../webhooks/ports';
import { keys } from './keys';
import { decodeCursor, encodeCursor } from './page-cursor';

export class DeliveryChangedConflict extends StaleVersion {
  constructor() {
    super('Deze aflevering is intussen gewijzigd. Laad het overzicht opnieuw.');
  }
}

/** DynamoDB adapter of the outbox and its deliveries (access patterns 19–23 in docs/ARCHITECTURE.md). */
export class DynamoDeliveryStore implements DeliveryStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async outboxEvent(eventId: string): Promise<OutboxEvent | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.outboxEvent(eventId), ConsistentRead: true }),
    );
    return Item ? OutboxEvent.parse(Item) : undefined;
  }

  async pendingOutbox(olderThan: string, limit: number): Promise<OutboxEvent[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': keys.outboxPending, ':before': olderThan },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => OutboxEvent.parse(i));
  }

  async writeOutbox(event: OutboxEvent): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: outboxItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async fanOut(event: OutboxEvent, deliveries: Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      await this.db
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: deliveryItem(delivery),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .catch(ignoreConditionFailed);
    }
    // Last: a crash before this leaves the notice pending, and the next fan-out writes only what is missing.
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.outboxEvent(event.id),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      }),
    );
  }

  async get(ref: DeliveryRef): Promise<Delivery | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.delivery(ref.endpointId, ref.at, ref.eventId),
        ConsistentRead: true,
      }),
    );
    return Item ? Delivery.parse(Item) : undefined;
  }

  async claim(ref: DeliveryRef, now: string, leaseUntil: string): Promise<Delivery | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(ref.endpointId, ref.at, ref.eventId),
          UpdateExpression: 'SET leaseTot = :lease',
          ConditionExpression:
            '#status = :waiting AND volgendePoging <= :now AND (attribute_not_exists(leaseTot) OR leaseTot < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':lease': leaseUntil, ':waiting': 'wachtend', ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Delivery.parse(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async settle(claimed: Delivery, after: Delivery): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: deliveryItem(after),
          // Only the worker whose lease still holds records the outcome; a late one writes nothing.
          ConditionExpression: 'leaseTot = :lease',
          ExpressionAttributeValues: { ':lease': claimed.leaseTot },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DeliveryChangedConflict();
      throw error;
    }
  }

  async requeue(delivery: Delivery, now: string): Promise<Delivery> {
    const { leaseTot: _lease, ...rest } = delivery;
    const after: Delivery = { ...rest, status: 'wachtend', volgendePoging: now, rondeStart: delivery.pogingen.length };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: deliveryItem(after),
          ConditionExpression: '#status = :seen AND size(pogingen) = :attempts',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':seen': delivery.status, ':attempts': delivery.pogingen.length },
        }),
      );
      return after;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DeliveryChangedConflict();
      throw error;
    }
  }

  async due(now: string, limit: number): Promise<DeliveryRef[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': keys.deliveriesDue, ':now': `${now}~` },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => refOf(Delivery.parse(i)));
  }

  async log(endpointId: string, page: PageRequest & { since?: string }): Promise<Page<Delivery>> {
    const pk = keys.endpointLog(endpointId);
    const from = page.since ? `${keys.deliveryPrefix}${page.since}` : undefined;
    // DynamoDB compares strings by their UTF-8 bytes, and so does this check of a cursor's start key.
    const sortKeyWithin = (sk: string) =>
      from ? Buffer.compare(Buffer.from(sk), Buffer.from(from)) >= 0 : sk.startsWith(keys.deliveryPrefix);
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: from ? 'pk = :pk AND sk >= :from' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ...(from ? { ':from': from } : { ':prefix': keys.deliveryPrefix }) },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'pk', value: pk, sortKeyWithin }),
      }),
    );
    const items = (result.Items ?? []).map((i) => Delivery.parse(i));
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  }
}

/** A waiting delivery is listed by when it is due (sparse gsi1), so the sweeper finds what is due. */
function deliveryItem(d: Delivery) {
  return {
    ...keys.delivery(d.endpointId, d.at, d.eventId),
    ...(d.status === 'wachtend' && d.volgendePoging
      ? { gsi1pk: keys.deliveriesDue, gsi1sk: `${d.volgendePoging}#${d.endpointId}#${d.eventId}` }
      : {}),
    entity: 'Delivery',
    ...d,
  };
}

function ignoreConditionFailed(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}
