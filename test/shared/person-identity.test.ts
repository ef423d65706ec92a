import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personHash } from '../../functions/storage/dynamo-transition-store';
import { invalidParamsFrom } from '../../shared/api/problem';
import { personIdentity } from '../../shared/domain/transition/person-identity';
import { AanmeldingInput } from '../../shared/domain/transition/transition';

const jan = { voornaam: 'Jan', achternaam: 'de Vries', geboortedatum: '1980-05-17' };

// Code points Unicode marks Default_Ignorable: they render as nothing, so a name with them looks the same.
const ignorables = [
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u115f',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u2063',
  '\ufeff',
  '\ufe0f',
  '\u{e0041}',
];

describe('who a person is, for one active transition per person', () => {
  it('is the same person however the same name is written in Unicode', () => {
    const variants = [
      { ...jan, voornaam: 'Ja\u200bn' }, // zero-width space
      { ...jan, achternaam: 'de Vr\u00adies' }, // soft hyphen
      { ...jan, voornaam: 'J\u0430n' }, // Cyrillic а
      { ...jan, achternaam: 'de Vr\u0456es' }, // Cyrillic і
      { ...jan, voornaam: '\u0408an' }, // Cyrillic Ј
      { ...jan, voornaam: 'Ｊａｎ' }, // fullwidth
      { ...jan, achternaam: 'de\u00a0Vries' }, // no-break space
      { ...jan, voornaam: 'JAN', achternaam: 'DE VRIES' },
      { ...jan, achternaam: 'de Vri\u0435s' }, // Cyrillic е
    ];
    for (const v of variants) expect(personHash(v), JSON.stringify(v)).toBe(personHash(jan));
  });

  it('folds Greek look-alikes and accents, and NFC and NFD forms of one name', () => {
    const henk = { voornaam: 'Henk', achternaam: 'Ozdemir', geboortedatum: '1975-01-01' };
    expect(personHash({ ...henk, voornaam: '\u0397enk' })).toBe(personHash(henk)); // Greek Eta
    expect(personHash({ ...henk, achternaam: '\u039fzdemir' })).toBe(personHash(henk)); // Greek Omicron
    const nfc = { ...henk, achternaam: 'Özdemir'.normalize('NFC') };
    const nfd = { ...henk, achternaam: 'Özdemir'.normalize('NFD') };
    expect(personHash(nfc)).toBe(personHash(nfd));
    expect(personHash(nfc)).toBe(personHash(henk));
    expect(personHash({ ...henk, achternaam: 'O\u0308zdemir\u0338' })).toBe(personHash(henk));
  });

  it('still tells different people apart', () => {
    expect(personHash({ ...jan, voornaam: 'Jans' })).not.toBe(personHash(jan));
    expect(personHash({ ...jan, geboortedatum: '1980-05-18' })).not.toBe(personHash(jan));
    expect(personHash({ ...jan, voornaam: 'Jan Willem' })).not.toBe(personHash({ ...jan, voornaam: 'Janwillem' }));
  });

  it('gives the same hash for any insertion of default-ignorable code points', () => {
    const name = fc.string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäéëïöü ÀÉ-'".split('')),
      minLength: 1,
      maxLength: 20,
    });
    const insertion = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ignorables)), { maxLength: 6 });
    const insert = (s: string, at: Array<[number, string]>) =>
      at.reduce((acc, [i, c]) => {
        const chars = Array.from(acc);
        chars.splice(i % (chars.length + 1), 0, c);
        return chars.join('');
      }, s);
    fc.assert(
      fc.property(name, name, insertion, insertion, (voornaam, achternaam, inV, inA) => {
        const plain = { voornaam, achternaam, geboortedatum: '1990-01-01' };
        const hidden = { ...plain, voornaam: insert(voornaam, inV), achternaam: insert(achternaam, inA) };
        expect(personIdentity(hidden)).toBe(personIdentity(plain));
        expect(personHash(hidden)).toBe(personHash(plain));
      }),
    );
  });
});

describe('names in an aanmelding', () => {
  const valid = { persoon: jan, gemeenteCode: 'GM0344', herkomst: 'MO', begeleiderIds: ['u-sanne'] };
  const errorsFor = (persoon: Partial<typeof jan>) => {
    const result = AanmeldingInput.safeParse({ ...valid, persoon: { ...jan, ...persoon } });
    return result.success ? [] : invalidParamsFrom(result.error);
  };

  it('refuses a name that is empty or invisible once normalised, in Dutch', () => {
    for (const voornaam of ['\u200b', '\u00ad\u200d', '\u3164', '\u2800\u2800', '-', '\u0301']) {
      const errors = errorsFor({ voornaam });
      expect(
        errors.map((e) => e.name),
        JSON.stringify(voornaam),
      ).toEqual(['persoon.voornaam']);
      expect(errors[0]!.reason).toMatch(/^Vul de voornaam in|voornaam bevat geen letters/);
    }
  });

  it('refuses control and bidi characters in a name instead of storing them', () => {
    for (const achternaam of ['de Vries\u202e', 'de\u0007Vries', 'de\u2066Vries', 'de\u0085Vries', 'de\nVries']) {
      const errors = errorsFor({ achternaam });
      expect(
        errors.map((e) => e.name),
        JSON.stringify(achternaam),
      ).toEqual(['persoon.achternaam']);
      expect(errors[0]!.reason).toContain('stuurteken');
    }
  });

  it('stores a name without its invisible characters, in NFC', () => {
    const parsed = AanmeldingInput.parse({ ...valid, persoon: { ...jan, voornaam: 'Jo\u200bse\u0301' } });
    expect(parsed.persoon.voornaam).toBe('José');
  });
});
