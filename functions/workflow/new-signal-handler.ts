import type { DynamoDBStreamEvent } from 'aws-lambda';
import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, runtime } from '../runtime';
import type { TransitionWorkflow } from '../transitions/ports';
import { StepFunctionsTransitionWorkflow } from './step-functions-workflow';

/**
 * DynamoDB Streams → the follow-up of signals: every new signal makes the "Signalen opvolgen" workflow look
 * at its transition. The API that registered the signal already asked it to look, but only as a courtesy
 * (its answer does not wait for Step Functions to be reachable); this is the path that cannot be lost: a
 * failure makes Lambda retry the batch, then park it in a dead-letter queue. A second look is harmless: each
 * step checks it is still due and writes on the signal's version. CDK filters the stream to signal inserts;
 * this checks again, so the local runtime can pass it every record.
 */
export function createNewSignalHandler(workflow: () => Pick<TransitionWorkflow, 'evaluateSignals'>) {
  return async (event: DynamoDBStreamEvent): Promise<{ looked: number }> => {
    const transitions = new Set<string>();
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      const transitionId = image?.transitionId?.S;
      if (record.eventName === 'INSERT' && image?.entity?.S === 'Signal' && transitionId) transitions.add(transitionId);
    }
    // One look per transition, however many of its signals the batch holds: the look sees them all.
    for (const transitionId of transitions) await workflow().evaluateSignals(transitionId);
    if (transitions.size) logger.info('signal follow-up asked to look', { transitions: transitions.size });
    return { looked: transitions.size };
  };
}

export const handler = observed(createNewSignalHandler(lazy(() => new StepFunctionsTransitionWorkflow(runtime.sfnClient(), runtime.workflowArns()))));
