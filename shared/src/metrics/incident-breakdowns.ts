/**
 * Incident metrics broken down by a ticket dimension (group, category, priority, channel, assignee or any key
 * function) and by period.
 *
 * - By dimension: each row summarises the tickets with that key; its backlog is theirs, at `asOf`.
 * - By period: the row of a period summarises the tickets CREATED in it (a cohort: volume, times to acknowledge
 *   and resolve, FCR, reopen, escalation, reassignments), while its backlog is ALL tickets open at the period end
 *   (or at `to` for the current, unfinished period). Every period in [from, to) gets a row, empty ones included.
 */
import type { Ticket } from '../schemas/ticket.js';
import { backlogByCode, backlogSeries } from './backlog.js';
import type { FactsTable } from './facts-table.js';
import { byKey, encodeKeys, type EncodedKeys, type KeyedRow } from './group-by.js';
import { aggregateIncidents, type IncidentMetrics } from './incident-metrics.js';
import { periodSlots, type PeriodOptions, type PeriodRow } from './period-rows.js';
import { periodsBetween } from './periods.js';

/** Incident metrics per value of `key(ticket)` (or of keys already encoded), rows sorted by key, backlogs at asOf. */
export function incidentMetricsBy(
  table: FactsTable,
  key: ((ticket: Ticket) => string) | EncodedKeys,
  asOf: number,
): KeyedRow<IncidentMetrics>[] {
  const { codes, keys } = typeof key === 'function' ? encodeKeys(table.tickets, key) : key;
  const metrics = aggregateIncidents(table, codes, keys.length, backlogByCode(table, codes, keys.length, asOf));
  return keys.map((k, g) => ({ key: k, count: metrics[g].volume, metrics: metrics[g] })).sort(byKey);
}

/** Incident metrics per period of creation in [from, to); each backlog is every ticket open at the period end. */
export function incidentMetricsByPeriod(table: FactsTable, options: PeriodOptions): PeriodRow<IncidentMetrics>[] {
  const periods = periodsBetween(options.from, options.to, options.unit, options.offsetMinutes);
  const slots = periodSlots(table.createdAt, options);
  const metrics = aggregateIncidents(table, slots, periods.length, backlogSeries(table, options));
  return periods.map((p, i) => ({ ...p, count: metrics[i].volume, metrics: metrics[i] }));
}
