import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from './json-depth.js';

describe('nestedDeeperThan', () => {
  it('measures arrays and objects alike and ignores scalars', () => {
    expect(nestedDeeperThan('x', 0)).toBe(false);
    expect(nestedDeeperThan([], 1)).toBe(false);
    expect(nestedDeeperThan([[]], 1)).toBe(true);
    expect(nestedDeeperThan({ a: { b: [1, 2] } }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: { b: [1, 2] } }, 2)).toBe(true);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(nestedDeeperThan(deep)).toBe(true);
  });
});
