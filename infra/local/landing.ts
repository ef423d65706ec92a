import type { Server } from 'node:http';
import path from 'node:path';
import { clock as systemClock } from '../../functions/clock';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { localAssembly } from './assembly-file';
import { demoOrganisations, demoUsers, seedDemoData } from './demo-data';
import { loadDemoHistory } from './demo-history';
import { ensureTable, localClient, localCredentials, localRegion } from './dynamodb-local';
import { auditTableDesign } from '../../functions/storage/table-design';
import { createGateway } from './http-gateway';
import { LocalAuth } from './local-auth';
import { LocalClock } from './local-clock';
import { LocalScheduler } from './local-scheduler';
import { LocalStepFunctions } from './local-step-functions';
import { startSchedulerEndpoint } from './scheduler-endpoint';
import { startStepFunctionsEndpoint } from './step-functions-endpoint';
import { LocalSecretVault } from '../../functions/webhooks/secret-vault';
import { logger } from '../../functions/observability/logger';
import type { LocalEventSource } from './cloud-assembly';
import { demoCorporationAccess, type DemoCorporation } from './demo-corporation';
import { startDemoReceiver, type DemoReceiver } from './demo-receiver';
import { lambdaContext, loadHandler } from './local-lambda';
import { LOCAL_AUDIT_PARKED_QUEUE, LocalQueue, startQueueEndpoint } from './local-queue';
import { LocalParkedAudit, localAuditParkedFile } from './local-parked-audit';
import { LocalLogSubscription } from './local-log-subscription';
import { LocalTableStream } from './local-table-stream';
import { localVaultKey } from './local-vault-key';

/** How long a demo clock jump waits for the workflows it woke: past a retried step's last backoff (2 + 4 + 8 s). */
const CLOCK_JUMP_SETTLE_MS = 20_000;

export interface StartLandingOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dynamoEndpoint: string;
  tableName: string;
  webRoot: string;
  /**
   * The demo's organisations and staff, and (unless `'organisations'`) its persons with their workflows. A test
   * of one workflow over months takes the organisations only: the demo persons' own workflows would wake with
   * every jump of the clock.
   */
  seedDemoData: boolean | 'organisations';
  /** Keep sign-in tokens valid across restarts by passing the same secret. */
  authSecret?: Uint8Array;
  /** Where the scheduler, the clock and the running workflow executions keep their state; without it they live in memory. */
  stateDir?: string;
  /** The demo corporation's webhook receiver: a port (0 picks one), or false for none. */
  demoReceiverPort?: number | false;
  /** What the SPA reads from `/config.json` (default: the local sign-in with the seeded users). */
  appConfig?: Record<string, unknown>;
}

export interface RunningLanding {
  url: string;
  stepFunctions: LocalStepFunctions;
  scheduler: LocalScheduler;
  clock: LocalClock;
  tableCreated: boolean;
  /** The demo corporation's receiver, when started. */
  receiver?: DemoReceiver;
  /** The demo corporation's API key (shown once on AWS; kept in the state folder locally). */
  demoApiKey?: string;
  /**
   * Loads three years of invented history under a provider of its own (infra/local/demo-history.ts), unless
   * loaded before: `npm start` starts it in the background once the app answers; the tests do not. Stopping
   * the app stops it; the next start goes on.
   */
  loadDemoHistory(): Promise<{ transitions: number; written: number } | undefined>;
  /** Lets everything in flight finish: workflow executions, the table stream, the delivery queue. */
  settle(): Promise<void>;
  /** One round of the webhook sweeper now (tests; it also runs every second by itself). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Poort ${port} is al in gebruik. Stop wat daar draait, of start met: npm start -- --port <ander nummer>`);
  }
}

/**
 * The whole product in this process: the API Lambdas behind a local gateway, the synthesized state machines
 * with their Lambda tasks, the SPA; DynamoDB Local runs beside it (see main.ts, or the test setup).
 * The handlers find everything through the same environment variables they read on AWS.
 */
export async function startLanding(options: StartLandingOptions): Promise<RunningLanding> {
  Object.assign(process.env, {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    TABLE_NAME: options.tableName,
  });
  // Business metrics (EMF lines on stdout) mean nothing without CloudWatch: off locally unless asked for.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

  const clock = new LocalClock(options.stateDir ? path.join(options.stateDir, 'clock.json') : undefined);
  const dynamo = localClient(options.dynamoEndpoint);
  const tableCreated = (await ensureTable(dynamo, options.tableName)) === 'created';
  // The audit trail has a table of its own, as on AWS.
  await ensureTable(dynamo, `${options.tableName}-audit`, auditTableDesign);
  process.env.AUDIT_TABLE_NAME = `${options.tableName}-audit`;
  const seeded =
    tableCreated && options.seedDemoData
      ? await seedDemoData(createDocumentClient(dynamo), options.tableName, systemClock.now(), {
          persons: options.seedDemoData !== 'organisations',
        })
      : [];

  const assembly = await localAssembly();
  // Running executions are journaled with the state, so a killed run's unfinished ones run again on the next start.
  const stepFunctions = new LocalStepFunctions(
    assembly.stateMachines,
    assembly.functions,
    options.stateDir ? { journal: path.join(options.stateDir, 'executions.json') } : {},
  );
  const sfnEndpoint = await startStepFunctionsEndpoint(stepFunctions);
  const stateMachineArn = (prefix: string) => {
    const found = assembly.stateMachines.find((sm) => sm.logicalId.startsWith(prefix));
    if (!found) throw new Error(`the synthesized app has no ${prefix}`);
    return found.arn;
  };
  const scheduler = new LocalScheduler({
    ...(options.stateDir ? { file: path.join(options.stateDir, 'schedules.json') } : {}),
    now: systemClock.now,
    fire: (schedule) => {
      stepFunctions.startExecution(schedule.targetArn, `${schedule.name}-${Date.now()}`, schedule.input);
    },
  });
  const schedulerEndpoint = await startSchedulerEndpoint(scheduler);

  // Webhooks: the queue and its worker, the table's stream and its fan-out, the sweeper, the vault's key.
  const sources = (kind: LocalEventSource['kind']) => {
    const found = assembly.eventSources.filter((s) => s.kind === kind).map((s) => s.handler);
    if (!found.length) throw new Error(`the synthesized app has no ${kind} consumer`);
    return found;
  };
  const source = (kind: LocalEventSource['kind']) => sources(kind)[0]!;
  const queue = new LocalQueue('arn:aws:sqs:eu-west-1:000000000000:landing-local-deliveries', source('queue'));
  // Refusals whose audit entries could not be written wait here for `npm run replay-audit`, across restarts.
  const auditParked = new LocalParkedAudit(
    options.stateDir ? path.join(options.stateDir, localAuditParkedFile) : undefined,
  );
  const queueEndpoint = await startQueueEndpoint(queue, auditParked);
  const stream = new LocalTableStream(dynamo, options.dynamoEndpoint, options.tableName, sources('table-stream'));
  const sweeper = await loadHandler(source('rate-schedule'));
  const vaultKey = localVaultKey(options.stateDir);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SFN: sfnEndpoint.endpoint,
    AWS_ENDPOINT_URL_SCHEDULER: schedulerEndpoint.endpoint,
    TRANSITION_WORKFLOW_ARN: stateMachineArn('TransitionWorkflow'),
    MOVE_WORKFLOW_ARN: stateMachineArn('MoveWorkflow'),
    SIGNAL_WORKFLOW_ARN: stateMachineArn('FollowUpWorkflow'),
    SCHEDULE_GROUP: 'landing-local',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/landing-local-scheduler',
    SCHEDULER_DLQ_ARN: 'arn:aws:sqs:eu-west-1:000000000000:landing-local-alarms-dlq',
    AWS_ENDPOINT_URL_SQS: queueEndpoint.endpoint,
    DELIVERY_QUEUE_URL: `${queueEndpoint.endpoint}/000000000000/landing-local-deliveries`,
    DELIVERY_DLQ_URL: `${queueEndpoint.endpoint}/000000000000/landing-local-deliveries-dlq`,
    AUDIT_PARKED_QUEUE_URL: `${queueEndpoint.endpoint}/000000000000/${LOCAL_AUDIT_PARKED_QUEUE}`,
    LOCAL_VAULT_KEY: vaultKey.toString('base64'),
    // Locally the demo receiver listens on http://localhost; on AWS only https to public addresses.
    WEBHOOKS_ALLOW_LOCAL_HTTP: 'true',
  });
  const receiver =
    options.demoReceiverPort === false
      ? undefined
      : await startDemoReceiver({
          port: options.demoReceiverPort ?? 0,
          secret: () => demoCorporation?.secret,
          corporationNaam: 'Woonstichting Rijnhoven',
        });
  const demoCorporation: DemoCorporation | undefined =
    receiver && options.seedDemoData
      ? await demoCorporationAccess(createDocumentClient(dynamo), options.tableName, {
          vault: new LocalSecretVault(vaultKey),
          webhookUrl: receiver.webhookUrl,
          stateDir: options.stateDir,
          fresh: tableCreated,
        })
      : undefined;
  scheduler.start();
  const resumed = stepFunctions.resumeUnfinished();
  if (resumed.length) logger.info('workflow executions resumed', { executions: resumed.length });
  // The workflows take their first look at the demo transitions, as they would after their last change.
  for (const id of seeded) {
    for (const workflow of ['MoveWorkflow', 'FollowUpWorkflow'])
      stepFunctions.startExecution(stateMachineArn(workflow), `${id}-demo`, JSON.stringify({ transitionId: id }));
  }

  // Refusals API Gateway answers itself reach the audit trail through its access log, here as on AWS.
  const refusals = new LocalLogSubscription(source('log-subscription'));
  const gateway = createGateway({
    routes: assembly.routes,
    accessLog: (record) => refusals.deliver(record),
    auth: new LocalAuth(options.authSecret),
    webRoot: options.webRoot,
    ...(options.appConfig ? { appConfig: options.appConfig } : {}),
    clock: {
      state: () => clock.state(),
      // Answers once the workflows the jump woke are done (within bounds), so the page reloaded after it
      // shows what they wrote: the move, the review, an escalation.
      advance: async (step) => {
        const state = clock.advance(step);
        scheduler.tick();
        await stepFunctions.quiet(CLOCK_JUMP_SETTLE_MS);
        return state;
      },
    },
    users: demoUsers.map((principal) => ({
      principal,
      organisationNaam:
        demoOrganisations.find((o) => o.id === principal.organisationId)?.naam ?? principal.organisationId,
    })),
  });
  const port = await listen(gateway, options.port, options.host ?? '127.0.0.1').catch(async (error: unknown) => {
    scheduler.stop();
    queue.stop();
    await Promise.all([
      close(sfnEndpoint.server),
      close(schedulerEndpoint.server),
      close(queueEndpoint.server),
      ...(receiver ? [close(receiver.server)] : []),
    ]);
    dynamo.destroy();
    throw error;
  });
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? '127.0.0.1')}:${port}`;
  // Notices point back to this API (`dataref`); the webhook functions read it when they first run.
  process.env.API_BASE_URL = url;
  stream.start();
  // Started after the stream, so what reads the table's stream (the outcome counters) sees the history come in.
  const stopHistory = new AbortController();
  let demoHistory: Promise<unknown> | undefined;
  const sweep = () => sweeper({}, lambdaContext(source('rate-schedule').entry, 60_000)).then(() => undefined);
  // On AWS every minute; locally every second, so the demo clock's jumps are followed at once.
  const sweepTimer = setInterval(
    () => void sweep().catch((error: Error) => logger.warn('local sweep failed', { errorName: error.name })),
    1000,
  );
  sweepTimer.unref();

  return {
    url,
    stepFunctions,
    scheduler,
    clock,
    tableCreated,
    ...(receiver ? { receiver } : {}),
    ...(demoCorporation ? { demoApiKey: demoCorporation.apiKey } : {}),
    loadDemoHistory: () => {
      const loading = loadDemoHistory(
        createDocumentClient(dynamo),
        options.tableName,
        systemClock.now(),
        stopHistory.signal,
      );
      demoHistory = loading.catch(() => undefined);
      return loading;
    },
    settle: async () => {
      await refusals.settle();
      await stepFunctions.settle();
      await stream.poll();
      await stream.settle();
      await queue.settle();
    },
    sweep,
    stop: async () => {
      stopHistory.abort();
      await demoHistory?.catch(() => undefined);
      scheduler.stop();
      clearInterval(sweepTimer);
      stream.stop();
      queue.stop();
      await Promise.all([
        close(gateway),
        close(sfnEndpoint.server),
        close(schedulerEndpoint.server),
        close(queueEndpoint.server),
        ...(receiver ? [close(receiver.server)] : []),
      ]);
      await refusals.settle();
      await stepFunctions.settle();
      await stream.settle();
      await queue.settle();
      dynamo.destroy();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
