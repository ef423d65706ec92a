import { describe, expect, it } from 'vitest';
import {
  AanmeldingInput,
  ageInYears,
  notStartedYet,
  summarize,
  type Transition,
} from '../../shared/domain/transition/transition';
import { invalidParamsFrom } from '../../shared/api/problem';

const valid = {
  persoon: { voornaam: 'Piet', achternaam: 'Bakker', geboortedatum: '1990-04-12' },
  gemeenteCode: 'GM0344',
  herkomst: 'MO',
  begeleiderIds: ['u-sanne', 'u-youssef'],
};

function fieldErrors(input: unknown) {
  const result = AanmeldingInput.safeParse(input);
  return result.success ? [] : invalidParamsFrom(result.error);
}

describe('AanmeldingInput', () => {
  it('accepts a complete aanmelding and trims names', () => {
    const parsed = AanmeldingInput.parse({ ...valid, persoon: { ...valid.persoon, voornaam: '  Piet ' } });
    expect(parsed.persoon.voornaam).toBe('Piet');
  });

  it('names every missing field with a Dutch message', () => {
    const errors = fieldErrors({ persoon: {}, begeleiderIds: [] });
    expect(errors.map((e) => e.name).sort()).toEqual(
      [
        'begeleiderIds',
        'gemeenteCode',
        'herkomst',
        'persoon.achternaam',
        'persoon.geboortedatum',
        'persoon.voornaam',
      ].sort(),
    );
    expect(errors.find((e) => e.name === 'persoon.voornaam')?.reason).toBe('Vul de voornaam in.');
  });

  it('rejects a municipality outside the U16 region', () => {
    expect(fieldErrors({ ...valid, gemeenteCode: 'GM0363' })).toEqual([
      expect.objectContaining({ name: 'gemeenteCode', reason: 'Kies een gemeente uit de regio.' }),
    ]);
  });

  it('rejects a date of birth in the future with one message, not two', () => {
    const errors = fieldErrors({ ...valid, persoon: { ...valid.persoon, geboortedatum: '2999-01-01' } });
    expect(errors).toEqual([
      expect.objectContaining({ name: 'persoon.geboortedatum', reason: 'De geboortedatum ligt in de toekomst.' }),
    ]);
  });

  it('rejects impossible calendar dates', () => {
    expect(fieldErrors({ ...valid, persoon: { ...valid.persoon, geboortedatum: '1990-02-31' } })).toHaveLength(1);
  });

  it('rejects people younger than 16', () => {
    const year = new Date().getUTCFullYear() - 10;
    expect(fieldErrors({ ...valid, persoon: { ...valid.persoon, geboortedatum: `${year}-01-01` } })[0]?.reason).toMatch(
      /16 jaar/,
    );
  });

  it('allows a duo at most, of two different begeleiders', () => {
    expect(fieldErrors({ ...valid, begeleiderIds: ['a', 'b', 'c'] })[0]?.name).toBe('begeleiderIds');
    expect(fieldErrors({ ...valid, begeleiderIds: ['a', 'a'] })[0]?.reason).toBe(
      'Kies twee verschillende begeleiders.',
    );
  });

  it('refuses fields it does not know, so nothing unexpected is stored', () => {
    expect(fieldErrors({ ...valid, fase: 'geland' })[0]?.code).toBe('unrecognized_keys');
  });
});

describe('ageInYears', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageInYears('1990-04-12', '2026-04-11')).toBe(35);
    expect(ageInYears('1990-04-12', '2026-04-12')).toBe(36);
    expect(ageInYears('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('summarize', () => {
  const baseTransition = (): Transition => ({
    id: 't1',
    version: 3,
    providerId: 'org',
    persoonRef: 'p1',
    persoon: valid.persoon,
    gemeenteCode: 'GM0344',
    herkomst: 'MO',
    begeleiders: [{ id: 'u', naam: 'U' }],
    fase: 'woning',
    ...notStartedYet,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'u',
    updatedAt: '2026-01-02T00:00:00.000Z',
  });

  it('keeps what a list needs and drops the rest', () => {
    expect(Object.keys(summarize(baseTransition())).sort()).toEqual(
      ['begeleiders', 'createdAt', 'fase', 'gemeenteCode', 'herkomst', 'id', 'niveaus', 'persoon', 'updatedAt'].sort(),
    );
  });

  it('carries the levels of support without their reasons', () => {
    const door = { id: 'u', naam: 'U' };
    const ondersteuning = [
      {
        id: 's1',
        niveau: 'regulier',
        modaliteiten: ['thuis'],
        reden: 'Start, met details over de gezondheid',
        vanaf: '2026-01-01',
        door,
      },
      {
        id: 's2',
        niveau: 'intensief',
        modaliteiten: ['thuis'],
        reden: 'Terugval',
        vanaf: '2026-02-01',
        tot: '2026-02-14',
        door,
      },
    ] satisfies Transition['ondersteuning'];
    const summary = summarize({ ...baseTransition(), ondersteuning });
    expect(summary.niveaus).toEqual([
      { niveau: 'regulier', vanaf: '2026-01-01' },
      { niveau: 'intensief', vanaf: '2026-02-01', tot: '2026-02-14' },
    ]);
    expect(JSON.stringify(summary)).not.toContain('gezondheid');
  });
});
