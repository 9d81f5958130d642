/**
 * Problem management figures of a report filter (issue 19), for the supervisors' console (offline, from RxDB) and
 * GET /api/reports/problems alike: one function over the same documents, so both give the same figures.
 *
 * Definitions:
 * - Problems: the tickets of type `problem` of the filter (created in [from, to), of the group; report-filter.ts).
 *   Every problem figure is about those problems, whatever happened to them after the period, as for changes.
 * - Linked incidents: every known incident whose `problemId` names one of them (not only the filter's: incidents
 *   keep arriving long after a problem is opened). incidentsPerProblem = linked incidents / problems (mean).
 * - When an incident was linked: the last recorded `problemId` move to its problem (the link that stands), from the
 *   field_change history; when none is recorded (created linked, or linked before links were recorded), its creation.
 * - Known error published at: the first recorded `problemPhase` move into a phase whose known error agents find
 *   (known_error, or resolved for a problem carrying a known error: publishedKnownErrors). knownErrors counts the
 *   problems agents find a known error of now, or whose publication is recorded.
 * - incidentsAvoided: linked incidents linked at or after their problem's known error was published: found by the
 *   known error rather than diagnosed afresh. A problem whose publication is not recorded (never published, or
 *   moved before phases were recorded) avoids none.
 * - Time to root cause: from creation to the first recorded move out of the analysis with a cause (into known_error,
 *   or into resolved when the problem states a root cause). Time to resolution: from creation to the first
 *   status_change to resolved (as for incidents, ticket-facts.ts). Both nearest-rank median and p90 (stats.ts);
 *   problems with no such record are left out (still open, or moved before phases were recorded).
 * - workaroundsApplied: the recorded applications of their workarounds (comments with fromValue WORKAROUND_APPLIED
 *   naming the problem, at any time); knownErrorsUsed: problems applied at least once. Searching or reading a known
 *   error records nothing, so those are not counted. resolvedByProblem: incidents resolved with the problem
 *   ("fixed by problem PRB…", resolvedByProblemCount).
 * - Recurring categories and CIs: the INCIDENTS of the filter (created in the period, of the group) by category and
 *   by each CI they name, keys with at least RECURRING_MIN incidents, most incidents first; each row says how many
 *   are linked to a problem and to how many problems. A problem manager reads there both where problems already
 *   cover the recurrence and where incidents recur with no problem yet (unlinked), which incidents linked to
 *   problems alone could not show.
 * - Rows: by group or category (the problem's), or by the day / week / month of creation; `byMonth` always.
 */
import { RESOLVED_WITHOUT_CAUSE, WORKAROUND_APPLIED, problemPhaseOf } from '../domain/problem-lifecycle.js';
import { parseFieldChange } from '../domain/ticket-history.js';
import type { ProblemPhase, Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { byKey, summarizeBy, type KeyedRow } from './group-by.js';
import { summarizeByPeriod, type PeriodRow } from './period-rows.js';
import type { ReportFilter } from './report-filter.js';
import { reportScope, type ReportData } from './report-query.js';
import { durationStats, ratio, type DurationStats } from './stats.js';

/** What the problem report needs besides ReportData: every ticket event (any order). */
export interface ProblemReportInput {
  events: readonly TicketEvent[];
}

/** Breakdowns of the problem endpoint. */
export const PROBLEM_GROUP_BY = ['group', 'category', 'day', 'week', 'month'] as const;
export type ProblemGroupBy = (typeof PROBLEM_GROUP_BY)[number];

/** A category or CI counts as recurring from this many incidents of the period. */
export const RECURRING_MIN = 2;

/** The problem figures of one set of problems. */
export interface ProblemMetrics {
  problems: number;
  /** Problems not resolved or closed. */
  open: number;
  resolved: number;
  knownErrors: number;
  incidents: number;
  /** Linked incidents per problem (mean); null when there are no problems. */
  incidentsPerProblem: number | null;
  incidentsAvoided: number;
  workaroundsApplied: number;
  knownErrorsUsed: number;
  resolvedByProblem: number;
  timeToRootCause: DurationStats;
  timeToResolution: DurationStats;
}

/** One problem with its own figures (the "incidents per problem" table). */
export interface ProblemLine {
  id: string;
  number: string;
  title: string;
  groupId: string;
  categoryId: string;
  phase: ProblemPhase;
  incidents: number;
  incidentsAvoided: number;
  workaroundsApplied: number;
  /** Null when the publication is not recorded. */
  knownErrorPublishedAt: number | null;
  rootCauseMs: number | null;
  resolutionMs: number | null;
}

/** A category or CI the period's incidents keep coming back to. */
export interface RecurrenceRow {
  key: string;
  incidents: number;
  /** Of them, linked to a problem; `unlinked` = incidents - linked. */
  linked: number;
  unlinked: number;
  /** Distinct problems they are linked to. */
  problems: number;
}

/** The problem report of a filter. */
export interface ProblemReport {
  from: number;
  asOf: number;
  overall: ProblemMetrics;
  rows: (KeyedRow<ProblemMetrics> | PeriodRow<ProblemMetrics>)[];
  /** Always given: the trend by month of creation. */
  byMonth: PeriodRow<ProblemMetrics>[];
  /** The problems, most linked incidents first (then by number). */
  problems: ProblemLine[];
  recurringCategories: RecurrenceRow[];
  recurringCis: RecurrenceRow[];
}

/** What the history says about the wanted problems and the incidents linked to them, from one pass over the events. */
interface History {
  publishedAt: Map<string, number>;
  rootCauseAt: Map<string, number>;
  resolvedAt: Map<string, number>;
  /** Incident id -> the last recorded link: to which problem, when. */
  linkedAt: Map<string, { problemId: string; at: number }>;
  /** Problem id -> recorded workaround applications. */
  applied: Map<string, number>;
}

const PUBLISHED_PHASES: readonly string[] = ['known_error', 'resolved'];

const keepFirst = (map: Map<string, number>, id: string, at: number): void => {
  const before = map.get(id);
  if (before === undefined || at < before) map.set(id, at);
};

/** The cause was found by the time a problem reached this phase (resolved counts only when a cause is stated). */
function foundCause(problem: Ticket, phase: string): boolean {
  if (phase === 'known_error') return true;
  if (phase !== 'resolved') return false;
  return !RESOLVED_WITHOUT_CAUSE.includes(problem.resolutionCode) && (problem.rootCause?.statement ?? '').trim() !== '';
}

function readHistory(events: readonly TicketEvent[], problems: ReadonlyMap<string, Ticket>): History {
  const h: History = {
    publishedAt: new Map(),
    rootCauseAt: new Map(),
    resolvedAt: new Map(),
    linkedAt: new Map(),
    applied: new Map(),
  };
  for (const e of events) {
    if (e.kind === 'comment') {
      if (e.fromValue === WORKAROUND_APPLIED && problems.has(e.toValue))
        h.applied.set(e.toValue, (h.applied.get(e.toValue) ?? 0) + 1);
      continue;
    }
    if (e.kind === 'status_change') {
      if (e.toValue === 'resolved' && problems.has(e.ticketId)) keepFirst(h.resolvedAt, e.ticketId, e.occurredAt);
      continue;
    }
    // Only the problem fields matter here: their bodies name them, so the others are not parsed (most entries).
    if (e.kind !== 'field_change' || !e.body.includes('problem')) continue;
    const change = parseFieldChange(e);
    if (change?.field === 'problemId') {
      // The last move wins: an earlier link undone and made again counts from the link that stands.
      const before = h.linkedAt.get(e.ticketId);
      if (problems.has(change.to) && (before === undefined || e.occurredAt >= before.at))
        h.linkedAt.set(e.ticketId, { problemId: change.to, at: e.occurredAt });
      continue;
    }
    const problem = change?.field === 'problemPhase' ? problems.get(e.ticketId) : undefined;
    if (!problem || !change) continue;
    if (PUBLISHED_PHASES.includes(change.to) && problem.knownError) keepFirst(h.publishedAt, problem.id, e.occurredAt);
    if (foundCause(problem, change.to)) keepFirst(h.rootCauseAt, problem.id, e.occurredAt);
  }
  return h;
}

/** A problem whose known error agents find now (publishedKnownErrors' rule). */
const findsKnownError = (t: Ticket): boolean => {
  const phase = problemPhaseOf(t);
  return t.knownError !== undefined && (phase === 'known_error' || phase === 'resolved');
};

/** Each wanted problem's own figures; incidents are read from every known ticket. */
function linesOf(problems: readonly Ticket[], all: readonly Ticket[], input: ProblemReportInput): ProblemLine[] {
  const byId = new Map(problems.map((p) => [p.id, p]));
  const h = readHistory(input.events, byId);
  const incidents = new Map<string, number>();
  const avoided = new Map<string, number>();
  for (const t of all) {
    if (t.type !== 'incident' || !t.problemId || !byId.has(t.problemId)) continue;
    incidents.set(t.problemId, (incidents.get(t.problemId) ?? 0) + 1);
    const published = h.publishedAt.get(t.problemId);
    if (published === undefined) continue;
    const link = h.linkedAt.get(t.id);
    const linkedAt = link?.problemId === t.problemId ? link.at : t.createdAt;
    if (linkedAt >= published) avoided.set(t.problemId, (avoided.get(t.problemId) ?? 0) + 1);
  }
  // A device clock may record a move a moment before the creation: never a negative time.
  const since = (p: Ticket, at: number | undefined): number | null => (at === undefined ? null : Math.max(0, at - p.createdAt));
  return problems.map((p): ProblemLine => ({
    id: p.id,
    number: p.number,
    title: p.title,
    groupId: p.groupId,
    categoryId: p.categoryId,
    phase: problemPhaseOf(p),
    incidents: incidents.get(p.id) ?? 0,
    incidentsAvoided: avoided.get(p.id) ?? 0,
    workaroundsApplied: h.applied.get(p.id) ?? 0,
    knownErrorPublishedAt: h.publishedAt.get(p.id) ?? null,
    rootCauseMs: since(p, h.rootCauseAt.get(p.id)),
    resolutionMs: since(p, h.resolvedAt.get(p.id)),
  }));
}

/** The figures of a set of problems (each with its ticket, for what the line does not carry). */
function summarize(lines: readonly { line: ProblemLine; ticket: Ticket }[]): ProblemMetrics {
  let open = 0;
  let resolved = 0;
  let knownErrors = 0;
  let incidents = 0;
  let incidentsAvoided = 0;
  let workaroundsApplied = 0;
  let knownErrorsUsed = 0;
  let resolvedByProblem = 0;
  const toRootCause: number[] = [];
  const toResolution: number[] = [];
  for (const { line, ticket } of lines) {
    if (line.phase === 'resolved' || line.phase === 'closed') resolved++;
    else open++;
    if (line.knownErrorPublishedAt !== null || findsKnownError(ticket)) knownErrors++;
    incidents += line.incidents;
    incidentsAvoided += line.incidentsAvoided;
    workaroundsApplied += line.workaroundsApplied;
    if (line.workaroundsApplied > 0) knownErrorsUsed++;
    resolvedByProblem += ticket.resolvedByProblemCount ?? 0;
    if (line.rootCauseMs !== null) toRootCause.push(line.rootCauseMs);
    if (line.resolutionMs !== null) toResolution.push(line.resolutionMs);
  }
  return {
    problems: lines.length,
    open,
    resolved,
    knownErrors,
    incidents,
    incidentsPerProblem: ratio(incidents, lines.length),
    incidentsAvoided,
    workaroundsApplied,
    knownErrorsUsed,
    resolvedByProblem,
    timeToRootCause: durationStats(toRootCause),
    timeToResolution: durationStats(toResolution),
  };
}

type RecurrenceTally = Map<string, { incidents: number; linked: number; problems: Set<string> }>;

/** Counts one incident under `key` (skipped when blank). */
function tally(acc: RecurrenceTally, key: string, t: Ticket): void {
  if (key === '') return;
  let row = acc.get(key);
  if (!row) acc.set(key, (row = { incidents: 0, linked: 0, problems: new Set() }));
  row.incidents++;
  if (t.problemId) {
    row.linked++;
    row.problems.add(t.problemId);
  }
}

/** The tallied keys with at least RECURRING_MIN incidents, most incidents first, then by key. */
function recurringRows(acc: RecurrenceTally): RecurrenceRow[] {
  const rows: RecurrenceRow[] = [];
  for (const [key, r] of acc)
    if (r.incidents >= RECURRING_MIN)
      rows.push({ key, incidents: r.incidents, linked: r.linked, unlinked: r.incidents - r.linked, problems: r.problems.size });
  return rows.sort((a, b) => b.incidents - a.incidents || byKey(a, b));
}

/** The period's incidents by category and by each CI they name (a CI named twice counts the incident once). */
function recurrences(incidents: readonly Ticket[]): { categories: RecurrenceRow[]; cis: RecurrenceRow[] } {
  const categories: RecurrenceTally = new Map();
  const cis: RecurrenceTally = new Map();
  for (const t of incidents) {
    tally(categories, t.categoryId, t);
    const ids = t.ciIds ?? [];
    if (ids.length === 1) tally(cis, ids[0], t);
    else if (ids.length > 1) for (const id of new Set(ids)) tally(cis, id, t);
  }
  return { categories: recurringRows(categories), cis: recurringRows(cis) };
}

/**
 * The problem figures of `filter`: overall, by `groupBy` when given, by month of creation, each problem's line and
 * the recurring categories and CIs of the period's incidents. `data.offsetMinutes` is the zone of periods.
 */
export function problemReport(
  data: ReportData,
  input: ProblemReportInput,
  filter: ReportFilter,
  groupBy?: ProblemGroupBy,
): ProblemReport {
  const { index, window } = reportScope({ ...data, surveys: [], responses: [] }, filter);
  const problems: Ticket[] = [];
  const incidents: Ticket[] = [];
  for (const t of index.tickets) {
    if (t.type === 'problem') problems.push(t);
    else if (t.type === 'incident') incidents.push(t);
  }
  const lines = linesOf(problems, data.index.tickets, input);
  const facts = lines.map((line, i) => ({ line, ticket: problems[i] }));
  const periods = (unit: 'day' | 'week' | 'month') => ({
    unit,
    offsetMinutes: data.offsetMinutes,
    from: window.from,
    to: window.asOf,
  });
  const createdAt = (f: { ticket: Ticket }): number => f.ticket.createdAt;
  const byMonth = summarizeByPeriod(facts, createdAt, periods('month'), (bucket) => summarize(bucket));
  let rows: ProblemReport['rows'] = [];
  if (groupBy === 'month') rows = byMonth;
  else if (groupBy === 'day' || groupBy === 'week')
    rows = summarizeByPeriod(facts, createdAt, periods(groupBy), (bucket) => summarize(bucket));
  else if (groupBy === 'group') rows = summarizeBy(facts, (f) => f.ticket.groupId, summarize);
  else if (groupBy === 'category') rows = summarizeBy(facts, (f) => f.ticket.categoryId, summarize);
  const ordered = [...lines].sort(
    (a, b) => b.incidents - a.incidents || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
  const recurring = recurrences(incidents);
  return {
    ...window,
    overall: summarize(facts),
    rows,
    byMonth,
    problems: ordered,
    recurringCategories: recurring.categories,
    recurringCis: recurring.cis,
  };
}
