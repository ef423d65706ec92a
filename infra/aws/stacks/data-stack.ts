import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  type ITableV2,
  TableEncryptionV2,
  TableV2,
  StreamViewType,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { auditTableDesign, tableDesign } from '../../../functions/storage/table-design';
import type { StageConfig } from '../config/stages';
import { activeTables } from '../constructs/active-tables';

export interface DataStackProps extends StackProps {
  stage: StageConfig;
}

/**
 * The one table. Keys and indexes come from functions/storage/table-design.ts, the same definition the local
 * DynamoDB is created from; the item layout and access patterns are documented in docs/ARCHITECTURE.md.
 */
export class DataStack extends Stack {
  /** The table the functions use: this stack's own, or a restored one after a restore (docs/RECOVERY.md). */
  readonly table: ITableV2;
  /** The audit trail (NEN 7513): its own table, never deletable by accident, entries expire after retention. */
  readonly auditTable: ITableV2;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const table = new TableV2(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: tableDesign.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.protectData,
      removalPolicy: stage.removalPolicy,
      // Streams feed the webhook outbox (step 5); on now so enabling consumers needs no table replacement.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
    });
    const auditTable = new TableV2(this, 'AuditTable', {
      partitionKey: { name: auditTableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: auditTableDesign.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: auditTableDesign.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: auditTableDesign.timeToLiveAttribute,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // On every stage, dev included: an audit trail is not something to lose with a stack.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // After a restore the deploy's context names the restored tables; these two stay, retained (docs/RECOVERY.md).
    ({ table: this.table, auditTable: this.auditTable } = activeTables(this, stage.name, { table, auditTable }));
  }
}
