import { describe, expect, it } from 'vitest';
import { diffLines } from './version-diff.js';

describe('version comparison', () => {
  it('marks the lines removed from and added to the old version, keeping the common ones', () => {
    expect(diffLines('# Steps\nOpen the portal\nClick reset', '# Steps\nOpen the new portal\nClick reset\nWait')).toEqual([
      { kind: 'same', text: '# Steps' },
      { kind: 'removed', text: 'Open the portal' },
      { kind: 'added', text: 'Open the new portal' },
      { kind: 'same', text: 'Click reset' },
      { kind: 'added', text: 'Wait' },
    ]);
  });

  it('finds nothing to mark between identical texts', () => {
    expect(diffLines('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });
});
