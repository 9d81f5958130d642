import { PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX, PUSH_ROWS_MAX } from '@shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../http/api-error.js';
import { parseCheckpoint, parseCollection, parseLimit, pushBody } from './schema.js';

const statusOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.statusCode : -1;
  }
};

describe('parseCheckpoint', () => {
  it('reads absence as "from the start"', () => {
    for (const raw of [undefined, '', 'null']) expect(parseCheckpoint(raw)).toBeNull();
  });

  it('reads whole numbers and the JSON checkpoint object', () => {
    expect(parseCheckpoint('0')).toBe(0);
    expect(parseCheckpoint('42')).toBe(42);
    expect(parseCheckpoint('{"seq":42}')).toBe(42);
    fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => parseCheckpoint(String(n)) === n));
  });

  it('refuses anything else with 400', () => {
    for (const raw of ['-1', '1.5', 'abc', '1e3', '99999999999999999', '{"seq":-1}', '{bad', ['1', '2']])
      expect(statusOf(() => parseCheckpoint(raw))).toBe(400);
  });
});

describe('parseLimit', () => {
  it('defaults and accepts 1..max', () => {
    expect(parseLimit(undefined)).toBe(PULL_LIMIT_DEFAULT);
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit(String(PULL_LIMIT_MAX))).toBe(PULL_LIMIT_MAX);
  });

  it('refuses 0, above max and non-numbers with 400', () => {
    for (const raw of ['0', String(PULL_LIMIT_MAX + 1), 'ten', '-5']) expect(statusOf(() => parseLimit(raw))).toBe(400);
  });
});

describe('parseCollection', () => {
  it('accepts replicated collections and 404s the rest', () => {
    expect(parseCollection({ collection: 'ticket_events' })).toBe('ticket_events');
    expect(statusOf(() => parseCollection({ collection: 'conflicts' }))).toBe(404);
    expect(statusOf(() => parseCollection({ collection: '__proto__' }))).toBe(404);
  });
});

describe('pushBody', () => {
  it('accepts rows with and without an assumed master', () => {
    expect(
      pushBody.safeParse([{ newDocumentState: { id: 'a' } }, { assumedMasterState: null, newDocumentState: {} }]).success,
    ).toBe(true);
  });

  it('refuses non-arrays, missing states and too many rows', () => {
    expect(pushBody.safeParse({}).success).toBe(false);
    expect(pushBody.safeParse([{}]).success).toBe(false);
    expect(pushBody.safeParse([{ assumedMasterState: [], newDocumentState: {} }]).success).toBe(false);
    expect(pushBody.safeParse(Array.from({ length: PUSH_ROWS_MAX + 1 }, () => ({ newDocumentState: {} }))).success).toBe(false);
  });
});
