/**
 * The post-deploy smoke test as a walk through the public API, with nothing of AWS in it: it takes the base URL
 * and a way to get a token (the local sign-in, or Cognito on a stage) and reports each step as it goes.
 *
 * The smoke user is a beheerder (on a stage: of an organisation of its own, see docs/OPERATIONS.md). The write is
 * an API key for a corporation: made, used once, and revoked, which removes every trace of it from the table. It
 * touches no person's record, sends no notice, and a key issued by the smoke organisation opens nothing of
 * another provider's.
 */

export const stepNames = ['gezondheid', 'inloggen', 'lezen', 'schrijven', 'sleutel', 'terugdraaien'] as const;
type StepName = (typeof stepNames)[number];

export interface SmokeStep {
  step: StepName;
  ok: boolean;
  /** What the request answered with, when there was an answer (not for a skipped step or no connection). */
  status?: number;
  ms: number;
  detail: string;
}

interface SmokeOptions {
  /** The product's address, e.g. https://landing.example.nl (no /api). */
  base: string;
  /** Signs the smoke user in and returns a bearer token (an ID token on AWS). */
  signIn: () => Promise<string>;
  /** The corporation to make the key for; without it the first the API lists. */
  corporatieId?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Each step as it finishes, to print it at once. */
  onStep?: (step: SmokeStep) => void;
  /** How long one request may take before the step fails: a hanging stage fails the smoke test, not hangs it. */
  requestTimeoutMs?: number;
}

interface SmokeReport {
  ok: boolean;
  steps: SmokeStep[];
}

/** A step that did not pass: why, in words for whoever deploys. */
class StepFailed extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const base = options.base.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const steps: SmokeStep[] = [];
  const record = (step: SmokeStep) => {
    steps.push(step);
    options.onStep?.(step);
  };

  /** Runs one step; the first that fails ends the walk (what comes after depends on it). */
  const step = async <T>(name: StepName, run: () => Promise<{ status?: number; detail: string; value: T }>) => {
    const started = now();
    try {
      const { status, detail, value } = await run();
      record({ step: name, ok: true, ...(status === undefined ? {} : { status }), ms: now() - started, detail });
      return value;
    } catch (error) {
      const status = error instanceof StepFailed ? error.status : undefined;
      record({
        step: name,
        ok: false,
        ...(status === undefined ? {} : { status }),
        ms: now() - started,
        detail: reason(error),
      });
      throw new WalkStopped();
    }
  };

  const call = async (method: string, path: string, auth?: string): Promise<{ status: number; body: unknown }> => {
    const url = `${base}${path}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { accept: 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new StepFailed(`geen antwoord van ${method} ${url} (${networkReason(error)})`);
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    return { status: response.status, body };
  };
  const expectStatus = (answer: { status: number; body: unknown }, expected: number, what: string) => {
    if (answer.status !== expected) {
      throw new StepFailed(
        `${what} antwoordde ${answer.status}, verwacht ${expected}${problemTitle(answer.body)}`,
        answer.status,
      );
    }
  };

  let created: { corporatieId: string; prefix: string } | undefined;
  let token = '';
  try {
    await step('gezondheid', async () => {
      const answer = await call('GET', '/api/health');
      // 503 is a degraded answer with the same body: say which parts fail rather than only the code.
      if (answer.status !== 503) expectStatus(answer, 200, 'GET /api/health');
      const health = answer.body as { status?: unknown; checks?: Record<string, unknown> } | undefined;
      if (health?.status !== 'ok') {
        const failing = Object.entries(health?.checks ?? {})
          .filter(([, state]) => state !== 'ok')
          .map(([part]) => part);
        throw new StepFailed(
          `status ${String(health?.status)}; faalt: ${failing.join(', ') || 'onbekend'}`,
          answer.status,
        );
      }
      return {
        status: answer.status,
        detail: `status ok (${Object.keys(health.checks ?? {}).join(', ')})`,
        value: undefined,
      };
    });

    token = await step('inloggen', async () => {
      const signedIn = await options.signIn();
      // The API itself must take the token: who it says is signed in, and that they may do the write below.
      const answer = await call('GET', '/api/me', signedIn);
      expectStatus(answer, 200, 'GET /api/me');
      const me = answer.body as { principal?: { userId?: string; role?: string }; organisation?: { naam?: string } };
      if (me.principal?.role !== 'beheerder') {
        throw new StepFailed(
          `de rooktestgebruiker moet beheerder zijn, maar is ${String(me.principal?.role)}`,
          answer.status,
        );
      }
      return {
        status: answer.status,
        detail: `${me.principal.userId} (beheerder, ${me.organisation?.naam})`,
        value: signedIn,
      };
    });

    const corporatieId = await step('lezen', async () => {
      const answer = await call('GET', '/api/corporaties', token);
      expectStatus(answer, 200, 'GET /api/corporaties');
      const items = (answer.body as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(items)) throw new StepFailed('GET /api/corporaties gaf geen lijst', answer.status);
      const ids = items.map((i) => (i as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
      const chosen = options.corporatieId ?? [...ids].sort()[0];
      if (!chosen) throw new StepFailed('er is geen corporatie om een API-sleutel voor te maken', answer.status);
      if (!ids.includes(chosen)) throw new StepFailed(`corporatie ${chosen} staat niet in de lijst`, answer.status);
      return {
        status: answer.status,
        detail: `${ids.length} corporaties; de sleutel komt bij ${chosen}`,
        value: chosen,
      };
    });

    const apiKey = await step('schrijven', async () => {
      const answer = await call('POST', `/api/corporaties/${encodeURIComponent(corporatieId)}/api-sleutels`, token);
      expectStatus(answer, 201, 'POST api-sleutels');
      const body = answer.body as { sleutel?: { prefix?: unknown }; apiKey?: unknown } | undefined;
      const prefix = body?.sleutel?.prefix;
      if (typeof prefix !== 'string' || typeof body?.apiKey !== 'string')
        throw new StepFailed('het antwoord had geen sleutel', answer.status);
      created = { corporatieId, prefix };
      return { status: answer.status, detail: `API-sleutel ${prefix} gemaakt`, value: body.apiKey };
    });

    await step('sleutel', async () => {
      // The corporations' own API, through its API-key authorizer: the new key opens it.
      const answer = await call('GET', '/api/corporatie/signalen', apiKey);
      expectStatus(answer, 200, 'GET /api/corporatie/signalen met de nieuwe sleutel');
      return { status: answer.status, detail: 'de nieuwe sleutel opent de API voor corporaties', value: undefined };
    });
  } catch (error) {
    if (!(error instanceof WalkStopped)) throw error;
  }

  // Whatever happened after the key was made, it is revoked again.
  if (created) {
    const { corporatieId, prefix } = created;
    await step('terugdraaien', async () => {
      const path = `/api/corporaties/${encodeURIComponent(corporatieId)}/api-sleutels/${encodeURIComponent(prefix)}`;
      const answer = await call('DELETE', path, token).catch((error: unknown) => {
        throw new StepFailed(`${reason(error)}; ${leftBehind(created!)}`);
      });
      if (answer.status !== 200)
        throw new StepFailed(
          `DELETE antwoordde ${answer.status}${problemTitle(answer.body)}; ${leftBehind(created!)}`,
          answer.status,
        );
      const left = (answer.body as { items?: { prefix?: string }[] } | undefined)?.items ?? [];
      if (left.some((k) => k.prefix === prefix))
        throw new StepFailed(`de sleutel staat nog in de lijst; ${leftBehind(created!)}`, answer.status);
      return { status: answer.status, detail: `API-sleutel ${prefix} ingetrokken`, value: undefined };
    }).catch((error: unknown) => {
      if (!(error instanceof WalkStopped)) throw error;
    });
  }

  for (const name of stepNames) {
    if (!steps.some((s) => s.step === name)) record({ step: name, ok: false, ms: 0, detail: 'overgeslagen' });
  }
  return { ok: steps.every((s) => s.ok), steps };
}

class WalkStopped extends Error {}

function leftBehind({ corporatieId, prefix }: { corporatieId: string; prefix: string }): string {
  return `API-sleutel ${prefix} bij ${corporatieId} staat nog: trek hem in op de pagina Corporaties`;
}

function reason(error: unknown): string {
  if (error instanceof StepFailed) return error.message;
  // A sign-in that failed: its class and message, which never carry the password or the code.
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return (error as Error).name === 'TimeoutError' ? 'geen antwoord binnen de tijd' : (error as Error).name;
}

/** A problem+json's title, when the answer was one: says why in the product's own words. */
function problemTitle(body: unknown): string {
  const title =
    (body as { title?: unknown; message?: unknown } | undefined)?.title ??
    (body as { message?: unknown } | undefined)?.message;
  return typeof title === 'string' ? ` (${title})` : '';
}
