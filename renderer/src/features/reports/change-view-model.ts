/**
 * The change section as tables (chart, table view and CSV show the same rows), from the shared changeReport. Pure:
 * words come in as functions. Percentages and hours to 1 decimal, as elsewhere.
 */
import type { ChangeMetrics, ChangeReport } from '@shared/metrics/index.js';
import type { Cell, ReportTable } from './view-model.js';

/** The groupings the section offers (periods are the monthly trend, always shown). */
export const CHANGE_SECTION_GROUP_BY = ['group', 'service', 'type'] as const;
export type ChangeSectionGroupBy = (typeof CHANGE_SECTION_GROUP_BY)[number];

export const CHANGE_COLUMNS = [
  'changes',
  'closed',
  'successPct',
  'failed',
  'backedOut',
  'emergencyPct',
  'causingIncidents',
  'incidents',
  'collisions',
  'approvalMedianH',
  'approvalP90H',
  'implementationMedianH',
  'implementationP90H',
] as const;
export type ChangeColumn = (typeof CHANGE_COLUMNS)[number];
export const CHANGE_KPIS = [
  'changes',
  'successPct',
  'emergencyPct',
  'causingIncidents',
  'collisions',
  'approvalMedianH',
  'implementationMedianH',
] as const;
export type ChangeKpi = (typeof CHANGE_KPIS)[number];

/** The words the change tables need. */
export interface ChangeViewLabels {
  column: (id: string) => string;
  title: (id: 'changesByKey' | 'changesByMonth') => string;
  /** Header of the first column for a grouping ("Group", "Service"...) or of periods. */
  dimension: (d: ChangeSectionGroupBy | 'period') => string;
  /** Display name of a row key of a grouping (group name, service name, change type, '' as "none"). */
  name: (d: ChangeSectionGroupBy, key: string) => string;
}

const round1 = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(1)));
const hours = (ms: number | null): number | null => round1(ms === null ? null : ms / 3_600_000);

/** The columns of one set of changes. */
export function changeCells(m: ChangeMetrics): Record<ChangeColumn, Cell> {
  return {
    changes: m.changes,
    closed: m.closed,
    successPct: round1(m.successPct),
    failed: m.failed,
    backedOut: m.backedOut,
    emergencyPct: round1(m.emergencyPct),
    causingIncidents: m.causingIncidents,
    incidents: m.incidents,
    collisions: m.collisions,
    approvalMedianH: hours(m.leadToApproval.medianMs),
    approvalP90H: hours(m.leadToApproval.p90Ms),
    implementationMedianH: hours(m.leadToImplementation.medianMs),
    implementationP90H: hours(m.leadToImplementation.p90Ms),
  };
}

/** The section: headline figures, the table by the chosen grouping and the monthly trend. */
export interface ChangeView {
  kpis: Record<ChangeKpi, Cell>;
  byKey: ReportTable;
  byMonth: ReportTable;
}

/** Builds the change section's tables from the shared report. */
export function buildChangeView(report: ChangeReport, groupBy: ChangeSectionGroupBy, labels: ChangeViewLabels): ChangeView {
  const overall = changeCells(report.overall);
  const head = (first: ChangeSectionGroupBy | 'period') => [
    { id: 'key', label: labels.dimension(first) },
    ...CHANGE_COLUMNS.map((id) => ({ id, label: labels.column(id) })),
  ];
  const row = (key: string, m: ChangeMetrics): Cell[] => {
    const c = changeCells(m);
    return [key, ...CHANGE_COLUMNS.map((id) => c[id])];
  };
  return {
    kpis: Object.fromEntries(CHANGE_KPIS.map((id) => [id, overall[id]])) as Record<ChangeKpi, Cell>,
    byKey: {
      id: 'changesByKey',
      title: labels.title('changesByKey'),
      columns: head(groupBy),
      rows: report.rows.map((r) => row(labels.name(groupBy, r.key), r.metrics)),
      chart: { kind: 'bar', series: ['successPct', 'emergencyPct'] },
    },
    byMonth: {
      id: 'changesByMonth',
      title: labels.title('changesByMonth'),
      columns: head('period'),
      rows: report.byMonth.map((r) => row(r.key, r.metrics)),
      chart: { kind: 'line', series: ['successPct', 'emergencyPct'] },
    },
  };
}
