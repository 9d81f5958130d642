import type { DeskCounts } from '@shared/ipc/channels.js';

export interface CountsReporter {
  /** The latest counts; sent after `delayMs` without a further change, and only when they differ from the last sent. */
  update(counts: DeskCounts): void;
  /** Sends the latest counts now if they are waiting. */
  flush(): void;
  /** Drops what is waiting; nothing is sent afterwards. */
  dispose(): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const defaultTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function sameCounts(a: DeskCounts | null, b: DeskCounts): boolean {
  return !!a && a.pendingSync === b.pendingSync && a.unread === b.unread && (a.syncPaused ?? false) === (b.syncPaused ?? false);
}

/**
 * Debounces badge and tray counts for desk.setCounts: a burst of changes (a sync pulling thousands of documents,
 * a batch of pushes) becomes one call with the final counts, and unchanged counts are never sent again.
 */
export function createCountsReporter(
  send: (counts: DeskCounts) => void,
  delayMs = 300,
  timers: Timers = defaultTimers,
): CountsReporter {
  let lastSent: DeskCounts | null = null;
  let latest: DeskCounts | null = null;
  let timer: unknown = null;
  let disposed = false;
  const flush = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (disposed || !latest || sameCounts(lastSent, latest)) return;
    lastSent = latest;
    send(latest);
  };
  return {
    update(counts) {
      if (disposed) return;
      latest = { ...counts };
      if (timer !== null) timers.clear(timer);
      timer = sameCounts(lastSent, latest) ? null : timers.set(flush, delayMs);
    },
    flush,
    dispose() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      disposed = true;
    },
  };
}
