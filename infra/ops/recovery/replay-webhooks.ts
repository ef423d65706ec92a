import type { DeliveryStore, EndpointStore } from '../../../functions/webhooks/ports';
import { parkedDeliveries, requeueDeliveries } from '../../../functions/webhooks/replay';

/**
 * Ops' replay of an endpoint's parked deliveries (`npm run replay-webhooks`, docs/RECOVERY.md): the same
 * functions as the beheerder's replay in the admin API, over the whole delivery log instead of its last 500
 * entries, without a sign-in. The deliveries become due now; the sweeper (every minute) queues them.
 */
export type ReplayOutcome =
  | 'opnieuw-aangeboden'
  | 'droogloop'
  | 'niets-geparkeerd'
  | 'endpoint-uit'
  | 'endpoint-onbekend';

export interface ReplayReport {
  endpointId: string;
  parked: number;
  requeued: number;
  outcome: ReplayOutcome;
}

export async function replayEndpoint(
  deps: { deliveries: DeliveryStore; endpoints: EndpointStore },
  options: { endpointId: string; since?: string; dryRun: boolean; now: Date },
): Promise<ReplayReport> {
  const parked = await parkedDeliveries(
    deps.deliveries,
    options.endpointId,
    options.since ? { since: options.since } : {},
  );
  const report = (outcome: ReplayOutcome, requeued = 0): ReplayReport => ({
    endpointId: options.endpointId,
    parked: parked.length,
    requeued,
    outcome,
  });
  const [first] = parked;
  if (!first) return report('niets-geparkeerd');
  // Deliveries name their endpoint's corporation and provider; the endpoint is found under those.
  const endpoint = await deps.endpoints.get(first.corporatieId, first.providerId, options.endpointId);
  if (!endpoint) return report('endpoint-onbekend');
  // A switched-off endpoint would park every delivery again at its first attempt.
  if (!endpoint.actief) return report('endpoint-uit');
  if (options.dryRun) return report('droogloop');
  const requeued = await requeueDeliveries(deps.deliveries, parked, options.now.toISOString());
  return report('opnieuw-aangeboden', requeued.length);
}
