/**
 * Change management figures of a report filter, for the supervisors' console (offline, from RxDB) and
 * GET /api/reports/changes alike: one function over the same documents, so both give the same figures.
 *
 * Definitions:
 * - Changes: the tickets of type `change` of the filter (created in [from, to), of the group; report-filter.ts).
 *   Every figure is about those changes, whatever happened to them after the period.
 * - closed: changes in phase `closed`. successPct = 100 * successful / (closed with an outcome), null when none;
 *   successful, failed and backedOut count the closed changes with that outcome.
 * - emergencyPct = 100 * emergency changes / changes, null when there are none.
 * - causingIncidents: distinct changes an incident names in `causedByChangeId`; incidents: those incidents. Every
 *   known incident counts, not only those of the filter: the incident usually comes after the change's period.
 * - Lead time to approval: from creation to the first recorded move into a phase past the board (scheduled,
 *   implementing, review or closed: APPROVED_PHASES), read from the `changePhase` field_change history. Changes with
 *   no such move recorded (not yet through, or moved before the history recorded phases) are left out.
 * - Lead time to implementation: from creation to `implementedAt` (when the implementation ended).
 *   Both are nearest-rank median and p90 (stats.ts), with their counts.
 * - collisions: changes whose planned window, checked with changeCollisions against the other changes holding a
 *   planned window (any known change but drafts, cancelled and rejected ones: closed changes held their slot then),
 *   meets another change on the same CI or on a CI one of them depends on. What was flagged when the change was
 *   approved is not kept, so this is the collision as the plans stand now; blackout and maintenance windows are not
 *   counted (their settings are not report data). Without a CMDB graph only same-CI collisions are found.
 * - Rows: by group (the change's), by type, by service (each business service, technical service or application
 *   downstream of the change's CIs in the CMDB graph, SERVICE_CLASSES; a change counts in every service it impacts,
 *   so service rows are not a partition; '' when it impacts none), or by the day / week / month of creation (every
 *   period of the window). `byMonth` is always given, for the trend.
 */
import type { CollisionContext } from '../change/change-collisions.js';
import { APPROVED_PHASES } from '../change/change-approvals.js';
import { buildChangeCalendar, changeCollisions, type CalendarChange } from '../change/change-collisions.js';
import { changeTypeOf } from '../change/change-lifecycle.js';
import { SERVICE_CLASSES } from '../cmdb/ci-model.js';
import { buildCmdbGraph, downstreamImpact, type CmdbGraph } from '../cmdb/impact.js';
import { parseFieldChange } from '../domain/ticket-history.js';
import type { ChangePhase, Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { summarizeBy, type KeyedRow } from './group-by.js';
import { summarizeByPeriod, type PeriodRow } from './period-rows.js';
import type { ReportFilter } from './report-filter.js';
import { reportScope, type ReportData } from './report-query.js';
import { durationStats, type DurationStats } from './stats.js';

/** What the change report needs besides ReportData: every ticket event (any order) and the CMDB graph, if held. */
export interface ChangeReportInput {
  events: readonly TicketEvent[];
  graph?: CmdbGraph;
}

/** Breakdowns of the change endpoint. */
export const CHANGE_GROUP_BY = ['group', 'service', 'type', 'day', 'week', 'month'] as const;
export type ChangeGroupBy = (typeof CHANGE_GROUP_BY)[number];

/** The change figures of one set of changes. */
export interface ChangeMetrics {
  changes: number;
  closed: number;
  successful: number;
  failed: number;
  backedOut: number;
  /** 100 * successful / closed with an outcome; null when none has one. */
  successPct: number | null;
  emergency: number;
  /** 100 * emergency / changes; null when there are none. */
  emergencyPct: number | null;
  /** Distinct changes named by an incident's causedByChangeId. */
  causingIncidents: number;
  /** Incidents naming one of the changes. */
  incidents: number;
  /** Changes whose planned window collides with another change's. */
  collisions: number;
  leadToApproval: DurationStats;
  leadToImplementation: DurationStats;
}

/** The change report of a filter. */
export interface ChangeReport {
  from: number;
  asOf: number;
  overall: ChangeMetrics;
  rows: (KeyedRow<ChangeMetrics> | PeriodRow<ChangeMetrics>)[];
  /** Always given: the trend by month of creation. */
  byMonth: PeriodRow<ChangeMetrics>[];
}

/** One change with what the figures read of it, worked out once. */
interface ChangeFacts {
  ticket: Ticket;
  approvedAt: number | null;
  incidents: number;
  collides: boolean;
  services: string[];
}

/** Phases whose planned window no longer holds a slot (never planned for real, or given up). */
const OFF_CALENDAR: readonly ChangePhase[] = ['draft', 'cancelled', 'rejected'];

/** A change's planned window as the collision check reads it, when it has one and holds its slot. */
function plannedEntry(t: Ticket): CalendarChange | null {
  if (t.type !== 'change' || (t.changePhase && OFF_CALENDAR.includes(t.changePhase))) return null;
  if (!t.plannedStart || !t.plannedEnd || t.plannedEnd <= t.plannedStart) return null;
  return { id: t.id, start: t.plannedStart, end: t.plannedEnd, ciIds: t.ciIds ?? [] };
}

/** The first time each wanted change moved into a phase past approval, from the field_change history. */
function approvalTimes(events: readonly TicketEvent[], wanted: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'field_change' || !wanted.has(e.ticketId)) continue;
    const change = parseFieldChange(e);
    if (change?.field !== 'changePhase' || !(APPROVED_PHASES as readonly string[]).includes(change.to)) continue;
    const before = out.get(e.ticketId);
    if (before === undefined || e.occurredAt < before) out.set(e.ticketId, e.occurredAt);
  }
  return out;
}

/** The services (SERVICE_CLASSES) downstream of a change's CIs, sorted; its own CIs count when they are services. */
function servicesOf(graph: CmdbGraph, ciIds: readonly string[]): string[] {
  if (ciIds.length === 0) return [];
  const out: string[] = [];
  for (const node of downstreamImpact(graph, ciIds).nodes) {
    const i = graph.indexOf.get(node.id);
    if (i !== undefined && SERVICE_CLASSES.includes(graph.items[i].ciClass)) out.push(node.id);
  }
  return out.sort();
}

function factsOf(changes: readonly Ticket[], all: readonly Ticket[], input: ChangeReportInput): ChangeFacts[] {
  const wanted = new Set(changes.map((t) => t.id));
  const incidents = new Map<string, number>();
  const entries: CalendarChange[] = [];
  for (const t of all) {
    if (t.type === 'incident' && t.causedByChangeId && wanted.has(t.causedByChangeId))
      incidents.set(t.causedByChangeId, (incidents.get(t.causedByChangeId) ?? 0) + 1);
    const entry = plannedEntry(t);
    if (entry) entries.push(entry);
  }
  const graph = input.graph ?? buildCmdbGraph([]);
  const context: CollisionContext = { calendar: buildChangeCalendar(entries), graph, windows: [] };
  const approved = approvalTimes(input.events, wanted);
  return changes.map((ticket): ChangeFacts => {
    const entry = plannedEntry(ticket);
    return {
      ticket,
      approvedAt: approved.get(ticket.id) ?? null,
      incidents: incidents.get(ticket.id) ?? 0,
      collides: entry !== null && changeCollisions(entry, context).some((c) => c.kind === 'same_ci' || c.kind === 'dependent_ci'),
      services: servicesOf(graph, ticket.ciIds ?? []),
    };
  });
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (100 * part) / whole);

/** The figures of a set of changes. */
function summarize(facts: readonly ChangeFacts[]): ChangeMetrics {
  let closed = 0;
  let successful = 0;
  let failed = 0;
  let backedOut = 0;
  let emergency = 0;
  let causingIncidents = 0;
  let incidents = 0;
  let collisions = 0;
  const toApproval: number[] = [];
  const toImplementation: number[] = [];
  for (const f of facts) {
    const t = f.ticket;
    if (t.changePhase === 'closed') {
      closed++;
      if (t.changeOutcome === 'successful') successful++;
      else if (t.changeOutcome === 'failed') failed++;
      else if (t.changeOutcome === 'backed_out') backedOut++;
    }
    if (changeTypeOf(t) === 'emergency') emergency++;
    if (f.incidents > 0) causingIncidents++;
    incidents += f.incidents;
    if (f.collides) collisions++;
    // A device clock may record a move a moment before the creation: never a negative lead time.
    if (f.approvedAt !== null) toApproval.push(Math.max(0, f.approvedAt - t.createdAt));
    if (t.implementedAt !== undefined) toImplementation.push(Math.max(0, t.implementedAt - t.createdAt));
  }
  return {
    changes: facts.length,
    closed,
    successful,
    failed,
    backedOut,
    successPct: pct(successful, successful + failed + backedOut),
    emergency,
    emergencyPct: pct(emergency, facts.length),
    causingIncidents,
    incidents,
    collisions,
    leadToApproval: durationStats(toApproval),
    leadToImplementation: durationStats(toImplementation),
  };
}

/** Each change once per service it impacts ('' when none), for the service rows. */
function byService(facts: readonly ChangeFacts[]): KeyedRow<ChangeMetrics>[] {
  const pairs = facts.flatMap((f) => (f.services.length === 0 ? [{ f, key: '' }] : f.services.map((key) => ({ f, key }))));
  return summarizeBy(
    pairs,
    (p) => p.key,
    (group) => summarize(group.map((p) => p.f)),
  );
}

/**
 * The change figures of `filter`: overall, by `groupBy` when given, and by month of creation. `data.offsetMinutes`
 * is the zone of periods; the incidents and the calendar are read from every ticket of `data`.
 */
export function changeReport(
  data: ReportData,
  input: ChangeReportInput,
  filter: ReportFilter,
  groupBy?: ChangeGroupBy,
): ChangeReport {
  const { index, window } = reportScope({ ...data, surveys: [], responses: [] }, filter);
  const changes = index.tickets.filter((t) => t.type === 'change');
  const facts = factsOf(changes, data.index.tickets, input);
  const periods = (unit: 'day' | 'week' | 'month') => ({
    unit,
    offsetMinutes: data.offsetMinutes,
    from: window.from,
    to: window.asOf,
  });
  const createdAt = (f: ChangeFacts): number => f.ticket.createdAt;
  const byMonth = summarizeByPeriod(facts, createdAt, periods('month'), (bucket) => summarize(bucket));
  let rows: ChangeReport['rows'] = [];
  if (groupBy === 'month') rows = byMonth;
  else if (groupBy === 'day' || groupBy === 'week')
    rows = summarizeByPeriod(facts, createdAt, periods(groupBy), (bucket) => summarize(bucket));
  else if (groupBy === 'service') rows = byService(facts);
  else if (groupBy === 'group') rows = summarizeBy(facts, (f) => f.ticket.groupId, summarize);
  else if (groupBy === 'type') rows = summarizeBy(facts, (f) => changeTypeOf(f.ticket), summarize);
  return { ...window, overall: summarize(facts), rows, byMonth };
}
