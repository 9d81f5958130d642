import { describe, expect, it } from 'vitest';
import { rankDuplicates } from './duplicate-hint.js';

const t = (id: string, callerId: string, status = 'new', updatedAt = 1) => ({ id, callerId, status, updatedAt });

describe('rankDuplicates', () => {
  const candidates = [
    t('a', 'usr-1'),
    t('b', 'usr-2'),
    t('c', 'usr-2', 'resolved'),
    t('d', 'usr-3', 'assigned', 5),
    t('e', 'usr-4'),
  ];

  it('keeps open tickets with a title match or the same caller, best first', () => {
    const hits = [
      { id: 'b', score: 3 },
      { id: 'c', score: 9 },
      { id: 'd', score: 1 },
    ];
    const ranked = rankDuplicates(candidates, hits, 'usr-1');
    expect(ranked.map((r) => r.ticket.id)).toEqual(['a', 'b', 'd']);
    expect(ranked[0].sameCaller).toBe(true);
  });

  it('ignores resolved tickets, breaks ties by recency and honours the limit', () => {
    const hits = [
      { id: 'a', score: 2 },
      { id: 'd', score: 2 },
      { id: 'c', score: 2 },
    ];
    expect(rankDuplicates(candidates, hits, '').map((r) => r.ticket.id)).toEqual(['d', 'a']);
    expect(rankDuplicates(candidates, hits, '', 1)).toHaveLength(1);
  });

  it('returns nothing without matches or caller', () => {
    expect(rankDuplicates(candidates, [], '')).toEqual([]);
  });
});
