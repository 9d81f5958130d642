import type { Ticket, TicketEvent } from '@shared';
import {
  computeFilteredDashboard,
  indexEventsByTicket,
  type ReportData,
  type ReportFilter,
  type ReportScope,
  type ReportsDashboard,
} from '@shared/metrics/index.js';
import { useMemo } from 'react';
import { useReportsSource } from '../../data/index.js';

const affectedItem = (t: Ticket): string => t.affectedItem?.trim() ?? '';

export interface ReportsModel {
  dashboard: ReportsDashboard;
  scope: ReportScope;
  /** How many documents the figures come from, and when they were computed. */
  counts: { tickets: number; events: number; responses: number };
  /** The inputs, for sections computed apart (SLA compliance needs the events themselves and the settings). */
  data: ReportData;
  events: readonly TicketEvent[];
  computedAt: number;
}

/**
 * The dashboard from the local database, live. The event index is built once per data load (the costly pass over
 * every event) and reused while only the filter changes; the filtered dashboard is recomputed only when the load or
 * the filter changes, never on other renders.
 */
export function useReportsModel(filter: ReportFilter): ReportsModel | null {
  const source = useReportsSource();
  const loaded = useMemo(
    () => (source ? { source, index: indexEventsByTicket(source.tickets, source.events), now: Date.now() } : null),
    [source],
  );
  const { from, to, groupId } = filter;
  return useMemo(() => {
    if (!loaded) return null;
    const { source: s, index, now } = loaded;
    // The zone of day, week and month periods: this device's current UTC offset.
    const offsetMinutes = -new Date(now).getTimezoneOffset();
    const data = { index, surveys: s.surveys, responses: s.responses, now, offsetMinutes };
    const { dashboard, scope } = computeFilteredDashboard(data, { from, to, groupId }, affectedItem);
    return {
      dashboard,
      scope,
      counts: { tickets: s.tickets.length, events: s.events.length, responses: s.responses.length },
      data,
      events: s.events,
      computedAt: now,
    };
  }, [loaded, from, to, groupId]);
}
