import type { TableDesign } from '../../../functions/storage/table-design';
import type { TableKind } from './repoint';
import type { TableFacts } from './ports';

/** One check of a restored table: its name (what docs/RECOVERY.md explains), whether it holds, and why not. */
export interface Finding {
  check: string;
  ok: boolean;
  detail: string;
}

const schemaText = (schema: { attribute: string; type: string }[]) =>
  schema.map((k) => `${k.attribute}/${k.type}`).join(', ') || 'geen';
const designed = (partitionKey: string, sortKey: string) => [
  { attribute: partitionKey, type: 'HASH' },
  { attribute: sortKey, type: 'RANGE' },
];

/**
 * Keys and indexes equal to the design in functions/storage/table-design.ts: the same key schema, exactly the
 * designed global indexes with their keys, each ACTIVE. A restore with another index would make every Query on
 * it fail in the product, so this is checked before anything points at the table.
 */
export function designFindings(facts: TableFacts | undefined, design: TableDesign): Finding {
  const check = 'sleutels en indexen';
  if (!facts) return { check, ok: false, detail: 'de tabel bestaat niet' };
  const problems: string[] = [];
  const expectedKeys = designed(design.partitionKey, design.sortKey);
  if (schemaText(facts.keySchema) !== schemaText(expectedKeys))
    problems.push(`sleutels ${schemaText(facts.keySchema)}; ontwerp ${schemaText(expectedKeys)}`);
  for (const index of design.globalIndexes) {
    const found = facts.indexes.find((i) => i.name === index.indexName);
    const expected = designed(index.partitionKey, index.sortKey);
    if (!found) problems.push(`index ${index.indexName} ontbreekt`);
    else if (schemaText(found.keySchema) !== schemaText(expected))
      problems.push(
        `index ${index.indexName}: sleutels ${schemaText(found.keySchema)}; ontwerp ${schemaText(expected)}`,
      );
    else if (found.status !== 'ACTIVE') problems.push(`index ${index.indexName} is ${found.status}`);
  }
  for (const extra of facts.indexes.filter((i) => !design.globalIndexes.some((d) => d.indexName === i.name)))
    problems.push(`index ${extra.name} staat niet in het ontwerp`);
  return problems.length
    ? { check, ok: false, detail: problems.join('; ') }
    : {
        check,
        ok: true,
        detail: `${schemaText(expectedKeys)}; ${design.globalIndexes.map((i) => i.indexName).join(', ')} als ontworpen`,
      };
}

export interface RestoredSettings {
  timeToLive: { attribute?: string; enabled: boolean };
  pointInTimeRecovery: string;
  facts: TableFacts;
  /** Deletion protection as the source had it: the stage's setting (the audit table: always on). */
  deletionProtection: boolean;
}

/**
 * What a restore does not carry over and the procedure set again, read back: TTL on the design's attribute
 * (idempotency records and audit entries expire), PITR (the restored table can be restored in turn), deletion
 * protection as on the source, and for the product table the stream with both images (the webhook outbox).
 */
export function settingsFindings(settings: RestoredSettings, kind: TableKind, design: TableDesign): Finding[] {
  const ttlOk = settings.timeToLive.enabled && settings.timeToLive.attribute === design.timeToLiveAttribute;
  const findings: Finding[] = [
    {
      check: 'TTL',
      ok: ttlOk,
      detail: ttlOk ? `aan op ${design.timeToLiveAttribute}` : `verwacht aan op ${design.timeToLiveAttribute}`,
    },
    {
      check: 'PITR',
      ok: settings.pointInTimeRecovery === 'ENABLED',
      detail: settings.pointInTimeRecovery.toLowerCase(),
    },
    {
      check: 'verwijderbeveiliging',
      ok: settings.facts.deletionProtection === settings.deletionProtection,
      detail: `${settings.facts.deletionProtection ? 'aan' : 'uit'}${settings.facts.deletionProtection === settings.deletionProtection ? ', als de bron' : `; de bron: ${settings.deletionProtection ? 'aan' : 'uit'}`}`,
    },
  ];
  if (kind === 'main') {
    const streamOk = settings.facts.streamViewType === 'NEW_AND_OLD_IMAGES' && Boolean(settings.facts.streamArn);
    findings.push({
      check: 'stream',
      ok: streamOk,
      detail: streamOk
        ? 'NEW_AND_OLD_IMAGES'
        : `verwacht NEW_AND_OLD_IMAGES, is ${settings.facts.streamViewType ?? 'uit'}`,
    });
  }
  return findings;
}
