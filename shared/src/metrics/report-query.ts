/**
 * Filtered reports, as the supervisors' console shows them and the /api/reports endpoints serve them: one code path
 * so the client (offline, from RxDB) and the server give the same figures for the same documents and filter.
 *
 * - Incident figures and trends count the tickets of the filter (report-filter.ts); backlogs are taken at asOf.
 * - Survey figures count the responses of the filter, each joined to its ticket among ALL known tickets (a response
 *   in range about a ticket created earlier still has its group, agent and category).
 * - Period rows and trends cover [from, asOf): `from` is the filter's, else the earliest ticket creation or response.
 * - asOf: the filter's `to` when it is before `now`, else `now`.
 * - Response rate = responses / surveys sent, where the surveys sent are the tickets of the scope now resolved or
 *   closed (a survey goes out when a ticket is done); per row when the row's key is a ticket dimension (group,
 *   category, assignee: the ticket's) or a period (the ticket's creation period); null for response channels.
 */
import type { Survey, SurveyResponse } from '../schemas/survey.js';
import type { Ticket } from '../schemas/ticket.js';
import { computeReportsDashboard, type ReportsDashboard } from './dashboard.js';
import type { EventIndex } from './event-index.js';
import { buildFactsTable } from './facts-table.js';
import type { KeyedRow } from './group-by.js';
import { incidentMetricsBy, incidentMetricsByPeriod } from './incident-breakdowns.js';
import { summarizeIncidents, type IncidentMetrics } from './incident-metrics.js';
import type { PeriodOptions, PeriodRow } from './period-rows.js';
import { periodKeyer, type PeriodUnit } from './periods.js';
import { isUnfiltered, responsesInReport, subsetEventIndex, ticketInReport, type ReportFilter } from './report-filter.js';
import { RESPONSE_DIMENSIONS, surveyResultsBy, surveyResultsByPeriod } from './survey-breakdowns.js';
import { summarizeSurveys, type SurveyMetrics } from './survey-metrics.js';
import { scoreResponses, type ScoredResponse } from './survey-scores.js';
import { TICKET_DIMENSIONS } from './ticket-dimensions.js';

/** Everything a report is computed from: the index of ALL known tickets (built once per data load) and the rest. */
export interface ReportData {
  index: EventIndex;
  surveys: readonly Survey[];
  responses: readonly SurveyResponse[];
  now: number;
  offsetMinutes: number;
}

/** The resolved window of a report. */
export interface ReportWindow {
  from: number;
  asOf: number;
}

/** The scope of a filtered report: tickets (with their index), scored responses and the window. */
export interface ReportScope {
  index: EventIndex;
  scored: ScoredResponse[];
  window: ReportWindow;
}

/** Applies the filter: the tickets' sub-index, the responses scored against all tickets, the window. */
export function reportScope(data: ReportData, filter: ReportFilter): ReportScope {
  const { index } = data;
  const ticketOf = (id: string): Ticket | undefined => {
    const r = index.rowOf.get(id);
    return r === undefined ? undefined : index.tickets[r];
  };
  const sub = isUnfiltered(filter) ? index : subsetEventIndex(index, (t) => ticketInReport(t, filter));
  const responses = isUnfiltered(filter) ? data.responses : responsesInReport(data.responses, filter, ticketOf);
  const scored = scoreResponses(responses, data.surveys, ticketOf);
  const asOf = filter.to !== undefined && filter.to < data.now ? filter.to : data.now;
  let from = filter.from ?? asOf;
  if (filter.from === undefined) {
    for (const t of sub.tickets) if (t.createdAt < from) from = t.createdAt;
    for (const r of responses) if (r.submittedAt < from) from = r.submittedAt;
  }
  return { index: sub, scored, window: { from, asOf } };
}

/**
 * What the incident figures and trends count: the desk's incidents and service requests. Problems, changes, releases
 * and change tasks have their own reports, and would otherwise swell volume, backlog and resolution times.
 */
export function isDeskTicket(t: Pick<Ticket, 'type'>): boolean {
  return t.type === 'incident' || t.type === 'request';
}

/** The whole dashboard for a filter, plus the scored responses (for the verbatim comments). */
export function computeFilteredDashboard(
  data: ReportData,
  filter: ReportFilter,
  affectedItem?: (ticket: Ticket) => string,
): { dashboard: ReportsDashboard; scope: ReportScope } {
  const scope = reportScope(data, filter);
  const { from, asOf } = scope.window;
  const desk = subsetEventIndex(scope.index, isDeskTicket);
  const base = computeReportsDashboard({
    tickets: desk.tickets,
    events: desk,
    surveys: data.surveys,
    responses: [],
    asOf,
    offsetMinutes: data.offsetMinutes,
    from,
    affectedItem,
  });
  const months: PeriodOptions = { unit: 'month', offsetMinutes: data.offsetMinutes, from, to: asOf };
  const { scored } = scope;
  const done = scope.index.tickets.filter(isDone);
  const dashboard: ReportsDashboard = {
    ...base,
    surveys: {
      overall: summarizeSurveys(scored, done.length),
      byGroup: surveyResultsBy(scored, RESPONSE_DIMENSIONS.group, countBy(done, TICKET_DIMENSIONS.group)),
      byAgent: surveyResultsBy(scored, RESPONSE_DIMENSIONS.agent, countBy(done, TICKET_DIMENSIONS.assignee)),
      byCategory: surveyResultsBy(scored, RESPONSE_DIMENSIONS.category, countBy(done, TICKET_DIMENSIONS.category)),
      byMonth: surveyResultsByPeriod(scored, months, countBy(done, createdIn('month', data.offsetMinutes))),
    },
  };
  return { dashboard, scope };
}

/** Breakdowns of the incident endpoint. */
export const INCIDENT_GROUP_BY = ['group', 'category', 'priority', 'channel', 'assignee', 'day', 'week', 'month'] as const;
export type IncidentGroupBy = (typeof INCIDENT_GROUP_BY)[number];
/** Breakdowns of the survey endpoint. */
export const SURVEY_GROUP_BY = ['group', 'agent', 'category', 'channel', 'day', 'week', 'month'] as const;
export type SurveyGroupBy = (typeof SURVEY_GROUP_BY)[number];

/** A report: the window, the overall figures and, when asked, one row per key or period. */
export interface ReportResult<M> {
  from: number;
  asOf: number;
  overall: M;
  rows: (KeyedRow<M> | PeriodRow<M>)[];
}

/** A ticket now resolved or closed: its survey has gone out. */
const isDone = (t: Ticket): boolean => t.status === 'resolved' || t.status === 'closed';

/** How many tickets have each key. */
export function countBy(tickets: readonly Ticket[], key: (t: Ticket) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tickets) counts.set(key(t), (counts.get(t === undefined ? '' : key(t)) ?? 0) + 1);
  return counts;
}

/** The key of a ticket's creation period. */
const createdIn = (unit: PeriodUnit, offsetMinutes: number): ((t: Ticket) => string) => {
  const keyOf = periodKeyer(unit, offsetMinutes);
  return (t) => keyOf(t.createdAt);
};

const SENT_BY: Record<SurveyGroupBy, ((offsetMinutes: number) => (t: Ticket) => string) | null> = {
  group: () => TICKET_DIMENSIONS.group,
  agent: () => TICKET_DIMENSIONS.assignee,
  category: () => TICKET_DIMENSIONS.category,
  channel: null,
  day: (o) => createdIn('day', o),
  week: (o) => createdIn('week', o),
  month: (o) => createdIn('month', o),
};

const isPeriod = (g: string): g is PeriodUnit => g === 'day' || g === 'week' || g === 'month';

/** Incident-process metrics of the filter, overall and by `groupBy`. */
export function incidentReport(data: ReportData, filter: ReportFilter, groupBy?: IncidentGroupBy): ReportResult<IncidentMetrics> {
  const { index, window } = reportScope(data, filter);
  const table = buildFactsTable(subsetEventIndex(index, isDeskTicket));
  const overall = summarizeIncidents(table, window.asOf);
  let rows: ReportResult<IncidentMetrics>['rows'] = [];
  if (groupBy && isPeriod(groupBy)) {
    rows = incidentMetricsByPeriod(table, {
      unit: groupBy,
      offsetMinutes: data.offsetMinutes,
      from: window.from,
      to: window.asOf,
    });
  } else if (groupBy) {
    rows = incidentMetricsBy(table, TICKET_DIMENSIONS[groupBy], window.asOf);
  }
  return { ...window, overall, rows };
}

/** Survey results of the filter, overall and by `groupBy`. */
export function surveyReport(data: ReportData, filter: ReportFilter, groupBy?: SurveyGroupBy): ReportResult<SurveyMetrics> {
  const { index, scored, window } = reportScope(data, filter);
  const done = index.tickets.filter(isDone);
  const sentKey = groupBy ? SENT_BY[groupBy] : null;
  const sent = sentKey ? countBy(done, sentKey(data.offsetMinutes)) : undefined;
  let rows: ReportResult<SurveyMetrics>['rows'] = [];
  if (groupBy && isPeriod(groupBy)) {
    const periods = { unit: groupBy, offsetMinutes: data.offsetMinutes, from: window.from, to: window.asOf };
    rows = surveyResultsByPeriod(scored, periods, sent);
  } else if (groupBy) {
    rows = surveyResultsBy(scored, RESPONSE_DIMENSIONS[groupBy], sent);
  }
  return { ...window, overall: summarizeSurveys(scored, done.length), rows };
}
