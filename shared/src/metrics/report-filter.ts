/**
 * The filters of the reports screens and endpoints, applied the same way on the client and the server:
 * - tickets: created in [from, to) and, with groupId, of that group (their current group);
 * - responses: submitted in [from, to) and, with groupId, about a ticket of that group (a response about a ticket
 *   this side does not know is left out when a group is chosen). A response's ticket need not be created in range.
 * Bounds are epoch ms, each optional; `to` is exclusive.
 */
import type { SurveyResponse } from '../schemas/survey.js';
import type { Ticket } from '../schemas/ticket.js';
import type { EventIndex } from './event-index.js';

/** Period and group of a report. */
export interface ReportFilter {
  from?: number;
  to?: number;
  groupId?: string;
}

const inRange = (t: number, f: ReportFilter): boolean =>
  (f.from === undefined || t >= f.from) && (f.to === undefined || t < f.to);

/** True when no filter is set: the full index can be reused as it is. */
export function isUnfiltered(f: ReportFilter): boolean {
  return f.from === undefined && f.to === undefined && f.groupId === undefined;
}

/** True when the ticket belongs in the report. */
export function ticketInReport(t: Ticket, f: ReportFilter): boolean {
  return inRange(t.createdAt, f) && (f.groupId === undefined || t.groupId === f.groupId);
}

/**
 * A smaller index over the tickets that pass `keep`, with their events copied (already sorted per row): no pass over
 * the raw events again, so changing a filter costs one pass over the tickets and the kept events.
 */
export function subsetEventIndex(index: EventIndex, keep: (ticket: Ticket) => boolean): EventIndex {
  const rows: number[] = [];
  let events = 0;
  for (let r = 0; r < index.tickets.length; r++) {
    if (!keep(index.tickets[r])) continue;
    rows.push(r);
    events += index.offsets[r + 1] - index.offsets[r];
  }
  // Every ticket kept: the index itself serves (no copy of every event).
  if (rows.length === index.tickets.length) return index;
  const tickets = rows.map((r) => index.tickets[r]);
  const rowOf = new Map<string, number>();
  const offsets = new Int32Array(rows.length + 1);
  const times = new Float64Array(events);
  const codes = new Uint16Array(events);
  rows.forEach((r, i) => {
    rowOf.set(index.tickets[r].id, i);
    const start = index.offsets[r];
    const end = index.offsets[r + 1];
    times.set(index.times.subarray(start, end), offsets[i]);
    codes.set(index.codes.subarray(start, end), offsets[i]);
    offsets[i + 1] = offsets[i] + end - start;
  });
  return { tickets, rowOf, offsets, times, codes, eventCount: events, orphanEvents: 0 };
}

/** The responses that belong in the report; `ticketOf` finds a response's ticket (e.g. through the full index). */
export function responsesInReport(
  responses: readonly SurveyResponse[],
  f: ReportFilter,
  ticketOf: (ticketId: string) => Ticket | undefined,
): SurveyResponse[] {
  return responses.filter(
    (r) => inRange(r.submittedAt, f) && (f.groupId === undefined || ticketOf(r.ticketId)?.groupId === f.groupId),
  );
}
