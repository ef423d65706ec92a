import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Contact, Signal } from '../../shared/domain/signals/signal-schemas';
import { Task } from '../../shared/domain/signals/task';
import type { TimelineEvent } from '../../shared/domain/transition/timeline';
import { StaleVersion } from '../../shared/domain/common/errors';
import type { ContactStore, SignalChange, SignalStore, TaskStore } from '../signals/ports';
import { StaleVersionError } from '../transitions/errors';
import { transitionUpdateItems } from './dynamo-transition-store';
import { claimKey, firstCreated, type Idempotency } from './idempotency';
import { transactWrite } from './transact-write';
import { keys, timelineEventItem } from './keys';

const SIGNAL_LIMIT = 500;
const TASK_LIMIT = 200;

export class SignalChangedConflict extends StaleVersion {
  constructor() {
    super('Dit signaal is intussen gewijzigd (opgepakt of afgehandeld). Laad het opnieuw.');
  }
}

export class DynamoSignalStore implements SignalStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(signal: Signal, event: TimelineEvent, options: { once?: boolean; idempotency?: Idempotency } = {}) {
    const { once, idempotency } = options;
    const onceItem = { ...keys.signalOnce(signal.transitionId, signal.id), entity: 'SignalOnce' };
    const claims = [
      ...(once
        ? [{ Put: { TableName: this.tableName, Item: onceItem, ConditionExpression: 'attribute_not_exists(pk)' } }]
        : []),
      ...(idempotency ? [claimKey(this.tableName, 'signal', idempotency, signalItem(signal), signal.at)] : []),
    ];
    try {
      await transactWrite(this.db, {
        TransactItems: [
          ...claims,
          {
            Put: {
              TableName: this.tableName,
              Item: signalItem(signal),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: this.tableName, Item: timelineEventItem(event) } },
        ],
      });
      return true;
    } catch (error) {
      // A claim taken (or being taken right now by a request with the same key): this one writes nothing.
      const taken = (i: number) =>
        ['ConditionalCheckFailed', 'TransactionConflict'].includes(cancellationCode(error, i) ?? '');
      if (claims.some((_, i) => taken(i))) return false;
      throw error;
    }
  }

  async registeredWith(idempotency: Idempotency): Promise<Signal | undefined> {
    const item = await firstCreated(this.db, this.tableName, 'signal', idempotency);
    return item ? Signal.parse(item) : undefined;
  }

  async change({
    before,
    after,
    event,
    newTasks = [],
    closeOpenTasks = false,
    transition,
  }: SignalChange): Promise<void> {
    const closing = closeOpenTasks ? (await this.tasksOf(before)).filter((t) => t.status === 'open') : [];
    const transitionItems = transition ? transitionUpdateItems(this.tableName, transition) : [];
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: signalItem({ ...after, versie: before.versie + 1 }),
              // Signals written before versions existed count as version 1.
              ConditionExpression:
                before.versie === 1 ? 'attribute_not_exists(versie) OR versie = :seen' : 'versie = :seen',
              ExpressionAttributeValues: { ':seen': before.versie },
            },
          },
          ...transitionItems,
          { Put: { TableName: this.tableName, Item: timelineEventItem(event) } },
          ...newTasks.map((task) => ({
            Put: { TableName: this.tableName, Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' },
          })),
          ...closing.map((task) => ({
            Update: {
              TableName: this.tableName,
              Key: keys.task(task.transitionId, task.id),
              UpdateExpression: 'SET #status = :done, gedaanOp = :at REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':done': 'gedaan', ':open': 'open', ':at': event.at },
            },
          })),
        ],
      });
    } catch (error) {
      const signalRefused = cancellationCode(error, 0);
      if (signalRefused === 'ConditionalCheckFailed' || signalRefused === 'TransactionConflict')
        throw new SignalChangedConflict();
      const transitionRefused = transition ? cancellationCode(error, 1) : undefined;
      if (transitionRefused === 'ConditionalCheckFailed' || transitionRefused === 'TransactionConflict')
        throw new StaleVersionError();
      // A task changed meanwhile (created or closed by a concurrent step): the caller reads again.
      if (error instanceof TransactionCanceledException) throw new SignalChangedConflict();
      throw error;
    }
  }

  async list(transitionId: string): Promise<Signal[]> {
    return (await this.queryPartition(transitionId, keys.signalPrefix, SIGNAL_LIMIT, false)).map((i) =>
      Signal.parse(i),
    );
  }

  async reportedBy(corporatieId: string, providerId: string, limit: number): Promise<Signal[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.signalsReported(corporatieId, providerId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => Signal.parse(i));
  }

  private async tasksOf(signal: Signal): Promise<Task[]> {
    return (await this.queryPartition(signal.transitionId, keys.tasksOfSignalPrefix(signal.id), TASK_LIMIT, true)).map(
      (i) => Task.parse(i),
    );
  }

  private async queryPartition(transitionId: string, prefix: string, limit: number, oldestFirst: boolean) {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${transitionId}`, ':prefix': prefix },
        ScanIndexForward: oldestFirst,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return Items ?? [];
  }
}

export class DynamoTaskStore implements TaskStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async openTasksOf(userId: string): Promise<Task[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.openTasksOfUser(userId) },
        Limit: TASK_LIMIT,
      }),
    );
    return (Items ?? []).map((i) => Task.parse(i));
  }
}

export class DynamoContactStore implements ContactStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(contact: Contact, idempotency?: Idempotency): Promise<boolean> {
    const item = { ...keys.contact(contact.transitionId, contact.op, contact.id), entity: 'Contact', ...contact };
    try {
      await transactWrite(this.db, {
        TransactItems: [
          ...(idempotency ? [claimKey(this.tableName, 'contact', idempotency, item, contact.op)] : []),
          { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      });
      return true;
    } catch (error) {
      const claim = idempotency ? cancellationCode(error, 0) : undefined;
      if (claim === 'ConditionalCheckFailed' || claim === 'TransactionConflict') return false;
      throw error;
    }
  }

  async recordedWith(idempotency: Idempotency): Promise<Contact | undefined> {
    const item = await firstCreated(this.db, this.tableName, 'contact', idempotency);
    return item ? Contact.parse(item) : undefined;
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

/** A corporation's own reports are listed for it, per provider (gsi1), so it can see whether they were picked up. */
function signalItem(signal: Signal) {
  return {
    ...keys.signal(signal.transitionId, signal.at, signal.id),
    ...(signal.melder
      ? {
          gsi1pk: keys.signalsReported(signal.melder.corporatieId, signal.melder.providerId),
          gsi1sk: `${signal.at}#${signal.id}`,
        }
      : {}),
    entity: 'Signal',
    ...signal,
  };
}

/** An open task is listed for the person who must act (gsi1), earliest deadline first. */
function taskItem(task: Task) {
  return {
    ...keys.task(task.transitionId, task.id),
    ...(task.status === 'open'
      ? { gsi1pk: keys.openTasksOfUser(task.voor.id), gsi1sk: `${task.deadline}#${task.id}` }
      : {}),
    entity: 'Task',
    ...task,
  };
}

function cancellationCode(error: unknown, index: number): string | undefined {
  return error instanceof TransactionCanceledException ? error.CancellationReasons?.[index]?.Code : undefined;
}
