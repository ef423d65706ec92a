import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger';

/**
 * Business events as CloudWatch metrics, in the Embedded Metric Format (Powertools): a JSON line on stdout that
 * CloudWatch Logs turns into a metric, no API call and no latency. Emitted where the event happens (a handler,
 * a workflow step, a delivery's outcome), never from the domain in shared/, which stays pure.
 *
 * Namespace `Landing`; every metric has the dimensions `service` (Powertools always adds it: `landing`) and
 * `stage` (the Lambda's `LANDING_STAGE`), some also `fase`. Dimensions are ids and vocabulary only, never a
 * person. Locally and in the tests `POWERTOOLS_METRICS_DISABLED=true` keeps EMF off the console; every event
 * is also a debug log line (with LOG_FILE, the test suite's privacy scan reads it too).
 */
export const METRICS_NAMESPACE = 'Landing';
export const METRICS_SERVICE = 'landing';

/** Every business metric and the dimension it carries besides `service` and `stage`. */
export const businessMetrics = {
  /** A new aanmelding (not a replayed request). */
  TransitionRegistered: { dimension: undefined },
  /** A transition went to another phase; `fase` is the phase it went to. */
  PhaseChanged: { dimension: 'fase' },
  /** A signal was registered (by a caseworker, a corporation, or the contact watch); `fase` groen/oranje/rood. */
  SignalRegistered: { dimension: 'fase' },
  /** Nobody picked a signal up in time: it went to the team lead. */
  SignalEscalated: { dimension: 'fase' },
  /** A webhook notice reached its endpoint (2xx). */
  WebhookDelivered: { dimension: undefined },
  /** An attempt failed; the delivery waits for its next attempt (or is parked). */
  WebhookDeliveryFailed: { dimension: undefined },
  /** A delivery was parked: its endpoint is off, or it ran out of attempts. */
  WebhookDeliveryParked: { dimension: undefined },
  /** An endpoint was switched off (gone, or failing for too long). */
  WebhookEndpointDisabled: { dimension: undefined },
  /** A spend of the regelbudget was proposed (also when approved at once under the threshold). */
  SpendProposed: { dimension: undefined },
  /** A spend was approved, by the budget holder or at once under the threshold. */
  SpendApproved: { dimension: undefined },
} as const satisfies Record<string, { dimension: 'fase' | undefined }>;

export type BusinessMetric = keyof typeof businessMetrics;
type DimensionOf<M extends BusinessMetric> = (typeof businessMetrics)[M]['dimension'];
type Dimensions<M extends BusinessMetric> =
  DimensionOf<M> extends string ? Record<DimensionOf<M>, string> : Record<string, never>;

/** Powertools' own notices (a dimension it refuses, say) as our log lines. */
const powertoolsLogger = {
  debug: (...content: unknown[]) => logger.debug(content.map(String).join(' ')),
  info: (...content: unknown[]) => logger.info(content.map(String).join(' ')),
  warn: (...content: unknown[]) => logger.warn(content.map(String).join(' ')),
  error: (...content: unknown[]) => logger.error(content.map(String).join(' ')),
};

export const stageOfRuntime = () => process.env.LANDING_STAGE ?? 'local';

let moduleMetrics: Metrics | undefined;
/**
 * One Metrics for the module (so for the Lambda), made on first use: the local runtime and the tests set the
 * stage and switch metrics on or off after this module was loaded. Each event is written by its own
 * `singleMetric()` (the Metrics' settings and default dimensions, read again on whether metrics are on).
 */
function metrics(): Metrics {
  moduleMetrics ??= new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: METRICS_SERVICE,
    defaultDimensions: { stage: stageOfRuntime() },
    logger: powertoolsLogger,
  });
  return moduleMetrics;
}

/**
 * Counts one business event. Never throws: a metric that cannot be written must not fail the change it
 * counts (Powertools' own warnings go to the log).
 */
export function countBusinessEvent<M extends BusinessMetric>(
  name: M,
  ...[dimensions]: DimensionOf<M> extends string ? [Dimensions<M>] : [Dimensions<M>?]
): void {
  const extra = (dimensions ?? {}) as Record<string, string>;
  logger.debug('business event', { metric: name, ...extra });
  try {
    // One EMF line per event, written at once (a single metric): no flush at the end of the handler to forget.
    const metric = metrics().singleMetric();
    for (const [key, value] of Object.entries(extra)) metric.addDimension(key, value);
    metric.addMetric(name, MetricUnit.Count, 1);
  } catch (error) {
    logger.warn('business metric not written', { metric: name, errorName: (error as Error).name });
  }
}

/**
 * Powertools' `ColdStart` metric (dimensions `service`, `stage`, `function_name`): once per execution
 * environment, on its first invocation (./context.ts `observed` calls it for every handler). Never throws.
 */
export function countColdStart(functionName: string | undefined): void {
  try {
    metrics().captureColdStartMetric(functionName);
  } catch (error) {
    logger.warn('cold start metric not written', { errorName: (error as Error).name });
  }
}
