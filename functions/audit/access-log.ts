import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { gunzipSync } from 'node:zlib';
import type { RefusalReason, RefusedRequest } from '../../shared/domain/audit/audit';

/**
 * API Gateway's access log: one JSON line per request, with these fields. Named once, here, for the format CDK
 * gives the stage and for the reader that turns refusals into audit entries; the local gateway writes the same.
 * No header, path value, query or body: ids, route templates and statuses only.
 */
export const accessLogFormat = {
  requestId: '$context.requestId',
  time: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  // Who called, as the authorizer knew them: behind CloudFront the source address is CloudFront's, and API
  // Gateway cannot log a header, so a caller is found by identity (a member of staff's Cognito id, or the
  // corporation and its key's prefix); their own address is in the audit trail.
  user: '$context.authorizer.claims.sub',
  corporatieId: '$context.authorizer.corporatieId',
  keyPrefix: '$context.authorizer.keyPrefix',
  authorizerError: '$context.authorizer.error',
  integrationStatus: '$context.integrationStatus',
  responseLatency: '$context.responseLatency',
} as const;

/** A line of the access log. API Gateway writes every value as a string, and `-` where there is none. */
export type AccessLogRecord = Record<keyof typeof accessLogFormat, string>;

/** The statuses the log subscription passes on: refusals by an authorizer. */
export const refusalStatuses = ['401', '403'] as const;

// The routes on an API key, by name. Taken from the contract they cost this Lambda the corporation module's
// schemas at every cold start (about a third of its init) for three strings; a test over the whole contract
// holds this list equal to it.
const corporationRoutes: ReadonlySet<string> = new Set([
  'POST /api/corporatie/signalen',
  'GET /api/corporatie/signalen',
  'GET /api/corporatie/meldingen/{eventId}',
]);

const present = (value: string | undefined): value is string => value !== undefined && value !== '' && value !== '-';

/**
 * The refused attempt a log line records, if it is one: a 401 or 403 that API Gateway answered itself (no
 * integration ran). A refusal by a Lambda is not here: the handler wrote its own, richer entry.
 */
export function refusedRequestFrom(record: Partial<AccessLogRecord>, id: string): RefusedRequest | undefined {
  const status = Number(record.status);
  if (status !== 401 && status !== 403) return undefined;
  if (present(record.integrationStatus)) return undefined;
  const route = present(record.routeKey) ? record.routeKey : 'onbekend';
  const corporation = corporationRoutes.has(route);
  const time = Number(record.time);
  return {
    id,
    at: new Date(Number.isFinite(time) && time > 0 ? time : Date.now()).toISOString(),
    reden: reasonOf(status, corporation, record.authorizerError),
    route,
    status,
    ...(present(record.authorizerError) ? { melding: record.authorizerError.slice(0, 200) } : {}),
    waar: {
      requestId: present(record.requestId) ? record.requestId : id,
      kanaal: corporation ? 'corporatie-api' : 'web-api',
      ...(present(record.sourceIp) ? { bron: record.sourceIp } : {}),
    },
  };
}

/**
 * Why, from what the authorizer said. API Gateway's wording is not a contract, so this reads it loosely and
 * keeps the words themselves in `melding`: an unknown message is an invalid token.
 */
function reasonOf(status: number, corporation: boolean, error: string | undefined): RefusalReason {
  if (corporation) return status === 403 ? 'sleutel-geweigerd' : 'geen-token';
  if (!present(error)) return 'geen-token';
  return /expired/i.test(error) ? 'verlopen' : 'ongeldig';
}

/**
 * The refusals in a batch the subscription delivers (also what the replay reads from a batch Lambda gave up on):
 * `lines` is how many log lines it held. The log event's id becomes the entry's id, so a batch written twice is
 * written once.
 */
export function refusalsInLogEvent(event: CloudWatchLogsEvent): { refusals: RefusedRequest[]; lines: number } {
  const text = gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8');
  const data = JSON.parse(text) as CloudWatchLogsDecodedData;
  if (data.messageType !== 'DATA_MESSAGE') return { refusals: [], lines: 0 };
  const refusals = data.logEvents.flatMap((logEvent) => {
    const refusal = refusedRequestFrom(parseLine(logEvent.message), logEvent.id);
    return refusal ? [refusal] : [];
  });
  return { refusals, lines: data.logEvents.length };
}

function parseLine(message: string): Partial<AccessLogRecord> {
  try {
    const parsed: unknown = JSON.parse(message);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<AccessLogRecord>) : {};
  } catch {
    return {};
  }
}
