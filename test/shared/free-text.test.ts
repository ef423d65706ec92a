import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { invalidParamsFrom } from '../../shared/api/problem';
import { CancelSpendInput, DecideSpendInput, ProposeSpendInput } from '../../shared/api/operations/budget';
import {
  ChangeFaseInput,
  DecideOfferInput,
  DraftVowInput,
  RegisterOfferInput,
  SavePlanInput,
  SetReadinessInput,
  SignContractInput,
} from '../../shared/api/operations/transitions';
import { ReportSignalInput } from '../../shared/api/webhook-schemas';
import { visibleLength } from '../../shared/domain/common/free-text';
import {
  RecordContactInput,
  RegisterSignalInput,
  ResolveSignalInput,
} from '../../shared/domain/signals/signal-schemas';
import { AanmeldingInput } from '../../shared/domain/transition/transition';

const adres = { straat: 'Kerkstraat', huisnummer: '12', postcode: '3511 AB', plaats: 'Utrecht' };
const teken = {
  fase: 'oranje',
  teken: 'Slaapt slecht',
  actie: 'Bel de begeleider',
  wie: 'Sanne',
  netwerkMagWeten: false,
  corporatieMagWeten: false,
};
const offer = {
  corporatieId: 'c-1',
  adres,
  wijk: 'Overvecht',
  huurPerMaandCent: 60_000,
  beschikbaarVanaf: '2030-02-01',
  reactieUiterlijk: '2030-01-20',
  expectedVersion: 1,
};

/** Every free-text field of every input, with a valid input it sits in (the field is set to the text under test). */
const fields: Array<{ schema: z.ZodType; valid: Record<string, unknown>; path: string[]; multiline?: boolean }> = [
  {
    schema: AanmeldingInput,
    valid: {
      persoon: { voornaam: 'Jan', achternaam: 'Bos', geboortedatum: '1980-01-01' },
      gemeenteCode: 'GM0344',
      herkomst: 'MO',
      begeleiderIds: ['u'],
    },
    path: ['persoon', 'voornaam'],
  },
  {
    schema: AanmeldingInput,
    valid: {
      persoon: { voornaam: 'Jan', achternaam: 'Bos', geboortedatum: '1980-01-01' },
      gemeenteCode: 'GM0344',
      herkomst: 'MO',
      begeleiderIds: ['u'],
    },
    path: ['persoon', 'achternaam'],
  },
  {
    schema: ChangeFaseInput,
    valid: { naar: 'woning', reden: 'Klaar voor een woning', expectedVersion: 1 },
    path: ['reden'],
    multiline: true,
  },
  {
    schema: SetReadinessInput,
    valid: { gedaan: true, notitie: 'Gedaan', expectedVersion: 1 },
    path: ['notitie'],
    multiline: true,
  },
  { schema: RegisterOfferInput, valid: offer, path: ['wijk'] },
  { schema: RegisterOfferInput, valid: offer, path: ['adres', 'straat'] },
  { schema: RegisterOfferInput, valid: offer, path: ['adres', 'huisnummer'] },
  { schema: RegisterOfferInput, valid: offer, path: ['adres', 'plaats'] },
  { schema: RegisterOfferInput, valid: { ...offer, eenheidnummer: 'E-1' }, path: ['eenheidnummer'] },
  {
    schema: DecideOfferInput,
    valid: { besluit: 'afgewezen', reden: 'Te ver weg', expectedVersion: 1 },
    path: ['reden'],
    multiline: true,
  },
  {
    schema: SignContractInput,
    valid: {
      vorm: 'eigen-huurcontract',
      ingangsdatum: '2030-01-01',
      getekendOp: '2030-01-01',
      contractnummer: 'C-1',
      expectedVersion: 1,
    },
    path: ['contractnummer'],
  },
  {
    schema: SavePlanInput,
    valid: { tekens: [teken], opgesteldMet: 'Jan en Sanne', expectedVersion: 1 },
    path: ['opgesteldMet'],
  },
  {
    schema: SavePlanInput,
    valid: { tekens: [teken], opgesteldMet: 'Jan en Sanne', expectedVersion: 1 },
    path: ['tekens', '0', 'teken'],
    multiline: true,
  },
  {
    schema: SavePlanInput,
    valid: { tekens: [teken], opgesteldMet: 'Jan en Sanne', expectedVersion: 1 },
    path: ['tekens', '0', 'actie'],
    multiline: true,
  },
  {
    schema: SavePlanInput,
    valid: { tekens: [teken], opgesteldMet: 'Jan en Sanne', expectedVersion: 1 },
    path: ['tekens', '0', 'wie'],
  },
  {
    schema: DraftVowInput,
    valid: { redenVerzoek: '01', gewensteIngangsdatum: '2030-01-01', toelichting: 'Meer uren' },
    path: ['toelichting'],
    multiline: true,
  },
  {
    schema: ProposeSpendInput,
    valid: { categorie: 'inrichting', bedragCent: 100, ontvanger: 'Kringloop', reden: 'Een bed' },
    path: ['ontvanger'],
  },
  {
    schema: ProposeSpendInput,
    valid: { categorie: 'inrichting', bedragCent: 100, ontvanger: 'Kringloop', reden: 'Een bed' },
    path: ['reden'],
    multiline: true,
  },
  {
    schema: ProposeSpendInput,
    valid: { categorie: 'inrichting', bedragCent: 100, ontvanger: 'Kringloop', reden: 'Een bed', bonReferentie: 'B-1' },
    path: ['bonReferentie'],
  },
  { schema: DecideSpendInput, valid: { besluit: 'afgewezen', reden: 'Geen bon' }, path: ['reden'], multiline: true },
  { schema: CancelSpendInput, valid: { reden: 'Dubbel ingevoerd' }, path: ['reden'], multiline: true },
  {
    schema: RegisterSignalInput,
    valid: { bron: 'begeleider', omschrijving: 'Slaapt slecht', tekenId: 't-1' },
    path: ['omschrijving'],
    multiline: true,
  },
  { schema: ResolveSignalInput, valid: { notitie: 'Gebeld' }, path: ['notitie'], multiline: true },
  { schema: RecordContactInput, valid: { modaliteit: 'thuis', notitie: 'Koffie' }, path: ['notitie'], multiline: true },
  {
    schema: ReportSignalInput,
    valid: { eenheidnummer: 'E-1', soort: 'overlast', toelichting: 'Lawaai' },
    path: ['toelichting'],
    multiline: true,
  },
  { schema: ReportSignalInput, valid: { eenheidnummer: 'E-1', soort: 'overlast' }, path: ['eenheidnummer'] },
];

function withField(valid: Record<string, unknown>, path: string[], value: string): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const label = (f: (typeof fields)[number]) =>
  `${(f.schema.meta()?.id as string | undefined) ?? 'input'}.${f.path.join('.')}`;

describe('free text in every input', () => {
  it('the valid inputs of this table are valid', () => {
    for (const f of fields) expect(f.schema.safeParse(f.valid).error, label(f)).toBeUndefined();
  });

  it('refuses C0/C1 controls and bidi overrides and isolates, with a Dutch reason on the field', () => {
    const forbidden = [
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const f of fields) {
      for (const c of forbidden) {
        const result = f.schema.safeParse(withField(f.valid, f.path, `Ab${c}cdef`));
        expect(result.success, `${label(f)} with U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
        const errors = invalidParamsFrom(result.error!);
        expect(errors.map((e) => e.name)).toContain(f.path.join('.'));
        expect(errors.find((e) => e.name === f.path.join('.'))!.reason).toContain('stuurteken');
      }
    }
  });

  it('allows newline and tab only where the text may span lines', () => {
    for (const f of fields) {
      for (const c of ['\n', '\t']) {
        const result = f.schema.safeParse(withField(f.valid, f.path, `Ab${c}cdef`));
        expect(result.success, `${label(f)} with ${JSON.stringify(c)}`).toBe(Boolean(f.multiline));
      }
      expect(f.schema.safeParse(withField(f.valid, f.path, 'Ab\rcdef')).success, label(f)).toBe(false);
    }
  });

  it('does not count invisible characters towards a minimum length', () => {
    for (const f of fields) {
      const result = f.schema.safeParse(withField(f.valid, f.path, '\u200b\u200b\u200b\u00ad\u2060\u200d'));
      if (f.path.at(-1) === 'notitie' || f.path.at(-1) === 'bonReferentie' || f.path.at(-1) === 'toelichting') continue;
      expect(result.success, label(f)).toBe(false);
    }
  });

  it('counts what a reader sees', () => {
    expect(visibleLength('  Crisis  ')).toBe(6);
    expect(visibleLength('a\u200bb\u00adc')).toBe(3);
    expect(visibleLength('e\u0301e\u0301')).toBe(2);
    expect(visibleLength('a\u2003\u2003b')).toBe(3);
    expect(visibleLength('\u2800\u3164\u200b')).toBe(0);
  });
});
