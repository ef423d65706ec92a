import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateDemoHistory,
  historyOrganisation,
  LATE_UITKERING_GEMEENTE,
  seedDemoHistory,
  type HistoryRecord,
} from '../../infra/local/demo-history';
import { gemeenteVanWijkcode, geaccepteerdeAanbieding } from '../../shared/domain/woning/woning';
import { Transition } from '../../shared/domain/transition/transition';
import { TimelineEvent } from '../../shared/domain/transition/timeline';
import { isGeland } from '../../shared/domain/transition/landing';
import { DynamoTransitionStore } from '../../functions/storage/dynamo-transition-store';
import { createTestTable, type TestTable } from '../support/dynamo';

const today = '2026-12-07';
let history: HistoryRecord[];
beforeAll(() => {
  history = generateDemoHistory({ seed: 7, today, count: 300 });
}, 120_000);
const last = (r: HistoryRecord) => r.changes.at(-1)?.next ?? r.transition;

describe('the demo history', () => {
  it('is the same for the same seed and day, and other for another seed', () => {
    // People are drawn one after the other: the first 60 of the same seed are the first 60 of 300.
    expect(generateDemoHistory({ seed: 7, today, count: 60 })).toEqual(history.slice(0, 60));
    expect(generateDemoHistory({ seed: 8, today, count: 60 })).not.toEqual(history.slice(0, 60));
  }, 120_000);

  it('is what the domain would have written: every version parses, every step was allowed, in order', () => {
    for (const r of history) {
      expect(r.refused).toEqual([]);
      expect(Transition.parse(r.transition)).toEqual(r.transition);
      let version = r.transition.version;
      let at = r.firstEvent.at;
      for (const change of r.changes) {
        expect(Transition.safeParse(change.next).success).toBe(true);
        expect(TimelineEvent.safeParse(change.event).success).toBe(true);
        expect(change.before.version).toBe(version);
        expect(change.next.version).toBe(++version);
        expect(change.event.at >= at).toBe(true);
        expect(change.event.at.slice(0, 10) <= today).toBe(true);
        at = change.event.at;
      }
    }
  });

  it('has a realistic spread: origins, landed and housed, stays elsewhere, endings with reasons, omklap', () => {
    const finals = history.map(last);
    const count = (p: (t: Transition) => boolean) => finals.filter(p).length;
    for (const herkomst of ['BW', 'MO', 'begeleid-wonen'] as const)
      expect(count((t) => t.herkomst === herkomst)).toBeGreaterThan(20);
    const moved = count((t) => Boolean(t.verhuisdOp));
    expect(moved).toBeGreaterThan(150);
    expect(count((t) => t.fase === 'geland' && isGeland(t.landingsoordelen))).toBeGreaterThan(60);
    expect(count((t) => t.fase === 'beeindigd')).toBeLessThan(moved / 4);
    for (const reden of ['terug-naar-bw-mo', 'verhuisd-buiten-regio', 'overleden'] as const)
      expect(count((t) => t.beeindiging?.reden === reden)).toBeGreaterThan(0);
    const stays = history.filter((r) => r.changes.some((c) => c.event.type === 'tijdelijk-verblijf-gestart'));
    expect(stays.length).toBeGreaterThan(10);
    expect(
      history.filter((r) => r.changes.some((c) => c.event.type === 'tijdelijk-verblijf-afgelopen')).length,
    ).toBeGreaterThan(stays.length / 2);
    expect(count((t) => t.omklapBesluiten.some((b) => b.besluit === 'omklap'))).toBeGreaterThan(20);
    expect(count((t) => t.landingsoordelen.some((o) => o.maanden === 24))).toBeGreaterThan(10);
    expect(count((t) => t.nazorg?.vorm === 'overgedragen')).toBeGreaterThan(10);
    // Every municipality of the U16 has people, and every placed woning has a wijkcode of its municipality.
    expect(new Set(finals.map((t) => t.gemeenteCode)).size).toBe(16);
    for (const t of finals) {
      const woning = geaccepteerdeAanbieding(t.aanbiedingen);
      if (woning) expect(gemeenteVanWijkcode(woning.wijkcode!)).toBe(t.gemeenteCode);
    }
  });

  it('has the uitkering start after the move in one municipality only', () => {
    const late = history
      .map(last)
      .filter((t) => t.verhuisdOp && t.uitkering.ingangsdatum && t.uitkering.ingangsdatum > t.verhuisdOp);
    expect(late.length).toBeGreaterThan(3);
    expect(new Set(late.map((t) => t.gemeenteCode))).toEqual(new Set([LATE_UITKERING_GEMEENTE]));
  });

  it('is clearly invented: a provider of its own, names nobody has', () => {
    for (const r of history) {
      expect(r.transition.providerId).toBe(historyOrganisation.id);
      expect(r.transition.persoon.achternaam).toMatch(/^[A-Z][a-z]+$/);
    }
  });
});

describe('loading the demo history into DynamoDB', () => {
  let table: TestTable;
  const scan = async () => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table.db.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
  };

  beforeAll(async () => {
    table = await createTestTable('demo-history');
  });

  it('writes it through the stores once; loading it again writes nothing new', async () => {
    const first = await seedDemoHistory(table.db, table.tableName, today, { seed: 7, count: 40 });
    expect(first.transitions).toBe(40);
    expect(first.written).toBeGreaterThan(30);
    const after = await scan();
    const records = generateDemoHistory({ seed: 7, today, count: 40 });
    // Each person is stored as the replay left them, and every step is in their timeline, oldest first.
    const store = new DynamoTransitionStore(table.db, table.tableName);
    for (const r of records) {
      expect(await store.get(r.transition.id)).toEqual(last(r));
      expect(await store.timeline(r.transition.id)).toEqual([r.firstEvent, ...r.changes.map((c) => c.event)]);
    }
    expect(after.filter((i) => i.entity === 'Transition')).toHaveLength(40);

    const again = await seedDemoHistory(table.db, table.tableName, today, { seed: 7, count: 40 });
    expect(again.written).toBe(0);
    expect(await scan()).toEqual(after);
  }, 300_000);
});
