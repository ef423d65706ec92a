import { settingsFindings, type Finding } from './design-check';
import type { RestorePort, RestoreRequest, StageTables, TableFacts } from './ports';
import { deployCommand, type Repointing, type TableKind } from './repoint';
import { restoredTableName, restoreRequest, tagsForRestored, windowProblem } from './restore-plan';
import { designOf, type CheckReport } from './table-check';

/**
 * The restore of one table of a stage to a point in time (docs/RECOVERY.md): find the table, check the time is
 * restorable, restore into a new table, set again what a restore does not carry over, check the result, and
 * name the deploy that re-points the stage. Step by step; the first step that fails stops the procedure with
 * its name and reason, and nothing is re-pointed. A second run for the same time continues with the table the
 * first one made (each setting is applied only when it is not there yet).
 */

export interface RestoreOptions {
  stage: string;
  kind: TableKind;
  to: Date;
  /** Restore this table instead of the one the stage runs on. */
  sourceTable?: string;
  dryRun: boolean;
}

export type RestoreOutcome = 'droogloop' | 'geweigerd' | 'gestopt' | 'controle-mislukt' | 'klaar';

export interface RestoreReport {
  options: RestoreOptions;
  outcome: RestoreOutcome;
  source?: string;
  target?: string;
  window?: { earliest?: Date; latest?: Date };
  /** The request a run makes (or, in a dry run, would make). */
  request?: RestoreRequest;
  /** Steps done, in order, with what each found or did. */
  steps: { step: string; detail: string }[];
  /** The step that failed or refused, and why. */
  stopped?: { step: string; reason: string };
  settings?: Finding[];
  check?: CheckReport;
  /** The deploy that makes the stage use the restored table: only when every check holds. */
  deploy?: string;
}

export type TableChecker = (tableName: string, kind: TableKind) => Promise<CheckReport>;

class Refusal extends Error {
  override name = 'Refusal';
}

const reasonOf = (error: unknown) =>
  error instanceof Refusal
    ? error.message
    : error instanceof Error
      ? `${error.name}${error.message ? `: ${error.message}` : ''}`
      : String(error);

export async function restoreTable(
  port: RestorePort,
  check: TableChecker,
  options: RestoreOptions,
  progress: (line: string) => void = () => {},
): Promise<RestoreReport> {
  const report: RestoreReport = { options, outcome: 'klaar', steps: [] };
  const design = designOf[options.kind];
  const step = async <T>(name: string, run: () => Promise<{ value: T; detail: string }>): Promise<T> => {
    try {
      const { value, detail } = await run();
      report.steps.push({ step: name, detail });
      progress(`  ✓ ${name}: ${detail}`);
      return value;
    } catch (error) {
      // The check reads data: of its errors only the class is shown (a message might quote an item).
      const reason = name === 'controle' && !(error instanceof Refusal) ? (error as Error).name : reasonOf(error);
      report.stopped = { step: name, reason };
      report.outcome = error instanceof Refusal ? 'geweigerd' : 'gestopt';
      throw error;
    }
  };

  try {
    const { tables, source } = await step('bron zoeken', async () => {
      const tables = await port.stageTables(options.stage);
      const name = options.sourceTable ?? tables.active[options.kind];
      const source = await port.describe(name);
      if (!source) throw new Refusal(`de tabel ${name} bestaat niet`);
      const which = options.sourceTable
        ? 'opgegeven met --source-table'
        : name === tables.own[options.kind]
          ? 'de tabel van de stack'
          : 'de herstelde tabel waar de stage op draait';
      return { value: { tables, source }, detail: `${name} (${which})` };
    });
    report.source = source.name;

    await step('hersteltijdvenster', async () => {
      const backups = await port.continuousBackups(source.name);
      report.window = {
        ...(backups.earliest ? { earliest: backups.earliest } : {}),
        ...(backups.latest ? { latest: backups.latest } : {}),
      };
      const problem = windowProblem(options.to, backups);
      if (problem) throw new Refusal(problem);
      return {
        value: undefined,
        detail: `${options.to.toISOString()} ligt in ${backups.earliest!.toISOString()} – ${backups.latest!.toISOString()}`,
      };
    });

    const target = restoredTableName(source.name, options.to);
    report.target = target;
    report.request = restoreRequest(source.name, target, options.to, design);
    const existing = await step('doeltabel', async () => {
      const found = await port.describe(target);
      if (found && !isRestoreOf(found, source, options.to))
        throw new Refusal(
          `${target} bestaat al en is geen herstel van ${source.name} naar ${options.to.toISOString()}`,
        );
      return {
        value: found,
        detail: found ? `${target} bestaat al (een eerdere run): verder met die tabel` : `${target} (nieuw)`,
      };
    });
    if (options.dryRun) {
      report.outcome = 'droogloop';
      return report;
    }

    if (!existing) {
      await step('herstellen', async () => {
        await port.restore(report.request!);
        return {
          value: undefined,
          detail: `RestoreTableToPointInTime naar ${options.to.toISOString()}, on-demand, ${design.globalIndexes.map((i) => i.indexName).join(', ')}, SSE (KMS)`,
        };
      });
    }
    let facts = await step('wachten', async () => ({
      value: await port.waitUntilActive(target),
      detail: 'tabel en indexen ACTIVE',
    }));

    await step('TTL', async () => {
      const ttl = await port.timeToLive(target);
      if (ttl.enabled && ttl.attribute === design.timeToLiveAttribute)
        return { value: undefined, detail: `stond al aan op ${design.timeToLiveAttribute}` };
      await port.enableTimeToLive(target, design.timeToLiveAttribute);
      return { value: undefined, detail: `aan op ${design.timeToLiveAttribute}` };
    });
    await step('PITR', async () => {
      await port.enablePointInTimeRecovery(target);
      return { value: undefined, detail: 'aan' };
    });
    facts = await step('verwijderbeveiliging', async () => {
      if (facts.deletionProtection === source.deletionProtection)
        return { value: facts, detail: `${facts.deletionProtection ? 'aan' : 'uit'}, als de bron` };
      await port.setDeletionProtection(target, source.deletionProtection);
      return {
        value: await port.waitUntilActive(target),
        detail: `${source.deletionProtection ? 'aan' : 'uit'}, als de bron`,
      };
    });
    if (options.kind === 'main') {
      facts = await step('stream', async () => {
        if (facts.streamViewType === 'NEW_AND_OLD_IMAGES') return { value: facts, detail: 'stond al aan' };
        // The webhook outbox is read from the stream; the fan-out's event source moves to it with the deploy.
        await port.enableStream(target);
        return { value: await port.waitUntilActive(target), detail: 'NEW_AND_OLD_IMAGES' };
      });
    }
    await step('tags', async () => {
      const tags = tagsForRestored(await port.tagsOf(source.arn), source.name, options.to);
      await port.tag(facts.arn, tags);
      return { value: undefined, detail: Object.keys(tags).sort().join(', ') };
    });

    const passed = await step('controle', async () => {
      const [timeToLive, backups, described] = await Promise.all([
        port.timeToLive(target),
        port.continuousBackups(target),
        port.describe(target),
      ]);
      if (!described) throw new Refusal(`${target} is verdwenen`);
      facts = described;
      report.settings = settingsFindings(
        {
          timeToLive,
          pointInTimeRecovery: backups.status,
          facts: described,
          deletionProtection: source.deletionProtection,
        },
        options.kind,
        design,
      );
      report.check = await check(target, options.kind);
      const failed = [...report.settings, ...report.check.findings].filter((f) => !f.ok).map((f) => f.check);
      return { value: failed.length === 0, detail: failed.length ? `mislukt: ${failed.join(', ')}` : 'alles in orde' };
    });
    if (!passed) {
      report.outcome = 'controle-mislukt';
      return report;
    }

    report.deploy = await step('omzetten', async () => {
      const repointing = await repointingAfter(port, tables, options.kind, facts);
      return { value: deployCommand(options.stage, repointing), detail: 'deploy hieronder' };
    });
    return report;
  } catch {
    return report;
  }
}

/** A table an earlier run made: restored from this source, to this time. */
function isRestoreOf(table: TableFacts, source: TableFacts, to: Date): boolean {
  const from = table.restoredFrom;
  return Boolean(
    from &&
      from.sourceTableArn === source.arn &&
      from.restoreDateTime &&
      Math.abs(from.restoreDateTime.getTime() - to.getTime()) < 1000,
  );
}

/** The stage after this restore: this table restored, the other as it is now (its own, or restored before). */
async function repointingAfter(
  port: RestorePort,
  tables: StageTables,
  kind: TableKind,
  restored: TableFacts,
): Promise<Repointing> {
  const repointing: Repointing = {};
  if (kind === 'main') {
    if (!restored.streamArn) throw new Refusal(`${restored.name} heeft geen stream`);
    repointing.main = { tableName: restored.name, streamArn: restored.streamArn };
    if (tables.active.audit !== tables.own.audit) repointing.audit = { tableName: tables.active.audit };
  } else {
    repointing.audit = { tableName: restored.name };
    if (tables.active.main !== tables.own.main) {
      const main = await port.describe(tables.active.main);
      if (!main?.streamArn)
        throw new Refusal(`de herstelde tabel ${tables.active.main} waar de stage op draait heeft geen stream`);
      repointing.main = { tableName: main.name, streamArn: main.streamArn };
    }
  }
  return repointing;
}
