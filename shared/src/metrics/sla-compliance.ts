/**
 * SLA compliance of the tickets of a report filter, for the supervisors' console (offline, from RxDB) and
 * GET /api/reports/sla alike: each ticket's clocks come from the one clock function (computeSlaClocks) with the
 * policy matchSlaPolicy picks, so a report never disagrees with the ticket's own SLA panel.
 *
 * Definitions:
 * - Tickets: those of the filter (created in [from, to), of the group; report-filter.ts). A ticket no enabled policy
 *   matches is counted in `noPolicy` and in no clock; one whose policy names a calendar this side does not hold is
 *   counted in `noCalendar` (neither can be judged, and neither is a breach).
 * - Clocks: first response and resolution. The update-interval clock restarts at each update and only exists while
 *   a ticket is open, so it has no single outcome per ticket and is left out of compliance.
 * - A clock is met when it stopped within its target, breached when it went past it (stopped or still running),
 *   open otherwise (running or paused, not yet past its target). metPct = met / (met + breached), in 0..100, null
 *   when nothing is decided yet: an open clock is neither a success nor a failure.
 * - avgRemainingMs: the mean business time left on the clock when it stopped (negative when late), over the stopped
 *   clocks; for the resolution clock that is the time left at resolution. null when none stopped.
 * - Clocks are read at `data.now` (not the period end): a ticket of January that breached in February is a breach
 *   of January's tickets. Event times are bounded by `now` only (no server receipt times), so a device and the
 *   server holding the same documents give the same figures.
 * - Rows: by policy (tickets with a policy only), priority, group, agent (assignee), service (the ticket's
 *   free-text affected item or CI, trimmed; '' when none), or by the day / week / month of creation (every period of
 *   the window, empty ones included). `byMonth` is always given, for the trend.
 * - Breaches: every breached clock, latest due first, with the shared result's explanation (policy, why it matched,
 *   and the clock's timeline segments).
 */
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { BusinessCalendar } from '../sla/business-calendar.js';
import { computeSlaClocks, type SlaClock, type SlaClockKind, type SlaSegment } from '../sla/sla-clock.js';
import { matchTicketSlaPolicy, type SlaPolicy } from '../sla/sla-policy.js';
import { summarizeBy, type KeyedRow } from './group-by.js';
import { reportScope, type ReportData } from './report-query.js';
import { summarizeByPeriod, type PeriodRow } from './period-rows.js';
import type { ReportFilter } from './report-filter.js';
import { TICKET_DIMENSIONS } from './ticket-dimensions.js';

/** What SLA compliance needs besides ReportData: the usable settings and every ticket event (any order). */
export interface SlaReportInput {
  policies: readonly SlaPolicy[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
  events: readonly TicketEvent[];
  /** The callers the directory marks VIP (vipCallerIdsOf), for policies with a VIP condition; none when absent. */
  vipCallerIds?: ReadonlySet<string>;
}

/** The clocks compliance is reported on. */
export const SLA_COMPLIANCE_CLOCKS = ['first_response', 'resolution'] as const satisfies readonly SlaClockKind[];
export type SlaComplianceClock = (typeof SLA_COMPLIANCE_CLOCKS)[number];

/** Breakdowns of the SLA endpoint. */
export const SLA_GROUP_BY = ['policy', 'priority', 'group', 'agent', 'service', 'day', 'week', 'month'] as const;
export type SlaGroupBy = (typeof SLA_GROUP_BY)[number];

/** The outcome counts of one clock kind over a set of tickets. */
export interface SlaClockFigures {
  met: number;
  breached: number;
  /** Running or paused, not yet past the target. */
  open: number;
  /** 100 * met / (met + breached); null when none is decided. */
  metPct: number | null;
  /** Mean business ms left when the clock stopped (negative when late); null when none stopped. */
  avgRemainingMs: number | null;
  stopped: number;
}

/** SLA compliance of one set of tickets. */
export interface SlaComplianceMetrics {
  tickets: number;
  /** Tickets no enabled policy matches. */
  noPolicy: number;
  /** Tickets whose policy's calendar is missing. */
  noCalendar: number;
  clocks: Record<SlaComplianceClock, SlaClockFigures>;
}

/** One breached clock and why. */
export interface SlaBreach {
  ticketId: string;
  number: string;
  title: string;
  clock: SlaComplianceClock;
  policyId: string;
  policyName: string;
  /** The parts of the policy's condition the ticket matched ("priorities", "groupIds"...). */
  matchedOn: string[];
  targetMs: number;
  /** When the clock crossed its target. */
  dueAt: number;
  /** Business ms past the target (as of the stop, or of `now` while it still runs). */
  lateMs: number;
  /** When the clock stopped; absent while it still runs. */
  stoppedAt?: number;
  /** The clock's timeline as computeSlaClocks explains it: counted, paused, off-hours and stopped stretches. */
  segments: SlaSegment[];
}

/** The SLA compliance report of a filter. */
export interface SlaComplianceReport {
  from: number;
  asOf: number;
  overall: SlaComplianceMetrics;
  rows: (KeyedRow<SlaComplianceMetrics> | PeriodRow<SlaComplianceMetrics>)[];
  /** Always given: the trend of % met by month of creation. */
  byMonth: PeriodRow<SlaComplianceMetrics>[];
  breaches: SlaBreach[];
}

/** One ticket's judged clocks, or why it has none. */
interface TicketOutcome {
  ticket: Ticket;
  status: 'ok' | 'no_policy' | 'no_calendar';
  policyId: string;
  clocks: SlaClock[];
}

/** The trimmed affected item (service or CI) of a ticket, '' when none. */
export const ticketService = (t: Ticket): string => t.affectedItem?.trim() ?? '';

/** Every ticket's clocks with the shared matching and clock functions, read at `now`. */
function outcomesOf(tickets: readonly Ticket[], sla: SlaReportInput, now: number): TicketOutcome[] {
  const wanted = new Set(tickets.map((t) => t.id));
  const eventsOf = new Map<string, TicketEvent[]>();
  for (const e of sla.events) {
    if (!wanted.has(e.ticketId)) continue;
    const list = eventsOf.get(e.ticketId);
    if (list) list.push(e);
    else eventsOf.set(e.ticketId, [e]);
  }
  return tickets.map((ticket): TicketOutcome => {
    const match = matchTicketSlaPolicy(sla.policies, ticket, sla.vipCallerIds);
    if (!match) return { ticket, status: 'no_policy', policyId: '', clocks: [] };
    const calendar = sla.calendars.get(match.policy.calendarId);
    if (!calendar) return { ticket, status: 'no_calendar', policyId: match.policy.id, clocks: [] };
    const result = computeSlaClocks({ ticket, events: eventsOf.get(ticket.id) ?? [], match, calendar, now });
    return { ticket, status: 'ok', policyId: match.policy.id, clocks: result.clocks };
  });
}

function clockFigures(outcomes: readonly TicketOutcome[], kind: SlaComplianceClock): SlaClockFigures {
  let met = 0;
  let breached = 0;
  let open = 0;
  let stopped = 0;
  let remaining = 0;
  for (const o of outcomes) {
    const clock = o.clocks.find((c) => c.kind === kind);
    if (!clock) continue;
    if (clock.state === 'met') met++;
    else if (clock.state === 'breached') breached++;
    else open++;
    if (clock.stoppedAt !== undefined) {
      stopped++;
      remaining += clock.remainingMs;
    }
  }
  const decided = met + breached;
  return {
    met,
    breached,
    open,
    metPct: decided === 0 ? null : (100 * met) / decided,
    avgRemainingMs: stopped === 0 ? null : remaining / stopped,
    stopped,
  };
}

/** The compliance figures of a set of judged tickets. */
function summarize(outcomes: readonly TicketOutcome[]): SlaComplianceMetrics {
  return {
    tickets: outcomes.length,
    noPolicy: outcomes.filter((o) => o.status === 'no_policy').length,
    noCalendar: outcomes.filter((o) => o.status === 'no_calendar').length,
    clocks: {
      first_response: clockFigures(outcomes, 'first_response'),
      resolution: clockFigures(outcomes, 'resolution'),
    },
  };
}

const KEYS: Record<Exclude<SlaGroupBy, 'day' | 'week' | 'month'>, (o: TicketOutcome) => string> = {
  policy: (o) => o.policyId,
  priority: (o) => TICKET_DIMENSIONS.priority(o.ticket),
  group: (o) => TICKET_DIMENSIONS.group(o.ticket),
  agent: (o) => TICKET_DIMENSIONS.assignee(o.ticket),
  service: (o) => ticketService(o.ticket),
};

function breachesOf(outcomes: readonly TicketOutcome[], sla: SlaReportInput): SlaBreach[] {
  const policies = new Map(sla.policies.map((p) => [p.id, p]));
  const out: SlaBreach[] = [];
  for (const o of outcomes) {
    const policy = policies.get(o.policyId);
    if (o.status !== 'ok' || !policy) continue;
    const matchedOn = matchTicketSlaPolicy(sla.policies, o.ticket, sla.vipCallerIds)?.matchedOn ?? [];
    for (const clock of o.clocks) {
      if (clock.state !== 'breached' || (clock.kind !== 'first_response' && clock.kind !== 'resolution')) continue;
      out.push({
        ticketId: o.ticket.id,
        number: o.ticket.number,
        title: o.ticket.title,
        clock: clock.kind,
        policyId: policy.id,
        policyName: policy.name,
        matchedOn,
        targetMs: clock.targetMs,
        // A breached clock always has crossed its target; the fallback only satisfies the type.
        dueAt: clock.breachedAt ?? o.ticket.createdAt,
        lateMs: clock.elapsedMs - clock.targetMs,
        ...(clock.stoppedAt === undefined ? {} : { stoppedAt: clock.stoppedAt }),
        segments: clock.segments,
      });
    }
  }
  // Latest due first; ties by ticket number then clock, so both sides list them alike.
  return out.sort(
    (a, b) =>
      b.dueAt - a.dueAt ||
      (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) ||
      (a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0),
  );
}

/**
 * SLA compliance of the tickets of `filter`: overall, by `groupBy` when given, by month of creation, and every
 * breach with its explanation. `data.now` is when the clocks are read; `data.offsetMinutes` the zone of periods.
 */
export function slaComplianceReport(
  data: ReportData,
  sla: SlaReportInput,
  filter: ReportFilter,
  groupBy?: SlaGroupBy,
): SlaComplianceReport {
  const { index, window } = reportScope({ ...data, surveys: [], responses: [] }, filter);
  const outcomes = outcomesOf(index.tickets, sla, data.now);
  const periods = (unit: 'day' | 'week' | 'month') => ({
    unit,
    offsetMinutes: data.offsetMinutes,
    from: window.from,
    // The window's end is exclusive; an asOf equal to from (no tickets) yields no period.
    to: window.asOf,
  });
  const createdAt = (o: TicketOutcome): number => o.ticket.createdAt;
  const byMonth = summarizeByPeriod(outcomes, createdAt, periods('month'), (bucket) => summarize(bucket));
  let rows: SlaComplianceReport['rows'] = [];
  if (groupBy === 'month') rows = byMonth;
  else if (groupBy === 'day' || groupBy === 'week')
    rows = summarizeByPeriod(outcomes, createdAt, periods(groupBy), (bucket) => summarize(bucket));
  else if (groupBy === 'policy')
    rows = summarizeBy(
      outcomes.filter((o) => o.status !== 'no_policy'),
      KEYS.policy,
      (group) => summarize(group),
    );
  else if (groupBy) rows = summarizeBy(outcomes, KEYS[groupBy], (group) => summarize(group));
  return { ...window, overall: summarize(outcomes), rows, byMonth, breaches: breachesOf(outcomes, sla) };
}
