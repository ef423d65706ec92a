import { describe, expect, it } from 'vitest';
import { RuleViolation, StaleVersion } from '../../shared/domain/common/errors';
import type { HerstelItem } from '../../shared/domain/herstel/herstel-item';
import {
  kwaliteitFromItems,
  RecordScoreInput,
  recordScore,
  verloop,
  type Score,
} from '../../shared/domain/herstel/kwaliteit';
import {
  agreeProfiel,
  NewProfielInput,
  newProfielVersie,
  profielFromItems,
  type HerstelCommandContext,
} from '../../shared/domain/herstel/profiel';

const ctx = (items: HerstelItem[] = []): HerstelCommandContext => ({
  items,
  today: '2027-03-10',
  actor: { id: 'u-sanne', naam: 'Sanne de Vries' },
  newId: () => 'score-1',
});
const body = {
  domeinen: { wonen: { huidig: 'Studio in de opvang', wensen: 'Een eigen huis met een tuintje' } },
  belangrijksteWensen: [{ levensdomein: 'wonen', wens: 'Een eigen huis' }],
  opgesteldMet: 'Anouk en Sanne',
  gebaseerdOpVersie: 0,
};
const stored = (decided: ReturnType<typeof newProfielVersie>, versie = 1): HerstelItem => ({ ...decided.item, versie });

describe('Persoonlijk Profiel', () => {
  it('has all eight levensdomeinen with three columns, empty where nothing was said', () => {
    const input = NewProfielInput.parse(body);
    expect(Object.keys(input.domeinen)).toHaveLength(8);
    expect(input.domeinen.wonen).toEqual({
      huidig: 'Studio in de opvang',
      wensen: 'Een eigen huis met een tuintje',
      vroeger: '',
    });
    expect(input.domeinen.zingeving).toEqual({ huidig: '', wensen: '', vroeger: '' });
  });

  it('needs one to five belangrijkste wensen, and says so in Dutch', () => {
    const none = NewProfielInput.safeParse({ ...body, belangrijksteWensen: [] });
    expect(none.error?.issues[0]?.message).toBe('Schrijf minstens één belangrijkste wens op.');
    const six = Array.from({ length: 6 }, () => ({ levensdomein: 'wonen', wens: 'Een eigen huis' }));
    expect(NewProfielInput.safeParse({ ...body, belangrijksteWensen: six }).error?.issues[0]?.message).toBe(
      'Kies hooguit vijf belangrijkste wensen.',
    );
  });

  it('makes version 1 under item id 0001, then version 2 on it; a stale base is refused', () => {
    const first = newProfielVersie(NewProfielInput.parse(body), ctx());
    expect(first.item.id).toBe('0001');
    expect(first.event.type).toBe('profiel-vastgelegd');
    const second = newProfielVersie(NewProfielInput.parse({ ...body, gebaseerdOpVersie: 1 }), ctx([stored(first)]));
    expect(second.item.id).toBe('0002');
    expect(second.seenVersie).toBeUndefined();
    expect(() => newProfielVersie(NewProfielInput.parse(body), ctx([stored(first)]))).toThrow(StaleVersion);
  });

  it('records agreement on the latest version only, not in the future, not twice', () => {
    const first = stored(newProfielVersie(NewProfielInput.parse(body), ctx()));
    const second = stored(newProfielVersie(NewProfielInput.parse({ ...body, gebaseerdOpVersie: 1 }), ctx([first])));
    const items = [first, second];
    expect(() => agreeProfiel({ versie: 1, op: '2027-03-10' }, ctx(items))).toThrow(
      'Alleen de laatste versie van het profiel (versie 2) kan akkoord krijgen.',
    );
    expect(() => agreeProfiel({ versie: 2, op: '2027-03-11' }, ctx(items))).toThrow(
      'Het akkoord kan niet in de toekomst liggen.',
    );
    const agreed = agreeProfiel({ versie: 2, op: '2027-03-10' }, ctx(items));
    expect(agreed).toMatchObject({ item: { id: '0002' }, seenVersie: 1, requireAbsent: { id: '0003' } });
    const after = [first, { ...agreed.item, versie: 2 }];
    expect(profielFromItems(after).map((v) => v.akkoordPersoonOp)).toEqual([undefined, '2027-03-10']);
    expect(() => agreeProfiel({ versie: 2, op: '2027-03-10' }, ctx(after))).toThrow(RuleViolation);
  });
});

describe('kwaliteit van bestaan and ZRM scores', () => {
  it('takes 1 to 5 per dimension, some left out; 6 is refused in Dutch', () => {
    const ok = RecordScoreInput.safeParse({
      instrument: 'kvb',
      moment: 'start',
      op: '2027-01-05',
      scores: { 'emotioneel-welbevinden': 2, rechten: 5 },
    });
    expect(ok.success).toBe(true);
    const six = RecordScoreInput.safeParse({
      instrument: 'kvb',
      moment: 'start',
      op: '2027-01-05',
      scores: { rechten: 6 },
    });
    expect(six.error?.issues.map((i) => i.message)).toEqual(['Een score is 1 tot en met 5.']);
    const zrmOnKvb = RecordScoreInput.safeParse({
      instrument: 'kvb',
      moment: 'start',
      op: '2027-01-05',
      scores: { justitie: 3 },
    });
    expect(zrmOnKvb.success).toBe(false);
    const none = RecordScoreInput.safeParse({ instrument: 'zrm', moment: 'start', op: '2027-01-05', scores: {} });
    expect(none.error?.issues[0]?.message).toBe('Vul minstens één score in.');
  });

  it('refuses a scoring in the future', () => {
    const input = RecordScoreInput.parse({
      instrument: 'zrm',
      moment: '6-maanden',
      op: '2027-03-11',
      scores: { financien: 3 },
    });
    expect(() => recordScore(input, ctx())).toThrow('Een scoring kan niet in de toekomst liggen.');
  });

  it('shows a dimension over time and the change since the first score in words', () => {
    const score = (op: string, moment: Score['moment'], value: number, instrument: Score['instrument'] = 'kvb') =>
      recordScore(RecordScoreInput.parse({ instrument, moment, op, scores: { 'sociale-inclusie': value } as never }), {
        ...ctx(),
        newId: () => op,
      });
    const items = [
      score('2026-09-01', 'start', 2),
      score('2027-03-01', '6-maanden', 4),
      score('2026-12-01', 'verhuizing', 3),
    ].map((d) => ({ ...d.item, versie: 1 }));
    const scores = kwaliteitFromItems(items);
    const v = verloop(scores, 'kvb', 'sociale-inclusie');
    expect(v.punten.map((p) => p.score)).toEqual([2, 3, 4]);
    expect(v.verandering).toBe('2 → 4, hoger');
    expect(verloop(scores.slice(0, 1), 'kvb', 'sociale-inclusie').verandering).toBeUndefined();
    expect(verloop(scores, 'kvb', 'rechten').punten).toEqual([]);
  });
});
