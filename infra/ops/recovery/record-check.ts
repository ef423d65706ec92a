import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DynamoAuditLog } from '../../../functions/storage/dynamo-audit-log';
import { DynamoBudgetStore } from '../../../functions/storage/dynamo-budget-store';
import { DynamoSignalStore } from '../../../functions/storage/dynamo-signal-store';
import { DynamoTransitionStore } from '../../../functions/storage/dynamo-transition-store';
import type { Finding } from './design-check';

/**
 * What the records of a restored table look like, counted and cross-checked without reading what they say:
 * one paged, projected Scan (fine in a restore check; the product itself never scans), then a sample read
 * through the product's own stores, which parse every item with the domain's schemas.
 */

const NO_ENTITY = '(zonder entity)';
const MAX_IDS = 5;

export interface RecordSurvey {
  counts: Record<string, number>;
  /** Transition id → the ids of its begeleiders, as the transition item names them. */
  transitions: Map<string, string[]>;
  /** Transition id → the begeleiders that have an assignment item. */
  assignments: Map<string, Set<string>>;
  /** Transition id → how many timeline events. */
  timelines: Map<string, number>;
}

const BegeleiderIds = z.array(z.object({ id: z.string() }));

async function scanAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  attributes: string[],
  visit: (item: Record<string, unknown>) => void,
): Promise<void> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        // Keys and the few attributes the checks need; never the record's contents.
        ProjectionExpression: attributes.map((a) => `#${a}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((a) => [`#${a}`, a])),
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) visit(item);
    start = page.LastEvaluatedKey;
  } while (start);
}

const count = (counts: Record<string, number>, item: Record<string, unknown>) => {
  const entity = typeof item.entity === 'string' ? item.entity : NO_ENTITY;
  counts[entity] = (counts[entity] ?? 0) + 1;
};

export async function surveyRecords(db: DynamoDBDocumentClient, tableName: string): Promise<RecordSurvey> {
  const survey: RecordSurvey = { counts: {}, transitions: new Map(), assignments: new Map(), timelines: new Map() };
  await scanAll(db, tableName, ['pk', 'sk', 'entity', 'begeleiders'], (item) => {
    count(survey.counts, item);
    const pk = String(item.pk);
    const sk = String(item.sk);
    if (!pk.startsWith('TRANSITION#')) return;
    const id = pk.slice('TRANSITION#'.length);
    if (sk === 'TRANSITION')
      survey.transitions.set(
        id,
        (BegeleiderIds.safeParse(item.begeleiders).data ?? []).map((b) => b.id),
      );
    else if (sk.startsWith('BEGELEIDER#'))
      survey.assignments.set(id, (survey.assignments.get(id) ?? new Set()).add(sk.slice('BEGELEIDER#'.length)));
    else if (sk.startsWith('EVENT#')) survey.timelines.set(id, (survey.timelines.get(id) ?? 0) + 1);
  });
  return survey;
}

const some = (ids: string[]) => `${ids.slice(0, MAX_IDS).join(', ')}${ids.length > MAX_IDS ? ', …' : ''}`;

/**
 * Every transition has an assignment for each begeleider it names (the "my transitions" list reads those) and
 * no assignment is left without its transition or begeleider; every transition has a timeline. All of them
 * are written in one transaction with the transition, so a gap means the table is not what the product wrote.
 */
export function recordFindings(survey: RecordSurvey): Finding[] {
  const transitions = [...survey.transitions.keys()].sort();
  const missing = transitions.filter(
    (id) =>
      survey.transitions.get(id)!.some((b) => !survey.assignments.get(id)?.has(b)) ||
      survey.transitions.get(id)!.length === 0,
  );
  const stray = [...survey.assignments.entries()]
    .filter(([id, users]) => [...users].some((u) => !survey.transitions.get(id)?.includes(u)))
    .map(([id]) => id)
    .sort();
  const assignments = [...survey.assignments.values()].reduce((n, users) => n + users.size, 0);
  const problems = [
    ...(missing.length
      ? [`${missing.length} trajecten missen een begeleider of hun toewijzing (${some(missing)})`]
      : []),
    ...(stray.length
      ? [`${stray.length} trajecten hebben een toewijzing zonder traject of begeleider (${some(stray)})`]
      : []),
  ];
  const withoutTimeline = transitions.filter((id) => !survey.timelines.get(id));
  return [
    problems.length
      ? { check: 'begeleiders', ok: false, detail: problems.join('; ') }
      : {
          check: 'begeleiders',
          ok: true,
          detail: `${transitions.length} trajecten, ${assignments} toewijzingen, alle aanwezig`,
        },
    withoutTimeline.length
      ? {
          check: 'tijdlijn',
          ok: false,
          detail: `${withoutTimeline.length} trajecten zonder tijdlijn (${some(withoutTimeline)})`,
        }
      : {
          check: 'tijdlijn',
          ok: true,
          detail: `${transitions.length} trajecten, ${[...survey.timelines.values()].reduce((a, b) => a + b, 0)} gebeurtenissen`,
        },
  ];
}

/** Up to `n` ids spread over the sorted list, so a sample is not only the oldest or newest. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/** What went wrong in a read, without what was read: the error's class and, for a schema, the fields' paths. */
export function describeReadError(error: unknown): string {
  if (error instanceof z.ZodError)
    return `ZodError op ${[...new Set(error.issues.map((i) => i.path.join('.') || '(item)'))].join(', ')}`;
  return error instanceof Error ? error.name : 'onbekende fout';
}

async function sampleFinding(reads: { subject: string; read: () => Promise<unknown> }[]): Promise<Finding> {
  const failures: string[] = [];
  for (const { subject, read } of reads) {
    try {
      await read();
    } catch (error) {
      failures.push(`${subject}: ${describeReadError(error)}`);
    }
  }
  return failures.length
    ? {
        check: 'leesbaar',
        ok: false,
        detail: `${failures.length} van ${reads.length} steekproeflezingen mislukt: ${failures.slice(0, MAX_IDS).join('; ')}`,
      }
    : {
        check: 'leesbaar',
        ok: true,
        detail: `${reads.length} steekproeflezingen door de stores van het product, alle geldig`,
      };
}

/**
 * Sample reads as the product makes them: a transition, its timeline, the begeleider's list, its budget,
 * spends, ledger and signals, each parsed by the store with the domain's schema.
 */
export function sampleReads(
  db: DynamoDBDocumentClient,
  tableName: string,
  survey: RecordSurvey,
  n: number,
): Promise<Finding> {
  const transitions = new DynamoTransitionStore(db, tableName);
  const budgets = new DynamoBudgetStore(db, tableName);
  const signals = new DynamoSignalStore(db, tableName);
  const reads = spread([...survey.transitions.keys()].sort(), n).flatMap((id) => {
    const begeleider = survey.transitions.get(id)![0];
    return [
      { subject: `traject ${id}`, read: () => transitions.get(id) },
      { subject: `tijdlijn ${id}`, read: () => transitions.timeline(id) },
      ...(begeleider
        ? [
            {
              subject: `lijst van begeleider ${begeleider}`,
              read: () => transitions.listOfBegeleider(begeleider, { limit: 5 }),
            },
          ]
        : []),
      {
        subject: `regelbudget ${id}`,
        read: async () => [await budgets.get(id), await budgets.spends(id), await budgets.ledger(id)],
      },
      { subject: `signalen ${id}`, read: () => signals.list(id) },
    ];
  });
  return sampleFinding(reads);
}

export interface AuditSurvey {
  counts: Record<string, number>;
  /** `PERSON#<persoonRef>` partitions, and the days with refused requests (`WEIGERING#<day>`). */
  persons: string[];
  refusalDays: string[];
}

export async function surveyAudit(db: DynamoDBDocumentClient, tableName: string): Promise<AuditSurvey> {
  const counts: Record<string, number> = {};
  const persons = new Set<string>();
  const days = new Set<string>();
  await scanAll(db, tableName, ['pk', 'entity'], (item) => {
    count(counts, item);
    const pk = String(item.pk);
    if (pk.startsWith('PERSON#')) persons.add(pk.slice('PERSON#'.length));
    else if (pk.startsWith('WEIGERING#')) days.add(pk.slice('WEIGERING#'.length));
  });
  return { counts, persons: [...persons].sort(), refusalDays: [...days].sort() };
}

/** A person's trail and the refusals of a day, read as the audit capability reads them (parsed entries). */
export function auditSampleReads(
  db: DynamoDBDocumentClient,
  tableName: string,
  survey: AuditSurvey,
  n: number,
): Promise<Finding> {
  // The retention days only set `expiresAt` on writes; this reads.
  const log = new DynamoAuditLog(db, tableName, 1);
  return sampleFinding([
    ...spread(survey.persons, n).map((ref) => ({
      subject: `auditspoor ${ref}`,
      read: () => log.ofPerson(ref, { limit: 20 }),
    })),
    ...spread(survey.refusalDays, n).map((day) => ({
      subject: `weigeringen ${day}`,
      read: () => log.refusedRequestsOn(day, { limit: 20 }),
    })),
  ]);
}
