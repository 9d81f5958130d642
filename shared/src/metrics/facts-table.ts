/**
 * The facts of many tickets as columns (typed arrays), row i being tickets[i]: built in one pass over the tickets
 * and their indexed events, then read by every aggregation without allocating. Definitions: ticket-facts.ts.
 * A table is never modified once built: sorted columns and backlog masks are cached per table on that basis.
 */
import type { Ticket } from '../schemas/ticket.js';
import type { EventIndex } from './event-index.js';
import { scanTicketEvents, type FactsScratch } from './ticket-facts.js';

/** Columnar ticket facts; NaN marks "did not happen" in the time columns. */
export interface FactsTable {
  readonly tickets: readonly Ticket[];
  readonly createdAt: Float64Array;
  readonly ackMs: Float64Array;
  readonly resolveMs: Float64Array;
  /** FACT_FLAGS bits. */
  readonly flags: Uint8Array;
  readonly reassignments: Int32Array;
  /** Row r's done toggles are toggles[toggleOffsets[r] .. toggleOffsets[r + 1]). */
  readonly toggleOffsets: Int32Array;
  readonly toggles: Float64Array;
}

/** Builds the facts of every ticket of the index from its indexed events. */
export function buildFactsTable(index: EventIndex): FactsTable {
  const { tickets, times, codes, offsets } = index;
  const n = tickets.length;
  const table = {
    tickets,
    createdAt: new Float64Array(n),
    ackMs: new Float64Array(n),
    resolveMs: new Float64Array(n),
    flags: new Uint8Array(n),
    reassignments: new Int32Array(n),
    toggleOffsets: new Int32Array(n + 1),
    toggles: new Float64Array(0),
  };
  const scratch: FactsScratch = { ackAt: NaN, resolvedAt: NaN, flags: 0, assignments: 0 };
  const toggles: number[] = [];
  for (let r = 0; r < n; r++) {
    const ticket = tickets[r];
    scanTicketEvents(ticket, times, codes, offsets[r], offsets[r + 1], scratch, toggles);
    const created = ticket.createdAt;
    table.createdAt[r] = created;
    table.ackMs[r] = scratch.ackAt === scratch.ackAt ? Math.max(0, scratch.ackAt - created) : NaN;
    table.resolveMs[r] = scratch.resolvedAt === scratch.resolvedAt ? Math.max(0, scratch.resolvedAt - created) : NaN;
    table.flags[r] = scratch.flags;
    table.reassignments[r] = Math.max(0, scratch.assignments - 1);
    table.toggleOffsets[r + 1] = toggles.length;
  }
  table.toggles = Float64Array.from(toggles);
  return table;
}
