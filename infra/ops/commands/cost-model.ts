/**
 * What a stage costs per month on AWS, from the number of active transitions, with every assumption written
 * out (docs/OPERATIONS.md, "Cost"). Prices are eu-west-1 list prices in USD without free tiers, taken in
 * November 2026; usage per transition is an estimate from how caseworkers use the product, not a measurement
 * of a real stage. Change an assumption here; `npm run cost` prints the table, `npm run cost -- --write` puts it
 * in the runbook (a test fails while the runbook's table is stale).
 */
import { type OpsCommand, parseCommandLine, runIfMain } from './command-line';

/** What one active transition causes in a month. */
export const usagePerTransition = {
  /** Reads by caseworkers, team leads and budget holders: the list, the page, timeline, support, budget. */
  apiReads: 120,
  /** Changes: phase, readiness, offers, contacts, signals, spends. */
  apiWrites: 20,
  /** Read request units per read (a page reads the item, a timeline page, a few summaries). */
  readUnitsPerRead: 6,
  /** Write request units per change: a transaction (twice the units) of the item, summaries, timeline event, outbox. */
  writeUnitsPerChange: 16,
  /** Every read and change writes an audit entry: the item and two index entries. */
  auditWriteUnitsPerRequest: 3,
  /** Workflow executions (registration, move, follow-up of signals and contact) and their state transitions. */
  workflowExecutions: 12,
  stateTransitionsPerExecution: 9,
  /** Lambda invocations per workflow execution (its tasks). */
  lambdaPerExecution: 4,
  /** EventBridge Scheduler alarms that fire. */
  alarmsFired: 6,
  /** Notices to housing corporations, each one SQS message and one delivery. */
  webhookNotices: 2,
  /** Stored data, with the timeline and audit trail of a few years: item bytes per transition. */
  storedKilobytes: 400,
  /** Log lines written (API, workflows, webhooks), bytes. */
  logKilobytes: 200,
};

/** Staff per active transition: a caseworker supports about ten people (Housing First: ten per duo). */
export const staffPerTransition = 0.15;

/** Fixed parts of a stage, whatever its size. */
export const fixed = {
  /** Three KMS keys (webhook secrets, the ops topic, the us-east-1 ops topic of the CloudFront alarm). */
  kmsKeys: 3,
  /**
   * The monitoring stack's alarms, priced per metric they watch (a metric-math alarm per metric in it): an error
   * and a throttle alarm per Lambda (2 × 24), per workflow failed + timed out + aborted (3 × 3), per table read +
   * write throttles (2 × 2), the API's 5xx share (2), the webhook dead letters (1), the new-signal dead letters (1)
   * and the outcome dead letters (1); and against quiet failures: scheduler alarms not delivered (3) and their dead letters (1), the three stream
   * consumers' iterator age (3), the delivery queue's age (1), the 401 share (2) and the canary (1).
   * test/infra/monitoring.test.ts keeps this equal to the synthesized stack.
   */
  alarmMetrics: 78,
  /** The CloudFront 5xx alarm in us-east-1 (requests and the 5xx rate); test/infra/ops-alarms.test.ts counts it. */
  edgeAlarmMetrics: 2,
  /** The canary: every five minutes, all month. */
  canaryRuns: 12 * 24 * 30,
  dashboards: 1,
  /** Business metrics (EMF) with their dimensions. */
  customMetrics: 25,
};

/** eu-west-1 list prices (USD), November 2026. */
export const prices = {
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecond: 0.0000133334, // arm64
  lambdaAverageSeconds: 0.12,
  lambdaMemoryGb: 0.5,
  httpApiPerMillion: 1.11,
  dynamoPerMillionWriteUnits: 0.7072,
  dynamoPerMillionReadUnits: 0.1414,
  dynamoStoragePerGbMonth: 0.283,
  dynamoPitrPerGbMonth: 0.226,
  stepFunctionsPerThousandTransitions: 0.025,
  schedulerPerMillion: 1.0,
  sqsPerMillion: 0.4,
  logsIngestionPerGb: 0.57,
  logsStoragePerGbMonth: 0.03,
  alarmPerMonth: 0.1,
  canaryRun: 0.0012,
  dashboardPerMonth: 3.0,
  customMetricPerMonth: 0.3,
  kmsKeyPerMonth: 1.0,
  /** The Plus plan (threat protection: compromised credentials, adaptive authentication), no free tier. */
  cognitoPlusPerMonthlyActiveUser: 0.02,
  /** X-Ray traces (acc and prod trace every request and execution). */
  xrayPerMillionTraces: 5.0,
  /** CloudFront and S3 for the SPA: a few hundred KB per sign-in, cached. */
  cdnPerStaffMember: 0.01,
};

export type CostLine = { part: string; usd: number };

export function monthlyCost(activeTransitions: number): CostLine[] {
  const u = usagePerTransition;
  const p = prices;
  const n = activeTransitions;
  const requests = n * (u.apiReads + u.apiWrites);
  const executions = n * u.workflowExecutions;
  const lambdaInvocations = requests + executions * u.lambdaPerExecution + n * u.webhookNotices * 2 + n * u.alarmsFired;
  const storedGb = (n * u.storedKilobytes) / 1_000_000;
  const logGb = (n * u.logKilobytes) / 1_000_000;
  const staff = Math.ceil(n * staffPerTransition);
  const lines: CostLine[] = [
    { part: 'API Gateway (HTTP API)', usd: (requests / 1e6) * p.httpApiPerMillion },
    {
      part: 'Lambda',
      usd:
        (lambdaInvocations / 1e6) * p.lambdaPerMillionRequests +
        lambdaInvocations * p.lambdaAverageSeconds * p.lambdaMemoryGb * p.lambdaPerGbSecond,
    },
    {
      part: 'DynamoDB (requests, storage, PITR)',
      usd:
        ((n * u.apiReads * u.readUnitsPerRead) / 1e6) * p.dynamoPerMillionReadUnits +
        ((n * (u.apiWrites * u.writeUnitsPerChange + (u.apiReads + u.apiWrites) * u.auditWriteUnitsPerRequest)) / 1e6) *
          p.dynamoPerMillionWriteUnits +
        storedGb * (p.dynamoStoragePerGbMonth + p.dynamoPitrPerGbMonth),
    },
    {
      part: 'Step Functions',
      usd: ((executions * u.stateTransitionsPerExecution) / 1000) * p.stepFunctionsPerThousandTransitions,
    },
    {
      part: 'EventBridge Scheduler, SQS',
      usd: ((n * u.alarmsFired) / 1e6) * p.schedulerPerMillion + ((n * u.webhookNotices * 2) / 1e6) * p.sqsPerMillion,
    },
    {
      part: 'CloudWatch (logs, alarms, dashboard, metrics)',
      usd:
        logGb * (p.logsIngestionPerGb + p.logsStoragePerGbMonth) +
        (fixed.alarmMetrics + fixed.edgeAlarmMetrics) * p.alarmPerMonth +
        fixed.dashboards * p.dashboardPerMonth +
        fixed.customMetrics * p.customMetricPerMonth,
    },
    { part: 'CloudWatch Synthetics (the canary)', usd: fixed.canaryRuns * p.canaryRun },
    { part: 'X-Ray (tracing)', usd: ((requests + executions) / 1e6) * p.xrayPerMillionTraces },
    { part: 'KMS', usd: fixed.kmsKeys * p.kmsKeyPerMonth },
    { part: 'Cognito (Plus plan)', usd: staff * p.cognitoPlusPerMonthlyActiveUser },
    { part: 'CloudFront and S3 (the SPA)', usd: staff * p.cdnPerStaffMember },
  ];
  return lines.map((l) => ({ ...l, usd: Math.round(l.usd * 100) / 100 }));
}

export const total = (lines: readonly CostLine[]) => Math.round(lines.reduce((sum, l) => sum + l.usd, 0) * 100) / 100;

/** The table for the runbook: one column per size. */
export function costTable(sizes: readonly number[]): string {
  const columns = sizes.map((n) => monthlyCost(n));
  const dollars = (v: number) => `$${v.toFixed(2)}`;
  const header = `| part | ${sizes.map((n) => `${n.toLocaleString('en')} transitions`).join(' | ')} |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|`;
  const rows = columns[0]!.map((line, i) => `| ${line.part} | ${columns.map((c) => dollars(c[i]!.usd)).join(' | ')} |`);
  return [
    header,
    rule,
    ...rows,
    `| **total per month** | ${columns.map((c) => `**${dollars(total(c))}**`).join(' | ')} |`,
  ].join('\n');
}

/** The sizes the runbook shows. */
export const runbookSizes = [100, 1_000, 10_000] as const;

/** docs/OPERATIONS.md with the table between its cost markers made current. */
export function withCostTable(runbook: string): string {
  return runbook.replace(
    /<!-- cost:start -->[\s\S]*<!-- cost:end -->/,
    `<!-- cost:start -->\n${costTable(runbookSizes)}\n<!-- cost:end -->`,
  );
}

/** `npm run cost [-- --write]`: prints the table, or writes it into the runbook. */
export const costCommand: OpsCommand = {
  usage: `Gebruik:
  npm run cost                  de maandkosten per omvang (tabel)
  npm run cost -- --write       zet de tabel in docs/OPERATIONS.md`,
  stopped: 'De kostenberekening stopte',
  main: async (argv) => {
    const { values } = parseCommandLine(argv, { write: { type: 'boolean', default: false } });
    const { readFileSync, writeFileSync } = await import('node:fs');
    if (values.write) {
      writeFileSync('docs/OPERATIONS.md', withCostTable(readFileSync('docs/OPERATIONS.md', 'utf8')));
      process.stdout.write('docs/OPERATIONS.md bijgewerkt.\n');
    } else process.stdout.write(`${costTable(runbookSizes)}\n`);
    return 0;
  },
};

runIfMain(import.meta.url, costCommand);
