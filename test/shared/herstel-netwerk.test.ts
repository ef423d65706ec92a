import { describe, expect, it } from 'vitest';
import { InvalidInput, RuleViolation } from '../../shared/domain/common/errors';
import {
  addLid,
  changeLid,
  endLid,
  LidNotFound,
  netwerkRelaties,
  netwerkSamenvatting,
  samenvattingTekst,
  standaardSoort,
  type NetwerkLid,
} from '../../shared/domain/herstel/netwerk';

const today = '2027-05-10';
let n = 0;
const ctx = { today, newId: () => `lid-${++n}` };

function lid(fields: Partial<NetwerkLid> = {}): NetwerkLid {
  return {
    id: `lid-${++n}`,
    versie: 1,
    naam: 'Marieke',
    relatie: 'familie',
    soort: 'natuurlijk-netwerk',
    band: 'steunend',
    toestemmingBereikbaar: false,
    sinds: '2027-01-01',
    ...fields,
  };
}

const invalid = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return error.invalidParams;
    throw error;
  }
  throw new Error('not refused');
};

describe('how to reach a member: only with the person’s consent', () => {
  it('refuses bereikbaar without consent, in Dutch, on the field', () => {
    const params = invalid(() =>
      addLid({ naam: 'buurman', relatie: 'buren', band: 'steunend', bereikbaar: '06-12345678' }, ctx),
    );
    expect(params).toEqual([
      { name: 'bereikbaar', code: 'toestemming_nodig', reason: expect.stringMatching(/instemt/) },
    ]);
  });

  it('keeps bereikbaar with consent', () => {
    const added = addLid(
      { naam: 'Henk', relatie: 'buren', band: 'steunend', toestemmingBereikbaar: true, bereikbaar: '06-12345678' },
      ctx,
    );
    expect(added.data).toMatchObject({ toestemmingBereikbaar: true, bereikbaar: '06-12345678' });
  });

  it('removes bereikbaar when consent is withdrawn', () => {
    const henk = lid({ relatie: 'buren', toestemmingBereikbaar: true, bereikbaar: '06-12345678' });
    const changed = changeLid(
      [henk],
      henk.id,
      { versie: 1, naam: 'Henk', relatie: 'buren', band: 'steunend', toestemmingBereikbaar: false },
      ctx,
    );
    expect(changed.data.bereikbaar).toBeUndefined();
    expect(changed.data.toestemmingBereikbaar).toBe(false);
    expect(changed.seenVersie).toBe(1);
  });

  it('does not keep how to reach someone who left the network', () => {
    const henk = lid({ relatie: 'buren', toestemmingBereikbaar: true, bereikbaar: '06-12345678' });
    const ended = endLid([henk], henk.id, { versie: 1 }, ctx);
    expect(ended.data).toMatchObject({ nietMeerOp: today, naam: 'Marieke' });
    expect(ended.data.bereikbaar).toBeUndefined();
  });
});

describe('the ring a member is in', () => {
  it('takes the relation’s usual ring when none is chosen, and the chosen one otherwise', () => {
    expect(addLid({ naam: 'zus', relatie: 'familie', band: 'steunend' }, ctx).data.soort).toBe('natuurlijk-netwerk');
    expect(addLid({ naam: 'dokter', relatie: 'huisarts', band: 'steunend' }, ctx).data.soort).toBe(
      'algemene-voorziening',
    );
    expect(addLid({ naam: 'bewindvoerder', relatie: 'bewindvoerder', band: 'steunend' }, ctx).data.soort).toBe(
      'professioneel',
    );
    expect(
      addLid({ naam: 'maatje Rob', relatie: 'maatje', soort: 'natuurlijk-netwerk', band: 'steunend' }, ctx).data.soort,
    ).toBe('natuurlijk-netwerk');
  });

  it('has a usual ring for every relation', () => {
    for (const relatie of netwerkRelaties) expect(standaardSoort[relatie]).toBeDefined();
  });

  it('names the relation, never the member, in what the timeline says', () => {
    const added = addLid({ naam: 'Marieke Jansen', relatie: 'familie', band: 'steunend' }, ctx);
    expect(added.omschrijving).toBe('Toegevoegd aan het steunsysteem: familie');
  });
});

describe('changing and ending', () => {
  it('refuses to change or end a member who left, and an unknown member', () => {
    const gone = lid({ nietMeerOp: '2027-04-01' });
    expect(() =>
      changeLid([gone], gone.id, { versie: 1, naam: 'x', relatie: 'familie', band: 'steunend' }, ctx),
    ).toThrow(RuleViolation);
    expect(() => endLid([gone], gone.id, { versie: 1 }, ctx)).toThrow(RuleViolation);
    expect(() => endLid([gone], 'onbekend', { versie: 1 }, ctx)).toThrow(LidNotFound);
  });

  it('refuses a date in the future or before the tie began', () => {
    const zus = lid({ sinds: '2027-03-01' });
    expect(invalid(() => endLid([zus], zus.id, { versie: 1, op: '2027-06-01' }, ctx))[0]?.name).toBe('op');
    expect(invalid(() => endLid([zus], zus.id, { versie: 1, op: '2027-02-01' }, ctx))[0]?.name).toBe('op');
    expect(
      invalid(() => addLid({ naam: 'a', relatie: 'vriend', band: 'steunend', sinds: '2027-06-01' }, ctx))[0]?.name,
    ).toBe('sinds');
  });
});

describe('the summary for afschalen', () => {
  const leden = [
    lid({ sinds: '2026-06-01' }),
    lid({ sinds: '2027-02-01', relatie: 'buren' }),
    lid({ sinds: '2027-04-01', relatie: 'maatje', soort: 'algemene-voorziening' }),
    lid({ sinds: '2026-06-01', band: 'overbelast' }),
    lid({ sinds: '2026-06-01', band: 'belastend', relatie: 'vriend', nietMeerOp: '2027-03-15' }),
    lid({ sinds: '2026-06-01', soort: 'professioneel', relatie: 'huisarts' }),
  ];

  it('counts who is in the network now, per ring and per tie', () => {
    const s = netwerkSamenvatting(leden, today);
    expect(s.aantal).toBe(5);
    expect(s.perSoort).toEqual({
      'eigen-kracht': 0,
      'natuurlijk-netwerk': 3,
      'algemene-voorziening': 1,
      professioneel: 1,
    });
    expect(s.perBand).toEqual({ steunend: 4, overbelast: 1, belastend: 0 });
    expect(s.sinds).toBeUndefined();
  });

  it('compares to a date: who came and who left since', () => {
    const s = netwerkSamenvatting(leden, today, '2027-01-15');
    expect(s.sinds).toEqual({ datum: '2027-01-15', nieuw: 2, weg: 1 });
    expect(samenvattingTekst(s)).toBe(
      'Steunsysteem: 4 steunend, 1 overbelast; 2 nieuw, 1 niet meer sinds de vorige evaluatie.',
    );
  });

  it('says so when nothing changed, and when nobody is recorded', () => {
    expect(samenvattingTekst(netwerkSamenvatting(leden, today, '2027-05-01'))).toBe(
      'Steunsysteem: 4 steunend, 1 overbelast; niets veranderd sinds de vorige evaluatie.',
    );
    expect(samenvattingTekst(netwerkSamenvatting([], today, '2027-05-01'))).toBe(
      'Steunsysteem: nog niemand vastgelegd.',
    );
  });
});
