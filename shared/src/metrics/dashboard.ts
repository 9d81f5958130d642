/**
 * The whole reports dashboard in one call, the same on the client (RxDB documents) and the server: incident
 * metrics overall and by group, category, priority, channel and month; survey results overall and by group, agent,
 * category and month; trends of categories, callers and (if a key function is given) affected items,
 * week-over-week and month-over-month. Definitions live in the modules it calls; other breakdowns (assignee, ISO
 * week, day) are one call away with the same functions.
 *
 * It counts every ticket and response it is given (filter them first for a narrower window). Period rows cover
 * [from, asOf), `from` defaulting to the earliest ticket creation; backlogs are taken at asOf (or period ends).
 */
import type { Survey, SurveyResponse } from '../schemas/survey.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import { indexEventsByTicket, type EventIndex } from './event-index.js';
import { buildFactsTable } from './facts-table.js';
import { encodeKeys, type EncodedKeys, type KeyedRow } from './group-by.js';
import { incidentMetricsBy, incidentMetricsByPeriod } from './incident-breakdowns.js';
import { summarizeIncidents, type IncidentMetrics } from './incident-metrics.js';
import type { PeriodOptions, PeriodRow } from './period-rows.js';
import type { PeriodUnit } from './periods.js';
import { surveyResultsByPeriod, surveyResultsByTicketCodes } from './survey-breakdowns.js';
import { summarizeSurveys, type SurveyMetrics } from './survey-metrics.js';
import { indexQuestionTypes, scoreResponse } from './survey-scores.js';
import { encodeTicketDimensions } from './ticket-dimensions.js';
import { trendByEncoded, trendSlots, type TrendSeries } from './trends.js';

/** What the dashboard is computed from. */
export interface ReportsInput {
  tickets: readonly Ticket[];
  /** All events, or the index built once from these very tickets with indexEventsByTicket (cheaper). */
  events: EventIndex | readonly TicketEvent[];
  surveys: readonly Survey[];
  responses: readonly SurveyResponse[];
  asOf: number;
  offsetMinutes: number;
  from?: number;
  /** Surveys sent in total (tracked elsewhere), for the overall response rate. */
  sent?: number;
  /** The affected item of a ticket (free text or CI id), when the data has one. */
  affectedItem?: (ticket: Ticket) => string;
  /** How many caller and affected-item series to keep (default 20); categories are all kept. */
  trendTop?: number;
}

/** A trend per period unit. */
export type TrendsByUnit = Record<'weekly' | 'monthly', TrendSeries[]>;

/** Every figure the reports screens show. */
export interface ReportsDashboard {
  incidents: { overall: IncidentMetrics; byMonth: PeriodRow<IncidentMetrics>[] } & Record<
    'byGroup' | 'byCategory' | 'byPriority' | 'byChannel',
    KeyedRow<IncidentMetrics>[]
  >;
  surveys: { overall: SurveyMetrics; byMonth: PeriodRow<SurveyMetrics>[] } & Record<
    'byGroup' | 'byAgent' | 'byCategory',
    KeyedRow<SurveyMetrics>[]
  >;
  trends: { categories: TrendsByUnit; callers: TrendsByUnit; affectedItems: TrendsByUnit | null };
}

function earliest(times: Float64Array, fallback: number): number {
  let min = fallback;
  for (let i = 0; i < times.length; i++) if (times[i] < min) min = times[i];
  return min;
}

/** The given index (checked to be built from these tickets), or a new one. */
function indexFor(input: ReportsInput): EventIndex {
  if (!('rowOf' in input.events)) return indexEventsByTicket(input.tickets, input.events);
  if (input.events.tickets !== input.tickets) throw new Error('The event index was built from another ticket list.');
  return input.events;
}

/** Computes the whole dashboard from tickets, events (or their index), surveys and responses. */
export function computeReportsDashboard(input: ReportsInput): ReportsDashboard {
  const { tickets, asOf, offsetMinutes } = input;
  const index = indexFor(input);
  const table = buildFactsTable(index);
  const from = input.from ?? earliest(table.createdAt, asOf);
  const range = (unit: PeriodUnit): PeriodOptions => ({ unit, offsetMinutes, from, to: asOf });
  const dims = encodeTicketDimensions(tickets, ['group', 'category', 'priority', 'channel', 'assignee', 'caller']);
  const weeks = trendSlots(table.createdAt, range('week'));
  const months = trendSlots(table.createdAt, range('month'));
  const trend = (keys: EncodedKeys, top?: number): TrendsByUnit => ({
    weekly: trendByEncoded(keys, weeks, { ...range('week'), top }),
    monthly: trendByEncoded(keys, months, { ...range('month'), top }),
  });
  const top = input.trendTop ?? 20;
  const responseRows = new Int32Array(input.responses.length);
  input.responses.forEach((r, i) => (responseRows[i] = index.rowOf.get(r.ticketId) ?? -1));
  const types = indexQuestionTypes(input.surveys);
  const scored = input.responses.map((r, i) =>
    scoreResponse(r, types, responseRows[i] < 0 ? undefined : tickets[responseRows[i]]),
  );
  const byTicket = (keys: EncodedKeys): KeyedRow<SurveyMetrics>[] => surveyResultsByTicketCodes(scored, responseRows, keys);
  return {
    incidents: {
      overall: summarizeIncidents(table, asOf),
      byGroup: incidentMetricsBy(table, dims.group, asOf),
      byCategory: incidentMetricsBy(table, dims.category, asOf),
      byPriority: incidentMetricsBy(table, dims.priority, asOf),
      byChannel: incidentMetricsBy(table, dims.channel, asOf),
      byMonth: incidentMetricsByPeriod(table, range('month')),
    },
    surveys: {
      overall: summarizeSurveys(scored, input.sent),
      byGroup: byTicket(dims.group),
      byAgent: byTicket(dims.assignee),
      byCategory: byTicket(dims.category),
      byMonth: surveyResultsByPeriod(scored, range('month')),
    },
    trends: {
      categories: trend(dims.category),
      callers: trend(dims.caller, top),
      affectedItems: input.affectedItem ? trend(encodeKeys(tickets, input.affectedItem), top) : null,
    },
  };
}
