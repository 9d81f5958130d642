/**
 * The SLA compliance section as tables (chart, table view and CSV show the same rows), from the shared
 * slaComplianceReport. Pure: words come in as functions. Percentages and hours to 1 decimal, as elsewhere.
 */
import type { SlaSegment } from '@shared';
import type { SlaBreach, SlaComplianceMetrics, SlaComplianceReport } from '@shared/metrics/index.js';
import type { Cell, ReportTable } from './view-model.js';

/** The groupings the section offers (periods are the monthly trend, always shown). */
export const SLA_SECTION_GROUP_BY = ['policy', 'priority', 'group', 'agent', 'service'] as const;
export type SlaSectionGroupBy = (typeof SLA_SECTION_GROUP_BY)[number];

export const SLA_COLUMNS = [
  'tickets',
  'noPolicy',
  'responseMetPct',
  'responseBreached',
  'resolutionMetPct',
  'resolutionBreached',
  'avgRemainingH',
] as const;
export type SlaColumn = (typeof SLA_COLUMNS)[number];
export const SLA_KPIS = ['responseMetPct', 'resolutionMetPct', 'breaches', 'avgRemainingH', 'noPolicy'] as const;
export type SlaKpi = (typeof SLA_KPIS)[number];

/** The words the SLA tables need. */
export interface SlaViewLabels {
  column: (id: string) => string;
  title: (id: 'slaByKey' | 'slaByMonth' | 'slaBreaches') => string;
  /** Header of the first column for a grouping ("Policy", "Agent"...) or of periods. */
  dimension: (d: SlaSectionGroupBy | 'period') => string;
  /** Display name of a row key of a grouping (policy name, group name, '' as "none"...). */
  name: (d: SlaSectionGroupBy, key: string) => string;
  clock: (kind: SlaBreach['clock']) => string;
  segment: (kind: SlaSegment['kind']) => string;
  dateTime: (ms: number) => string;
  duration: (ms: number) => string;
}

const round1 = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(1)));
const hours = (ms: number | null): number | null => round1(ms === null ? null : ms / 3_600_000);

/** The columns of one set of tickets. */
export function slaCells(m: SlaComplianceMetrics): Record<SlaColumn, Cell> {
  const { first_response: fr, resolution: res } = m.clocks;
  return {
    tickets: m.tickets,
    noPolicy: m.noPolicy + m.noCalendar,
    responseMetPct: round1(fr.metPct),
    responseBreached: fr.breached,
    resolutionMetPct: round1(res.metPct),
    resolutionBreached: res.breached,
    // Time left at resolution: the resolution clock's, the one the issue asks for.
    avgRemainingH: hours(res.avgRemainingMs),
  };
}

/**
 * A clock's explanation in words: its stretches merged where the calendar split them per day (same kind and label,
 * end to start), each "kind (label) from → to". Labels are admin- or system-entered text, kept as text.
 */
export function explainSegments(segments: readonly SlaSegment[], labels: SlaViewLabels): string[] {
  const merged: SlaSegment[] = [];
  for (const s of segments) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === s.kind && prev.label === s.label && prev.end === s.start)
      merged[merged.length - 1] = { ...prev, end: s.end };
    else merged.push({ ...s });
  }
  return merged.map((s) => {
    const what = s.label ? `${labels.segment(s.kind)} (${s.label})` : labels.segment(s.kind);
    // A stopped clock's last stretch runs to the moment it is read at: only its start says something.
    return s.kind === 'stopped'
      ? `${what} ${labels.dateTime(s.start)}`
      : `${what} ${labels.dateTime(s.start)} → ${labels.dateTime(s.end)}`;
  });
}

/** The section: headline figures, the table by the chosen grouping, the monthly trend and the breach list. */
export interface SlaView {
  kpis: Record<SlaKpi, Cell>;
  byKey: ReportTable;
  byMonth: ReportTable;
  breaches: ReportTable;
}

/** Builds the SLA section's tables from the shared report. */
export function buildSlaView(report: SlaComplianceReport, groupBy: SlaSectionGroupBy, labels: SlaViewLabels): SlaView {
  const overall = slaCells(report.overall);
  const head = (first: SlaSectionGroupBy | 'period') => [
    { id: 'key', label: labels.dimension(first) },
    ...SLA_COLUMNS.map((id) => ({ id, label: labels.column(id) })),
  ];
  const row = (key: string, m: SlaComplianceMetrics): Cell[] => {
    const c = slaCells(m);
    return [key, ...SLA_COLUMNS.map((id) => c[id])];
  };
  return {
    kpis: {
      responseMetPct: overall.responseMetPct,
      resolutionMetPct: overall.resolutionMetPct,
      breaches: report.breaches.length,
      avgRemainingH: overall.avgRemainingH,
      noPolicy: overall.noPolicy,
    },
    byKey: {
      id: 'slaByKey',
      title: labels.title('slaByKey'),
      columns: head(groupBy),
      rows: report.rows.map((r) => row(labels.name(groupBy, r.key), r.metrics)),
      chart: { kind: 'bar', series: ['responseMetPct', 'resolutionMetPct'] },
    },
    byMonth: {
      id: 'slaByMonth',
      title: labels.title('slaByMonth'),
      columns: head('period'),
      rows: report.byMonth.map((r) => row(r.key, r.metrics)),
      chart: { kind: 'line', series: ['responseMetPct', 'resolutionMetPct'] },
    },
    breaches: {
      id: 'slaBreaches',
      title: labels.title('slaBreaches'),
      columns: ['ticket', 'title', 'clock', 'policy', 'dueAt', 'late', 'explanation'].map((id) => ({
        id: id === 'ticket' ? 'key' : id,
        label: labels.column(id),
      })),
      rows: report.breaches.map((b) => [
        b.number,
        b.title,
        labels.clock(b.clock),
        b.policyName,
        labels.dateTime(b.dueAt),
        labels.duration(b.lateMs),
        explainSegments(b.segments, labels).join('; '),
      ]),
    },
  };
}
