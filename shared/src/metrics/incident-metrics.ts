/**
 * Incident-process metrics of a set of tickets (see ticket-facts.ts for every per-ticket definition).
 *
 * - volume: tickets in the set.
 * - backlog: see backlog.ts (at `asOf`, or at the period end for period rows).
 * - acknowledge / resolve: time to acknowledge / to resolve over the tickets that have one: mean, nearest-rank
 *   median and p90 (stats.ts); null when none.
 * - resolved: tickets resolved at least once. fcrRate = first-contact resolutions / resolved;
 *   reopenRate = reopened / resolved (both null when nothing was resolved).
 * - escalationRate = tickets with an escalation event / volume (null when volume is 0).
 * - reassignments = assignment events beyond each ticket's first, summed; reassignmentsPerTicket = that / volume.
 * Rates are fractions in 0..1, not percentages.
 */
import { backlogByCode, type BacklogSnapshot } from './backlog.js';
import type { FactsTable } from './facts-table.js';
import { groupedDurationStats } from './grouped-stats.js';
import { sortColumn, type SortedColumn } from './sorted-column.js';
import { ratio, type DurationStats } from './stats.js';
import { FACT_FLAGS } from './ticket-facts.js';

/** The incident-process figures of one set of tickets. */
export interface IncidentMetrics {
  volume: number;
  backlog: BacklogSnapshot;
  acknowledge: DurationStats;
  resolve: DurationStats;
  resolved: number;
  firstContact: number;
  fcrRate: number | null;
  reopened: number;
  reopenRate: number | null;
  escalated: number;
  escalationRate: number | null;
  reassignments: number;
  reassignmentsPerTicket: number | null;
}

type Sorted = { ack: SortedColumn; resolve: SortedColumn };
const sortedColumns = new WeakMap<FactsTable, Sorted>();

/** The times to acknowledge and to resolve, sorted once per table (tables are never modified). */
function sortedOf(table: FactsTable): Sorted {
  let s = sortedColumns.get(table);
  if (!s) sortedColumns.set(table, (s = { ack: sortColumn(table.ackMs), resolve: sortColumn(table.resolveMs) }));
  return s;
}

/** Incident metrics per group code (0..groups-1; -1 leaves a row out), with each group's backlog given. */
export function aggregateIncidents(
  table: FactsTable,
  codes: Int32Array,
  groups: number,
  backlogs: readonly BacklogSnapshot[],
): IncidentMetrics[] {
  const counts = Array.from({ length: 5 }, () => new Int32Array(groups));
  const [volume, resolved, firstContact, reopened, escalated] = counts;
  const reassignments = new Float64Array(groups);
  const { flags, reassignments: reassigned } = table;
  const { resolved: RESOLVED, firstContact: FIRST, reopened: REOPENED, escalated: ESCALATED } = FACT_FLAGS;
  for (let r = 0; r < codes.length; r++) {
    const g = codes[r];
    if (g < 0) continue;
    const f = flags[r];
    volume[g]++;
    if (f & RESOLVED) resolved[g]++;
    if (f & FIRST) firstContact[g]++;
    if (f & REOPENED) reopened[g]++;
    if (f & ESCALATED) escalated[g]++;
    reassignments[g] += reassigned[r];
  }
  const sorted = sortedOf(table);
  const ack = groupedDurationStats(sorted.ack, codes, groups);
  const res = groupedDurationStats(sorted.resolve, codes, groups);
  return Array.from({ length: groups }, (_, g) => ({
    volume: volume[g],
    backlog: backlogs[g],
    acknowledge: ack[g],
    resolve: res[g],
    resolved: resolved[g],
    firstContact: firstContact[g],
    fcrRate: ratio(firstContact[g], resolved[g]),
    reopened: reopened[g],
    reopenRate: ratio(reopened[g], resolved[g]),
    escalated: escalated[g],
    escalationRate: ratio(escalated[g], volume[g]),
    reassignments: reassignments[g],
    reassignmentsPerTicket: ratio(reassignments[g], volume[g]),
  }));
}

/** Incident metrics of every ticket in the table, backlog at `asOf`. */
export function summarizeIncidents(table: FactsTable, asOf: number): IncidentMetrics {
  const all = new Int32Array(table.createdAt.length);
  return aggregateIncidents(table, all, 1, backlogByCode(table, all, 1, asOf))[0];
}
