import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execute, type OpsCommand } from '../../../infra/ops/commands/command-line';
import { deployCommand } from '../../../infra/ops/recovery/repoint';
import { replayWebhooksCommand } from '../../../infra/ops/commands/replay-webhooks';
import { retentionCommand } from '../../../infra/ops/commands/retention';
import type { StageClients } from '../../../infra/ops/commands/stage-environment';
import { DynamoDeliveryStore } from '../../../functions/storage/dynamo-delivery-store';
import { DynamoEndpointStore } from '../../../functions/storage/dynamo-endpoint-store';
import { ensureTable } from '../../../infra/local/dynamodb-local';
import { auditTableDesign } from '../../../functions/storage/table-design';
import type { Endpoint } from '../../../shared/domain/notices/webhook-schemas';
import { createTestTable, type TestTable } from '../../support/dynamo';
import { seedPersonRecord } from '../../support/person-record';

/**
 * After a restore the stage runs on the restored table (docs/RECOVERY.md): its Data stack's parameter says so.
 * The ops tools that read a table follow the stage, in the stage's region — never a TABLE_NAME left in the
 * shell from before, which names the old table. Two tables in DynamoDB Local; CloudFormation mocked.
 */
const cloudFormation = mockClient(CloudFormationClient);
let old: TestTable;
let restored: TestTable;
let auditTable: string;
const regions: string[] = [];
const connect = (region: string): StageClients => {
  regions.push(region);
  return { dynamo: restored.client, cloudFormation: new CloudFormationClient({ region }) };
};

beforeAll(async () => {
  old = await createTestTable('oud');
  restored = await createTestTable('hersteld');
  auditTable = `${old.tableName}-audit`;
  await ensureTable(old.client, auditTable, auditTableDesign);
  // A record whose bewaartermijn (15 years on acc) has run out, only in the restored table.
  await seedPersonRecord(restored.db, restored.tableName, {
    startAt: '2008-01-07T09:00:00.000Z',
    endAt: '2009-02-02T09:00:00.000Z',
  });
});

afterEach(() => vi.unstubAllEnvs());

function stageOnRestoredTable(stage: string, restoredName: () => string = () => restored.tableName) {
  cloudFormation.reset();
  cloudFormation.on(DescribeStacksCommand, { StackName: `Landing-${stage}-Data` }).resolves({
    Stacks: [
      {
        StackName: `Landing-${stage}-Data`,
        CreationTime: new Date(),
        StackStatus: 'UPDATE_COMPLETE',
        Parameters: [
          { ParameterKey: 'RestoredTable', ParameterValue: restoredName() },
          { ParameterKey: 'RestoredAuditTable', ParameterValue: 'none' },
        ],
      },
    ],
  });
  cloudFormation.on(DescribeStackResourcesCommand, { StackName: `Landing-${stage}-Data` }).resolves({
    StackResources: [
      { LogicalResourceId: 'TableCD117FA1', PhysicalResourceId: old.tableName },
      { LogicalResourceId: 'AuditTable12345678', PhysicalResourceId: auditTable },
    ].map((r) => ({
      ...r,
      ResourceType: 'AWS::DynamoDB::GlobalTable',
      Timestamp: new Date(),
      ResourceStatus: 'UPDATE_COMPLETE' as const,
    })),
  });
}

async function run(command: OpsCommand, argv: string[]) {
  const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  let err = '';
  try {
    const code = await execute(command, argv, { out: () => {}, err: (t) => (err += t) });
    return { code, err, out: printed.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    printed.mockRestore();
  }
}

describe('ops tools on a stage that runs on a restored table', () => {
  it('npm run retention reads the restored table, in the stage region, whatever TABLE_NAME says', async () => {
    stageOnRestoredTable('acc');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', '');
    vi.stubEnv('TABLE_NAME', old.tableName);
    vi.stubEnv('AUDIT_TABLE_NAME', auditTable);
    regions.length = 0;

    const { code, out, err } = await run(retentionCommand(connect), ['--stage', 'acc', '--dry-run']);

    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(regions).toEqual(['eu-west-1']);
    expect(out).toContain(`draait op ${restored.tableName} en ${auditTable} (hersteld); TABLE_NAME genegeerd`);
    expect(out).toContain(`tabel ${restored.tableName}`);
    expect(out).toMatch(/termijn verstreken 1\n/);
  });

  it('npm run replay-webhooks finds the parked deliveries in the restored table', async () => {
    stageOnRestoredTable('prod');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', '');
    vi.stubEnv('TABLE_NAME', old.tableName);
    const endpoint: Endpoint = {
      id: randomUUID(),
      corporatieId: 'corp-w',
      providerId: 'org-a',
      versie: 1,
      url: 'https://webhooks.example.nl/landing',
      soorten: ['aanbod-geaccepteerd'],
      actief: true,
      secrets: [{ id: randomUUID(), sealed: 'sealed', aangemaaktOp: '2027-01-01T00:00:00.000Z' }],
      aangemaaktOp: '2027-01-01T00:00:00.000Z',
      aangemaaktDoor: { id: 'u-bram', naam: 'Bram Koster' },
    };
    await new DynamoEndpointStore(restored.db, restored.tableName).create(endpoint);
    const deliveries = new DynamoDeliveryStore(restored.db, restored.tableName);
    const time = '2027-05-01T00:00:00.000Z';
    const event = {
      id: randomUUID(),
      transitionId: randomUUID(),
      providerId: 'org-a',
      corporatieId: 'corp-w',
      soort: 'aanbod-geaccepteerd' as const,
      type: 'nl.landing.aanbod.geaccepteerd',
      time,
      sequence: '0000000003',
      subject: randomUUID(),
      data: {},
    };
    await deliveries.writeOutbox(event as never);
    await deliveries.fanOut(event as never, [
      {
        endpointId: endpoint.id,
        corporatieId: 'corp-w',
        providerId: 'org-a',
        eventId: event.id,
        at: time,
        soort: 'aanbod-geaccepteerd',
        type: event.type,
        status: 'geparkeerd',
        pogingen: [],
        rondeStart: 0,
      } as never,
    ]);

    const { code, out } = await run(replayWebhooksCommand(connect), [
      '--stage',
      'prod',
      '--endpoint',
      endpoint.id,
      '--dry-run',
    ]);

    expect(code).toBe(0);
    expect(out).toContain(`stage prod, tabel ${restored.tableName}`);
    expect(out).toContain('1 geparkeerd');
  });
});

describe("moving back to the stage's own table", () => {
  it('the deploy that points back names no restored table, and the tools then use the own table', async () => {
    const back = deployCommand('acc', {});
    expect(back).not.toContain('--context');
    expect(back).toContain('--parameters Landing-acc-Data:RestoredTable=none');
    expect(back).toContain('--parameters Landing-acc-Data:RestoredAuditTable=none');

    stageOnRestoredTable('acc', () => 'none');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', '');
    const own = (region: string): StageClients => ({
      dynamo: old.client,
      cloudFormation: new CloudFormationClient({ region }),
    });
    const { code, out } = await run(retentionCommand(own), ['--stage', 'acc', '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain(`draait op ${old.tableName} en ${auditTable}.`);
    expect(out).toMatch(/termijn verstreken 0\n/);
  });
});
