import { buildProblem } from '@shared/testing/build-problem.js';
import { buildTicket } from '@shared/testing/build-records.js';
import { indexEventsByTicket, problemReport } from '@shared/metrics/index.js';
import { describe, expect, it } from 'vitest';
import { buildProblemView, PROBLEM_COLUMNS, type ProblemViewLabels } from './problem-view-model.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 8);
const HOSTILE = '<img src=x onerror=alert(1)>';
const labels: ProblemViewLabels = {
  column: (id) => `col:${id}`,
  title: (id) => `title:${id}`,
  dimension: (d) => `dim:${d}`,
  name: (d, key) => `${d}:${key}`,
  phase: (p) => `phase:${p}`,
};
// Two problems: one with three incidents (titled with markup), one with none; two incidents on one CI are recurring.
const tickets = [
  buildProblem({ id: 'p1', number: 'PRB0000001', title: HOSTILE, createdAt: T0 }),
  buildProblem({ id: 'p2', number: 'PRB0000002', createdAt: T0 + H, groupId: 'grp-network' }),
  buildTicket({ id: 'i1', createdAt: T0 + 2 * H, problemId: 'p1', ciIds: ['ci-1'] }),
  buildTicket({ id: 'i2', createdAt: T0 + 3 * H, problemId: 'p1', ciIds: ['ci-1'] }),
  buildTicket({ id: 'i3', createdAt: T0 + 4 * H, problemId: 'p1' }),
];
const report = problemReport(
  { index: indexEventsByTicket(tickets, []), surveys: [], responses: [], now: T0 + 30 * 24 * H, offsetMinutes: 0 },
  { events: [] },
  { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) },
  'group',
);
const view = buildProblemView(report, 'group', labels);

describe('the problem section view model', () => {
  it('shows the headline figures rounded once for cards, tables and CSV', () => {
    expect(view.kpis).toEqual({
      problems: 2,
      open: 2,
      knownErrors: 0,
      incidentsPerProblem: 1.5,
      incidentsAvoided: 0,
      workaroundsApplied: 0,
      rootCauseMedianH: null,
      resolutionMedianH: null,
    });
  });

  it('lists the problems most incidents first, titles as given (the screen renders them as text)', () => {
    expect(view.list.rows).toEqual([
      ['PRB0000001', HOSTILE, 'phase:root_cause_analysis', 3, 0, 0, null, null],
      ['PRB0000002', 'Printers keep jamming', 'phase:root_cause_analysis', 0, 0, 0, null, null],
    ]);
    expect(view.cis.rows).toEqual([['ci:ci-1', 2, 2, 0, 1]]);
  });

  it('has a row per group and per month, each as wide as its header', () => {
    expect(view.byKey.columns.map((c) => c.id)).toEqual(['key', ...PROBLEM_COLUMNS]);
    expect(view.byKey.rows.map((r) => r.slice(0, 2))).toEqual([
      ['group:grp-apps', 1],
      ['group:grp-network', 1],
    ]);
    expect(view.byMonth.rows.map((r) => r[0])).toEqual(['2026-01']);
    for (const table of [view.byKey, view.byMonth, view.list, view.categories, view.cis])
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});
