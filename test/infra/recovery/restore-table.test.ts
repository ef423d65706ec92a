import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  LimitExceededException,
  ListTagsOfResourceCommand,
  ResourceNotFoundException,
  RestoreTableToPointInTimeCommand,
  type TableDescription,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTableDesign, tableDesign } from '../../../functions/storage/table-design';
import { AwsRestorePort } from '../../../infra/ops/recovery/aws-restore-port';
import { restoreTable, type RestoreOptions, type TableChecker } from '../../../infra/ops/recovery/restore-procedure';
import { parseRestoreTime, restoredTableName } from '../../../infra/ops/recovery/restore-plan';
import type { CheckReport } from '../../../infra/ops/recovery/table-check';

/**
 * The restore's AWS calls against a mocked SDK that behaves like DynamoDB's control plane: a restore makes a
 * table that is CREATING for a while, an update of the stream makes it UPDATING, settings stick. DynamoDB
 * Local has no point-in-time restore; the checks of the restored data run on it in table-check.test.ts.
 */
const account = '123456789012';
const arnOf = (name: string) => `arn:aws:dynamodb:eu-west-1:${account}:table/${name}`;
const source = 'Landing-prod-Data-TableCD117FA1-1ABC';
const auditSource = 'Landing-prod-Data-AuditTableB07F8EEB-9XYZ';
const earlierRestore = `${source}-restored-20270301T0800`;
const to = parseRestoreTime('2027-03-05T10:15:00+01:00')!;
const target = `${source}-restored-20270305T0915`;

interface FakeTable {
  design: typeof tableDesign | typeof auditTableDesign;
  busyDescribes: number;
  deletionProtection: boolean;
  stream?: string;
  ttl?: string;
  pitr: boolean;
  tags: Record<string, string>;
  restoredFrom?: { SourceTableArn: string; RestoreDateTime: Date };
}

const dynamo = mockClient(DynamoDBClient);
const cloudFormation = mockClient(CloudFormationClient);
let tables: Map<string, FakeTable>;
let stackParameters: Record<string, string>;
let checked: { tableName: string; kind: string }[];
/** The next UpdateContinuousBackups fails as DynamoDB does when too many control-plane calls run at once. */
let failNextPitrUpdate: boolean;

const notFound = () => new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });
const table = (name: string | undefined) => {
  const found = tables.get(name ?? '');
  if (!found) throw notFound();
  return found;
};

function describeOf(name: string, t: FakeTable): TableDescription {
  const busy = t.busyDescribes > 0;
  if (busy) t.busyDescribes -= 1;
  return {
    TableName: name,
    TableArn: arnOf(name),
    TableStatus: busy ? (t.restoredFrom ? 'CREATING' : 'UPDATING') : 'ACTIVE',
    KeySchema: [
      { AttributeName: t.design.partitionKey, KeyType: 'HASH' },
      { AttributeName: t.design.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: t.design.globalIndexes.map((i) => ({
      IndexName: i.indexName,
      IndexStatus: busy ? 'CREATING' : 'ACTIVE',
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
    })),
    DeletionProtectionEnabled: t.deletionProtection,
    ...(t.stream
      ? {
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          LatestStreamArn: t.stream,
        }
      : {}),
    ...(t.restoredFrom ? { RestoreSummary: { ...t.restoredFrom, RestoreInProgress: busy } } : {}),
  };
}

beforeEach(() => {
  dynamo.reset();
  cloudFormation.reset();
  checked = [];
  failNextPitrUpdate = false;
  stackParameters = { RestoredTable: 'none', RestoredAuditTable: 'none' };
  tables = new Map<string, FakeTable>([
    [
      source,
      {
        design: tableDesign,
        busyDescribes: 0,
        deletionProtection: true,
        stream: `${arnOf(source)}/stream/2026-01-01T00:00:00.000`,
        ttl: 'expiresAt',
        pitr: true,
        tags: { project: 'landing', stage: 'prod', 'aws:cloudformation:stack-name': 'Landing-prod-Data' },
      },
    ],
    [
      auditSource,
      {
        design: auditTableDesign,
        busyDescribes: 0,
        deletionProtection: true,
        ttl: 'expiresAt',
        pitr: true,
        tags: { project: 'landing', stage: 'prod' },
      },
    ],
    [
      earlierRestore,
      {
        design: tableDesign,
        busyDescribes: 0,
        deletionProtection: true,
        stream: `${arnOf(earlierRestore)}/stream/2027-03-01T09:00:00.000`,
        ttl: 'expiresAt',
        pitr: true,
        tags: {},
      },
    ],
  ]);

  cloudFormation.on(DescribeStacksCommand).callsFake(() => ({
    Stacks: [
      {
        StackName: 'Landing-prod-Data',
        StackStatus: 'UPDATE_COMPLETE',
        CreationTime: new Date(),
        Parameters: Object.entries(stackParameters).map(([ParameterKey, ParameterValue]) => ({
          ParameterKey,
          ParameterValue,
        })),
      },
    ],
  }));
  cloudFormation.on(DescribeStackResourcesCommand).resolves({
    StackResources: [
      {
        LogicalResourceId: 'TableCD117FA1',
        PhysicalResourceId: source,
        ResourceType: 'AWS::DynamoDB::GlobalTable',
        Timestamp: new Date(),
        ResourceStatus: 'UPDATE_COMPLETE',
      },
      {
        LogicalResourceId: 'AuditTableB07F8EEB',
        PhysicalResourceId: auditSource,
        ResourceType: 'AWS::DynamoDB::GlobalTable',
        Timestamp: new Date(),
        ResourceStatus: 'UPDATE_COMPLETE',
      },
    ],
  });

  dynamo
    .on(DescribeTableCommand)
    .callsFake((input) => ({ Table: describeOf(input.TableName!, table(input.TableName)) }));
  dynamo.on(DescribeContinuousBackupsCommand).callsFake((input) => {
    const t = table(input.TableName);
    return {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: t.pitr
          ? {
              PointInTimeRecoveryStatus: 'ENABLED',
              EarliestRestorableDateTime: new Date('2027-02-01T00:00:00Z'),
              LatestRestorableDateTime: new Date('2027-03-06T08:55:00Z'),
            }
          : { PointInTimeRecoveryStatus: 'DISABLED' },
      },
    };
  });
  dynamo.on(DescribeTimeToLiveCommand).callsFake((input) => {
    const t = table(input.TableName);
    return {
      TimeToLiveDescription: t.ttl
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  });
  dynamo.on(ListTagsOfResourceCommand).callsFake((input) => ({
    Tags: Object.entries(table(input.ResourceArn!.split('/')[1]).tags).map(([Key, Value]) => ({ Key, Value })),
  }));
  dynamo.on(RestoreTableToPointInTimeCommand).callsFake((input) => {
    const from = table(input.SourceTableName);
    // What a restore carries over: the data, keys and indexes. Not TTL, PITR, the stream, deletion protection or tags.
    tables.set(input.TargetTableName!, {
      design: from.design,
      busyDescribes: 2,
      deletionProtection: false,
      pitr: false,
      tags: {},
      restoredFrom: { SourceTableArn: arnOf(input.SourceTableName!), RestoreDateTime: input.RestoreDateTime! },
    });
    return {};
  });
  dynamo.on(UpdateTimeToLiveCommand).callsFake((input) => {
    table(input.TableName).ttl = input.TimeToLiveSpecification!.AttributeName;
    return {};
  });
  dynamo.on(UpdateContinuousBackupsCommand).callsFake((input) => {
    if (failNextPitrUpdate) {
      failNextPitrUpdate = false;
      throw new LimitExceededException({ message: 'Too many control plane operations', $metadata: {} });
    }
    table(input.TableName).pitr = Boolean(input.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled);
    return {};
  });
  dynamo.on(UpdateTableCommand).callsFake((input) => {
    const t = table(input.TableName);
    if (input.DeletionProtectionEnabled !== undefined) t.deletionProtection = input.DeletionProtectionEnabled;
    if (input.StreamSpecification?.StreamEnabled) {
      t.stream = `${arnOf(input.TableName!)}/stream/2027-03-06T09:30:00.000`;
      t.busyDescribes = 1;
    }
    return {};
  });
  dynamo.on(TagResourceCommand).callsFake((input) => {
    const t = table(input.ResourceArn!.split('/')[1]);
    for (const { Key, Value } of input.Tags ?? []) t.tags[Key!] = Value!;
    return {};
  });
});
afterEach(() => {
  dynamo.reset();
  cloudFormation.reset();
});

const port = () =>
  new AwsRestorePort(
    new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    new CloudFormationClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    {
      pollSeconds: 0.01,
      maxWaitSeconds: 5,
    },
  );
const passing: TableChecker = async (tableName, kind) => {
  checked.push({ tableName, kind });
  return {
    tableName,
    kind,
    counts: { Transition: 2 },
    findings: [{ check: 'sleutels en indexen', ok: true, detail: '' }],
    ok: true,
  } satisfies CheckReport;
};
const run = (options: Partial<RestoreOptions> = {}, check = passing) =>
  restoreTable(port(), check, { stage: 'prod', kind: 'main', to, dryRun: false, ...options });
/** The calls that change something, in order: what a restore did. */
const writes = (from = 0) =>
  dynamo
    .calls()
    .slice(from)
    .map((c) => c.args[0] as unknown as { constructor: { name: string }; input: Record<string, unknown> })
    .filter((c) => /^(Restore|Update|Tag)/.test(c.constructor.name))
    .map((c) =>
      c.constructor.name === 'UpdateTableCommand'
        ? `UpdateTable ${Object.keys(c.input)
            .filter((k) => k !== 'TableName')
            .join(',')}`
        : c.constructor.name.replace(/Command$/, ''),
    );

describe('npm run restore: the AWS calls', () => {
  it('restores into a new table, waits, sets TTL, PITR, deletion protection, the stream and the tags again, checks, and names the deploy', async () => {
    // Act
    const report = await run();

    // Assess: the sequence
    expect(report.outcome).toBe('klaar');
    expect(writes()).toEqual([
      'RestoreTableToPointInTime',
      'UpdateTimeToLive',
      'UpdateContinuousBackups',
      'UpdateTable DeletionProtectionEnabled',
      'UpdateTable StreamSpecification',
      'TagResource',
    ]);
    expect(report.steps.map((s) => s.step)).toEqual([
      'bron zoeken',
      'hersteltijdvenster',
      'doeltabel',
      'herstellen',
      'wachten',
      'TTL',
      'PITR',
      'verwijderbeveiliging',
      'stream',
      'tags',
      'controle',
      'omzetten',
    ]);

    // the restore request
    const [restore] = dynamo.commandCalls(RestoreTableToPointInTimeCommand).map((c) => c.args[0].input);
    expect(restore).toEqual({
      SourceTableName: source,
      TargetTableName: target,
      RestoreDateTime: new Date('2027-03-05T09:15:00Z'),
      BillingModeOverride: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexOverride: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS' },
    });

    // waiting: the table was CREATING, then UPDATING after the stream was switched on, and every setting waited for ACTIVE
    const describesOfTarget = dynamo
      .commandCalls(DescribeTableCommand)
      .filter((c) => c.args[0].input.TableName === target).length;
    expect(describesOfTarget).toBeGreaterThanOrEqual(6);

    // the settings as sent
    expect(dynamo.commandCalls(UpdateTimeToLiveCommand)[0]!.args[0].input).toEqual({
      TableName: target,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    expect(dynamo.commandCalls(UpdateContinuousBackupsCommand)[0]!.args[0].input).toEqual({
      TableName: target,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(dynamo.commandCalls(UpdateTableCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: target, DeletionProtectionEnabled: true },
      { TableName: target, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } },
    ]);
    expect(tables.get(target)!.tags).toEqual({
      project: 'landing',
      stage: 'prod',
      'landing:restored-from': source,
      'landing:restored-to': '2027-03-05T09:15:00.000Z',
    });

    // checked, and re-pointed by a deploy that names the restored table and its new stream
    expect(checked).toEqual([{ tableName: target, kind: 'main' }]);
    expect(report.settings?.every((f) => f.ok)).toBe(true);
    expect(report.deploy).toContain(`--context restoredTable:prod=${target}`);
    expect(report.deploy).toContain(
      `--context restoredTableStream:prod=${arnOf(target)}/stream/2027-03-06T09:30:00.000`,
    );
    expect(report.deploy).toContain(`Landing-prod-Data:RestoredTable=${target}`);
    expect(report.deploy).toContain('Landing-prod-Data:RestoredAuditTable=none');
  });

  it('refuses a time outside the restorable window, or a table without PITR: nothing is restored', async () => {
    // Act
    const early = await run({ to: new Date('2027-01-15T12:00:00Z') });
    const late = await run({ to: new Date('2027-03-06T09:00:00Z') });
    tables.get(source)!.pitr = false;
    const noPitr = await run();

    // Assess
    expect(early.outcome).toBe('geweigerd');
    expect(early.stopped).toEqual({
      step: 'hersteltijdvenster',
      reason:
        '2027-01-15T12:00:00.000Z ligt buiten het hersteltijdvenster 2027-02-01T00:00:00.000Z – 2027-03-06T08:55:00.000Z',
    });
    expect(late.stopped?.reason).toMatch(/buiten het hersteltijdvenster/);
    expect(noPitr.stopped?.reason).toMatch(/point-in-time recovery staat niet aan/);
    expect(writes()).toEqual([]);
    expect(checked).toEqual([]);
  });

  it('in a dry run looks everything up and writes nothing', async () => {
    // Act
    const report = await run({ dryRun: true });

    // Assess
    expect(report.outcome).toBe('droogloop');
    expect(report.target).toBe(target);
    expect(report.request?.indexes).toEqual([{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }]);
    expect(writes()).toEqual([]);
    expect(report.deploy).toBeUndefined();
  });

  it('stops at the step that fails, says which and why, and re-points nothing; a second run continues with the table the first made', async () => {
    // Prepare
    failNextPitrUpdate = true;

    // Act
    const first = await run();

    // Assess
    expect(first.outcome).toBe('gestopt');
    expect(first.stopped).toEqual({
      step: 'PITR',
      reason: 'LimitExceededException: Too many control plane operations',
    });
    expect(writes()).toEqual(['RestoreTableToPointInTime', 'UpdateTimeToLive', 'UpdateContinuousBackups']);
    expect(first.deploy).toBeUndefined();
    expect(checked).toEqual([]);

    // Act: again, once DynamoDB lets it
    const before = dynamo.calls().length;
    const second = await run();

    // Assess: no second restore, TTL already on, the rest done
    expect(second.outcome).toBe('klaar');
    expect(second.steps.find((s) => s.step === 'doeltabel')?.detail).toMatch(/bestaat al \(een eerdere run\)/);
    expect(writes(before)).toEqual([
      'UpdateContinuousBackups',
      'UpdateTable DeletionProtectionEnabled',
      'UpdateTable StreamSpecification',
      'TagResource',
    ]);
    expect(second.deploy).toContain(`restoredTable:prod=${target}`);
  });

  it('does not re-point when the check of the restored table fails', async () => {
    // Prepare
    const failing: TableChecker = async (tableName, kind) => ({
      tableName,
      kind,
      counts: {},
      findings: [
        { check: 'begeleiders', ok: false, detail: '1 trajecten missen een begeleider of hun toewijzing (t-1)' },
      ],
      ok: false,
    });

    // Act
    const report = await run({}, failing);

    // Assess
    expect(report.outcome).toBe('controle-mislukt');
    expect(report.steps.at(-1)).toEqual({ step: 'controle', detail: 'mislukt: begeleiders' });
    expect(report.deploy).toBeUndefined();
  });

  it('restores the audit table without a stream, and keeps the product table’s earlier restore in the deploy', async () => {
    // Prepare: the stage already runs on a restored product table
    stackParameters.RestoredTable = earlierRestore;

    // Act
    const report = await run({ kind: 'audit' });

    // Assess
    expect(report.outcome).toBe('klaar');
    const auditTarget = `${auditSource}-restored-20270305T0915`;
    expect(
      dynamo
        .commandCalls(RestoreTableToPointInTimeCommand)[0]!
        .args[0].input.GlobalSecondaryIndexOverride?.map((i) => i.IndexName),
    ).toEqual(['gsi1', 'gsi2']);
    expect(writes()).not.toContain('UpdateTable StreamSpecification');
    expect(checked).toEqual([{ tableName: auditTarget, kind: 'audit' }]);
    expect(report.deploy).toContain(`--context restoredAuditTable:prod=${auditTarget}`);
    expect(report.deploy).toContain(`--context restoredTable:prod=${earlierRestore}`);
    expect(report.deploy).toContain(
      `--context restoredTableStream:prod=${arnOf(earlierRestore)}/stream/2027-03-01T09:00:00.000`,
    );
  });

  it('restores the table the stage runs on, and refuses a target name taken by another table', async () => {
    // Prepare
    stackParameters.RestoredTable = earlierRestore;
    tables.set(`${source}-restored-20270305T0915`, {
      design: tableDesign,
      busyDescribes: 0,
      deletionProtection: false,
      pitr: false,
      tags: {},
    });

    // Act
    const report = await run();

    // Assess: the source is the restored table the stage runs on; its suffix is replaced, not stacked
    expect(report.source).toBe(earlierRestore);
    expect(report.outcome).toBe('geweigerd');
    expect(report.stopped?.reason).toBe(
      `${source}-restored-20270305T0915 bestaat al en is geen herstel van ${earlierRestore} naar 2027-03-05T09:15:00.000Z`,
    );
    expect(writes()).toEqual([]);
  });
});

describe('restore plan', () => {
  it('names the restored table after the time restored to, in UTC, and wants a time zone in --to', () => {
    expect(restoredTableName('landing-table', new Date('2027-03-05T09:15:59Z'))).toBe(
      'landing-table-restored-20270305T0915',
    );
    expect(restoredTableName('landing-table-restored-20270101T0000', new Date('2027-03-05T09:15:00Z'))).toBe(
      'landing-table-restored-20270305T0915',
    );
    expect(parseRestoreTime('2027-03-05T10:15:00+01:00')?.toISOString()).toBe('2027-03-05T09:15:00.000Z');
    expect(parseRestoreTime('2027-03-05T10:15Z')?.toISOString()).toBe('2027-03-05T10:15:00.000Z');
    expect(parseRestoreTime('2027-03-05T10:15:00')).toBeUndefined();
    expect(parseRestoreTime('gisteren')).toBeUndefined();
  });
});
