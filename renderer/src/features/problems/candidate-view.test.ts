import { describe, expect, it } from 'vitest';
import { candidateDomId, traitLabel, trendDays } from './candidate-view.js';

describe('candidate view', () => {
  const names = new Map([
    ['ci-1', 'Mail server'],
    ['cat-net', 'Network'],
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;

  it('names the shared trait by kind, with the names the directory and CMDB give', () => {
    expect(traitLabel({ kind: 'ci', ciId: 'ci-1' }, nameOf)).toEqual({
      key: 'problems.page.trait.ci',
      values: { name: 'Mail server' },
    });
    expect(traitLabel({ kind: 'category', categoryId: 'cat-net' }, nameOf).values.name).toBe('Network');
    expect(traitLabel({ kind: 'service', serviceId: 'svc-x' }, nameOf).values.name).toBe('svc-x');
    expect(traitLabel({ kind: 'text', terms: ['vpn', 'drops'] }, nameOf)).toEqual({
      key: 'problems.page.trait.text',
      values: { terms: 'vpn, drops' },
    });
  });

  it('dates each day of the trend from the window start', () => {
    expect(trendDays({ windowStart: 1000, perDay: [2, 0, 3] })).toEqual([
      { at: 1000, n: 2 },
      { at: 1000 + 86_400_000, n: 0 },
      { at: 1000 + 2 * 86_400_000, n: 3 },
    ]);
  });

  it('gives each candidate key a stable, valid DOM id', () => {
    expect(candidateDomId('text:vpn+drops')).toBe(candidateDomId('text:vpn+drops'));
    expect(candidateDomId('text:vpn+drops')).not.toBe(candidateDomId('text:vpn+drop'));
    expect(candidateDomId('ci:é/"x')).toMatch(/^candidate-[0-9a-z]+$/);
  });
});
