import { computeReportsDashboard } from '@shared/metrics/index.js';
import { describe, expect, it } from 'vitest';
import { AS_OF, EVENTS, H, RESPONSES, SURVEYS, TICKETS } from '../../../../shared/src/metrics/__fixtures__/hand-built.js';
import { buildReportView, chartData, TABLE_IDS, type ReportTable, type ViewLabels } from './view-model.js';

const labels: ViewLabels = {
  column: (id) => `col:${id}`,
  title: (id) => `title:${id}`,
  dimension: (d) => `dim:${d}`,
  name: (dimension, key) => (key === '' ? '(none)' : `${dimension}:${key}`),
};
const dash = computeReportsDashboard({
  tickets: TICKETS,
  events: EVENTS,
  surveys: SURVEYS,
  responses: RESPONSES,
  asOf: AS_OF,
  offsetMinutes: 0,
  sent: 20,
});
const view = buildReportView(dash, labels);
const all = [...view.surveys, ...view.incidents, ...view.trends];
const table = (id: string): ReportTable => all.find((t) => t.id === id)!;
const column = (t: ReportTable, id: string): unknown[] => t.rows.map((r) => r[t.columns.findIndex((c) => c.id === id)]);

describe('the reports view model', () => {
  it('has one table per known id, each row as wide as its header', () => {
    for (const t of all) {
      expect(TABLE_IDS).toContain(t.id);
      expect(t.title).toBe(`title:${t.id}`);
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
  });

  it('shows the hand-checked figures, rounded once for chart, table and CSV alike', () => {
    // Overall: 8 responses of 20 sent, CSAT 62.5 %, NPS 0, CES 4 (see the fixture); incidents: MTTR median 10 h.
    expect(view.kpis.surveys).toMatchObject({ responses: 8, responseRatePct: 40, csatPct: 62.5, nps: 0, ces: 4 });
    expect(view.kpis.incidents).toMatchObject({ volume: 10, backlog: 4, mttrMedianH: 10, mttrP90H: 216, escalationPct: 10 });
    expect(view.kpis.incidents.fcrPct).toBe(66.7);
    expect(view.kpis.incidents.reopenPct).toBe(33.3);
    const byGroup = table('incidentsByGroup');
    expect(byGroup.rows.map((r) => r[0])).toEqual(['group:g1', 'group:g2', 'group:g3']);
    expect(column(byGroup, 'volume')).toEqual([5, 4, 1]);
    expect(dash.incidents.overall.resolve.medianMs).toBe(10 * H);
    expect(column(table('surveysByMonth'), 'csatPct')).toEqual([null, 50, 100]);
    expect(table('surveysByAgent').rows.map((r) => r[0])).toEqual(['(none)', 'agent:u1', 'agent:u2', 'agent:u3']);
  });

  it('gives every chart exactly its table rows as data', () => {
    for (const t of all.filter((x) => x.chart)) {
      const data = chartData(t);
      expect(data).toHaveLength(t.rows.length);
      data.forEach((point, r) => t.columns.forEach((c, i) => expect(point[c.id]).toBe(t.rows[r][i])));
      for (const s of t.chart!.series) expect(t.columns.map((c) => c.id)).toContain(s);
    }
  });

  it('lays trends out by period with one column per series and flags highlighted changes', () => {
    const monthly = table('trendCategoriesMonthly');
    expect(monthly.columns.map((c) => c.label)).toEqual(['dim:period', 'category:c1', 'category:c2', 'category:c3']);
    // The range starts in December and stops on 15 February: both months are cut, and say so.
    expect(monthly.rows.map((r) => r[0])).toEqual(['2025-12 (col:partialPeriod)', '2026-01', '2026-02 (col:partialPeriod)']);
    // c1: t1 t3 t5 t7 t9 in January, none in December or February.
    expect(column(monthly, 's0')).toEqual([0, 5, 0]);
    // 0 -> 5 is a rise of at least 5 from nothing: highlighted; 5 -> 0 in half of February is not a fall yet.
    expect(monthly.highlights?.map((r) => r[1])).toEqual([false, true, false]);
    const changes = table('trendChanges');
    expect(changes.rows.filter((r) => r[0] === 'category:c1' && r[1] === 'col:monthly').map((r) => [r[2], r[3], r[4]])).toEqual([
      ['2026-01', 0, 5],
    ]);
  });

  it('lists the backlog by age bucket, summing to the backlog', () => {
    const ages = table('backlogAge');
    expect(ages.rows.map((r) => r[0])).toEqual(['<1d', '1-3d', '3-7d', '7-30d', '>30d']);
    expect(ages.rows.reduce((n, r) => n + (r[1] as number), 0)).toBe(4);
  });
});
