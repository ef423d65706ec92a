import type {
  BudgetView,
  Me,
  RequestBody,
  ResponseBody,
  StaffList,
  Timeline,
  TransitionListScope,
  TransitionOverview,
  TransitionPage,
} from '../../../shared/api/contract';
import type { Problem } from '../../../shared/api/problem';
import type { Principal } from '../../../shared/domain/organisation/principal';
import type { AanmeldingInput, Transition } from '../../../shared/domain/transition/transition';
import type { Spend } from '../../../shared/domain/regelbudget/regelbudget-schemas';

/** A failed API call: the status, and the problem+json the API sent (or one made up for network errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Pick<Problem, 'code' | 'title'> & Pick<Partial<Problem>, 'gewijzigd' | 'invalidParams'>,
  ) {
    super(problem.title);
  }

  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const p of this.problem.invalidParams ?? []) errors[p.name] ??= p.reason;
    return errors;
  }
}

type TokenSource = () => string | undefined;
let currentToken: TokenSource = () => undefined;
let onUnauthenticated: () => void = () => undefined;

/** The session module tells the client where the token is and what to do when it is refused. */
export function configureClient(options: { token: TokenSource; onUnauthenticated: () => void }): void {
  currentToken = options.token;
  onUnauthenticated = options.onUnauthenticated;
}

/**
 * Emergency access ("break the glass") to a record of another team, per transition for this session: every call
 * about that transition carries the reason, and the audit trail flags it for the team lead. Kept in
 * sessionStorage with its end, so a reload or a walk through the menu does not ask again; it ends after
 * `EMERGENCY_ACCESS_MS`, or when the user signs out (another user of the tab must give their own reason).
 */
export const EMERGENCY_ACCESS_MS = 60 * 60_000;
const emergencyKeyPrefix = 'landing-noodtoegang:';

type EmergencyGrant = { reden: string; tot: number };

function emergencyGrant(transitionId: string): EmergencyGrant | undefined {
  try {
    const raw = sessionStorage.getItem(emergencyKeyPrefix + transitionId);
    const grant = raw ? (JSON.parse(raw) as Partial<EmergencyGrant>) : undefined;
    if (typeof grant?.reden === 'string' && typeof grant.tot === 'number' && grant.tot > Date.now())
      return { reden: grant.reden, tot: grant.tot };
  } catch {
    // Unreadable: as if never granted, the form asks again.
  }
  return undefined;
}

export function useEmergencyAccess(transitionId: string, reason: string): void {
  const grant: EmergencyGrant = { reden: reason, tot: Date.now() + EMERGENCY_ACCESS_MS };
  sessionStorage.setItem(emergencyKeyPrefix + transitionId, JSON.stringify(grant));
}

export function emergencyAccessFor(transitionId: string): string | undefined {
  return emergencyGrant(transitionId)?.reden;
}

/** When this session's emergency access to the transition ends (epoch ms), if it has any. */
export function emergencyAccessUntil(transitionId: string): number | undefined {
  return emergencyGrant(transitionId)?.tot;
}

/** Every grant of emergency access in this tab ends: at sign-out, so the next user is asked for their own. */
export function endEmergencyAccess(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(emergencyKeyPrefix)) sessionStorage.removeItem(key);
}

function emergencyHeader(path: string): Record<string, string> {
  const id = /^\/api\/transitions\/([^/?]+)/.exec(path)?.[1];
  const reason = id ? emergencyAccessFor(decodeURIComponent(id)) : undefined;
  return reason ? { 'landing-noodtoegang': encodeURIComponent(reason) } : {};
}

/**
 * The Idempotency-Key of a form's creating request. Kept for the next try while the last answer left the outcome
 * open (no connection, 5xx: it may have been stored), new after an answer that settles it: created, or refused
 * (a refusal may be out of date by the next try, and a changed form is another request).
 */
export function retryKey(): <T>(send: (key: string) => Promise<T>) => Promise<T> {
  let key = crypto.randomUUID();
  return async (send) => {
    try {
      const result = await send(key);
      key = crypto.randomUUID();
      return result;
    } catch (error) {
      if (!(error instanceof ApiError && (error.status === 0 || error.status >= 500))) key = crypto.randomUUID();
      throw error;
    }
  };
}

/**
 * The reads a page polls for changes: each keeps its last answer and ETag, and asks again with If-None-Match, so
 * while nothing changed the API answers a bodiless 304 and the last answer stands.
 */
const pollable = new Set(['/api/vandaag']);
const lastAnswers = new Map<string, { etag: string; body: unknown }>();
/** With the router's cache, when the person signed in changes: nothing read for one is kept for the next. */
export const forgetLastAnswers = () => lastAnswers.clear();
const conditional = (path: string): Record<string, string> => {
  const last = lastAnswers.get(path);
  return last ? { 'if-none-match': last.etag } : {};
};

async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const token = currentToken();
  // Every POST carries a key: one that creates something is answered once however often it arrives.
  const idempotency: Record<string, string> = method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {};
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...emergencyHeader(path),
        ...idempotency,
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, {
      code: 'internal',
      title: 'Geen verbinding met Landing. Controleer je netwerk en probeer opnieuw.',
    });
  }
  if (response.status === 304 && options.headers?.['if-none-match']) return lastAnswers.get(path)?.body as T;
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  const etag = response.headers.get('etag');
  if (response.ok && method === 'GET' && etag && pollable.has(path)) lastAnswers.set(path, { etag, body });
  if (response.ok) return body as T;
  if (response.status === 401) onUnauthenticated();
  // API Gateway refuses a missing or expired token itself, as {"message":"Unauthorized"}: not problem+json.
  if (response.status === 401 && !isProblem(body)) {
    throw new ApiError(401, { code: 'unauthenticated', title: 'Je sessie is verlopen. Meld je opnieuw aan.' });
  }
  const problem = body as Partial<Problem> | undefined;
  throw new ApiError(response.status, {
    code: problem?.code ?? 'internal',
    title: problem?.title ?? 'Er ging iets mis. Probeer het later opnieuw.',
    ...(problem?.invalidParams ? { invalidParams: problem.invalidParams } : {}),
    ...(problem?.gewijzigd ? { gewijzigd: problem.gewijzigd } : {}),
  });
}

function isProblem(body: unknown): body is Partial<Problem> {
  return typeof body === 'object' && body !== null && 'code' in body && 'title' in body;
}

const doelPath = (transitionId: string, doelId: string) =>
  `${transitionPath(transitionId)}/herstel/doelen/${encodeURIComponent(doelId)}`;

/** Who (a user id), what (an action) and a period of days (jjjj-mm-dd) of an audit trail. */
export type AuditFilterParams = Partial<Record<'gebruiker' | 'actie' | 'van' | 'tot', string>>;
const auditQuery = (cursor: string | undefined, filter: AuditFilterParams) => {
  const query = new URLSearchParams(Object.entries({ ...filter, cursor }).filter((e): e is [string, string] => !!e[1]));
  return query.size ? `?${query}` : '';
};

/** One typed client, grouped by resource; paths and types come from the shared contract. */
export const api = {
  transitions: {
    list: (scope: TransitionListScope, cursor?: string) =>
      request<TransitionPage>(
        'GET',
        `/api/transitions?${new URLSearchParams({ scope, ...(cursor ? { cursor } : {}) })}`,
      ),
    /** Search by name or date of birth, and filter: in the body, so neither is ever in a URL. */
    search: (input: RequestBody<'searchTransitions'>) =>
      request<TransitionPage>('POST', '/api/transitions/search', { body: input }),
    get: (id: string) => request<ResponseBody<'getTransition'>>('GET', transitionPath(id)),
    /** Newest first; with the previous page's cursor, the older events. */
    timeline: (id: string, cursor?: string) =>
      request<Timeline>('GET', `${transitionPath(id)}/timeline${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`),
    create: (input: AanmeldingInput, idempotencyKey: string) =>
      request<Transition>('POST', '/api/transitions', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    overview: (id: string) => request<TransitionOverview>('GET', `${transitionPath(id)}/overview`),
    changeFase: (id: string, body: RequestBody<'changeFase'>) =>
      request<Transition>('POST', `${transitionPath(id)}/fase`, { body }),
    startTemporaryStay: (id: string, body: RequestBody<'startTemporaryStay'>) =>
      request<Transition>('POST', `${transitionPath(id)}/tijdelijk-verblijf`, { body }),
    endTemporaryStay: (id: string, body: RequestBody<'endTemporaryStay'>) =>
      request<Transition>('POST', `${transitionPath(id)}/tijdelijk-verblijf/einde`, { body }),
    endTransition: (id: string, body: RequestBody<'endTransition'>) =>
      request<Transition>('POST', `${transitionPath(id)}/beeindiging`, { body }),
    handOver: (id: string, body: RequestBody<'handOver'>) =>
      request<Transition>('POST', `${transitionPath(id)}/nazorg/overdracht`, { body }),
    pickUpAgain: (id: string, body: RequestBody<'pickUpAgain'>) =>
      request<Transition>('POST', `${transitionPath(id)}/nazorg/weer-oppakken`, { body }),
    setReadiness: (id: string, itemId: string, body: RequestBody<'setReadiness'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/gereedheid/${encodeURIComponent(itemId)}`, { body }),
    registerOffer: (id: string, body: RequestBody<'registerOffer'>) =>
      request<Transition>('POST', `${transitionPath(id)}/aanbiedingen`, { body }),
    decideOffer: (id: string, offerId: string, body: RequestBody<'decideOffer'>) =>
      request<Transition>('POST', `${transitionPath(id)}/aanbiedingen/${encodeURIComponent(offerId)}/besluit`, {
        body,
      }),
    signContract: (id: string, body: RequestBody<'signContract'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/contract`, { body }),
    setMoveDate: (id: string, body: RequestBody<'setMoveDate'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/verhuisdatum`, { body }),
    confirmMove: (id: string, body: RequestBody<'confirmMove'>) =>
      request<Transition>('POST', `${transitionPath(id)}/verhuizing/bevestiging`, { body }),
    recordOmklapDecision: (id: string, body: RequestBody<'recordOmklapDecision'>) =>
      request<Transition>('POST', `${transitionPath(id)}/omklap/besluit`, { body }),
    recordLandingReview: (id: string, body: RequestBody<'recordLandingReview'>) =>
      request<Transition>('POST', `${transitionPath(id)}/landingsreviews`, { body }),
    setUitkering: (id: string, body: RequestBody<'setUitkering'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/uitkering`, { body }),
    changeSupport: (id: string, body: RequestBody<'changeSupport'>) =>
      request<Transition>('POST', `${transitionPath(id)}/ondersteuning`, { body }),
    savePlan: (id: string, body: RequestBody<'savePlan'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/signaleringsplan`, { body }),
    agreePlan: (id: string, body: RequestBody<'agreePlan'>) =>
      request<Transition>('POST', `${transitionPath(id)}/signaleringsplan/akkoord`, { body }),
    reviewSupport: (id: string, body: RequestBody<'reviewSupport'>) =>
      request<Transition>('POST', `${transitionPath(id)}/ondersteuning/evaluatie`, { body }),
    recordAllocation: (id: string, body: RequestBody<'recordAllocation'>) =>
      request<Transition>('PUT', `${transitionPath(id)}/toewijzing`, { body }),
    draftVow: (id: string, body: RequestBody<'draftVow'>) =>
      request<ResponseBody<'draftVow'>>('POST', `${transitionPath(id)}/toewijzing/verzoek-om-wijziging`, { body }),
  },
  signals: {
    list: (transitionId: string) =>
      request<ResponseBody<'listSignals'>>('GET', `${transitionPath(transitionId)}/signalen`),
    register: (transitionId: string, body: RequestBody<'registerSignal'>, idempotencyKey: string) =>
      request<ResponseBody<'registerSignal'>>('POST', `${transitionPath(transitionId)}/signalen`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    acknowledge: (transitionId: string, signalId: string) =>
      request<ResponseBody<'acknowledgeSignal'>>(
        'POST',
        `${transitionPath(transitionId)}/signalen/${encodeURIComponent(signalId)}/bevestiging`,
      ),
    resolve: (transitionId: string, signalId: string, body: RequestBody<'resolveSignal'>) =>
      request<ResponseBody<'resolveSignal'>>(
        'POST',
        `${transitionPath(transitionId)}/signalen/${encodeURIComponent(signalId)}/afhandeling`,
        { body },
      ),
  },
  /** The person's own plan; each part adds its writes here (herstel.profiel…, herstel.doelen…, herstel.netwerk…). */
  herstel: {
    get: (transitionId: string) =>
      request<ResponseBody<'getHerstel'>>('GET', `${transitionPath(transitionId)}/herstel`),
    doelen: {
      stel: (transitionId: string, body: RequestBody<'stelDoel'>) =>
        request<ResponseBody<'stelDoel'>>('POST', `${transitionPath(transitionId)}/herstel/doelen`, { body }),
      opties: (transitionId: string, doelId: string, body: RequestBody<'wegOpties'>) =>
        request<ResponseBody<'wegOpties'>>('PUT', `${doelPath(transitionId, doelId)}/opties`, { body }),
      plan: (transitionId: string, doelId: string, body: RequestBody<'maakPlan'>) =>
        request<ResponseBody<'maakPlan'>>('PUT', `${doelPath(transitionId, doelId)}/plan`, { body }),
      evalueer: (transitionId: string, doelId: string, body: RequestBody<'evalueerDoel'>) =>
        request<ResponseBody<'evalueerDoel'>>('POST', `${doelPath(transitionId, doelId)}/evaluaties`, { body }),
      sluit: (transitionId: string, doelId: string, body: RequestBody<'sluitDoel'>) =>
        request<ResponseBody<'sluitDoel'>>('POST', `${doelPath(transitionId, doelId)}/afsluiting`, { body }),
    },
    newProfielVersie: (transitionId: string, body: RequestBody<'newProfielVersie'>) =>
      request<ResponseBody<'newProfielVersie'>>('POST', `${transitionPath(transitionId)}/herstel/profiel`, { body }),
    agreeProfiel: (transitionId: string, body: RequestBody<'agreeProfiel'>) =>
      request<ResponseBody<'agreeProfiel'>>('POST', `${transitionPath(transitionId)}/herstel/profiel/akkoord`, {
        body,
      }),
    recordScore: (transitionId: string, body: RequestBody<'recordScore'>) =>
      request<ResponseBody<'recordScore'>>('POST', `${transitionPath(transitionId)}/herstel/scores`, { body }),
    netwerk: {
      add: (transitionId: string, body: RequestBody<'addNetwerkLid'>) =>
        request<ResponseBody<'addNetwerkLid'>>('POST', `${transitionPath(transitionId)}/herstel/netwerk`, { body }),
      change: (transitionId: string, lidId: string, body: RequestBody<'changeNetwerkLid'>) =>
        request<ResponseBody<'changeNetwerkLid'>>(
          'PUT',
          `${transitionPath(transitionId)}/herstel/netwerk/${encodeURIComponent(lidId)}`,
          { body },
        ),
      end: (transitionId: string, lidId: string, body: RequestBody<'endNetwerkLid'>) =>
        request<ResponseBody<'endNetwerkLid'>>(
          'POST',
          `${transitionPath(transitionId)}/herstel/netwerk/${encodeURIComponent(lidId)}/einde`,
          { body },
        ),
    },
  },
  contacts: {
    list: (transitionId: string) =>
      request<ResponseBody<'listContacts'>>('GET', `${transitionPath(transitionId)}/contacten`),
    record: (transitionId: string, body: RequestBody<'recordContact'>, idempotencyKey: string) =>
      request<ResponseBody<'recordContact'>>('POST', `${transitionPath(transitionId)}/contacten`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
  },
  corporations: () => request<ResponseBody<'listCorporations'>>('GET', '/api/corporaties'),
  /** The provider's webhook endpoints at a corporation, their delivery log, and the corporation's API keys (beheerder). */
  webhooks: {
    endpoints: (corporatieId: string) =>
      request<ResponseBody<'listEndpoints'>>('GET', `${corporationPath(corporatieId)}/endpoints`),
    createEndpoint: (corporatieId: string, body: RequestBody<'createEndpoint'>) =>
      request<ResponseBody<'createEndpoint'>>('POST', `${corporationPath(corporatieId)}/endpoints`, { body }),
    updateEndpoint: (corporatieId: string, endpointId: string, body: RequestBody<'updateEndpoint'>) =>
      request<ResponseBody<'updateEndpoint'>>('PATCH', endpointPath(corporatieId, endpointId), { body }),
    rotateSecret: (corporatieId: string, endpointId: string, body: RequestBody<'rotateSecret'>) =>
      request<ResponseBody<'rotateSecret'>>('POST', `${endpointPath(corporatieId, endpointId)}/secret`, { body }),
    deliveries: (
      corporatieId: string,
      endpointId: string,
      page: { limit?: number; cursor?: string | undefined } = {},
    ) =>
      request<ResponseBody<'listDeliveries'>>(
        'GET',
        `${endpointPath(corporatieId, endpointId)}/afleveringen?${new URLSearchParams({ ...(page.limit ? { limit: String(page.limit) } : {}), ...(page.cursor ? { cursor: page.cursor } : {}) })}`,
      ),
    replay: (corporatieId: string, endpointId: string, body: RequestBody<'replayDeliveries'>) =>
      request<ResponseBody<'replayDeliveries'>>('POST', `${endpointPath(corporatieId, endpointId)}/opnieuw`, { body }),
    sendTest: (corporatieId: string, endpointId: string) =>
      request<ResponseBody<'sendTestEvent'>>('POST', `${endpointPath(corporatieId, endpointId)}/test`),
    apiKeys: (corporatieId: string) =>
      request<ResponseBody<'listApiKeys'>>('GET', `${corporationPath(corporatieId)}/api-sleutels`),
    createApiKey: (corporatieId: string) =>
      request<ResponseBody<'createApiKey'>>('POST', `${corporationPath(corporatieId)}/api-sleutels`),
    revokeApiKey: (corporatieId: string, prefix: string) =>
      request<ResponseBody<'revokeApiKey'>>(
        'DELETE',
        `${corporationPath(corporatieId)}/api-sleutels/${encodeURIComponent(prefix)}`,
      ),
  },
  budget: {
    get: (transitionId: string) => request<BudgetView>('GET', `${transitionPath(transitionId)}/regelbudget`),
    grant: (transitionId: string, body: RequestBody<'grantBudget'>) =>
      request<ResponseBody<'grantBudget'>>('PUT', `${transitionPath(transitionId)}/regelbudget`, { body }),
    request: (transitionId: string, body: RequestBody<'requestBudget'>, idempotencyKey: string) =>
      request<ResponseBody<'requestBudget'>>('POST', `${transitionPath(transitionId)}/regelbudget/aanvraag`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    decideRequest: (transitionId: string, body: RequestBody<'decideBudgetRequest'>) =>
      request<ResponseBody<'decideBudgetRequest'>>(
        'POST',
        `${transitionPath(transitionId)}/regelbudget/aanvraag/besluit`,
        {
          body,
        },
      ),
    propose: (transitionId: string, body: RequestBody<'proposeSpend'>, idempotencyKey: string) =>
      request<Spend>('POST', `${transitionPath(transitionId)}/regelbudget/uitgaven`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    decide: (transitionId: string, spendId: string, body: RequestBody<'decideSpend'>) =>
      request<Spend>('POST', `${spendPath(transitionId, spendId)}/besluit`, { body }),
    pay: (transitionId: string, spendId: string, body: RequestBody<'paySpend'>) =>
      request<Spend>('POST', `${spendPath(transitionId, spendId)}/betaling`, { body }),
    cancel: (transitionId: string, spendId: string, body: RequestBody<'cancelSpend'>) =>
      request<Spend>('POST', `${spendPath(transitionId, spendId)}/annulering`, { body }),
    inbox: () => request<ResponseBody<'budgetInbox'>>('GET', '/api/regelbudget/inbox'),
    /** The CSV as a Blob (the bearer token cannot ride on a plain download link). */
    exportCsv: async (van: string, tot: string): Promise<Blob> => {
      const response = await fetch(`/api/regelbudget/export?${new URLSearchParams({ van, tot })}`, {
        headers: { authorization: `Bearer ${currentToken() ?? ''}` },
      });
      if (!response.ok) throw new ApiError(response.status, { code: 'internal', title: 'Het exporteren lukte niet.' });
      return response.blob();
    },
  },
  audit: {
    /** The filter holds ids, an action and days only: nothing of a person in the URL. */
    ofPerson: (transitionId: string, cursor?: string, filter: AuditFilterParams = {}) =>
      request<ResponseBody<'getPersonAudit'>>(
        'GET',
        `${transitionPath(transitionId)}/audit${auditQuery(cursor, filter)}`,
      ),
    ofUser: (userId: string, cursor?: string, filter: AuditFilterParams = {}) =>
      request<ResponseBody<'getUserAudit'>>(
        'GET',
        `/api/audit/gebruikers/${encodeURIComponent(userId)}${auditQuery(cursor, filter)}`,
      ),
    emergencyAccess: () => request<ResponseBody<'listEmergencyAccess'>>('GET', '/api/audit/noodtoegang'),
    /** The CSV as a Blob (the bearer token cannot ride on a plain download link). */
    accessReport: async (transitionId: string): Promise<Blob> => {
      const path = `${transitionPath(transitionId)}/inzageverslag`;
      const response = await fetch(path, {
        headers: { authorization: `Bearer ${currentToken() ?? ''}`, ...emergencyHeader(path) },
      });
      if (!response.ok)
        throw new ApiError(response.status, { code: 'internal', title: 'Het inzageverslag kon niet worden gemaakt.' });
      return response.blob();
    },
  },
  caseload: {
    today: () => request<ResponseBody<'getToday'>>('GET', '/api/vandaag', { headers: conditional('/api/vandaag') }),
    team: () => request<ResponseBody<'getTeam'>>('GET', '/api/team'),
  },
  /** Outcomes for beleid: counts only, small ones hidden (`gebied`: a gemeentecode or `regio`). */
  outcomes: {
    get: (gebied?: string) =>
      request<ResponseBody<'getOutcomes'>>(
        'GET',
        gebied ? `/api/uitkomsten?gebied=${encodeURIComponent(gebied)}` : '/api/uitkomsten',
      ),
  },
  /** The provider's sociale kaart per wijk (`wijk` is the wijk's key, see wijkKey in the domain). */
  kaart: {
    wijken: () => request<ResponseBody<'listKaartWijken'>>('GET', '/api/sociale-kaart'),
    partners: (wijk: string) =>
      request<ResponseBody<'listPartners'>>('GET', `/api/sociale-kaart/${encodeURIComponent(wijk)}`),
    add: (body: RequestBody<'addPartner'>, idempotencyKey: string) =>
      request<ResponseBody<'addPartner'>>('POST', '/api/sociale-kaart/partners', {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    change: (wijk: string, partnerId: string, body: RequestBody<'changePartner'>) =>
      request<ResponseBody<'changePartner'>>('PUT', partnerPath(wijk, partnerId), { body }),
    move: (wijk: string, partnerId: string, body: RequestBody<'moveOnLadder'>) =>
      request<ResponseBody<'moveOnLadder'>>('POST', `${partnerPath(wijk, partnerId)}/trede`, { body }),
  },
  organisation: {
    me: () => request<Me>('GET', '/api/me'),
    staff: () => request<StaffList>('GET', '/api/organisation/staff'),
  },
  local: {
    users: () => request<{ items: LocalUser[] }>('GET', '/local/users'),
    signIn: (userId: string) =>
      request<{ token: string; principal: Principal }>('POST', '/local/sign-in', { body: { userId } }),
    clock: () => request<LocalClockState>('GET', '/local/clock'),
    advanceClock: (step: { advanceDays: number } | { advanceHours: number }) =>
      request<LocalClockState>('POST', '/local/clock', { body: step }),
  },
  config: () => request<AppConfig>('GET', '/config.json'),
};

const transitionPath = (id: string) => `/api/transitions/${encodeURIComponent(id)}`;
const spendPath = (transitionId: string, spendId: string) =>
  `${transitionPath(transitionId)}/regelbudget/uitgaven/${encodeURIComponent(spendId)}`;
const partnerPath = (wijk: string, partnerId: string) =>
  `/api/sociale-kaart/${encodeURIComponent(wijk)}/partners/${encodeURIComponent(partnerId)}`;
const corporationPath = (corporatieId: string) => `/api/corporaties/${encodeURIComponent(corporatieId)}`;
const endpointPath = (corporatieId: string, endpointId: string) =>
  `${corporationPath(corporatieId)}/endpoints/${encodeURIComponent(endpointId)}`;

export interface LocalClockState {
  now: string;
  today: string;
  offsetDays: number;
}

export interface LocalUser {
  id: string;
  naam: string;
  role: Principal['role'];
  organisationNaam: string;
}

/** On AWS: the user pool's SPA client and its hosted sign-in pages (the Web stack writes this into config.json). */
export interface CognitoAuthConfig {
  mode: 'cognito';
  userPoolId: string;
  clientId: string;
  /** The hosted UI's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  domain: string;
  /** Where Cognito sends the code back: `<public base URL>/inloggen/terug`, registered as the callback URL. */
  redirectUri: string;
}

export interface AppConfig {
  auth: { mode: 'local' } | CognitoAuthConfig;
}
