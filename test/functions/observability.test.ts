import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { correlationIdOfRequest } from '../../functions/http/api-handler';
import { currentCorrelationId, observed, withCorrelation } from '../../functions/observability/context';
import { logger } from '../../functions/observability/logger';
import { countBusinessEvent } from '../../functions/observability/metrics';
import { DynamoOrganisationDirectory } from '../../functions/storage/dynamo-organisation-directory';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { createTransitionsApi } from '../../functions/transitions/api';
import type { TransitionsDeps } from '../../functions/transitions/ports';
import { StepFunctionsTransitionWorkflow } from '../../functions/workflow/step-functions-workflow';
import type { Transition } from '../../shared/domain/transition/transition';
import { apiEvent, invoke } from '../support/api-events';
import { createTestTable } from '../support/dynamo';
import { aanmelding, people, seedOrganisations } from '../support/factories';

/**
 * Observability in the functions: every log line of an invocation carries its Lambda request id and correlation
 * id, the API answers the correlation id and passes it to the workflows it starts; business events are EMF
 * metrics in the Landing namespace with the stage (and fase) as dimensions.
 */
type Emf = {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
} & Record<string, unknown>;

/** Powertools writes EMF with console.log when POWERTOOLS_DEV is set: metrics on, and read from the spy. */
function captureMetrics() {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('LANDING_STAGE', 'acc');
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  return () =>
    log.mock.calls
      .map(([line]) => (typeof line === 'string' && line.includes('"_aws"') ? (JSON.parse(line) as Emf) : undefined))
      .filter((emf): emf is Emf => Boolean(emf));
}

/** Every line the logger writes, as objects. */
function captureLogLines() {
  const lines: Record<string, unknown>[] = [];
  const take = (chunk: unknown) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not ours
      }
    }
    return true;
  };
  vi.stubEnv('LOG_LEVEL', 'debug');
  vi.spyOn(process.stdout, 'write').mockImplementation(take);
  vi.spyOn(process.stderr, 'write').mockImplementation(take);
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('business metrics (EMF)', () => {
  it('emits one metric in the Landing namespace with the stage and fase as dimensions', () => {
    const metrics = captureMetrics();
    countBusinessEvent('SignalRegistered', { fase: 'rood' });
    countBusinessEvent('TransitionRegistered');
    const [signal, registered] = metrics();
    expect(signal!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Landing',
        Dimensions: [['service', 'stage', 'fase']],
        Metrics: [{ Name: 'SignalRegistered', Unit: 'Count' }],
      },
    ]);
    expect(signal).toMatchObject({ service: 'landing', stage: 'acc', fase: 'rood', SignalRegistered: 1 });
    expect(registered!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'stage']]);
    expect(registered).toMatchObject({ stage: 'acc', TransitionRegistered: 1 });
  });

  it('writes nothing to the console when switched off, as in the tests and locally', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    countBusinessEvent('WebhookDelivered');
    expect(log).not.toHaveBeenCalled();
  });

  describe('from the handlers', () => {
    const sfn = mockClient(SFNClient);
    let handler: ReturnType<typeof createTransitionsApi>;
    beforeAll(async () => {
      const table = await createTestTable('metrics');
      await seedOrganisations(table.db, table.tableName);
      sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
      const deps: TransitionsDeps = {
        store: new DynamoTransitionStore(table.db, table.tableName),
        directory: new DynamoOrganisationDirectory(table.db, table.tableName),
        workflow: new StepFunctionsTransitionWorkflow(new SFNClient({ region: 'eu-west-1' }), {
          transition: 'arn:t',
          move: 'arn:m',
          signals: 'arn:s',
        }),
        now: () => new Date('2027-01-11T09:00:00Z'),
        newId: randomUUID,
      };
      handler = createTransitionsApi(() => deps);
    });

    it('counts a registration once (not its replay) and a phase change with the phase it went to', async () => {
      const metrics = captureMetrics();
      const headers = { 'idempotency-key': `metrics-${randomUUID()}` };
      const body = aanmelding();
      const created = await invoke<Transition>(handler, {
        routeKey: 'POST /api/transitions',
        principal: people.sanne,
        body,
        headers,
      });
      expect(
        (
          await invoke<Transition>(handler, {
            routeKey: 'POST /api/transitions',
            principal: people.sanne,
            body,
            headers,
          })
        ).body.id,
      ).toBe(created.body.id);
      const t = created.body;
      const changed = await invoke<Transition>(handler, {
        routeKey: 'POST /api/transitions/{transitionId}/fase',
        principal: people.sanne,
        pathParameters: { transitionId: t.id },
        body: { naar: 'voorbereiding', reden: 'Intake gedaan', expectedVersion: t.version },
      });
      expect(changed.status).toBe(200);
      const names = metrics().map((m) => m._aws.CloudWatchMetrics[0]!.Metrics[0]!.Name);
      expect(names).toEqual(['TransitionRegistered', 'PhaseChanged']);
      expect(metrics()[1]).toMatchObject({ stage: 'acc', fase: 'voorbereiding', PhaseChanged: 1 });
      expect(metrics()[1]!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'stage', 'fase']]);
    });

    it('answers the correlation id, logs with it, and starts the workflow with it', async () => {
      const lines = captureLogLines();
      sfn.resetHistory();
      const correlationId = `corr-${randomUUID()}`;
      const created = await invoke<Transition>(handler, {
        routeKey: 'POST /api/transitions',
        principal: people.sanne,
        body: aanmelding(),
        headers: { 'x-correlation-id': correlationId },
      });
      expect(created.status).toBe(201);
      expect(created.headers['x-correlation-id']).toBe(correlationId);
      const input = JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.input!) as Record<
        string,
        string
      >;
      expect(input).toEqual({ transitionId: created.body.id, correlationId });
      const request = lines.find((l) => l.message === 'request');
      expect(request).toMatchObject({
        correlationId,
        lambdaRequestId: 'test',
        route: 'POST /api/transitions',
        status: 201,
      });
    });

    it('takes API Gateway’s request id when the caller sends none, or one that is not an id, and answers it on errors too', async () => {
      const notFound = await invoke(handler, {
        routeKey: 'GET /api/transitions/{transitionId}',
        principal: people.sanne,
        pathParameters: { transitionId: 'bestaat-niet' },
        headers: { 'x-correlation-id': 'Jan de Vries' },
      });
      expect(notFound.status).toBe(404);
      expect(notFound.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        correlationIdOfRequest(apiEvent({ routeKey: 'GET /api/me', headers: { 'x-correlation-id': 'JanDeVries' } })),
      ).not.toBe('JanDeVries');
      expect(
        correlationIdOfRequest(apiEvent({ routeKey: 'GET /api/me', headers: { 'x-correlation-id': 'a1b2c3d4-e5f6' } })),
      ).toBe('a1b2c3d4-e5f6');
    });
  });
});

describe('the invocation context', () => {
  it('puts the Lambda request id and the correlation id on every log line, and lets a notice carry its own', async () => {
    const lines = captureLogLines();
    const handler = observed(
      async (_input: { correlationId?: string }) => {
        logger.info('step');
        await withCorrelation('notice-corr-0001', async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          logger.info('delivery');
        });
        return currentCorrelationId();
      },
      (input) => input.correlationId,
    );
    expect(await handler({ correlationId: 'exec-corr-0001' }, { awsRequestId: 'lambda-1' })).toBe('exec-corr-0001');
    await handler({}, { awsRequestId: 'lambda-2' });
    expect(
      lines.map(({ message, lambdaRequestId, correlationId }) => ({ message, lambdaRequestId, correlationId })),
    ).toEqual([
      { message: 'step', lambdaRequestId: 'lambda-1', correlationId: 'exec-corr-0001' },
      { message: 'delivery', lambdaRequestId: 'lambda-1', correlationId: 'notice-corr-0001' },
      // Without one in its input the invocation starts a correlation of its own.
      { message: 'step', lambdaRequestId: 'lambda-2', correlationId: 'lambda-2' },
      { message: 'delivery', lambdaRequestId: 'lambda-2', correlationId: 'notice-corr-0001' },
    ]);
    expect(currentCorrelationId()).toBeUndefined();
  });
});

describe('Powertools underneath', () => {
  it('counts a cold start once per execution environment, with the function name, and later invocations not', async () => {
    vi.resetModules();
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const metrics = captureMetrics();
    // A fresh module, as a new execution environment loads it.
    const fresh = await import('../../functions/observability/context');
    const handler = fresh.observed(async () => 'ok');
    await handler({}, { awsRequestId: 'lambda-1', functionName: 'landing-acc-WebhookWorker' });
    await handler({}, { awsRequestId: 'lambda-2', functionName: 'landing-acc-WebhookWorker' });
    const coldStarts = metrics().filter((m) => m._aws.CloudWatchMetrics[0]!.Metrics[0]!.Name === 'ColdStart');
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]).toMatchObject({
      service: 'landing',
      stage: 'acc',
      function_name: 'landing-acc-WebhookWorker',
      ColdStart: 1,
    });
  });

  it('writes every line to LOG_FILE whatever the level, and to the console from LOG_LEVEL on, in Landing’s shape', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'landing-logs-')), 'logs.jsonl');
    vi.stubEnv('LOG_FILE', file);
    const console = captureLogLines();
    vi.stubEnv('LOG_LEVEL', 'warn');
    await observed(async () => {
      logger.debug('below the level', { transitionId: 't-1' });
      logger.warn('at the level', { transitionId: 't-1', attempt: 2, retried: true, missing: undefined });
    })({}, { awsRequestId: 'lambda-3' });
    const written = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written.map((l) => l.message)).toEqual(['below the level', 'at the level']);
    expect(console.map((l) => l.message)).toEqual(['at the level']);
    expect(written[1]).toEqual({
      level: 'warn',
      message: 'at the level',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: 'landing',
      lambdaRequestId: 'lambda-3',
      correlationId: 'lambda-3',
      transitionId: 't-1',
      attempt: 2,
      retried: true,
    });
  });

  it('keeps each invocation’s ids apart when many run at once in one process, as in the local runtime', async () => {
    const lines = captureLogLines();
    const handler = observed(
      async (input: { correlationId: string; wait: number }) => {
        await new Promise((resolve) => setTimeout(resolve, input.wait));
        logger.info('done', { wait: input.wait });
      },
      (input) => input.correlationId,
    );
    await Promise.all(
      [1, 5, 3, 0].map((wait) =>
        handler({ correlationId: `corr-000${wait}`, wait }, { awsRequestId: `lambda-${wait}` }),
      ),
    );
    const done = lines.filter((l) => l.message === 'done');
    expect(done).toHaveLength(4);
    for (const line of done)
      expect(line).toMatchObject({ correlationId: `corr-000${line.wait}`, lambdaRequestId: `lambda-${line.wait}` });
  });
});
