import { buildChange } from '@shared/testing/build-change.js';
import { buildTicket } from '@shared/testing/build-records.js';
import { changeReport, indexEventsByTicket } from '@shared/metrics/index.js';
import { describe, expect, it } from 'vitest';
import { buildChangeView, CHANGE_COLUMNS, type ChangeViewLabels } from './change-view-model.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 8);
const labels: ChangeViewLabels = {
  column: (id) => `col:${id}`,
  title: (id) => `title:${id}`,
  dimension: (d) => `dim:${d}`,
  name: (d, key) => (key === '' ? '(none)' : `${d}:${key}`),
};
// Three changes: one successful, one failed (emergency), one open; implemented after 10 h and 5 h.
const tickets = [
  buildChange({ id: 'a', createdAt: T0, changePhase: 'closed', changeOutcome: 'successful', implementedAt: T0 + 10 * H }),
  buildChange({
    id: 'b',
    createdAt: T0 + H,
    changeType: 'emergency',
    changePhase: 'closed',
    changeOutcome: 'failed',
    implementedAt: T0 + 6 * H,
    ciIds: ['ci-other'],
  }),
  buildChange({ id: 'c', createdAt: T0 + 2 * H, groupId: 'grp-network', ciIds: ['ci-third'] }),
  buildTicket({ id: 'i', createdAt: T0 + 12 * H, causedByChangeId: 'a' }),
];
const report = changeReport(
  { index: indexEventsByTicket(tickets, []), surveys: [], responses: [], now: T0 + 30 * 24 * H, offsetMinutes: 0 },
  { events: [] },
  { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) },
  'group',
);
const view = buildChangeView(report, 'group', labels);

describe('the change section view model', () => {
  it('shows the headline figures rounded once for cards, tables and CSV', () => {
    expect(view.kpis).toEqual({
      changes: 3,
      successPct: 50,
      emergencyPct: 33.3,
      causingIncidents: 1,
      collisions: 0,
      approvalMedianH: null,
      implementationMedianH: 5,
    });
  });

  it('has a row per group and per month, each as wide as its header', () => {
    expect(view.byKey.columns.map((c) => c.id)).toEqual(['key', ...CHANGE_COLUMNS]);
    expect(view.byKey.rows.map((r) => r.slice(0, 4))).toEqual([
      ['group:grp-apps', 2, 2, 50],
      ['group:grp-network', 1, 0, null],
    ]);
    expect(view.byMonth.rows.map((r) => r[0])).toEqual(['2026-01']);
    for (const table of [view.byKey, view.byMonth]) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});
