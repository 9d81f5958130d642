import { describe, expect, it } from 'vitest';
import { AS_OF, EVENTS, RESPONSES, SURVEYS, TICKETS, at } from './__fixtures__/hand-built.js';
import { computeReportsDashboard } from './dashboard.js';
import { indexEventsByTicket } from './event-index.js';
import { subsetEventIndex } from './report-filter.js';
import { computeFilteredDashboard, incidentReport, surveyReport, type ReportData } from './report-query.js';

const index = indexEventsByTicket(TICKETS, EVENTS);
const data: ReportData = { index, surveys: SURVEYS, responses: RESPONSES, now: AS_OF, offsetMinutes: 0 };

describe('filtered reports', () => {
  it('without a filter, gives the dashboard of everything', () => {
    const { dashboard } = computeFilteredDashboard(data, {});
    const full = computeReportsDashboard({
      tickets: TICKETS,
      events: index,
      surveys: SURVEYS,
      responses: RESPONSES,
      asOf: AS_OF,
      offsetMinutes: 0,
    });
    expect(dashboard.incidents).toEqual(full.incidents);
    // Response rate: 8 responses / 6 tickets resolved at least once.
    expect(dashboard.surveys.overall).toEqual({ ...full.surveys.overall, sent: 6, responseRate: 8 / 6 });
    expect(dashboard.surveys.byGroup.map((r) => r.metrics.csatPct)).toEqual(full.surveys.byGroup.map((r) => r.metrics.csatPct));
  });

  it('incident figures count incidents and requests only: a change or a problem swells neither volume nor backlog', () => {
    const before = incidentReport(data, {}).overall;
    const others = (['change', 'problem', 'release', 'task'] as const).map((type, i) => ({
      ...TICKETS[0],
      id: `other-${type}`,
      number: `X${i}`,
      type,
      status: 'new' as const,
    }));
    const request = { ...TICKETS[0], id: 'req-1', number: 'REQ1', type: 'request' as const, status: 'new' as const };
    const tickets = [...TICKETS, ...others, request];
    const wider: ReportData = { ...data, index: indexEventsByTicket(tickets, EVENTS) };
    const after = incidentReport(wider, {}).overall;
    expect(after.volume).toBe(before.volume + 1);
    expect(after.backlog.count).toBe(before.backlog.count + 1);
    expect(computeFilteredDashboard(wider, {}).dashboard.incidents.overall.volume).toBe(before.volume + 1);
  });

  it('a sub-index holds the same rows as an index built from the kept tickets only', () => {
    const keep = (id: string) => ['t2', 't4', 't9'].includes(id);
    const sub = subsetEventIndex(index, (t) => keep(t.id));
    const direct = indexEventsByTicket(
      TICKETS.filter((t) => keep(t.id)),
      EVENTS.filter((e) => keep(e.ticketId)),
    );
    expect([...sub.offsets]).toEqual([...direct.offsets]);
    expect([...sub.times]).toEqual([...direct.times]);
    expect([...sub.codes]).toEqual([...direct.codes]);
    expect([...sub.rowOf]).toEqual([...direct.rowOf]);
  });

  it('by group g2 (t3 t4 t7 t8): hand-worked incident and survey figures', () => {
    // Resolved t3 t4 t7; FCR t7 only (t3 escalated, t4 transferred); t3 escalated; t8 open at asOf.
    const incidents = incidentReport(data, { groupId: 'g2' });
    expect(incidents.overall).toMatchObject({ volume: 4, resolved: 3, fcrRate: 1 / 3, escalationRate: 0.25, reassignments: 1 });
    expect(incidents.overall.backlog.count).toBe(1);
    // r3 (CSAT 4, NPS 8, CES 3), r4 (3, 6, 5), r5 (5, 9, no CES): CSAT 2/3, NPS (1 - 1) / 3 = 0, CES 4.
    const surveys = surveyReport(data, { groupId: 'g2' }, 'agent');
    expect(surveys.overall).toMatchObject({ responses: 3, csatPct: 200 / 3, nps: 0, ces: 4, sent: 3, responseRate: 1 });
    expect(surveys.rows.map((r) => [r.key, r.count])).toEqual([
      ['', 1],
      ['u1', 1],
      ['u3', 1],
    ]);
  });

  it('by period: tickets created and responses submitted in [from, to), backlog at `to`', () => {
    const window = { from: at(2, 1), to: at(2, 10) };
    const incidents = incidentReport(data, window, 'week');
    expect(incidents.overall.volume).toBe(1); // t8
    expect(incidents.asOf).toBe(at(2, 10));
    expect(incidents.rows.map((r) => [r.key, r.count])).toEqual([
      ['2026-W05', 0],
      ['2026-W06', 1],
      ['2026-W07', 0],
    ]);
    // r5 (Feb 4, about t7 created in January) and r8 (Feb 5, unknown ticket).
    const surveys = surveyReport(data, window, 'group');
    expect(surveys.overall).toMatchObject({ responses: 2, csatPct: 100, nps: 100 });
    expect(surveys.rows.map((r) => [r.key, r.count])).toEqual([
      ['', 1],
      ['g2', 1],
    ]);
  });
});
