import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { newFacts } from '../../shared/domain/outcomes/facts';
import { fromStored, type Transition } from '../../shared/domain/transition/transition';
import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, runtime } from '../runtime';
import { DynamoOutcomeStore } from '../storage/dynamo-outcome-store';
import type { OutcomeStore } from './ports';

type Image = Parameters<typeof newFacts>[1];

/**
 * An attribute value without its type: the stream of DynamoDB Local hands an empty map (a transition's
 * `verhuisproces` before anything was recorded) as `{}`, which `unmarshall` refuses. It is read as the empty map
 * it was stored as; a typed value is left as it is, its maps and lists looked into.
 */
function typed(value: AttributeValue): AttributeValue {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, typed(v)])) };
  if (value.L) return { L: value.L.map(typed) };
  return value;
}

function transitionImage(image: Record<string, unknown> | undefined): Image | undefined {
  if (image?.entity !== 'Transition') return undefined;
  const t = fromStored(image) as unknown as Transition;
  return { ...t, aanbiedingen: t.aanbiedingen ?? [], omklapBesluiten: t.omklapBesluiten ?? [] };
}

/**
 * DynamoDB Streams → the outcome counters: every change of a transition adds the facts its new image holds and
 * its old one did not, each with a marker in the same transaction, so a redelivered change counts once. A
 * change that could not be counted is reported back (Powertools' partial batch response): Lambda hands the
 * stream again from it, and after its retries parks it in a dead-letter queue; a recount repairs the counters.
 * CDK filters the stream to transitions; this checks again, so the local runtime can pass it every record.
 */
export function createCountOutcomes(store: () => OutcomeStore) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    let counted = 0;
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const response = await processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        const image = (i: Record<string, AttributeValue> | undefined) =>
          i ? unmarshall(Object.fromEntries(Object.entries(i).map(([k, v]) => [k, typed(v)]))) : undefined;
        const after = transitionImage(image(record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined));
        if (!after) return;
        for (const fact of newFacts(
          transitionImage(image(record.dynamodb?.OldImage as Record<string, AttributeValue> | undefined)),
          after,
        )) {
          if (await store().record(fact)) counted++;
        }
      },
      processor,
      // In order: a transition's changes follow each other in the stream.
      { processInParallel: false },
    );
    if (counted) logger.info('outcome facts counted', { counted, reportedBack: response.batchItemFailures.length });
    return response;
  };
}

export const handler = observed(
  createCountOutcomes(lazy(() => new DynamoOutcomeStore(runtime.documentClient(), runtime.tableName()))),
);
