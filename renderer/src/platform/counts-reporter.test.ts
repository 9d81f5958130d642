import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskCounts } from '@shared/ipc/channels.js';
import { createCountsReporter, sameCounts } from './counts-reporter.js';

describe('createCountsReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends one call with the final counts after a burst of changes', () => {
    const sent: DeskCounts[] = [];
    const reporter = createCountsReporter((c) => sent.push(c), 300);
    for (let n = 1; n <= 50; n++) {
      reporter.update({ pendingSync: n, unread: 0, syncPaused: false });
      vi.advanceTimersByTime(10);
    }
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([{ pendingSync: 50, unread: 0, syncPaused: false }]);
  });

  it('never sends the same counts twice, and nothing when a change is undone before the delay', () => {
    const send = vi.fn();
    const reporter = createCountsReporter(send, 300);
    reporter.update({ pendingSync: 1, unread: 2, syncPaused: false });
    vi.advanceTimersByTime(300);
    reporter.update({ pendingSync: 1, unread: 2, syncPaused: false });
    vi.advanceTimersByTime(1000);
    reporter.update({ pendingSync: 3, unread: 2, syncPaused: false });
    reporter.update({ pendingSync: 1, unread: 2, syncPaused: false });
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('reports a pause at once with flush, and nothing after dispose', () => {
    const send = vi.fn();
    const reporter = createCountsReporter(send, 300);
    reporter.update({ pendingSync: 0, unread: 0, syncPaused: true });
    reporter.flush();
    expect(send).toHaveBeenLastCalledWith({ pendingSync: 0, unread: 0, syncPaused: true });
    reporter.update({ pendingSync: 4, unread: 0, syncPaused: true });
    reporter.dispose();
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('treats a missing syncPaused as not paused', () => {
    expect(sameCounts({ pendingSync: 1, unread: 1 }, { pendingSync: 1, unread: 1, syncPaused: false })).toBe(true);
    expect(sameCounts(null, { pendingSync: 0, unread: 0 })).toBe(false);
    expect(sameCounts({ pendingSync: 0, unread: 0 }, { pendingSync: 0, unread: 0, syncPaused: true })).toBe(false);
  });
});
