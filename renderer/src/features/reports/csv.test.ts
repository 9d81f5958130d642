import { describe, expect, it } from 'vitest';
import { csvCell, csvDialectFor, csvFileName, toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers (negatives included) and empty cells for null or non-finite values', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('starts with a UTF-8 BOM and ends every row with CRLF, accents kept', () => {
    const csv = toCsv(
      ['Groupe', 'CSAT %'],
      [
        ['Équipe terrain', 66.7],
        ['Sécurité, TI', null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Groupe,CSAT %\r\nÉquipe terrain,66.7\r\n"Sécurité, TI",\r\n');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('in French, splits on semicolons and writes a decimal comma, quoting cells that hold a semicolon', () => {
    const dialect = csvDialectFor('fr');
    const csv = toCsv(
      ['Groupe', 'CSAT %'],
      [
        ['Équipe terrain', 66.7],
        ['Sécurité; TI', -1250.5],
        ['Réseau, Est', 3],
      ],
      dialect,
    );
    expect(csv.slice(1)).toBe('Groupe;CSAT %\r\nÉquipe terrain;66,7\r\n"Sécurité; TI";-1250,5\r\nRéseau, Est;3\r\n');
    expect(csvDialectFor('en')).toEqual({ separator: ',', decimal: '.' });
  });

  it('makes safe file names', () => {
    expect(csvFileName('surveys by group / é', new Date(Date.UTC(2026, 0, 31)))).toBe('surveys-by-group-2026-01-31.csv');
  });
});
