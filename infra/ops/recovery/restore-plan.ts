import type { TableDesign } from '../../../functions/storage/table-design';
import type { ContinuousBackups, RestoreRequest } from './ports';

/** What a restore is made of, decided before anything is called: pure, unit-tested. */

/** `--to` must say its time zone: "10:15" in Amsterdam and in UTC are an hour or two apart. */
export function parseRestoreTime(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

const RESTORED_SUFFIX = /-restored-\d{8}T\d{4}$/;

/**
 * `<source>-restored-<yyyymmddThhmm>` (UTC, the point in time restored to): the name says what the table holds,
 * and a second run for the same time finds the table the first one made. Restoring a restored table replaces
 * its suffix rather than stacking a second one.
 */
export function restoredTableName(source: string, to: Date): string {
  const stamp = to.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `${source.replace(RESTORED_SUFFIX, '')}-restored-${stamp}`;
}

const show = (d: Date | undefined) => (d ? d.toISOString() : 'onbekend');

/** Why the time cannot be restored to, or undefined when it can (PITR on, within the restorable window). */
export function windowProblem(to: Date, backups: ContinuousBackups): string | undefined {
  if (backups.status !== 'ENABLED')
    return `point-in-time recovery staat niet aan op deze tabel (${backups.status}): er is niets om naar terug te gaan`;
  if (!backups.earliest || !backups.latest) return 'DynamoDB noemt geen hersteltijdvenster';
  if (to < backups.earliest || to > backups.latest) {
    return `${to.toISOString()} ligt buiten het hersteltijdvenster ${show(backups.earliest)} – ${show(backups.latest)}`;
  }
  return undefined;
}

/** The restore request: on-demand billing and the design's indexes are set in the request itself. */
export function restoreRequest(source: string, target: string, to: Date, design: TableDesign): RestoreRequest {
  return {
    sourceTableName: source,
    targetTableName: target,
    restoreDateTime: to,
    indexes: design.globalIndexes.map((i) => ({ name: i.indexName, partitionKey: i.partitionKey, sortKey: i.sortKey })),
  };
}

/**
 * The source's tags (stage, project), with where the table came from. Tags starting with `aws:` belong to
 * AWS (CloudFormation's own) and cannot be set by anyone else.
 */
export function tagsForRestored(sourceTags: Record<string, string>, source: string, to: Date): Record<string, string> {
  const own = Object.fromEntries(Object.entries(sourceTags).filter(([key]) => !key.startsWith('aws:')));
  return { ...own, 'landing:restored-from': source, 'landing:restored-to': to.toISOString() };
}
