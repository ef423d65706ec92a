import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditTableDesign, tableDesign, type TableDesign } from '../../../functions/storage/table-design';
import { designFindings, type Finding } from './design-check';
import type { TableFacts } from './ports';
import { auditSampleReads, recordFindings, sampleReads, surveyAudit, surveyRecords } from './record-check';
import type { TableKind } from './repoint';

export const designOf: Record<TableKind, TableDesign> = { main: tableDesign, audit: auditTableDesign };

export interface CheckReport {
  tableName: string;
  kind: TableKind;
  /** Items per entity: counts only, nothing of what they hold. */
  counts: Record<string, number>;
  findings: Finding[];
  ok: boolean;
}

export interface CheckDeps {
  describe: (tableName: string) => Promise<TableFacts | undefined>;
  db: DynamoDBDocumentClient;
}

/**
 * Checks a (restored) table before anything points at it: keys and indexes as designed, items counted per
 * entity, the records' cross-references, and a sample read through the product's stores. Reads only.
 */
export async function checkTable(
  deps: CheckDeps,
  kind: TableKind,
  tableName: string,
  options: { samples?: number } = {},
): Promise<CheckReport> {
  const samples = options.samples ?? 25;
  const design = designFindings(await deps.describe(tableName), designOf[kind]);
  // Without the designed keys a Scan still runs, but the stores' reads would say nothing useful.
  if (!design.ok) return { tableName, kind, counts: {}, findings: [design], ok: false };
  let counts: Record<string, number>;
  let findings: Finding[];
  if (kind === 'main') {
    const survey = await surveyRecords(deps.db, tableName);
    counts = survey.counts;
    findings = [design, ...recordFindings(survey), await sampleReads(deps.db, tableName, survey, samples)];
  } else {
    const survey = await surveyAudit(deps.db, tableName);
    counts = survey.counts;
    findings = [design, await auditSampleReads(deps.db, tableName, survey, samples)];
  }
  return { tableName, kind, counts, findings, ok: findings.every((f) => f.ok) };
}
