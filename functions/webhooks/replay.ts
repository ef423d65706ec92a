import type { Delivery } from '../../shared/domain/notices/webhook-schemas';
import type { DeliveryStore } from './ports';

/** Requeued in groups this size: a replay of a long outage is thousands of deliveries. */
const REQUEUE_BATCH = 25;
const LOG_PAGE = 100;

/**
 * An endpoint's parked deliveries, newest first, from its delivery log: all of them, or those of notices since
 * a time. `maxLooked` bounds how much of the log is read (the admin API answers within a request); without
 * it the whole log is paged through (the ops tool, `npm run replay-webhooks`).
 */
export async function parkedDeliveries(
  deliveries: DeliveryStore,
  endpointId: string,
  options: { since?: string; maxLooked?: number } = {},
): Promise<Delivery[]> {
  const parked: Delivery[] = [];
  let looked = 0;
  let cursor: string | undefined;
  do {
    const limit = options.maxLooked === undefined ? LOG_PAGE : Math.min(LOG_PAGE, options.maxLooked - looked);
    const page = await deliveries.log(endpointId, {
      limit,
      ...(cursor ? { cursor } : {}),
      ...(options.since ? { since: options.since } : {}),
    });
    looked += page.items.length;
    parked.push(...page.items.filter((d) => d.status === 'geparkeerd'));
    cursor = page.nextCursor;
  } while (cursor && (options.maxLooked === undefined || looked < options.maxLooked));
  return parked;
}

/**
 * A replay: the deliveries wait again, due now, with the whole retry schedule before them (`rondeStart`).
 * Each write is conditional on the status seen, so a delivery that changed meanwhile is refused
 * (DeliveryChangedConflict) rather than sent twice. The sweeper queues what is due; callers may queue at once.
 */
export async function requeueDeliveries(
  deliveries: DeliveryStore,
  chosen: readonly Delivery[],
  now: string,
): Promise<Delivery[]> {
  const requeued: Delivery[] = [];
  for (let i = 0; i < chosen.length; i += REQUEUE_BATCH) {
    requeued.push(...(await Promise.all(chosen.slice(i, i + REQUEUE_BATCH).map((d) => deliveries.requeue(d, now)))));
  }
  return requeued;
}
