import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { currentInvocation } from '../../functions/observability/context';
import { onNewDynamoClient } from '../../functions/storage/dynamo-client';

/**
 * The read meter: what each DynamoDB call reads (items, consumed capacity), for `npm run bench`'s "items read
 * per request". Once this module is loaded, every client `createDocumentClient` makes in the process (the
 * handlers' own, in the local runtime) carries its middleware, which does nothing but call on while no meter
 * is on. While one is on, every call asks DynamoDB for its consumed capacity and is reported once, with the
 * correlation id of the request it belongs to. It lives with the benchmark: no Lambda bundle carries it.
 */
export interface DynamoCall {
  /** The SDK command, e.g. `QueryCommand`, `TransactWriteItemsCommand`. */
  command: string;
  tables: string[];
  index?: string;
  /** Items read: Query/Scan ScannedCount, GetItem 0 or 1, BatchGet/TransactGet the items returned. */
  itemsRead: number;
  /** Items written: Put/Update/Delete 1, BatchWrite/TransactWrite the requests in it. */
  itemsWritten: number;
  /** Capacity units DynamoDB reports (ReturnConsumedCapacity TOTAL), summed over the tables, if it reports any. */
  capacityUnits?: number;
  ms: number;
  failed?: string;
  correlationId?: string;
  /** The Lambda invocation that made the call: a request's own calls, apart from the workflows it starts. */
  lambdaRequestId?: string;
}

type Listener = (call: DynamoCall) => void;

// One meter per process, also when a module is loaded twice (the local runtime imports handlers by path).
const registry = globalThis as Record<symbol, unknown>;
registry[Symbol.for('landing.readMeter')] ??= {};
const state = registry[Symbol.for('landing.readMeter')] as { listener?: Listener | undefined };

/** Turns the meter on; calls made until the returned function is called are reported to `listener`. */
export function startReadMeter(listener: Listener): () => void {
  state.listener = listener;
  return () => {
    if (state.listener === listener) state.listener = undefined;
  };
}

const NAME = 'landingReadMeter';

onNewDynamoClient(meterReads);

/** Adds the meter's middleware to a client (once; adding it again replaces it). */
export function meterReads<C extends DynamoDBClient>(client: C): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const listener = state.listener;
      if (!listener) return next(args);
      const input = { ReturnConsumedCapacity: 'TOTAL', ...(args.input as Record<string, unknown>) };
      const invocation = currentInvocation();
      const started = performance.now();
      const base = {
        command: context.commandName ?? 'unknown',
        ...tablesOf(input),
        ...(invocation
          ? {
              correlationId: invocation.correlationId,
              ...(invocation.lambdaRequestId ? { lambdaRequestId: invocation.lambdaRequestId } : {}),
            }
          : {}),
      };
      try {
        const result = await next({ ...args, input });
        const output = result.output as unknown as Record<string, unknown>;
        const capacity = capacityOf(output.ConsumedCapacity);
        listener({
          ...base,
          itemsRead: itemsRead(output),
          itemsWritten: itemsWritten(base.command, input),
          ...(capacity !== undefined ? { capacityUnits: capacity } : {}),
          ms: performance.now() - started,
        });
        return result;
      } catch (error) {
        listener({
          ...base,
          itemsRead: 0,
          itemsWritten: 0,
          ms: performance.now() - started,
          failed: (error as Error).name,
        });
        throw error;
      }
    },
    { step: 'initialize', name: NAME, override: true },
  );
  return client;
}

function tablesOf(input: Record<string, unknown>): { tables: string[]; index?: string } {
  const index = typeof input.IndexName === 'string' ? { index: input.IndexName } : {};
  if (typeof input.TableName === 'string') return { tables: [input.TableName], ...index };
  if (input.RequestItems && typeof input.RequestItems === 'object')
    return { tables: Object.keys(input.RequestItems), ...index };
  const items = (input.TransactItems ?? []) as Record<string, { TableName?: string }>[];
  return {
    tables: [...new Set(items.flatMap((i) => Object.values(i).map((op) => op.TableName ?? '')))].filter(Boolean),
    ...index,
  };
}

function itemsRead(output: Record<string, unknown>): number {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if (typeof output.Count === 'number') return output.Count;
  if ('Item' in output) return output.Item ? 1 : 0;
  if (output.Responses && typeof output.Responses === 'object') {
    // BatchGetItem: items per table; TransactGetItems: one response per key, with or without its item.
    if (Array.isArray(output.Responses)) return output.Responses.filter((r: { Item?: unknown }) => r?.Item).length;
    return Object.values(output.Responses as Record<string, unknown[]>).reduce((sum, items) => sum + items.length, 0);
  }
  return 0;
}

function itemsWritten(command: string, input: Record<string, unknown>): number {
  if (/^(Put|Update|Delete)(Item)?Command$/.test(command)) return 1;
  if (Array.isArray(input.TransactItems))
    return input.TransactItems.filter((i: Record<string, unknown>) => !('ConditionCheck' in i) && !('Get' in i)).length;
  if (/^BatchWrite(Item)?Command$/.test(command) && input.RequestItems && typeof input.RequestItems === 'object') {
    return Object.values(input.RequestItems as Record<string, unknown[]>).reduce(
      (sum, requests) => sum + requests.length,
      0,
    );
  }
  return 0;
}

function capacityOf(consumed: unknown): number | undefined {
  const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as { CapacityUnits?: number }[];
  const units = list.map((c) => c.CapacityUnits).filter((u): u is number => typeof u === 'number');
  return units.length ? units.reduce((a, b) => a + b, 0) : undefined;
}
