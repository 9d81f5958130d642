import { describe, expect, it } from 'vitest';
import { formattersFor } from './format.js';

describe('formattersFor', () => {
  const at = new Date(2026, 0, 5, 5, 4).getTime();
  it('writes times as French Canadians do ("05 h 04"), and as English Canadians do', () => {
    expect(formattersFor('fr').time(at)).toBe('05 h 04');
    expect(formattersFor('fr').dateTime(at)).toBe('5 janv. 2026 05 h 04');
    expect(formattersFor('en').time(at)).toBe('5:04 AM');
  });
  it('groups digits in the language', () => {
    expect(formattersFor('fr').number(1234.5)).toBe('1\u00a0234,5');
    expect(formattersFor('en').number(1234.5)).toBe('1,234.5');
  });
  it('writes a share as a whole percentage in the language', () => {
    expect(formattersFor('fr').percent(1 / 3)).toBe('33\u00a0%');
    expect(formattersFor('en').percent(1 / 3)).toBe('33%');
  });
});
