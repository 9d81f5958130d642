import {
  computeSlaClocks,
  matchTicketSlaPolicy,
  type BusinessCalendar,
  type SlaMatch,
  type SlaResult,
  type Ticket,
  type TicketEvent,
} from '@shared';
import { useEffect, useMemo, useState } from 'react';
import { refreshInterval } from './sla-view.js';
import type { SlaSettings } from './use-sla-settings.js';

/** A ticket's SLA as of `now`: no policy applies, the policy's calendar is missing, or the clocks. */
export type TicketSla =
  | { status: 'no_policy' }
  | { status: 'no_calendar'; match: SlaMatch }
  | { status: 'ok'; match: SlaMatch; calendar: BusinessCalendar; result: SlaResult };

/** Matches the ticket's policy and runs the shared clock function (the same answer the server and reports give). */
export function ticketSla(
  ticket: Ticket,
  events: readonly TicketEvent[],
  settings: Pick<SlaSettings, 'policies' | 'calendars'> & Partial<Pick<SlaSettings, 'vipCallerIds'>>,
  now: number,
): TicketSla {
  const match = matchTicketSlaPolicy(settings.policies, ticket, settings.vipCallerIds);
  if (!match) return { status: 'no_policy' };
  const calendar = settings.calendars.get(match.policy.calendarId);
  if (!calendar) return { status: 'no_calendar', match };
  return { status: 'ok', match, calendar, result: computeSlaClocks({ ticket, events, match, calendar, now }) };
}

/**
 * The ticket's SLA, recomputed on the device as time passes: each second while a running clock has under an
 * hour left, else each minute. The timer lives in the component that calls this, so only it re-renders.
 */
export function useTicketSla(ticket: Ticket, events: readonly TicketEvent[], settings: SlaSettings): TicketSla {
  const [now, setNow] = useState(() => Date.now());
  const sla = useMemo(() => ticketSla(ticket, events, settings, now), [ticket, events, settings, now]);
  const interval = sla.status === 'ok' ? refreshInterval(sla.result) : undefined;
  useEffect(() => {
    if (interval === undefined) return undefined;
    // Aligned to the next whole second or minute, so the countdown ticks evenly.
    const timer = setTimeout(() => setNow(Date.now()), interval - (Date.now() % interval) + 5);
    return () => clearTimeout(timer);
  }, [interval, now]);
  // A change to the ticket or its events is read at the current time, not at the last tick.
  useEffect(() => setNow(Date.now()), [ticket, events]);
  return sla;
}
