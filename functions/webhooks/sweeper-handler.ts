import { observed } from '../observability/context';
import { logger } from '../observability/logger';
import { sweep, type DeliveryDeps } from './delivery-service';
import { deliveryDepsFromEnvironment } from './delivery-runtime';

/** Every minute (EventBridge Scheduler): notices the stream missed, and deliveries that are due. */
export function createSweeperHandler(deps: () => DeliveryDeps) {
  return async (): Promise<{ fannedOut: number; queued: number }> => {
    const result = await sweep(deps());
    if (result.fannedOut || result.queued) logger.info('webhook sweep', result);
    return result;
  };
}

export const handler = observed(createSweeperHandler(deliveryDepsFromEnvironment));
