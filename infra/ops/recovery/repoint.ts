/**
 * Re-pointing a stage at a restored table: the names the CDK app (infra/aws/constructs/active-tables.ts) and the
 * restore tool (infra/ops/commands/restore-table.ts) agree on, and the deploy command that carries them. Pure: no
 * CDK, no SDK. docs/RECOVERY.md explains the mechanism.
 *
 * A point-in-time restore always makes a new table. The deploy's context names it, per stage
 * (`--context restoredTable:<stage>=…`), so the functions of that stage bind to it, while the
 * original table stays in the Data stack, retained. A CloudFormation parameter of the Data stack records which
 * table the stage runs on; CDK keeps a parameter's previous value when a deploy does not name it, and a rule
 * in the template refuses a deploy whose context disagrees with it. So a later deploy that forgets the context
 * fails on the Data stack instead of quietly pointing the functions back at the old table.
 */

export type TableKind = 'main' | 'audit';

/** The parameter's value while a stage runs on the table its own stack created. */
export const NOT_RESTORED = 'none';

export const repointContext = {
  /** The restored product table's name. */
  table: (stage: string) => `restoredTable:${stage}`,
  /** Its stream (the webhook fan-out reads it): the ARN has a label only DynamoDB knows, so it is named too. */
  tableStream: (stage: string) => `restoredTableStream:${stage}`,
  /** The restored audit table's name (it has no stream). */
  auditTable: (stage: string) => `restoredAuditTable:${stage}`,
} as const;

/** Parameters of the Data stack that record which table the stage runs on (NOT_RESTORED: its own). */
export const repointParameter: Record<TableKind, string> = { main: 'RestoredTable', audit: 'RestoredAuditTable' };

export interface Repointing {
  main?: { tableName: string; streamArn: string };
  audit?: { tableName: string };
}

export class RepointingError extends Error {
  override name = 'RepointingError';
}

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Reads and checks the re-pointing of one stage from the deploy's context; nothing set means no restore. */
export function repointingFromContext(stage: string, context: (key: string) => unknown): Repointing {
  const text = (key: string) => {
    const value = context(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new RepointingError(`--context ${key} must be a string`);
    return value;
  };
  const table = text(repointContext.table(stage));
  const stream = text(repointContext.tableStream(stage));
  const audit = text(repointContext.auditTable(stage));
  if (table && !stream)
    throw new RepointingError(
      `${repointContext.table(stage)} needs ${repointContext.tableStream(stage)} too: the webhook fan-out reads the table's stream`,
    );
  if (stream && !table)
    throw new RepointingError(
      `${repointContext.tableStream(stage)} without ${repointContext.table(stage)}: name the restored table`,
    );
  for (const name of [table, audit]) {
    if (name !== undefined && (!TABLE_NAME.test(name) || name === NOT_RESTORED))
      throw new RepointingError(`"${name}" is not a DynamoDB table name`);
  }
  if (table && stream && !isStreamOf(stream, table))
    throw new RepointingError(`${repointContext.tableStream(stage)} is not a stream of the table ${table}`);
  return {
    ...(table && stream ? { main: { tableName: table, streamArn: stream } } : {}),
    ...(audit ? { audit: { tableName: audit } } : {}),
  };
}

/** `arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>` of exactly this table. */
export function isStreamOf(streamArn: string, tableName: string): boolean {
  const match = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([^/]+)\/stream\/[^/]+$/.exec(streamArn);
  return match?.[1] === tableName;
}

/**
 * The deploy that makes the stage use what `repointing` names: every stack of the stage (the Data stack
 * first, whose rule checks the parameter), with the context and both parameters spelled out. Until the
 * stage is pointed back, every deploy of it carries the same context.
 */
export function deployCommand(stage: string, repointing: Repointing): string {
  const dataStack = `Landing-${stage}-Data`;
  const parts = [
    // The Web stack deploys the built SPA.
    `npm run build:web && npx cdk deploy 'Landing-${stage}-*'`,
    ...(repointing.main
      ? [
          `--context ${repointContext.table(stage)}=${repointing.main.tableName}`,
          `--context ${repointContext.tableStream(stage)}=${repointing.main.streamArn}`,
        ]
      : []),
    ...(repointing.audit ? [`--context ${repointContext.auditTable(stage)}=${repointing.audit.tableName}`] : []),
    `--parameters ${dataStack}:${repointParameter.main}=${repointing.main?.tableName ?? NOT_RESTORED}`,
    `--parameters ${dataStack}:${repointParameter.audit}=${repointing.audit?.tableName ?? NOT_RESTORED}`,
  ];
  return parts.join(' \\\n    ');
}
