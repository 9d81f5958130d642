/**
 * The problem section as tables (chart, table view and CSV show the same rows), from the shared problemReport. Pure:
 * words come in as functions. Hours to 1 decimal, as elsewhere.
 */
import type { ProblemLine, ProblemMetrics, ProblemReport, RecurrenceRow } from '@shared/metrics/index.js';
import type { Cell, ReportTable } from './view-model.js';

/** The groupings the section offers (periods are the monthly trend, always shown). */
export const PROBLEM_SECTION_GROUP_BY = ['group', 'category'] as const;
export type ProblemSectionGroupBy = (typeof PROBLEM_SECTION_GROUP_BY)[number];

export const PROBLEM_COLUMNS = [
  'problems',
  'open',
  'resolved',
  'knownErrors',
  'incidents',
  'incidentsPerProblem',
  'incidentsAvoided',
  'workaroundsApplied',
  'knownErrorsUsed',
  'resolvedByProblem',
  'rootCauseMedianH',
  'rootCauseP90H',
  'resolutionMedianH',
  'resolutionP90H',
] as const;
export type ProblemColumn = (typeof PROBLEM_COLUMNS)[number];
export const PROBLEM_KPIS = [
  'problems',
  'open',
  'knownErrors',
  'incidentsPerProblem',
  'incidentsAvoided',
  'workaroundsApplied',
  'rootCauseMedianH',
  'resolutionMedianH',
] as const;
export type ProblemKpi = (typeof PROBLEM_KPIS)[number];

const LINE_COLUMNS = [
  'title',
  'phase',
  'incidents',
  'incidentsAvoided',
  'workaroundsApplied',
  'rootCauseH',
  'resolutionH',
] as const;
const RECURRENCE_COLUMNS = ['incidents', 'linked', 'unlinked', 'linkedProblems'] as const;

export type ProblemTableId = 'problemsByKey' | 'problemsByMonth' | 'problemList' | 'recurringCategories' | 'recurringCis';

/** The words the problem tables need. */
export interface ProblemViewLabels {
  column: (id: string) => string;
  title: (id: ProblemTableId) => string;
  /** Header of the first column: a grouping, periods, problems (their number), categories or CIs. */
  dimension: (d: ProblemSectionGroupBy | 'period' | 'problem' | 'ci') => string;
  /** Display name of a row key: group or category name, CI name. */
  name: (d: ProblemSectionGroupBy | 'ci', key: string) => string;
  phase: (phase: string) => string;
}

const round1 = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(1)));
const hours = (ms: number | null): number | null => round1(ms === null ? null : ms / 3_600_000);

/** The columns of one set of problems. */
export function problemCells(m: ProblemMetrics): Record<ProblemColumn, Cell> {
  return {
    problems: m.problems,
    open: m.open,
    resolved: m.resolved,
    knownErrors: m.knownErrors,
    incidents: m.incidents,
    incidentsPerProblem: round1(m.incidentsPerProblem),
    incidentsAvoided: m.incidentsAvoided,
    workaroundsApplied: m.workaroundsApplied,
    knownErrorsUsed: m.knownErrorsUsed,
    resolvedByProblem: m.resolvedByProblem,
    rootCauseMedianH: hours(m.timeToRootCause.medianMs),
    rootCauseP90H: hours(m.timeToRootCause.p90Ms),
    resolutionMedianH: hours(m.timeToResolution.medianMs),
    resolutionP90H: hours(m.timeToResolution.p90Ms),
  };
}

/** The section: headline figures, the table by the chosen grouping, the monthly trend, problems and recurrences. */
export interface ProblemView {
  kpis: Record<ProblemKpi, Cell>;
  byKey: ReportTable;
  byMonth: ReportTable;
  list: ReportTable;
  categories: ReportTable;
  cis: ReportTable;
}

/** Builds the problem section's tables from the shared report. */
export function buildProblemView(report: ProblemReport, groupBy: ProblemSectionGroupBy, labels: ProblemViewLabels): ProblemView {
  const overall = problemCells(report.overall);
  const columns = (first: Parameters<ProblemViewLabels['dimension']>[0], ids: readonly string[]) => [
    { id: 'key', label: labels.dimension(first) },
    ...ids.map((id) => ({ id, label: labels.column(id) })),
  ];
  const row = (key: string, m: ProblemMetrics): Cell[] => {
    const c = problemCells(m);
    return [key, ...PROBLEM_COLUMNS.map((id) => c[id])];
  };
  const line = (l: ProblemLine): Cell[] => [
    l.number,
    l.title,
    labels.phase(l.phase),
    l.incidents,
    l.incidentsAvoided,
    l.workaroundsApplied,
    hours(l.rootCauseMs),
    hours(l.resolutionMs),
  ];
  const recurrence = (r: RecurrenceRow, d: 'category' | 'ci'): Cell[] => [
    labels.name(d, r.key),
    r.incidents,
    r.linked,
    r.unlinked,
    r.problems,
  ];
  return {
    kpis: Object.fromEntries(PROBLEM_KPIS.map((id) => [id, overall[id]])) as Record<ProblemKpi, Cell>,
    byKey: {
      id: 'problemsByKey',
      title: labels.title('problemsByKey'),
      columns: columns(groupBy, PROBLEM_COLUMNS),
      rows: report.rows.map((r) => row(labels.name(groupBy, r.key), r.metrics)),
      chart: { kind: 'bar', series: ['incidents', 'incidentsAvoided'] },
    },
    byMonth: {
      id: 'problemsByMonth',
      title: labels.title('problemsByMonth'),
      columns: columns('period', PROBLEM_COLUMNS),
      rows: report.byMonth.map((r) => row(r.key, r.metrics)),
      chart: { kind: 'line', series: ['problems', 'incidents', 'incidentsAvoided'] },
    },
    // Incidents per problem: a table (titles are long; a chart of numbers would say less than the list).
    list: {
      id: 'problemList',
      title: labels.title('problemList'),
      columns: columns('problem', LINE_COLUMNS),
      rows: report.problems.map(line),
    },
    categories: {
      id: 'recurringCategories',
      title: labels.title('recurringCategories'),
      columns: columns('category', RECURRENCE_COLUMNS),
      rows: report.recurringCategories.map((r) => recurrence(r, 'category')),
      chart: { kind: 'bar', series: ['linked', 'unlinked'], stacked: true },
    },
    cis: {
      id: 'recurringCis',
      title: labels.title('recurringCis'),
      columns: columns('ci', RECURRENCE_COLUMNS),
      rows: report.recurringCis.map((r) => recurrence(r, 'ci')),
      chart: { kind: 'bar', series: ['linked', 'unlinked'], stacked: true },
    },
  };
}
