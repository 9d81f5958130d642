/**
 * CSV export: RFC 4180 quoting (a cell holding a comma, quote, CR or LF is quoted, quotes doubled), CRLF line ends,
 * a UTF-8 byte order mark so Excel reads accents right, and a guard against formula injection: a text cell
 * starting with = + - @ (or a tab or CR, which some spreadsheets strip first) gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it. Numbers are written as they are (a negative number is data).
 */

export type CsvCell = string | number | boolean | null | undefined;

/** How a spreadsheet in the reader's locale expects CSV: French ones split on semicolons and read a decimal comma. */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const CSV_ENGLISH: CsvDialect = { separator: ',', decimal: '.' };
export const CSV_FRENCH: CsvDialect = { separator: ';', decimal: ',' };

/** The CSV a spreadsheet opens as columns in this UI language. */
export function csvDialectFor(language: string): CsvDialect {
  return language === 'fr' ? CSV_FRENCH : CSV_ENGLISH;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. */
export function csvCell(value: CsvCell, dialect: CsvDialect = CSV_ENGLISH): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', dialect.decimal) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const quote = text.includes(dialect.separator) || /["\r\n]/.test(text);
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table (header row first) as CSV text, with the BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect = CSV_ENGLISH): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, dialect)).join(dialect.separator));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every OS: letters, digits, dash and dot only. */
export function csvFileName(base: string, date: Date): string {
  const stamp = date.toISOString().slice(0, 10);
  return `${base.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '')}-${stamp}.csv`;
}

/** Makes the browser download the CSV text as a file. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
