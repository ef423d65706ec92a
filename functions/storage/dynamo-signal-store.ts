import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Contact, Signal } from '../../shared/domain/signal-schemas';
import type { TimelineEvent } from '../../shared/domain/timeline';
import { ConflictError } from '../http/errors';
import type { ContactStore, SignalStore } from '../signals/ports';
import { keys, timelineEventItem } from './keys';

const SIGNAL_LIMIT = 500;

export class SignalChangedConflict extends ConflictError {
  constructor() {
    super('Dit signaal is al opgepakt.', 'stale-version');
  }
}

export class DynamoSignalStore implements SignalStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(signal: Signal, event: TimelineEvent): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: this.item(signal), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.tableName, Item: timelineEventItem(event) } },
        ],
      }),
    );
  }

  async acknowledge(after: Signal, event: TimelineEvent): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: this.item(after),
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': 'open' },
              },
            },
            { Put: { TableName: this.tableName, Item: timelineEventItem(event) } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new SignalChangedConflict();
      throw error;
    }
  }

  async list(transitionId: string): Promise<Signal[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${transitionId}`, ':prefix': keys.signalPrefix },
        ScanIndexForward: false,
        Limit: SIGNAL_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => Signal.parse(i));
  }

  private item(signal: Signal) {
    return { ...keys.signal(signal.transitionId, signal.at, signal.id), entity: 'Signal', ...signal };
  }
}

export class DynamoContactStore implements ContactStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(contact: Contact): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.contact(contact.transitionId, contact.op, contact.id), entity: 'Contact', ...contact },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async recent(transitionId: string, limit: number): Promise<Contact[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${transitionId}`, ':prefix': keys.contactPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => Contact.parse(i));
  }
}
