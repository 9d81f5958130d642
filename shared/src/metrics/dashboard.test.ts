import { describe, expect, it } from 'vitest';
import { AS_OF, EVENTS, H, RESPONSES, SURVEYS, TICKETS, at } from './__fixtures__/hand-built.js';
import { computeReportsDashboard, type ReportsInput } from './dashboard.js';
import { indexEventsByTicket } from './event-index.js';

const input: ReportsInput = {
  tickets: TICKETS,
  events: EVENTS,
  surveys: SURVEYS,
  responses: RESPONSES,
  asOf: AS_OF,
  offsetMinutes: 0,
  sent: 20,
  affectedItem: (t) => (t.channel === 'phone' ? 'switchboard' : 'mail'),
};

describe('the reports dashboard', () => {
  const dash = computeReportsDashboard(input);

  it('shows the hand-checked figures of the fixture', () => {
    expect(dash.incidents.overall).toMatchObject({
      volume: 10,
      resolved: 6,
      fcrRate: 4 / 6,
      reopenRate: 2 / 6,
      escalationRate: 0.1,
    });
    expect(dash.incidents.overall.resolve).toMatchObject({ medianMs: 10 * H, p90Ms: 216 * H });
    expect(dash.incidents.overall.backlog.count).toBe(4);
    expect(dash.incidents.byGroup.map((r) => [r.key, r.count])).toEqual([
      ['g1', 5],
      ['g2', 4],
      ['g3', 1],
    ]);
    // Period rows start with the month of the earliest ticket (t10, December) and end with asOf's month.
    expect(dash.incidents.byMonth.map((r) => [r.key, r.count, r.metrics.backlog.count])).toEqual([
      ['2025-12', 1, 1],
      ['2026-01', 8, 4],
      ['2026-02', 1, 4],
    ]);
    expect(dash.surveys.overall).toMatchObject({ responses: 8, responseRate: 0.4, csatPct: 62.5, nps: 0, ces: 4 });
    expect(dash.surveys.byMonth.map((r) => r.metrics.csatPct)).toEqual([null, 50, 100]);
    expect(dash.surveys.byAgent.map((r) => r.key)).toEqual(['', 'u1', 'u2', 'u3']);
    // Trends from Dec 15 09:00 (t10): c1 t1 t3 t5 t7 t9; c2 t2 t4 t8; c3 t6 t10.
    expect(dash.trends.categories.monthly.map((s) => [s.key, s.total])).toEqual([
      ['c1', 5],
      ['c2', 3],
      ['c3', 2],
    ]);
    // Phone: t1 t3 t5 t7 t10; the rest (email, portal, walk-in) are 'mail': equal totals sort by key.
    expect(dash.trends.affectedItems?.monthly.map((s) => [s.key, s.total])).toEqual([
      ['mail', 5],
      ['switchboard', 5],
    ]);
  });

  it('gives the same numbers from a prebuilt index, and refuses an index of other tickets', () => {
    const index = indexEventsByTicket(TICKETS, EVENTS);
    expect(computeReportsDashboard({ ...input, events: index })).toEqual(dash);
    expect(() => computeReportsDashboard({ ...input, tickets: [...TICKETS], events: index })).toThrow(/another ticket list/);
  });

  it('the week rows of the trends use ISO weeks in the given zone', () => {
    const weeks = computeReportsDashboard({ ...input, from: at(1, 1), offsetMinutes: 60 }).trends.categories.weekly[0].points;
    expect(weeks[0].period).toBe('2026-W01');
    expect(weeks[0].start).toBe(Date.UTC(2025, 11, 28, 23));
  });

  it('copes with no data at all', () => {
    const empty = computeReportsDashboard({ ...input, tickets: [], events: [], responses: [] });
    expect(empty.incidents.overall).toMatchObject({ volume: 0, fcrRate: null, escalationRate: null });
    expect(empty.incidents.byMonth).toEqual([]);
    expect(empty.surveys.overall).toMatchObject({ responses: 0, responseRate: 0, csatPct: null, nps: null, ces: null });
  });
});
