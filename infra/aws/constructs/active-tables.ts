import { CfnParameter, CfnRule, Fn, type Stack } from 'aws-cdk-lib';
import { type ITableV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { auditTableDesign, tableDesign, type TableDesign } from '../../../functions/storage/table-design';
import {
  NOT_RESTORED,
  repointContext,
  repointingFromContext,
  repointParameter,
  type TableKind,
} from '../../ops/recovery/repoint';

/**
 * The tables a stage's functions use: the Data stack's own, or — after a point-in-time restore
 * (docs/RECOVERY.md) — the restored table the deploy's context names (infra/ops/recovery/repoint.ts).
 *
 * Re-pointed, the restored table is imported with literal name and stream ARN, so the other stacks bind to it
 * without a cross-stack export; the stack's own table stays a resource of the stack, retained as it was, and
 * keeps exporting what the other stacks imported from it until now (CloudFormation refuses to drop an export
 * that is still in use, and the Data stack deploys first). A parameter records the table the stage runs on and
 * a rule refuses a deploy whose context disagrees with it (CDK reuses a parameter's previous value when the
 * deploy does not name it), so forgetting the context stops the deploy instead of re-pointing back.
 */
export function activeTables(
  stack: Stack,
  stageName: string,
  own: { table: TableV2; auditTable: TableV2 },
): { table: ITableV2; auditTable: ITableV2 } {
  const repointing = repointingFromContext(stageName, (key) => stack.node.tryGetContext(key));
  guard(stack, 'main', repointing.main?.tableName);
  guard(stack, 'audit', repointing.audit?.tableName);

  let table: ITableV2 = own.table;
  if (repointing.main) {
    keepExports(stack, [own.table.tableName, own.table.tableArn, own.table.tableStreamArn!]);
    table = imported(stack, 'RestoredTableImport', tableDesign, {
      tableName: repointing.main.tableName,
      tableStreamArn: repointing.main.streamArn,
    });
  }
  let auditTable: ITableV2 = own.auditTable;
  if (repointing.audit) {
    keepExports(stack, [own.auditTable.tableName, own.auditTable.tableArn]);
    auditTable = imported(stack, 'RestoredAuditTableImport', auditTableDesign, {
      tableName: repointing.audit.tableName,
    });
  }
  return { table, auditTable };
}

function imported(
  stack: Stack,
  id: string,
  design: TableDesign,
  attributes: { tableName: string; tableStreamArn?: string },
): ITableV2 {
  // Naming the indexes makes grants cover `<table>/index/*` too, as they do for the stack's own table.
  return TableV2.fromTableAttributes(stack, id, {
    ...attributes,
    globalIndexes: design.globalIndexes.map((index) => index.indexName),
  });
}

function keepExports(stack: Stack, values: string[]): void {
  for (const value of values) stack.exportValue(value);
}

function guard(stack: Stack, kind: TableKind, restored: string | undefined): void {
  const name = repointParameter[kind];
  // Written with `<stage>`: the template says the same on every stage (test/infra/stages.test.ts).
  const contextKey = kind === 'main' ? repointContext.table('<stage>') : repointContext.auditTable('<stage>');
  const parameter = new CfnParameter(stack, name, {
    type: 'String',
    default: NOT_RESTORED,
    description: `The ${kind === 'main' ? 'product' : 'audit'} table this stage runs on after a restore (docs/RECOVERY.md); "${NOT_RESTORED}": the stack's own.`,
  });
  new CfnRule(stack, `${name}MatchesContext`, {
    assertions: [
      {
        assert: Fn.conditionEquals(parameter.valueAsString, restored ?? NOT_RESTORED),
        assertDescription: `This stage runs on the table in parameter ${name}, and this deploy names ${restored ?? 'its own table'}: deploy with --context ${contextKey}=<that table> as docs/RECOVERY.md says, or change the parameter on purpose.`,
      },
    ],
  });
}
