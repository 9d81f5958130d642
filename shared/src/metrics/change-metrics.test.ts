import { describe, expect, it } from 'vitest';
import { buildConfigItem } from '../cmdb/build-config-item.js';
import { buildCmdbGraph } from '../cmdb/impact.js';
import { fieldChangeBody } from '../domain/ticket-history.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { buildApproval, buildChange } from '../testing/build-change.js';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import { changeReport, type ChangeMetrics } from './change-metrics.js';
import { indexEventsByTicket } from './event-index.js';
import type { ReportData } from './report-query.js';

// Hand-worked fixture, all times UTC.
const H = 3_600_000;
const utc = (s: string): number => Date.parse(`${s}Z`);
const NOW = utc('2026-04-01T00:00');

const change = (id: string, created: string, overrides: Partial<Ticket> = {}): Ticket =>
  buildChange({ id, number: `CHG-${id}`, createdAt: utc(created), updatedAt: utc(created), ...overrides });
const phase = (ticketId: string, from: string, to: string, at: number): TicketEvent =>
  buildEvent(ticketId, 'usr-tech', {
    id: `${ticketId}-${to}`,
    kind: 'field_change',
    body: fieldChangeBody({ field: 'changePhase', from, to }),
    occurredAt: at,
  });

// c1 (apps, January): scheduled 10 h after creation, implemented at 30 h, closed successful; caused 2 incidents.
const c1 = change('c1', '2026-01-05T08:00', {
  changePhase: 'closed',
  changeOutcome: 'successful',
  plannedStart: utc('2026-01-06T10:00'),
  plannedEnd: utc('2026-01-06T14:00'),
  implementedAt: utc('2026-01-06T14:00'),
  ciIds: ['ci-db'],
});
// c2 (apps, January): emergency, scheduled after 2 h, implemented at 4 h, backed out; same CI and overlapping
// window as c1: both collide.
const c2 = change('c2', '2026-01-06T08:00', {
  changeType: 'emergency',
  changePhase: 'closed',
  changeOutcome: 'backed_out',
  plannedStart: utc('2026-01-06T11:00'),
  plannedEnd: utc('2026-01-06T12:00'),
  implementedAt: utc('2026-01-06T12:00'),
  ciIds: ['ci-db'],
});
// c3 (network, February): closed failed, no history of its phases (moved before phases were recorded); 1 incident.
const c3 = change('c3', '2026-02-10T08:00', {
  groupId: 'grp-network',
  changePhase: 'closed',
  changeOutcome: 'failed',
  plannedStart: utc('2026-02-11T06:00'),
  plannedEnd: utc('2026-02-11T08:00'),
  implementedAt: utc('2026-02-11T08:00'),
  ciIds: ['ci-router'],
});
// c4 (network, February): still awaiting approval, on c3's CI but in a later window: no collision.
const c4 = change('c4', '2026-02-20T08:00', {
  groupId: 'grp-network',
  plannedStart: utc('2026-02-25T06:00'),
  plannedEnd: utc('2026-02-25T08:00'),
  ciIds: ['ci-router'],
});
// Outside the window: created in March.
const c5 = change('c5', '2026-03-02T08:00', { changePhase: 'closed', changeOutcome: 'failed' });

const incident = (id: string, causedByChangeId: string, created: string): Ticket =>
  buildTicket({ id, causedByChangeId, createdAt: utc(created), updatedAt: utc(created) });
const TICKETS = [
  c1,
  c2,
  c3,
  c4,
  c5,
  incident('i1', 'c1', '2026-01-07T09:00'),
  // An incident after the period still counts for the change of the period.
  incident('i2', 'c1', '2026-03-15T09:00'),
  incident('i3', 'c3', '2026-02-12T09:00'),
  buildTicket({ id: 'i4', createdAt: utc('2026-01-08T09:00') }),
];
const EVENTS: TicketEvent[] = [
  phase('c1', 'awaiting_approval', 'scheduled', utc('2026-01-05T18:00')),
  phase('c1', 'scheduled', 'implementing', utc('2026-01-06T10:00')),
  // An emergency change may be implemented before its approval: the first move past the board counts.
  phase('c2', 'awaiting_approval', 'implementing', utc('2026-01-06T10:00')),
  // A decision is not a move: it alone does not make a lead time.
  buildApproval(c4, 'usr-cab-1', 'approved', { occurredAt: utc('2026-02-21T08:00') }),
];

// The CMDB: the database supports the payroll service; the router supports nothing in the graph.
const CIS = [
  buildConfigItem({ id: 'ci-db', ciClass: 'database', name: 'Payroll DB' }),
  buildConfigItem({
    id: 'svc-payroll',
    ciClass: 'business_service',
    name: 'Payroll',
    relations: [{ type: 'depends_on', targetKind: 'ci', targetId: 'ci-db' }],
  }),
  buildConfigItem({ id: 'ci-router', ciClass: 'network_device', name: 'Core router' }),
];

const data: ReportData = {
  index: indexEventsByTicket(TICKETS, EVENTS),
  surveys: [],
  responses: [],
  now: NOW,
  offsetMinutes: 0,
};
const input = { events: EVENTS, graph: buildCmdbGraph(CIS) };
const Q1 = { from: utc('2026-01-01T00:00'), to: utc('2026-03-01T00:00') };

describe('change report', () => {
  it('gives the hand-worked figures of the period', () => {
    const { overall } = changeReport(data, input, Q1);
    expect(overall).toMatchObject({
      changes: 4,
      closed: 3,
      successful: 1,
      failed: 1,
      backedOut: 1,
      emergency: 1,
      emergencyPct: 25,
      causingIncidents: 2,
      incidents: 3,
      collisions: 2,
    } satisfies Partial<ChangeMetrics>);
    expect(overall.successPct).toBeCloseTo(100 / 3, 10);
    // To approval: c1 10 h, c2 2 h (c3 has no recorded move, c4 is not through): median the lower, p90 the higher.
    expect(overall.leadToApproval).toEqual({ count: 2, meanMs: 6 * H, medianMs: 2 * H, p90Ms: 10 * H });
    // To implementation: c2 4 h, c3 24 h, c1 30 h.
    expect(overall.leadToImplementation).toMatchObject({ count: 3, medianMs: 24 * H, p90Ms: 30 * H });
  });

  it('breaks the figures down by group, type, service and month', () => {
    const byGroup = changeReport(data, input, Q1, 'group').rows;
    expect(byGroup.map((r) => [r.key, r.count, r.metrics.successPct, r.metrics.incidents])).toEqual([
      ['grp-apps', 2, 50, 2],
      ['grp-network', 2, 0, 1],
    ]);
    const byType = changeReport(data, input, Q1, 'type').rows;
    expect(byType.map((r) => [r.key, r.count])).toEqual([
      ['emergency', 1],
      ['normal', 3],
    ]);
    // c1 and c2 touch the database under Payroll; the router supports no service.
    const byService = changeReport(data, input, Q1, 'service').rows;
    expect(byService.map((r) => [r.key, r.count, r.metrics.collisions])).toEqual([
      ['', 2, 0],
      ['svc-payroll', 2, 2],
    ]);
    const report = changeReport(data, input, Q1, 'month');
    expect(report.rows.map((r) => [r.key, r.count, r.metrics.emergencyPct])).toEqual([
      ['2026-01', 2, 50],
      ['2026-02', 2, 0],
    ]);
    expect(report.byMonth).toEqual(report.rows);
  });

  it('follows the group filter and finds same-CI collisions without a CMDB graph', () => {
    const { overall } = changeReport(data, { events: EVENTS }, { ...Q1, groupId: 'grp-apps' });
    expect(overall).toMatchObject({ changes: 2, collisions: 2, causingIncidents: 1, incidents: 2 });
    expect(changeReport(data, { events: EVENTS }, Q1, 'service').rows.map((r) => r.key)).toEqual(['']);
  });

  it('leaves cancelled changes off the calendar and gives nulls, not zeros, when nothing is decided', () => {
    const cancelled = { ...c2, changePhase: 'cancelled' as const };
    const tickets = [c1, cancelled];
    const report = changeReport(
      { ...data, index: indexEventsByTicket(tickets, []) },
      { events: [] },
      { from: utc('2026-01-01T00:00'), to: utc('2026-02-01T00:00') },
    );
    expect(report.overall).toMatchObject({ changes: 2, collisions: 0, successPct: 100 });
    const empty = changeReport(data, input, { from: utc('2025-01-01T00:00'), to: utc('2025-02-01T00:00') }).overall;
    expect(empty).toMatchObject({ changes: 0, successPct: null, emergencyPct: null });
    expect(empty.leadToApproval.medianMs).toBeNull();
  });
});
