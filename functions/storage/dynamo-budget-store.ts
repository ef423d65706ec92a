import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { moves } from '../../shared/domain/regelbudget/regelbudget';
import { Budget, BudgetRequest, LedgerEntry, Spend } from '../../shared/domain/regelbudget/regelbudget-schemas';
import type { BudgetStore, SpendIdempotency } from '../budget/ports';
import { RuleViolation, StaleVersion } from '../../shared/domain/common/errors';
import { IdempotencyKeyReusedError } from '../transitions/errors';
import { keys } from './keys';
import { transactWrite } from './transact-write';

export class InsufficientBudgetConflict extends RuleViolation {
  constructor() {
    super('Het regelbudget is hiervoor niet toereikend, of niet (meer) geldig.');
  }
}
export class SpendChangedConflict extends StaleVersion {
  constructor() {
    super('Deze uitgave is intussen al gewijzigd. Laad het budget opnieuw.');
  }
}
export class BudgetRequestOpenConflict extends RuleViolation {
  constructor() {
    super('Voor dit traject loopt al een aanvraag van een regelbudget; wacht op het besluit van de budgethouder.');
  }
}

export class BudgetExistsConflict extends RuleViolation {
  constructor() {
    super('Dit traject heeft al een regelbudget.');
  }
}

const ATTEMPTS = 12;
const LEDGER_LIMIT = 1000;
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** What a key answered first: the spend it booked, or the refusal's title. No hash: written before keys were bound. */
const SpendIdempotencyRecord = z.object({
  requestHash: z.string().optional(),
  transitionId: z.string().optional(),
  spendId: z.string().optional(),
  weigering: z.string().optional(),
});

/**
 * The regelbudget in DynamoDB. The invariant "never overspent" lives in the database: every move is one
 * transaction whose budget update is conditional on the source bucket holding the amount
 * (`vrijCent >= :a`), so no interleaving of concurrent writers can take a bucket below zero.
 */
export class DynamoBudgetStore implements BudgetStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async grant(budget: Budget, entry: LedgerEntry): Promise<void> {
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.budget(budget.transitionId), entity: 'Budget', ...budget },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: this.tableName, Item: this.ledgerItem(entry) } },
        ],
      });
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      )
        throw new BudgetExistsConflict();
      throw error;
    }
  }

  async get(transitionId: string): Promise<Budget | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.budget(transitionId), ConsistentRead: true }),
    );
    return Item ? Budget.parse(Item) : undefined;
  }

  async spends(transitionId: string): Promise<Spend[]> {
    const items = await this.queryPartition(transitionId, keys.spendPrefix);
    return items.map((i) => Spend.parse(i)).sort((a, b) => a.voorgesteldOp.localeCompare(b.voorgesteldOp));
  }

  async spend(transitionId: string, spendId: string): Promise<Spend | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.spend(transitionId, spendId), ConsistentRead: true }),
    );
    return Item ? Spend.parse(Item) : undefined;
  }

  async ledger(transitionId: string): Promise<LedgerEntry[]> {
    return (await this.queryPartition(transitionId, keys.ledgerPrefix)).map((i) => LedgerEntry.parse(i));
  }

  async propose(input: Parameters<BudgetStore['propose']>[0]): ReturnType<BudgetStore['propose']> {
    const { spend, move, entry, gemeenteCode, today, idempotency } = input;
    const { from, to } = moves[move];
    const transact: TransactWriteCommandInput = {
      TransactItems: [
        ...(idempotency
          ? [
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...this.idempotencyItem(idempotency, spend.voorgesteldOp),
                    transitionId: spend.transitionId,
                    spendId: spend.id,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ]
          : []),
        {
          Update: {
            TableName: this.tableName,
            Key: keys.budget(spend.transitionId),
            UpdateExpression: `SET ${from} = ${from} - :a, ${to} = ${to} + :a`,
            ConditionExpression: `${from} >= :a AND geldigVan <= :today AND geldigTot >= :today`,
            ExpressionAttributeValues: { ':a': spend.bedragCent, ':today': today },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: this.spendItem(spend, gemeenteCode),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: this.tableName, Item: this.ledgerItem(entry) } },
      ],
    };
    const outcome = await this.transact(transact);
    if (outcome === 'ok') return { spend, replayed: false };
    // Either the key was used before (a replay) or the budget condition failed: tell them apart by reading.
    const first = idempotency ? await this.replay(idempotency) : undefined;
    if (first) return first;
    throw new InsufficientBudgetConflict();
  }

  async replay(idempotency: SpendIdempotency): Promise<{ spend: Spend; replayed: true } | undefined> {
    const key = keys.spendIdempotency(idempotency.userId, idempotency.key);
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    if (!Item) return undefined;
    const record = SpendIdempotencyRecord.parse(Item);
    const otherRequest = record.requestHash !== undefined && record.requestHash !== idempotency.requestHash;
    if (otherRequest) throw new IdempotencyKeyReusedError();
    if (record.weigering !== undefined) throw new RuleViolation(record.weigering);
    if (!record.transitionId || !record.spendId) throw new Error('idempotency record without its spend');
    const spendKey = keys.spend(record.transitionId, record.spendId);
    const { Item: spend } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: spendKey, ConsistentRead: true }),
    );
    return { spend: Spend.parse(spend), replayed: true };
  }

  async refuse(idempotency: SpendIdempotency, title: string, at: string): Promise<{ spend: Spend; replayed: true }> {
    const outcome = await this.transact({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...this.idempotencyItem(idempotency, at), weigering: title },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
    // Recorded: this refusal is the key's answer. Not recorded: the key answered first, and that stands.
    const first = outcome === 'ok' ? undefined : await this.replay(idempotency);
    if (!first) throw new RuleViolation(title);
    return first;
  }

  async move(input: Parameters<BudgetStore['move']>[0]): Promise<void> {
    const { before, after, move, entry } = input;
    const { from, to, fromStatus } = moves[move];
    const outcome = await this.transact({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.budget(before.transitionId),
            UpdateExpression: `SET ${from} = ${from} - :a, ${to} = ${to} + :a`,
            ConditionExpression: `${from} >= :a`,
            ExpressionAttributeValues: { ':a': before.bedragCent },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: this.spendItem(after, entry.gemeenteCode),
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':from': fromStatus ?? before.status },
          },
        },
        { Put: { TableName: this.tableName, Item: this.ledgerItem(entry) } },
      ],
    });
    if (outcome === 'condition-failed') throw new SpendChangedConflict();
  }

  async budgetRequest(transitionId: string): Promise<BudgetRequest | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.budgetRequest(transitionId), ConsistentRead: true }),
    );
    return Item ? BudgetRequest.parse(Item) : undefined;
  }

  async requestBudget(request: BudgetRequest, requestHash: string) {
    // A refused request may be replaced; an open or granted one may not (a budget exists or is being decided).
    const outcome = await this.transact({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...this.requestItem(request), requestHash },
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :afgewezen AND requestHash <> :hash)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':afgewezen': 'afgewezen', ':hash': requestHash },
          },
        },
        {
          ConditionCheck: {
            TableName: this.tableName,
            Key: keys.budget(request.transitionId),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
    if (outcome === 'ok') return { request, replayed: false };
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.budgetRequest(request.transitionId),
        ConsistentRead: true,
      }),
    );
    if (Item && Item.requestHash === requestHash) return { request: BudgetRequest.parse(Item), replayed: true };
    if (Item?.status === 'aangevraagd') throw new BudgetRequestOpenConflict();
    throw new BudgetExistsConflict();
  }

  async decideBudgetRequest(decided: BudgetRequest, grant?: { budget: Budget; entry: LedgerEntry }) {
    const outcome = await this.transact({
      TransactItems: [
        {
          // Out of the inbox (the sparse index keys go), conditional on being open: a decision is taken once.
          Update: {
            TableName: this.tableName,
            Key: keys.budgetRequest(decided.transitionId),
            UpdateExpression: 'SET #status = :status, besluit = :besluit REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': decided.status,
              ':besluit': decided.besluit,
              ':open': 'aangevraagd',
            },
          },
        },
        ...(grant
          ? [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.budget(grant.budget.transitionId), entity: 'Budget', ...grant.budget },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Put: { TableName: this.tableName, Item: this.ledgerItem(grant.entry) } },
            ]
          : []),
      ],
    });
    return outcome === 'ok';
  }

  async inbox(gemeenteCode: string, limit: number): Promise<{ spends: Spend[]; requests: BudgetRequest[] }> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.budgetInbox(gemeenteCode) },
        Limit: limit,
      }),
    );
    const items = Items ?? [];
    return {
      spends: items.filter((i) => i.entity !== 'BudgetRequest').map((i) => Spend.parse(i)),
      requests: items.filter((i) => i.entity === 'BudgetRequest').map((i) => BudgetRequest.parse(i)),
    };
  }

  async municipalityLedger(gemeenteCode: string, from: string, to: string): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.municipalityLedger(gemeenteCode),
            ':from': from,
            ':to': `${to}\uffff`,
          },
          ExclusiveStartKey: start,
        }),
      );
      entries.push(...(page.Items ?? []).map((i) => LedgerEntry.parse(i)));
      start = page.LastEvaluatedKey;
    } while (start && entries.length < 100_000);
    return entries;
  }

  private idempotencyItem(idempotency: SpendIdempotency, at: string) {
    return {
      ...keys.spendIdempotency(idempotency.userId, idempotency.key),
      entity: 'IdempotencyRecord',
      requestHash: idempotency.requestHash,
      expiresAt: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
    };
  }

  private spendItem(spend: Spend, gemeenteCode: string) {
    const awaiting = spend.status === 'voorgesteld';
    return {
      ...keys.spend(spend.transitionId, spend.id),
      entity: 'Spend',
      ...spend,
      ...(awaiting ? { gsi1pk: keys.budgetInbox(gemeenteCode), gsi1sk: `${spend.voorgesteldOp}#${spend.id}` } : {}),
    };
  }

  private requestItem(request: BudgetRequest) {
    return {
      ...keys.budgetRequest(request.transitionId),
      entity: 'BudgetRequest',
      ...request,
      gsi1pk: keys.budgetInbox(request.gemeenteCode),
      gsi1sk: `${request.aangevraagdOp}#AANVRAAG#${request.transitionId}`,
    };
  }

  private ledgerItem(entry: LedgerEntry) {
    return {
      ...keys.ledgerEntry(entry.transitionId, entry.at, entry.id),
      gsi1pk: keys.municipalityLedger(entry.gemeenteCode),
      gsi1sk: `${entry.at}#${entry.id}`,
      entity: 'LedgerEntry',
      ...entry,
    };
  }

  private async queryPartition(transitionId: string, prefix: string) {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `TRANSITION#${transitionId}`, ':prefix': prefix },
        Limit: LEDGER_LIMIT,
      }),
    );
    return Items ?? [];
  }

  /**
   * Runs a transaction; retries TransactionConflict (another transaction on the same items at the same
   * moment: nothing was written, trying again with a new token is safe) and reports a failed condition instead of
   * throwing. A lost answer is sent again with the same token by transactWrite.
   */
  private async transact(input: TransactWriteCommandInput): Promise<'ok' | 'condition-failed'> {
    for (let attempt = 0; ; attempt++) {
      try {
        await transactWrite(this.db, input);
        return 'ok';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (codes.includes('ConditionalCheckFailed')) return 'condition-failed';
        if (!codes.includes('TransactionConflict') || attempt >= ATTEMPTS) throw error;
        await sleep(Math.random() * 20 * 2 ** Math.min(attempt, 5));
      }
    }
  }
}
