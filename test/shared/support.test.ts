import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeOn,
  contactGap,
  daysAtLevel,
  defaultSupportConfig as config,
  levelOn,
  levelSpans,
  longOnIntensief,
  oneDown,
  oneUp,
  proposeMoveScaleUp,
  reviewDate,
  supportLevels,
  type SupportChange,
  type SupportLevel,
} from '../../shared/domain/support/support';
import { triage } from '../../shared/domain/signals/thermometer';
import { supportOverview } from '../../shared/domain/transition/overview';

const door = { id: 'u', naam: 'U' };
const change = (niveau: SupportLevel, vanaf: string, tot?: string): SupportChange => ({
  id: `${niveau}-${vanaf}`,
  niveau,
  modaliteiten: ['thuis'],
  reden: 'test',
  vanaf,
  ...(tot ? { tot } : {}),
  door,
});

describe('support intensity over time', () => {
  const history = [
    change('regulier', '2027-01-01'),
    change('verhoogd', '2027-02-15', '2027-04-12'),
    change('licht', '2027-06-01'),
  ];

  it('falls back to the level before a temporary scale-up the day after it ends', () => {
    expect(levelOn(history, '2026-12-31')).toBeUndefined();
    expect(levelOn(history, '2027-02-14')).toBe('regulier');
    expect(levelOn(history, '2027-02-15')).toBe('verhoogd');
    expect(levelOn(history, '2027-04-12')).toBe('verhoogd');
    expect(levelOn(history, '2027-04-13')).toBe('regulier');
    expect(levelOn(history, '2027-06-01')).toBe('licht');
  });

  it('draws the history as spans and counts the days at each level', () => {
    expect(levelSpans(history, '2027-02-10', '2027-06-02').map((s) => `${s.niveau} ${s.van}..${s.tot}`)).toEqual([
      'regulier 2027-02-10..2027-02-14',
      'verhoogd 2027-02-15..2027-04-12',
      'regulier 2027-04-13..2027-05-31',
      'licht 2027-06-01..2027-06-02',
    ]);
    expect(daysAtLevel(history, '2027-01-01', '2027-01-31')).toEqual({ regulier: 31 });
  });

  it('proposes one level up around the move, from two weeks before to six weeks after', () => {
    expect(proposeMoveScaleUp(history, '2027-03-01', config)).toMatchObject({
      niveau: 'intensief',
      vanaf: '2027-02-15',
      tot: '2027-04-12',
    });
    expect(proposeMoveScaleUp([change('licht', '2027-01-01')], '2027-03-01', config).niveau).toBe('regulier');
  });

  it('reviews a scale-up after four weeks, or at its end when that is sooner', () => {
    expect(reviewDate(change('intensief', '2027-03-01'), config)).toBe('2027-03-29');
    expect(reviewDate(change('intensief', '2027-03-01', '2027-03-10'), config)).toBe('2027-03-10');
  });

  it('flags a transition on intensief for longer than the configured period', () => {
    const long = [change('intensief', '2027-01-01')];
    expect(longOnIntensief(long, '2027-03-31', config)).toBeUndefined();
    expect(longOnIntensief(long, '2027-04-01', config)).toBe(91);
  });

  it('asks the review whether a step down fits after long on intensief, and warns of nothing', () => {
    const t = {
      ondersteuning: [change('intensief', '2027-01-01')],
      ondersteuningEvaluaties: [],
      createdAt: '2027-01-01T09:00:00.000Z',
    };
    const before = supportOverview(t, '2027-03-31', config);
    expect(before.evaluatievraag).toBeUndefined();
    const after = supportOverview(t, '2027-04-01', config);
    expect(after).not.toHaveProperty('langIntensief');
    expect(after.evaluatievraag).toEqual({
      dagen: 91,
      vraag:
        'Al 91 dagen intensief. Voor de evaluatie, samen met de deelnemer: past een stap terug al, of is intensief ' +
        'nog nodig? Het tempo van de deelnemer is leidend.',
    });
  });

  it('raises a contact gap past what the level allows', () => {
    expect(contactGap('2027-03-01', '2027-01-01', 'waakvlam', '2027-03-31', config)).toBeUndefined();
    expect(contactGap('2027-03-01', '2027-01-01', 'waakvlam', '2027-04-02', config)).toBe(2);
    expect(contactGap(undefined, '2027-03-01', 'intensief', '2027-03-04', config)).toBe(1);
  });

  it('steps up and down within the scale (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...supportLevels), (level) => {
        const up = supportLevels.indexOf(oneUp(level));
        const down = supportLevels.indexOf(oneDown(level));
        const at = supportLevels.indexOf(level);
        return up === Math.max(0, at - 1) && down === Math.min(supportLevels.length - 1, at + 1);
      }),
    );
  });

  it('the level on any day is that of a change that covers the day (property)', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    const anyChange = fc
      .tuple(fc.constantFrom(...supportLevels), day, fc.option(fc.integer({ min: 0, max: 90 })))
      .map(([niveau, vanaf, length]) =>
        change(
          niveau,
          vanaf,
          length === null ? undefined : new Date(Date.parse(vanaf) + length * 86_400_000).toISOString().slice(0, 10),
        ),
      );
    fc.assert(
      fc.property(fc.array(anyChange, { maxLength: 12 }), day, (changes, d) => {
        const inForce = changeOn(changes, d);
        return inForce === undefined
          ? changes.every((c) => c.vanaf > d || (c.tot !== undefined && c.tot < d))
          : inForce.vanaf <= d && (!inForce.tot || inForce.tot >= d);
      }),
    );
  });

  it('draws the same spans as looking at every single day (property)', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    const anyChange = fc
      .tuple(fc.constantFrom(...supportLevels), day, fc.option(fc.integer({ min: 0, max: 90 })))
      .map(([niveau, vanaf, length]) =>
        change(
          niveau,
          vanaf,
          length === null ? undefined : new Date(Date.parse(vanaf) + length * 86_400_000).toISOString().slice(0, 10),
        ),
      );
    const dayByDay = (changes: SupportChange[], from: string, to: string) => {
      const spans: { niveau: SupportLevel; van: string; tot: string }[] = [];
      for (let d = from; d <= to; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) {
        const niveau = levelOn(changes, d);
        const last = spans.at(-1);
        if (!niveau) continue;
        if (
          last &&
          last.niveau === niveau &&
          new Date(Date.parse(last.tot) + 86_400_000).toISOString().slice(0, 10) === d
        )
          last.tot = d;
        else spans.push({ niveau, van: d, tot: d });
      }
      return spans;
    };
    fc.assert(
      fc.property(fc.array(anyChange, { maxLength: 12 }), day, day, (changes, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(levelSpans(changes, from, to)).toEqual(dayByDay(changes, from, to));
      }),
    );
  });
});

describe('urgency thermometer', () => {
  it('routes by total: green below 5, orange 5 to 9, red at 10', () => {
    expect(triage({ veiligheid: 1, gezondheid: 1, welzijn: 1, omvang: 0, duur: 1 })).toMatchObject({
      totaal: 4,
      fase: 'groen',
    });
    expect(triage({ veiligheid: 1, gezondheid: 1, welzijn: 1, omvang: 2, duur: 0 })).toMatchObject({
      totaal: 5,
      fase: 'oranje',
    });
    expect(triage({ veiligheid: 2, gezondheid: 2, welzijn: 2, omvang: 2, duur: 2 })).toMatchObject({
      totaal: 10,
      fase: 'rood',
    });
  });
});
