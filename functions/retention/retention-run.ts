import { AuditEntry } from '../../shared/domain/audit/audit';
import { todayInNetherlands, type IsoDate } from '../../shared/domain/common/calendar';
import { retentionDecision } from '../../shared/domain/audit/retention';
import type { Transition } from '../../shared/domain/transition/transition';
import type { AuditLog } from '../audit/ports';
import {
  buildExport,
  exportHolds,
  kindOf,
  mergeExports,
  type PersonRecordExport,
  type StoredItem,
} from './person-record-export';
import type { ExportSink, ItemKey, PersonRecord, PersonRecordStore, WakeupAlarms } from './ports';

/**
 * The retention procedure (docs/RETENTION.md): find the records whose bewaartermijn has run out, export each
 * to one JSON document, and only then delete it. Knows no AWS: the table, the export directory, the audit
 * trail and the workflow alarms are ports.
 *
 * - `dry-run`: reads only; says what is due and how many items each record has.
 * - `export`: writes the exports (and an audit entry for each), deletes nothing.
 * - `delete`: exports, then deletes. The transition's own item goes last, so a run that stops half-way
 *   leaves the record findable and the next run finishes it (merging into the same export file).
 */
export type RetentionMode = 'dry-run' | 'export' | 'delete';

export interface RetentionDeps {
  records: PersonRecordStore;
  audit: Pick<AuditLog, 'append'>;
  /** Required to export or delete. */
  exports?: ExportSink;
  /** Absent where the alarms cannot be reached (locally; see docs/RETENTION.md). */
  alarms?: WakeupAlarms;
  now: () => Date;
  newId: () => string;
  /** Who runs the procedure: recorded in the audit trail as the user acting. */
  operator: { id: string; naam: string };
  /** One id per run, as the audit entries' request id, so a run's entries can be found together. */
  runId: string;
}

export type Outcome =
  | 'te-verwijderen'
  | 'geexporteerd'
  | 'verwijderd'
  | 'al-verwijderd'
  | 'niet-meer-aan-de-beurt'
  | 'mislukt';

export interface RecordOutcome {
  transitionId: string;
  outcome: Outcome;
  endedOn?: IsoDate;
  dueOn?: IsoDate;
  /** Items per kind (no content): what was, or would be, exported and deleted. */
  counts: Record<string, number>;
  /** The error's class name only: a message might carry data. */
  error?: string;
}

export interface RetentionReport {
  mode: RetentionMode;
  today: IsoDate;
  years: number;
  transitions: number;
  active: number;
  /** Ended, but still within the retention period. */
  retained: number;
  due: RecordOutcome[];
}

/** More than this many rounds of "new items appeared while deleting" means something is still writing. */
const MAX_DELETE_ROUNDS = 3;

export class RecordStillChangingError extends Error {
  constructor() {
    super('items kept appearing in the record while it was deleted');
    this.name = 'RecordStillChangingError';
  }
}

export async function runRetention(
  deps: RetentionDeps,
  options: { mode: RetentionMode; years: number },
): Promise<RetentionReport> {
  if (options.mode !== 'dry-run' && !deps.exports) throw new Error('exporting or deleting needs an export directory');
  const today = todayInNetherlands(deps.now());
  const survey = await deps.records.survey();
  const decisions = survey.transitions.map((t) => ({ id: t.id, decision: retentionDecision(t, today, options.years) }));
  const report: RetentionReport = {
    mode: options.mode,
    today,
    years: options.years,
    transitions: decisions.length,
    active: decisions.filter((d) => !d.decision.due && d.decision.reason === 'actief').length,
    retained: decisions.filter((d) => !d.decision.due && d.decision.reason === 'bewaartermijn-loopt').length,
    due: [],
  };
  for (const { id } of decisions.filter((d) => d.decision.due)) {
    try {
      report.due.push(await handleRecord(deps, options, today, id, survey.elsewhere.get(id) ?? []));
    } catch (error) {
      // One record failing must not keep the others past their retention; the run reports it and fails.
      report.due.push({ transitionId: id, outcome: 'mislukt', counts: {}, error: (error as Error).name || 'Error' });
    }
  }
  return report;
}

async function handleRecord(
  deps: RetentionDeps,
  options: { mode: RetentionMode; years: number },
  today: IsoDate,
  transitionId: string,
  elsewhere: readonly ItemKey[],
): Promise<RecordOutcome> {
  let record = await deps.records.collect(transitionId, elsewhere);
  if (!record) return { transitionId, outcome: 'al-verwijderd', counts: {} };
  // Decided again on the consistent read: the survey is a Scan, which may be a moment behind.
  const decision = retentionDecision(record.transition, today, options.years);
  const base = { transitionId, counts: countByKind(record.items) };
  if (!decision.due) return { ...base, outcome: 'niet-meer-aan-de-beurt' };
  const dates = { endedOn: decision.endedOn, dueOn: decision.dueOn };
  if (options.mode === 'dry-run') return { ...base, ...dates, outcome: 'te-verwijderen' };

  const exports = deps.exports!;
  const bewaartermijn = { jaren: options.years, beeindigdOp: decision.endedOn, verwijderbaarVanaf: decision.dueOn };
  const exportRecord = async (current: PersonRecord): Promise<PersonRecordExport> => {
    const envelope = mergeExports(
      await exports.read(transitionId),
      buildExport({
        exportedAt: deps.now().toISOString(),
        transitionId,
        persoonRef: current.transition.persoonRef,
        items: current.items,
        bewaartermijn,
      }),
    );
    await exports.write(envelope);
    return envelope;
  };
  let envelope = await exportRecord(record);
  await deps.audit.append([
    auditEntry(deps, record.transition, 'exporteren', {
      versieVoor: record.transition.version,
      velden: Object.keys(envelope.aantallen),
    }),
  ]);
  if (options.mode === 'export') return { ...base, ...dates, outcome: 'geexporteerd' };

  const version = record.transition.version;
  for (let round = 0; ; round++) {
    const dependents = record.items.filter((i) => !isOwnItem(transitionId, i));
    if (!dependents.length) break;
    if (round >= MAX_DELETE_ROUNDS) throw new RecordStillChangingError();
    // Never delete an item the export does not hold (one written since it was made is exported first).
    if (!exportHolds(envelope, dependents)) envelope = await exportRecord(record);
    await deps.records.deleteItems(transitionId, dependents);
    const after = await deps.records.collect(transitionId, elsewhere);
    if (!after) return { ...base, ...dates, outcome: 'verwijderd' }; // a concurrent run finished it
    if (after.transition.version !== version) throw new TransitionChangedDuringDeletionError();
    record = after;
  }
  await deps.alarms?.clear(transitionId);
  // Recorded before the last delete: if recording fails, the transition is still there for the next run.
  await deps.audit.append([
    auditEntry(deps, record.transition, 'verwijderen', {
      versieVoor: version,
      velden: Object.keys(envelope.aantallen),
    }),
  ]);
  await deps.records.deleteTransition(transitionId, version);
  return { ...base, ...dates, counts: envelope.aantallen, outcome: 'verwijderd' };
}

export class TransitionChangedDuringDeletionError extends Error {
  constructor() {
    super('the transition changed while its record was deleted');
    this.name = 'TransitionChangedDuringDeletionError';
  }
}

function isOwnItem(transitionId: string, item: StoredItem): boolean {
  return item.pk === `TRANSITION#${transitionId}` && item.sk === 'TRANSITION';
}

function countByKind(items: readonly StoredItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[kindOf(item)] = (counts[kindOf(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The audit entry of an export or a deletion: about the person (their persoonRef, so it shows in their access
 * report), by the operator on behalf of the provider, on the ground of beheer, through the ops procedure.
 * It names the kinds of items, never their content. The person's own audit trail is not touched: it lives in
 * its own table and expires by its own retention.
 */
function auditEntry(
  deps: RetentionDeps,
  t: Transition,
  actie: 'exporteren' | 'verwijderen',
  wijziging: { versieVoor: number; velden: string[] },
): AuditEntry {
  return AuditEntry.parse({
    id: deps.newId(),
    at: deps.now().toISOString(),
    actie,
    operatie: 'bewaartermijn',
    onderdeel: 'dossier',
    persoonRef: t.persoonRef,
    transitionId: t.id,
    ...(t.teamId ? { teamId: t.teamId } : {}),
    gebruiker: { id: deps.operator.id, naam: deps.operator.naam, organisatieId: t.providerId, rol: 'beheerder' },
    namens: deps.operator,
    grond: 'beheer',
    waar: { requestId: deps.runId, kanaal: 'werkproces', bron: 'npm run retention' },
    wijziging,
  });
}
