import { stringify } from 'csv-stringify/sync';

/** A column of an export: its header, its cell of a row, and whether that cell is always quoted (free text). */
export interface CsvColumn<Row> {
  header: string;
  cell: (row: Row) => string | number | undefined;
  quoted?: boolean;
}

// What a spreadsheet reads as the start of a formula (OWASP CSV injection), also in fullwidth forms.
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * The one CSV writer of every export, as Dutch spreadsheets open it: a BOM (so accents survive), semicolons,
 * CRLF. Text that would start a formula gets a leading single quote and quotes (csv-stringify's
 * escape_formulas, as OWASP recommends); numbers are the product's own and are written with `formatNumber`,
 * unescaped, so a negative amount stays a number.
 */
export function csvDocument<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  options: { formatNumber?: (n: number) => string } = {},
): string {
  return stringify(
    rows.map((row) => columns.map((c) => c.cell(row) ?? '')),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
      header: true,
      columns: columns.map((c) => c.header),
      escape_formulas: true,
      cast: {
        number: options.formatNumber ?? String,
        string: (value, context) => {
          const quoted = (!context.header && columns[context.index as number]?.quoted) || FORMULA_START.test(value);
          return quoted ? { value, quoted: true, quoted_empty: true } : value;
        },
      },
    },
  );
}
