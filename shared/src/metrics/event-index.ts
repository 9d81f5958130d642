/**
 * Events by ticket, built once per data load (one pass over the tickets, one over the events, however long) and
 * shared by every report until the data changes. It maps each ticket id to its row in `tickets` and keeps only
 * what the reports need, in typed arrays: each relevant event's time (`occurredAt`, when the work happened on the
 * author's device) and packed code (event-codes.ts), laid out row by row, each row's run sorted by time. Ties keep
 * their input order (stable), so feed events in a stable order (e.g. by id) for identical results everywhere.
 * Events of kinds the reports ignore (comments, worklog...) are dropped, and so are events of unknown tickets.
 */
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import { eventCode } from './event-codes.js';

/** Row r (tickets[r]) has events offsets[r] .. offsets[r + 1] of `times` and `codes`. */
export interface EventIndex {
  readonly tickets: readonly Ticket[];
  readonly rowOf: ReadonlyMap<string, number>;
  readonly offsets: Int32Array;
  readonly times: Float64Array;
  readonly codes: Uint16Array;
  /** Events read, relevant or not, and those whose ticket is not in `tickets`. */
  readonly eventCount: number;
  readonly orphanEvents: number;
}

/** Sorts rows start..end of (times, codes) by time in place, stably (runs are short: insertion sort). */
function sortRun(times: Float64Array, codes: Uint16Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const t = times[i];
    const c = codes[i];
    let j = i - 1;
    while (j >= start && times[j] > t) {
      times[j + 1] = times[j];
      codes[j + 1] = codes[j];
      j--;
    }
    times[j + 1] = t;
    codes[j + 1] = c;
  }
}

/** A map from ticket id to its position in the list. */
export function rowsById(tickets: readonly Ticket[]): Map<string, number> {
  const rowOf = new Map<string, number>();
  for (let r = 0; r < tickets.length; r++) rowOf.set(tickets[r].id, r);
  return rowOf;
}

/** Indexes the events by ticket, each ticket's relevant events sorted by occurredAt. */
export function indexEventsByTicket(tickets: readonly Ticket[], events: readonly TicketEvent[]): EventIndex {
  const rowOf = rowsById(tickets);
  const n = events.length;
  const rowOfEvent = new Int32Array(n).fill(-1);
  const codeOf = new Uint16Array(n);
  const timeOf = new Float64Array(n);
  const counts = new Int32Array(tickets.length);
  let orphanEvents = 0;
  // Events read through the [ticketId, occurredAt] index come in runs per ticket: one lookup per run then.
  let lastId = '';
  let lastRow: number | undefined;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const code = eventCode(e);
    if (code === 0) continue;
    if (e.ticketId !== lastId) {
      lastId = e.ticketId;
      lastRow = rowOf.get(lastId);
    }
    const r = lastRow;
    if (r === undefined) {
      orphanEvents++;
      continue;
    }
    rowOfEvent[i] = r;
    codeOf[i] = code;
    timeOf[i] = e.occurredAt;
    counts[r]++;
  }
  const offsets = new Int32Array(tickets.length + 1);
  for (let r = 0; r < tickets.length; r++) offsets[r + 1] = offsets[r] + counts[r];
  const cursor = offsets.slice(0, tickets.length);
  const times = new Float64Array(offsets[tickets.length]);
  const codes = new Uint16Array(offsets[tickets.length]);
  for (let i = 0; i < n; i++) {
    if (rowOfEvent[i] < 0) continue;
    const at = cursor[rowOfEvent[i]]++;
    times[at] = timeOf[i];
    codes[at] = codeOf[i];
  }
  for (let r = 0; r < tickets.length; r++) {
    for (let i = offsets[r] + 1; i < offsets[r + 1]; i++) {
      if (times[i] < times[i - 1]) {
        sortRun(times, codes, offsets[r], offsets[r + 1]);
        break;
      }
    }
  }
  return { tickets, rowOf, offsets, times, codes, eventCount: n, orphanEvents };
}
