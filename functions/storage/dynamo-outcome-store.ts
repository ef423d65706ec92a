import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { herkomsten } from '../../shared/domain/common/vocabulary';
import { counterNames, type Cohort, type CounterName, type OutcomeFact } from '../../shared/domain/outcomes/facts';
import type { CounterRow } from '../../shared/domain/outcomes/measures';
import type { OutcomeStore } from '../outcomes/ports';
import { keys } from './keys';
import { transactWrite } from './transact-write';

/** A municipality's counters: about 20 per cohort, four cohorts a year. A page is enough for decades. */
const PAGE = 1000;

export class DynamoOutcomeStore implements OutcomeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(fact: OutcomeFact): Promise<boolean> {
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.outcomeFact(fact.id), entity: 'OutcomeFact', kind: fact.kind, cohort: fact.cohort },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...Object.entries(fact.adds).map(([counter, n]) => ({
            Update: {
              TableName: this.tableName,
              Key: keys.outcomeCounter(fact.gemeenteCode, fact.cohort, counter),
              UpdateExpression: 'SET entity = :entity, cohort = :cohort, #counter = :name ADD #herkomst :n',
              ExpressionAttributeNames: { '#counter': 'counter', '#herkomst': fact.herkomst },
              ExpressionAttributeValues: {
                ':entity': 'OutcomeCounter',
                ':cohort': fact.cohort,
                ':name': counter,
                ':n': n,
              },
            },
          })),
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

  async counters(gemeenteCode: string): Promise<CounterRow[]> {
    const rows: CounterRow[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.outcomeCounters(gemeenteCode) },
          Limit: PAGE,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (!(counterNames as readonly string[]).includes(item.counter)) continue;
        rows.push({
          gemeenteCode,
          cohort: item.cohort as Cohort,
          counter: item.counter as CounterName,
          perHerkomst: Object.fromEntries(herkomsten.map((h) => [h, Number(item[h] ?? 0)])),
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
