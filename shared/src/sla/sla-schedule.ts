import { isWorkingTime, nextWorkingInstant, type BusinessCalendar } from './business-calendar.js';
import type { SlaResult } from './sla-clock.js';
import type { SlaPolicy } from './sla-policy.js';

/** An action the server's scheduler must fire: a threshold of one clock, at a time. */
export interface SlaScheduledAction {
  clock: string;
  percent: number;
  dueAt: number;
}

/**
 * The upcoming threshold actions of a ticket's clocks, for the server's due table. When the policy keeps actions
 * to business hours, one that falls outside them waits for the next working instant (no escalation at midnight).
 */
export function scheduleSlaActions(result: SlaResult, policy: SlaPolicy, calendar: BusinessCalendar): SlaScheduledAction[] {
  const out: SlaScheduledAction[] = [];
  for (const clock of result.clocks) {
    if (clock.state !== 'running') continue;
    for (const w of clock.warnings) {
      if (w.reached || w.at === undefined) continue;
      // A threshold met inside working hours (the usual case) needs no search for the next working instant.
      const hold = policy.actionsInBusinessHoursOnly && !isWorkingTime(calendar, w.at);
      const dueAt = hold ? (nextWorkingInstant(calendar, w.at) ?? w.at) : w.at;
      out.push({ clock: clock.kind, percent: w.percent, dueAt });
    }
  }
  return out;
}
