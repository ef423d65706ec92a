import { describe, expect, it } from 'vitest';
import {
  buildExport,
  exportHolds,
  mergeExports,
  type StoredItem,
} from '../../functions/retention/person-record-export';

const item = (sk: string, entity: string | undefined, extra: Record<string, unknown> = {}): StoredItem => ({
  pk: 'TRANSITION#t1',
  sk,
  ...(entity ? { entity } : {}),
  transitionId: 't1',
  ...extra,
});
const base = { transitionId: 't1', persoonRef: 'p1' };

describe('the export of a person’s record', () => {
  it('is a versioned envelope with the items grouped by kind, in a fixed order', () => {
    const envelope = buildExport({
      ...base,
      exportedAt: '2026-01-15T09:00:00.000Z',
      items: [
        item('EVENT#2', 'TimelineEvent'),
        item('X#1', 'Zelfgemaakt'),
        { pk: 'OUTBOX#e1', sk: 'OUTBOX', entity: 'OutboxEvent' },
        item('TRANSITION', 'Transition'),
        item('EVENT#1', 'TimelineEvent'),
        item('Y', undefined),
        item('A#1', 'Anders'),
      ],
    });
    expect(envelope).toMatchObject({
      format: 'landing.persoonsdossier',
      version: 1,
      exportedAt: '2026-01-15T09:00:00.000Z',
      transitionId: 't1',
      persoonRef: 'p1',
    });
    expect(Object.keys(envelope.items)).toEqual([
      'Transition',
      'TimelineEvent',
      'OutboxEvent',
      'Anders',
      'Onbekend',
      'Zelfgemaakt',
    ]);
    expect(envelope.items.TimelineEvent!.map((i) => i.sk)).toEqual(['EVENT#1', 'EVENT#2']);
    expect(envelope.aantallen).toEqual({
      Transition: 1,
      TimelineEvent: 2,
      OutboxEvent: 1,
      Anders: 1,
      Onbekend: 1,
      Zelfgemaakt: 1,
    });
  });

  it('is the same document whatever order DynamoDB returned items and attributes in', () => {
    const a = buildExport({
      ...base,
      exportedAt: 'x',
      items: [item('EVENT#1', 'TimelineEvent', { b: 1, a: { d: 2, c: 3 } }), item('TRANSITION', 'Transition')],
    });
    const b = buildExport({
      ...base,
      exportedAt: 'x',
      items: [
        item('TRANSITION', 'Transition'),
        { a: { c: 3, d: 2 }, b: 1, transitionId: 't1', entity: 'TimelineEvent', sk: 'EVENT#1', pk: 'TRANSITION#t1' },
      ],
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('holds each item once', () => {
    const envelope = buildExport({
      ...base,
      exportedAt: 'x',
      items: [item('EVENT#1', 'TimelineEvent'), item('EVENT#1', 'TimelineEvent')],
    });
    expect(envelope.aantallen).toEqual({ TimelineEvent: 1 });
  });

  it('merges into an earlier export of a run that stopped: nothing exported before is lost', () => {
    const earlier = buildExport({
      ...base,
      exportedAt: '1',
      items: [
        item('TRANSITION', 'Transition', { version: 3 }),
        item('EVENT#1', 'TimelineEvent'),
        item('EVENT#2', 'TimelineEvent'),
      ],
      bewaartermijn: { jaren: 15, beeindigdOp: '2010-03-01', verwijderbaarVanaf: '2025-03-02' },
    });
    const now = buildExport({
      ...base,
      exportedAt: '2',
      items: [item('TRANSITION', 'Transition', { version: 3, nieuw: true }), item('EVENT#2', 'TimelineEvent')],
    });
    const merged = mergeExports(earlier, now);
    expect(merged.exportedAt).toBe('2');
    expect(merged.aantallen).toEqual({ Transition: 1, TimelineEvent: 2 });
    expect(merged.items.Transition![0]).toMatchObject({ nieuw: true });
    expect(merged.bewaartermijn).toEqual(earlier.bewaartermijn);
    expect(exportHolds(merged, [item('EVENT#1', 'TimelineEvent')])).toBe(true);
    expect(exportHolds(now, [item('EVENT#1', 'TimelineEvent')])).toBe(false);
    expect(() => mergeExports(earlier, { ...now, transitionId: 't2' })).toThrow();
  });
});
