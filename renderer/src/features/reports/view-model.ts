/**
 * The reports screen as tables: every chart draws the rows of its table, and the CSV export writes them, so the
 * chart, the table view and the file always show the same numbers. Pure: labels come in as functions.
 *
 * Rounding (the same in chart, table and CSV): percentages and hours to 1 decimal, CES to 2, NPS whole.
 */
import type {
  BacklogAgeBucket,
  IncidentMetrics,
  KeyedRow,
  PeriodRow,
  ReportsDashboard,
  SurveyMetrics,
  TrendSeries,
  Verbatim,
} from '@shared/metrics/index.js';
import { BACKLOG_AGE_BUCKETS } from '@shared/metrics/index.js';

export type Cell = string | number | null;

export interface Column {
  id: string;
  label: string;
}

/** How a table is drawn: which columns are the series (the first column is the category axis). */
export interface ChartSpec {
  kind: 'bar' | 'line';
  series: string[];
  /** Bars stacked: the series are parts of one whole (linked and unlinked incidents). */
  stacked?: boolean;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  chart?: ChartSpec;
  /** Same shape as rows: true where a week-over-week or month-over-month change is highlighted. */
  highlights?: boolean[][];
}

/** Dimensions whose keys are shown with a name. */
export type Dimension = 'group' | 'agent' | 'category' | 'priority' | 'channel' | 'caller' | 'item';

export const INCIDENT_COLUMNS = [
  'volume',
  'backlog',
  'backlogAgeDays',
  'mttaMeanH',
  'mttaMedianH',
  'mttaP90H',
  'mttrMeanH',
  'mttrMedianH',
  'mttrP90H',
  'fcrPct',
  'reopenPct',
  'escalationPct',
  'reassignments',
] as const;
/** Each score is followed by how many answers it rests on: a score without its sample size misleads. */
export const SURVEY_COLUMNS = [
  'responses',
  'responseRatePct',
  'csatPct',
  'csatAnswers',
  'nps',
  'npsAnswers',
  'ces',
  'cesAnswers',
  'comments',
] as const;
export type IncidentColumn = (typeof INCIDENT_COLUMNS)[number];
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

export const TABLE_IDS = [
  'incidentsSummary',
  'incidentsByMonth',
  'incidentsByGroup',
  'incidentsByCategory',
  'incidentsByPriority',
  'incidentsByChannel',
  'backlogAge',
  'surveysSummary',
  'surveysByMonth',
  'surveysByGroup',
  'surveysByAgent',
  'surveysByCategory',
  'trendCategoriesWeekly',
  'trendCategoriesMonthly',
  'trendCallersWeekly',
  'trendCallersMonthly',
  'trendItemsWeekly',
  'trendItemsMonthly',
  'trendChanges',
  'verbatims',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Everything the view model needs to say in words. */
export interface ViewLabels {
  column: (id: string) => string;
  title: (id: TableId) => string;
  name: (dimension: Dimension, key: string) => string;
  /** Header of the first column of a table of this dimension (e.g. "Group"), or of periods. */
  dimension: (dimension: Dimension | 'period' | 'bucket' | 'metric' | 'series') => string;
}

const round = (v: number | null, digits: number): number | null => (v === null ? null : Number(v.toFixed(digits)));
const pct = (v: number | null): number | null => round(v === null ? null : v * 100, 1);
const hours = (ms: number | null): number | null => round(ms === null ? null : ms / 3_600_000, 1);

/** The incident columns of one set of tickets. */
export function incidentCells(m: IncidentMetrics): Record<IncidentColumn, Cell> {
  return {
    volume: m.volume,
    backlog: m.backlog.count,
    backlogAgeDays: round(m.backlog.meanAgeMs === null ? null : m.backlog.meanAgeMs / 86_400_000, 1),
    mttaMeanH: hours(m.acknowledge.meanMs),
    mttaMedianH: hours(m.acknowledge.medianMs),
    mttaP90H: hours(m.acknowledge.p90Ms),
    mttrMeanH: hours(m.resolve.meanMs),
    mttrMedianH: hours(m.resolve.medianMs),
    mttrP90H: hours(m.resolve.p90Ms),
    fcrPct: pct(m.fcrRate),
    reopenPct: pct(m.reopenRate),
    escalationPct: pct(m.escalationRate),
    reassignments: m.reassignments,
  };
}

/** The survey columns of one set of responses. */
export function surveyCells(m: SurveyMetrics): Record<SurveyColumn, Cell> {
  return {
    responses: m.responses,
    responseRatePct: pct(m.responseRate),
    csatPct: round(m.csatPct, 1),
    csatAnswers: m.csatAnswers,
    nps: m.nps,
    npsAnswers: m.npsAnswers,
    ces: round(m.ces, 2),
    cesAnswers: m.cesAnswers,
    comments: m.comments,
  };
}

function columns(
  labels: ViewLabels,
  first: Dimension | 'period' | 'bucket' | 'metric' | 'series',
  ids: readonly string[],
): Column[] {
  return [{ id: 'key', label: labels.dimension(first) }, ...ids.map((id) => ({ id, label: labels.column(id) }))];
}

function keyedTable<M, C extends string>(
  id: TableId,
  labels: ViewLabels,
  dimension: Dimension | 'period',
  rows: readonly (KeyedRow<M> | PeriodRow<M>)[],
  ids: readonly C[],
  cells: (m: M) => Record<C, Cell>,
  chart?: ChartSpec,
): ReportTable {
  return {
    id,
    title: labels.title(id),
    columns: columns(labels, dimension, ids),
    rows: rows.map((r) => {
      const c = cells(r.metrics);
      return [dimension === 'period' ? r.key : labels.name(dimension, r.key), ...ids.map((k) => c[k])];
    }),
    chart,
  };
}

function summaryTable<C extends string>(id: TableId, labels: ViewLabels, ids: readonly C[], cells: Record<C, Cell>): ReportTable {
  return {
    id,
    title: labels.title(id),
    columns: [
      { id: 'key', label: labels.dimension('metric') },
      { id: 'value', label: labels.column('value') },
    ],
    rows: ids.map((k) => [labels.column(k), cells[k]]),
  };
}

/** How many series a trend chart draws (the table lists the same ones; the CSV too). */
export const TREND_SERIES_SHOWN = 8;

function trendTable(id: TableId, labels: ViewLabels, dimension: Dimension, series: readonly TrendSeries[]): ReportTable {
  const shown = series.slice(0, TREND_SERIES_SHOWN);
  // A period the range cuts says so: its counts are not comparable with a whole one's.
  const periods = shown[0]?.points.map((p) => (p.partial ? `${p.period} (${labels.column('partialPeriod')})` : p.period)) ?? [];
  const ids = shown.map((_, i) => `s${i}`);
  return {
    id,
    title: labels.title(id),
    columns: [
      { id: 'key', label: labels.dimension('period') },
      ...shown.map((s, i) => ({ id: ids[i], label: labels.name(dimension, s.key) })),
    ],
    rows: periods.map((p, i) => [p, ...shown.map((s) => s.points[i].count)]),
    highlights: periods.map((_, i) => [false, ...shown.map((s) => s.points[i].highlight)]),
    chart: { kind: 'line', series: ids },
  };
}

/** Every highlighted change of every trend, newest period first. */
function changesTable(
  labels: ViewLabels,
  trends: { dimension: Dimension; unit: 'weekly' | 'monthly'; series: readonly TrendSeries[] }[],
): ReportTable {
  const rows: { start: number; row: Cell[] }[] = [];
  for (const { dimension, unit, series } of trends) {
    for (const s of series) {
      for (const p of s.points) {
        if (!p.highlight) continue;
        rows.push({
          start: p.start,
          row: [
            labels.name(dimension, s.key),
            labels.column(unit),
            p.period,
            p.previous,
            p.count,
            p.change,
            round(p.changePct, 1),
          ],
        });
      }
    }
  }
  rows.sort((a, b) => b.start - a.start);
  return {
    id: 'trendChanges',
    title: labels.title('trendChanges'),
    columns: columns(labels, 'series', ['comparison', 'period', 'previous', 'count', 'change', 'changePct']),
    rows: rows.map((r) => r.row),
  };
}

function backlogAgeTable(labels: ViewLabels, ages: Record<BacklogAgeBucket, number>): ReportTable {
  return {
    id: 'backlogAge',
    title: labels.title('backlogAge'),
    columns: columns(labels, 'bucket', ['backlog']),
    rows: BACKLOG_AGE_BUCKETS.map((b) => [b, ages[b]]),
    chart: { kind: 'bar', series: ['backlog'] },
  };
}

/** The verbatim comments as a table. */
export function verbatimTable(labels: ViewLabels, list: readonly Verbatim[], dateOf: (ms: number) => string): ReportTable {
  return {
    id: 'verbatims',
    title: labels.title('verbatims'),
    columns: [
      { id: 'key', label: labels.column('submittedAt') },
      ...['ticket', 'group', 'agent', 'csat', 'nps', 'ces', 'comment'].map((id) => ({ id, label: labels.column(id) })),
    ],
    rows: list.map((v) => [
      dateOf(v.submittedAt),
      v.ticketNumber || null,
      labels.name('group', v.groupId),
      labels.name('agent', v.assigneeId),
      v.csat,
      v.nps,
      v.ces,
      v.text,
    ]),
  };
}

/** The screen's sections, each a list of tables. */
export interface ReportView {
  surveys: ReportTable[];
  incidents: ReportTable[];
  trends: ReportTable[];
  kpis: { incidents: Record<IncidentColumn, Cell>; surveys: Record<SurveyColumn, Cell> };
}

/** Builds every table of the screen from the dashboard. */
export function buildReportView(dash: ReportsDashboard, labels: ViewLabels): ReportView {
  const inc = dash.incidents;
  const sur = dash.surveys;
  const incidentKpis = incidentCells(inc.overall);
  const surveyKpis = surveyCells(sur.overall);
  const i = <R extends KeyedRow<IncidentMetrics> | PeriodRow<IncidentMetrics>>(
    id: TableId,
    dim: Dimension | 'period',
    rows: readonly R[],
    chart: ChartSpec,
  ) => keyedTable(id, labels, dim, rows, INCIDENT_COLUMNS, incidentCells, chart);
  const s = <R extends KeyedRow<SurveyMetrics> | PeriodRow<SurveyMetrics>>(
    id: TableId,
    dim: Dimension | 'period',
    rows: readonly R[],
    chart: ChartSpec,
  ) => keyedTable(id, labels, dim, rows, SURVEY_COLUMNS, surveyCells, chart);
  const { categories, callers, affectedItems } = dash.trends;
  // Tickets without an affected item are not a recurring item.
  const items = (series: TrendSeries[]): TrendSeries[] => series.filter((x) => x.key !== '');
  const trendSets: { id: TableId; dimension: Dimension; unit: 'weekly' | 'monthly'; series: TrendSeries[] }[] = [
    { id: 'trendCategoriesWeekly', dimension: 'category', unit: 'weekly', series: categories.weekly },
    { id: 'trendCategoriesMonthly', dimension: 'category', unit: 'monthly', series: categories.monthly },
    { id: 'trendCallersWeekly', dimension: 'caller', unit: 'weekly', series: callers.weekly },
    { id: 'trendCallersMonthly', dimension: 'caller', unit: 'monthly', series: callers.monthly },
    ...(affectedItems
      ? [
          {
            id: 'trendItemsWeekly' as const,
            dimension: 'item' as const,
            unit: 'weekly' as const,
            series: items(affectedItems.weekly),
          },
          {
            id: 'trendItemsMonthly' as const,
            dimension: 'item' as const,
            unit: 'monthly' as const,
            series: items(affectedItems.monthly),
          },
        ]
      : []),
  ];
  return {
    kpis: { incidents: incidentKpis, surveys: surveyKpis },
    surveys: [
      summaryTable('surveysSummary', labels, SURVEY_COLUMNS, surveyKpis),
      s('surveysByMonth', 'period', sur.byMonth, { kind: 'line', series: ['csatPct', 'nps'] }),
      s('surveysByGroup', 'group', sur.byGroup, { kind: 'bar', series: ['csatPct', 'nps'] }),
      s('surveysByAgent', 'agent', sur.byAgent, { kind: 'bar', series: ['csatPct', 'nps'] }),
      s('surveysByCategory', 'category', sur.byCategory, { kind: 'bar', series: ['csatPct', 'nps'] }),
    ],
    incidents: [
      summaryTable('incidentsSummary', labels, INCIDENT_COLUMNS, incidentKpis),
      i('incidentsByMonth', 'period', inc.byMonth, { kind: 'bar', series: ['volume', 'backlog'] }),
      i('incidentsByGroup', 'group', inc.byGroup, { kind: 'bar', series: ['mttrMedianH', 'mttrP90H'] }),
      i('incidentsByCategory', 'category', inc.byCategory, { kind: 'bar', series: ['volume'] }),
      i('incidentsByPriority', 'priority', inc.byPriority, { kind: 'bar', series: ['mttaMedianH', 'mttrMedianH'] }),
      i('incidentsByChannel', 'channel', inc.byChannel, { kind: 'bar', series: ['volume', 'fcrPct'] }),
      backlogAgeTable(labels, inc.overall.backlog.ages),
    ],
    trends: [changesTable(labels, trendSets), ...trendSets.map((t) => trendTable(t.id, labels, t.dimension, t.series))],
  };
}

/** A table's rows as chart data: one object per row, keyed by column id. */
export function chartData(table: ReportTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.id, row[i]])));
}
