/** One accepted edit: when its push was sent and answered, and which of the bench's people may see the ticket. */
export interface Change {
  sentAt: number;
  acceptedAt: number;
  /** Indexed like the people; a device of person p may see the change when `visibleTo[p]`. */
  visibleTo: boolean[];
}

export interface SignalFigures {
  /** Edit accepted (push answered) -> the device's next signal, per (change, device allowed to see it); >= 0. */
  propagationMs: number[];
  /** The same from the moment the push was sent (the signal often arrives before the push's answer). */
  fromSendMs: number[];
  /** Changes a device was allowed to see and got no signal for afterwards. */
  missed: number;
  /** Signals that came when no change the device may see was on its way: each costs the device an empty pull. */
  wasted: number;
  signals: number;
}

/** First index of `sorted` whose value is >= `value` (sorted.length when none). */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Matches each device's signals against the changes its person may see. A signal carries no id and one signal may
 * answer several changes (they are coalesced), so:
 * - a change's propagation is the time to the device's first signal sent at or after the push (a signal already on
 *   its way for an earlier change may be counted: a slight underestimate under load);
 * - a signal is wasted when no change the device may see is pending: sent before it and not answered by an earlier
 *   signal, taken to be one that came after that change's push was answered. That holds while the instance holding
 *   the stream judges a change before the push's answer reaches the writer (one instance); when it lags behind (a
 *   second instance hearing of it through NOTIFY on a loaded machine) a useful signal can be counted as wasted. A
 *   wasted signal coming while a visible change is on its way is counted useful. The exact control is the devices
 *   whose person may see none of the edits (scale-bench.ts: signals_at_blind_devices).
 */
export function analyseSignals(
  changes: readonly Change[],
  deviceOwners: readonly number[],
  signals: readonly number[][],
): SignalFigures {
  const figures: SignalFigures = { propagationMs: [], fromSendMs: [], missed: 0, wasted: 0, signals: 0 };
  const visibleByPerson = new Map<number, Change[]>();
  deviceOwners.forEach((person, device) => {
    let visible = visibleByPerson.get(person);
    if (!visible) visibleByPerson.set(person, (visible = changes.filter((change) => change.visibleTo[person])));
    const received = [...(signals[device] ?? [])].sort((a, b) => a - b);
    figures.signals += received.length;
    for (const change of visible) {
      const index = lowerBound(received, change.sentAt);
      if (index === received.length) figures.missed++;
      else {
        figures.propagationMs.push(Math.max(0, received[index] - change.acceptedAt));
        figures.fromSendMs.push(received[index] - change.sentAt);
      }
    }
    // Pending visible changes, consumed once a signal certainly answered them.
    const pending = new Set<Change>();
    let next = 0;
    for (const at of received) {
      while (next < visible.length && visible[next].sentAt <= at) pending.add(visible[next++]);
      if (pending.size === 0) figures.wasted++;
      for (const change of [...pending]) if (change.acceptedAt <= at) pending.delete(change);
    }
  });
  return figures;
}
