import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, workflowArns } from '../environment';
import type { TransitionWorkflow } from '../transitions/ports';
import { StepFunctionsTransitionWorkflow, stepFunctionsClient } from './step-functions-workflow';

/**
 * DynamoDB Streams → the follow-up of signals: every new signal makes the "Signalen opvolgen" workflow look
 * at its transition. The API that registered the signal already asked it to look, but only as a courtesy
 * (its answer does not wait for Step Functions to be reachable); this is the path that cannot be lost. A
 * signal whose look failed is reported back (partial batch response, Powertools' batch processor): Lambda
 * hands the stream again from that record on, then parks it in a dead-letter queue; when no look succeeded
 * the batch fails as a whole (and is bisected). A second look is harmless: each step checks it is still due
 * and writes on the signal's version. CDK filters the stream to signal inserts; this checks again, so the
 * local runtime can pass it every record.
 */
export function createNewSignalHandler(workflow: () => Pick<TransitionWorkflow, 'evaluateSignals'>) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    // One look per transition, however many of its signals the batch holds: the look sees them all, and
    // each of those signals fails or succeeds with it.
    const looks = new Map<string, Promise<void>>();
    const lookAt = (transitionId: string) => {
      const look = looks.get(transitionId) ?? workflow().evaluateSignals(transitionId);
      looks.set(transitionId, look);
      return look;
    };
    // A processor per invocation: its state is the batch's, and the local runtime runs invocations side by side.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const response = await processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        const image = record.dynamodb?.NewImage;
        const transitionId = image?.transitionId?.S;
        if (record.eventName === 'INSERT' && image?.entity?.S === 'Signal' && transitionId) await lookAt(transitionId);
      },
      processor,
      { processInParallel: false },
    );
    if (looks.size)
      logger.info('signal follow-up asked to look', {
        transitions: looks.size,
        reportedBack: response.batchItemFailures.length,
      });
    return response;
  };
}

export const handler = observed(
  createNewSignalHandler(lazy(() => new StepFunctionsTransitionWorkflow(stepFunctionsClient(), workflowArns()))),
);
