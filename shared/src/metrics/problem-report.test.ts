import { describe, expect, it } from 'vitest';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import { buildFieldChangeEvent, buildKnownError, buildProblem, buildWorkaroundApplied } from '../testing/build-problem.js';
import { indexEventsByTicket } from './event-index.js';
import { problemReport, type ProblemReport } from './problem-report.js';
import type { ReportFilter } from './report-filter.js';
import type { ReportData } from './report-query.js';

// Hand-worked fixture, all times UTC.
const H = 3_600_000;
const utc = (s: string): number => Date.parse(`${s}Z`);
const NOW = utc('2026-04-01T00:00');
const PERIOD = { from: utc('2026-01-01T00:00'), to: utc('2026-03-01T00:00') };

const phase = (ticketId: string, from: string, to: string, at: number): TicketEvent =>
  buildFieldChangeEvent(ticketId, 'problemPhase', from, to, { id: `${ticketId}-${to}`, occurredAt: at });
const status = (ticketId: string, to: string, at: number): TicketEvent =>
  buildEvent(ticketId, 'usr-pm', { kind: 'status_change', fromValue: 'in_progress', toValue: to, occurredAt: at, body: '' });
const link = (incidentId: string, problemId: string, at: number, from = ''): TicketEvent =>
  buildFieldChangeEvent(incidentId, 'problemId', from, problemId, { occurredAt: at });
const incident = (id: string, created: string, overrides: Partial<Ticket> = {}): Ticket =>
  buildTicket({ id, createdAt: utc(created), updatedAt: utc(created), ...overrides });

const A0 = utc('2026-01-05T08:00');
// pA (apps, January): analysed, known error published at 10 h, resolved as fixed at 50 h; two incidents resolved with it.
const pA = buildProblem({
  id: 'pA',
  number: 'PRB0000001',
  categoryId: 'cat-print',
  createdAt: A0,
  status: 'resolved',
  problemPhase: 'resolved',
  resolutionCode: 'fixed',
  resolutionNotes: 'Spooler patched.',
  rootCause: { timeline: [], whys: [], contributingFactors: [], statement: 'Spooler leak.', fixChangeId: '' },
  knownError: buildKnownError(),
  resolvedByProblemCount: 2,
});
// pB (apps, January): a known error agents find now, whose phase moves predate the history: publication unknown.
const pB = buildProblem({
  id: 'pB',
  number: 'PRB0000002',
  categoryId: 'cat-vpn',
  createdAt: utc('2026-01-10T08:00'),
  problemPhase: 'known_error',
  knownError: buildKnownError(),
});
// pC (apps, January): still in analysis, no root cause yet, its known error never published.
const pC = buildProblem({ id: 'pC', number: 'PRB0000003', categoryId: 'cat-vpn', createdAt: utc('2026-01-12T08:00') });
// pD (network, February): not a problem after all, resolved as a duplicate from assessment at 3 h.
const D0 = utc('2026-02-02T08:00');
const pD = buildProblem({
  id: 'pD',
  number: 'PRB0000004',
  groupId: 'grp-network',
  categoryId: 'cat-vpn',
  createdAt: D0,
  status: 'resolved',
  problemPhase: 'resolved',
  resolutionCode: 'duplicate',
  resolutionNotes: 'Same as pB.',
});
// pE (apps, March): outside the period.
const pE = buildProblem({ id: 'pE', number: 'PRB0000005', createdAt: utc('2026-03-15T08:00') });

// pA's incidents: i1 linked at 5 h (before the publication at 10 h), i2 created linked at 20 h (after), i3 created in
// December and linked at 30 h (after; outside the period, so not in the recurrences).
const i1 = incident('i1', '2026-01-04T09:00', { categoryId: 'cat-print', ciIds: ['prn-1'], problemId: 'pA' });
const i2 = incident('i2', '2026-01-06T04:00', { categoryId: 'cat-print', ciIds: ['prn-1', 'srv-print'], problemId: 'pA' });
const i3 = incident('i3', '2025-12-30T09:00', { categoryId: 'cat-print', ciIds: ['prn-1'], problemId: 'pA' });
const i4 = incident('i4', '2026-01-20T09:00', { categoryId: 'cat-vpn', ciIds: ['vpn-gw'], problemId: 'pB' });
const i5 = incident('i5', '2026-01-13T09:00', { categoryId: 'cat-vpn', problemId: 'pC' });
// Incidents with no problem: two more on the VPN gateway, one mail incident (once: not recurring).
const u1 = incident('u1', '2026-02-03T09:00', { categoryId: 'cat-vpn', ciIds: ['vpn-gw'] });
const u2 = incident('u2', '2026-02-04T09:00', { categoryId: 'cat-vpn', ciIds: ['vpn-gw'] });
// A mail incident naming its CI twice: once is not a recurrence.
const u3 = incident('u3', '2026-02-05T09:00', { categoryId: 'cat-mail', ciIds: ['mail-gw', 'mail-gw'] });

const tickets = [pA, pB, pC, pD, pE, i1, i2, i3, i4, i5, u1, u2, u3];
const events = [
  phase('pA', 'new', 'assessment', A0 + H),
  phase('pA', 'assessment', 'root_cause_analysis', A0 + 2 * H),
  phase('pA', 'root_cause_analysis', 'known_error', A0 + 10 * H),
  phase('pA', 'known_error', 'resolved', A0 + 50 * H),
  status('pA', 'resolved', A0 + 50 * H),
  link('i1', 'pA', A0 + 5 * H),
  link('i3', 'pA', A0 + 30 * H),
  buildWorkaroundApplied('i2', pA, { occurredAt: A0 + 20 * H }),
  buildWorkaroundApplied('i3', pA, { occurredAt: A0 + 30 * H }),
  link('i5', 'pC', utc('2026-01-13T10:00')),
  phase('pD', 'new', 'assessment', D0 + H),
  phase('pD', 'assessment', 'resolved', D0 + 3 * H),
  status('pD', 'resolved', D0 + 3 * H),
];

const data = (all: readonly Ticket[] = tickets, evts: readonly TicketEvent[] = events): ReportData => ({
  index: indexEventsByTicket(all, evts),
  surveys: [],
  responses: [],
  now: NOW,
  offsetMinutes: 0,
});
const report = (filter: ReportFilter = PERIOD, groupBy?: Parameters<typeof problemReport>[3], evts = events): ProblemReport =>
  problemReport(data(tickets, evts), { events: evts }, filter, groupBy);

describe('the problem report', () => {
  it('gives the hand-worked figures of the period', () => {
    const r = report();
    expect(r.overall).toEqual({
      problems: 4,
      open: 2,
      resolved: 2,
      // pA's publication is recorded; pB's known error is found by agents now.
      knownErrors: 2,
      incidents: 5,
      incidentsPerProblem: 1.25,
      incidentsAvoided: 2,
      workaroundsApplied: 2,
      knownErrorsUsed: 1,
      resolvedByProblem: 2,
      // Only pA found a cause on record (10 h); pD was a duplicate, pB's moves predate the history, pC has none yet.
      timeToRootCause: { count: 1, meanMs: 10 * H, medianMs: 10 * H, p90Ms: 10 * H },
      timeToResolution: { count: 2, meanMs: 26.5 * H, medianMs: 3 * H, p90Ms: 50 * H },
    });
  });

  it('lists each problem with its incidents, avoided ones and times, most incidents first', () => {
    const lines = report().problems;
    expect(lines.map((l) => [l.number, l.incidents, l.incidentsAvoided, l.workaroundsApplied])).toEqual([
      ['PRB0000001', 3, 2, 2],
      ['PRB0000002', 1, 0, 0],
      ['PRB0000003', 1, 0, 0],
      ['PRB0000004', 0, 0, 0],
    ]);
    const [a, b, c, d] = lines;
    expect(a).toMatchObject({ phase: 'resolved', knownErrorPublishedAt: A0 + 10 * H, rootCauseMs: 10 * H, resolutionMs: 50 * H });
    // A known error whose publication is not recorded, and one never published, avoid nothing.
    expect(b).toMatchObject({ phase: 'known_error', knownErrorPublishedAt: null, rootCauseMs: null, resolutionMs: null });
    expect(c).toMatchObject({ phase: 'root_cause_analysis', knownErrorPublishedAt: null, rootCauseMs: null });
    expect(d).toMatchObject({ rootCauseMs: null, resolutionMs: 3 * H });
  });

  it('judges an incident by when it was linked: before the publication, after it, created linked, relinked', () => {
    const avoided = (evts: TicketEvent[]): number => report(PERIOD, undefined, evts).problems[0].incidentsAvoided;
    expect(avoided(events)).toBe(2);
    // i1 unlinked and linked again after the publication: the link that stands counts.
    expect(avoided([...events, link('i1', '', A0 + 12 * H, 'pA'), link('i1', 'pA', A0 + 13 * H)])).toBe(3);
    // A link exactly at the publication counts as after it.
    expect(avoided([...events.filter((e) => e.ticketId !== 'i1'), link('i1', 'pA', A0 + 10 * H)])).toBe(3);
    // Without the phase history, the publication is unknown: nothing avoided.
    expect(avoided(events.filter((e) => !e.id.startsWith('pA-')))).toBe(0);
  });

  it('finds the recurring categories and CIs of the period, linked or not', () => {
    const r = report();
    expect(r.recurringCategories).toEqual([
      { key: 'cat-vpn', incidents: 4, linked: 2, unlinked: 2, problems: 2 },
      { key: 'cat-print', incidents: 2, linked: 2, unlinked: 0, problems: 1 },
    ]);
    expect(r.recurringCis).toEqual([
      { key: 'vpn-gw', incidents: 3, linked: 1, unlinked: 2, problems: 1 },
      { key: 'prn-1', incidents: 2, linked: 2, unlinked: 0, problems: 1 },
    ]);
  });

  it('breaks down by group, category and month, and filters by group', () => {
    expect(report(PERIOD, 'group').rows.map((row) => [row.key, row.count])).toEqual([
      ['grp-apps', 3],
      ['grp-network', 1],
    ]);
    expect(report(PERIOD, 'category').rows.map((row) => [row.key, row.count])).toEqual([
      ['cat-print', 1],
      ['cat-vpn', 3],
    ]);
    const byMonth = report(PERIOD, 'month');
    expect(byMonth.rows.map((row) => [row.key, row.metrics.problems])).toEqual([
      ['2026-01', 3],
      ['2026-02', 1],
    ]);
    expect(byMonth.byMonth).toEqual(byMonth.rows);
    const network = report({ ...PERIOD, groupId: 'grp-network' });
    expect(network.overall).toMatchObject({ problems: 1, resolved: 1, incidents: 0 });
    // The incidents of the recurrences are the group's too: buildTicket's incidents are grp-field's.
    expect(network.recurringCategories).toEqual([]);
  });

  it('gives zeros and nulls for an empty period', () => {
    const r = report({ from: utc('2025-01-01T00:00'), to: utc('2025-02-01T00:00') }, 'week');
    expect(r.overall).toMatchObject({ problems: 0, incidents: 0, incidentsPerProblem: null, incidentsAvoided: 0 });
    expect(r.overall.timeToRootCause).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(r.problems).toEqual([]);
    expect(r.recurringCategories).toEqual([]);
    expect(r.rows.every((row) => row.metrics.problems === 0)).toBe(true);
    expect(problemReport(data([], []), { events: [] }, {}).overall.problems).toBe(0);
  });
});
