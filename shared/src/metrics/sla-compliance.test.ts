import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import { buildCalendar, buildSlaPolicy } from '../testing/build-sla.js';
import { indexEventsByTicket } from './event-index.js';
import type { ReportData } from './report-query.js';
import { slaComplianceReport, type SlaReportInput } from './sla-compliance.js';

// Hand-worked fixture on a 24x7 calendar (business time = wall time), all times UTC.
const M = 60_000;
const H = 60 * M;
const utc = (s: string): number => Date.parse(`${s}Z`);
const NOW = utc('2026-03-01T00:00');

const always = buildCalendar(
  { weekHours: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]), holidaySource: undefined },
  'cal-always',
);
// Policy A: 1 h response, 8 h resolution (group A). Policy B: 30 min response, 2 h resolution (group B).
const policyA = buildSlaPolicy({ id: 'sla-a', name: 'Gold', calendarId: 'cal-always', condition: { groupIds: ['grp-a'] } });
const policyB = buildSlaPolicy({
  id: 'sla-b',
  name: 'Bronze',
  order: 2,
  calendarId: 'cal-always',
  condition: { groupIds: ['grp-b'] },
  firstResponseMinutes: 30,
  resolutionMinutes: 120,
});

const ticket = (id: string, groupId: string, assigneeId: string, created: string) =>
  buildTicket({
    id,
    number: `INC-${id}`,
    title: `Ticket ${id}`,
    groupId,
    assigneeId,
    createdAt: utc(created),
    updatedAt: utc(created),
  });
const status = (ticketId: string, from: string, to: string, when: string): TicketEvent =>
  buildEvent(ticketId, 'tech-1', {
    id: `${ticketId}-${to}`,
    kind: 'status_change',
    body: '',
    fromValue: from,
    toValue: to,
    occurredAt: utc(when),
  });
const comment = (ticketId: string, when: string): TicketEvent =>
  buildEvent(ticketId, 'tech-1', { id: `${ticketId}-c`, occurredAt: utc(when) });

const TICKETS = [
  // t1 met: answered after 30 min (30 min left), resolved after 3 h (5 h left).
  ticket('t1', 'grp-a', 'u1', '2026-01-10T10:00'),
  // t2 breached twice: answered after 2 h (1 h late, due 09:00), resolved after 12 h (4 h late, due 16:00).
  ticket('t2', 'grp-a', 'u2', '2026-01-20T08:00'),
  // t3 paused: answered after 10 min (20 min left), pending after 1 h: resolution paused, 1 h left, open.
  ticket('t3', 'grp-b', 'u1', '2026-02-05T09:00'),
  // t4: no policy matches its group: counted apart, never a breach.
  ticket('t4', 'grp-none', 'u3', '2026-02-07T09:00'),
  // t5: never touched: both clocks still running and past their targets (due 00:30 and 02:00).
  ticket('t5', 'grp-b', 'u3', '2026-02-10T00:00'),
];
const EVENTS: TicketEvent[] = [
  comment('t1', '2026-01-10T10:30'),
  status('t1', 'assigned', 'resolved', '2026-01-10T13:00'),
  comment('t2', '2026-01-20T10:00'),
  status('t2', 'assigned', 'resolved', '2026-01-20T20:00'),
  status('t3', 'assigned', 'in_progress', '2026-02-05T09:10'),
  status('t3', 'in_progress', 'pending', '2026-02-05T10:00'),
];

const data: ReportData = { index: indexEventsByTicket(TICKETS, EVENTS), surveys: [], responses: [], now: NOW, offsetMinutes: 0 };
const sla: SlaReportInput = { policies: [policyA, policyB], calendars: new Map([['cal-always', always]]), events: EVENTS };

describe('SLA compliance (hand-worked)', () => {
  const report = slaComplianceReport(data, sla, {}, 'policy');

  it('counts met, breached and open clocks, % met over decided clocks, and the mean time left when stopped', () => {
    expect(report.overall.tickets).toBe(5);
    expect(report.overall.noPolicy).toBe(1);
    expect(report.overall.noCalendar).toBe(0);
    // Response: t1 and t3 met, t2 and t5 breached; stopped t1 (+30), t2 (-60), t3 (+20) → mean -10/3 min.
    expect(report.overall.clocks.first_response).toEqual({
      met: 2,
      breached: 2,
      open: 0,
      metPct: 50,
      avgRemainingMs: (-10 * M) / 3,
      stopped: 3,
    });
    // Resolution: t1 met, t2 and t5 breached, t3 paused (open, not in %); at resolution t1 +5 h, t2 -4 h → +30 min.
    expect(report.overall.clocks.resolution).toEqual({
      met: 1,
      breached: 2,
      open: 1,
      metPct: 100 / 3,
      avgRemainingMs: 30 * M,
      stopped: 2,
    });
  });

  it('groups by policy, leaving out the ticket no policy matches', () => {
    expect(report.rows.map((r) => [r.key, r.count])).toEqual([
      ['sla-a', 2],
      ['sla-b', 2],
    ]);
    const b = report.rows[1].metrics;
    expect(b.clocks.first_response).toMatchObject({ met: 1, breached: 1, metPct: 50 });
    expect(b.clocks.resolution).toMatchObject({ met: 0, breached: 1, open: 1, metPct: 0, avgRemainingMs: null });
  });

  it('groups by agent and by group, every ticket in one row', () => {
    const byAgent = slaComplianceReport(data, sla, {}, 'agent').rows;
    expect(byAgent.map((r) => [r.key, r.count, r.metrics.clocks.first_response.metPct])).toEqual([
      ['u1', 2, 100],
      ['u2', 1, 0],
      ['u3', 2, 0],
    ]);
    expect(byAgent[2].metrics.noPolicy).toBe(1);
    const byGroup = slaComplianceReport(data, sla, {}, 'group').rows;
    expect(byGroup.map((r) => [r.key, r.count, r.metrics.noPolicy])).toEqual([
      ['grp-a', 2, 0],
      ['grp-b', 2, 0],
      ['grp-none', 1, 1],
    ]);
  });

  it('gives the monthly trend by month of creation', () => {
    expect(
      report.byMonth.map((p) => [p.key, p.count, p.metrics.clocks.first_response.metPct, p.metrics.clocks.resolution.metPct]),
    ).toEqual([
      ['2026-01', 2, 50, 50],
      ['2026-02', 3, 50, 0],
    ]);
  });

  it('lists every breach, latest due first, with how late and the clock’s explanation', () => {
    expect(report.breaches.map((b) => [b.number, b.clock, b.policyName, b.dueAt, b.lateMs, b.stoppedAt])).toEqual([
      ['INC-t5', 'resolution', 'Bronze', utc('2026-02-10T02:00'), NOW - utc('2026-02-10T00:00') - 2 * H, undefined],
      ['INC-t5', 'first_response', 'Bronze', utc('2026-02-10T00:30'), NOW - utc('2026-02-10T00:00') - 30 * M, undefined],
      ['INC-t2', 'resolution', 'Gold', utc('2026-01-20T16:00'), 4 * H, utc('2026-01-20T20:00')],
      ['INC-t2', 'first_response', 'Gold', utc('2026-01-20T09:00'), H, utc('2026-01-20T10:00')],
    ]);
    const t2 = report.breaches[2];
    expect(t2.matchedOn).toEqual(['groupIds']);
    expect(t2.title).toBe('Ticket t2');
    // The explanation: counted from creation, stopped by the resolving event.
    expect(t2.segments[0]).toMatchObject({ kind: 'counted', start: utc('2026-01-20T08:00') });
    expect(t2.segments.at(-1)).toMatchObject({ kind: 'stopped', causeEventId: 't2-resolved' });
  });

  it('applies the filter: a group, or a period', () => {
    const a = slaComplianceReport(data, sla, { groupId: 'grp-a' });
    expect(a.overall.tickets).toBe(2);
    expect(a.breaches.map((b) => b.number)).toEqual(['INC-t2', 'INC-t2']);
    const feb = slaComplianceReport(data, sla, { from: utc('2026-02-01T00:00') }, 'month');
    expect(feb.overall).toMatchObject({ tickets: 3, noPolicy: 1 });
    expect(feb.rows.map((r) => r.key)).toEqual(['2026-02']);
  });

  it('counts a ticket whose policy’s calendar is missing apart, without clocks', () => {
    const r = slaComplianceReport(data, { ...sla, calendars: new Map() }, {});
    expect(r.overall).toMatchObject({ tickets: 5, noPolicy: 1, noCalendar: 4 });
    expect(r.overall.clocks.resolution).toMatchObject({ met: 0, breached: 0, metPct: null });
    expect(r.breaches).toEqual([]);
  });
});
