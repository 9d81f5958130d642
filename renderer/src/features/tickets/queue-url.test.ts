import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../data/index.js';
import { readQueueState, sameFilter, writeFilter, writeSort } from './queue-url.js';

describe('queue state in the URL', () => {
  it('round-trips every filter field, including the unassigned assignee, and the sort', () => {
    const filter = {
      status: 'open' as const,
      priorities: [1, 2] as (1 | 2)[],
      groupIds: ['grp-a', 'grp-b'],
      assigneeIds: ['', 'u-1'],
      categoryIds: ['cat-x'],
      age: 'gt7d' as const,
      ciIds: ['ci-srv-pay-db', 'ci-ws-12'],
      serviceIds: ['ci-svc-pay'],
      text: 'vpn lent',
    };
    const params = writeSort(writeFilter(new URLSearchParams('queue=mine'), filter), { column: 'priority', direction: 'asc' });
    const state = readQueueState(new URLSearchParams(params.toString()));
    expect(state.queue).toBe('mine');
    expect(state.filter).toEqual(filter);
    expect(state.sort).toEqual({ column: 'priority', direction: 'asc' });
    expect(params.get('ci')).toBe('ci-srv-pay-db,ci-ws-12');
    expect(params.get('svc')).toBe('ci-svc-pay');
  });

  it('reads a filter by CI or service without the other fields, and drops empty ids', () => {
    const state = readQueueState(new URLSearchParams('svc=ci-svc-pay&ci=,ci-a'));
    expect(state.filter).toEqual({ ...EMPTY_FILTER, serviceIds: ['ci-svc-pay'], ciIds: ['ci-a'] });
    expect(sameFilter(state.filter, { ...EMPTY_FILTER, serviceIds: ['ci-svc-pay'], ciIds: ['ci-a'] })).toBe(true);
    expect(sameFilter(state.filter, { ...EMPTY_FILTER, serviceIds: ['ci-svc-pay'] })).toBe(false);
  });

  it('ignores unknown values and falls back to every ticket, newest first', () => {
    const state = readQueueState(new URLSearchParams('queue=x&status=gone&prio=9,2&age=old&sort=colour'));
    expect(state).toEqual({
      queue: 'all',
      filter: { ...EMPTY_FILTER, priorities: [2] },
      sort: { column: 'updated', direction: 'desc' },
    });
    expect(writeFilter(new URLSearchParams('queue=mine'), EMPTY_FILTER).toString()).toBe('queue=mine');
  });

  it('compares filters as sets', () => {
    expect(sameFilter({ ...EMPTY_FILTER, groupIds: ['a', 'b'] }, { ...EMPTY_FILTER, groupIds: ['b', 'a'] })).toBe(true);
    expect(sameFilter({ ...EMPTY_FILTER, groupIds: ['a'] }, EMPTY_FILTER)).toBe(false);
  });
});
