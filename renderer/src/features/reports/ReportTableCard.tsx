import { BarChart, LineChart } from '@mantine/charts';
import { Button, Card, Group, SegmentedControl, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { createContext, memo, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { csvDialectFor, csvFileName, downloadCsv, toCsv } from './csv.js';
import { chartData, type Cell, type ReportTable } from './view-model.js';

const COLORS = ['indigo.7', 'teal.7', 'orange.7', 'grape.7', 'red.7', 'cyan.8', 'lime.8', 'pink.7'];
/** Rows shown on screen; the CSV has them all. */
const MAX_ROWS_SHOWN = 200;

/** Downloads one table as CSV (header = the column labels), as a spreadsheet in the reader's language reads it. */
export function exportTableCsv(table: ReportTable, language: string): void {
  downloadCsv(
    csvFileName(table.id, new Date()),
    toCsv(
      table.columns.map((c) => c.label),
      table.rows,
      csvDialectFor(language),
    ),
  );
}

/** True while the whole report is rendered for printing: charts' tables are rendered then (print-only). */
export const PrintingContext = createContext(false);

/** One cell's text; hooks stay in the table (tables have thousands of cells). */
function cellText(value: Cell, number: (n: number) => string): string {
  return value === null ? '—' : typeof value === 'number' ? number(value) : value;
}

/** The table view of a report table. */
function DataTable({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const highlighted = t('reports.highlighted');
  if (table.rows.length === 0) return <Text c="dimmed">{t('reports.noData')}</Text>;
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table striped withTableBorder fz="sm" data-testid={`table-${table.id}`}>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c) => (
              <Table.Th key={c.id} scope="col" data-column={c.id}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.slice(0, MAX_ROWS_SHOWN).map((row, r) => (
            <Table.Tr key={r}>
              {row.map((value, c) => (
                <Table.Td key={table.columns[c].id} data-column={table.columns[c].id} data-value={value ?? ''}>
                  {table.highlights?.[r]?.[c] === true ? (
                    <mark className="report-highlight" title={highlighted} data-highlight="true">
                      {cellText(value, number)}
                    </mark>
                  ) : (
                    cellText(value, number)
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {table.rows.length > MAX_ROWS_SHOWN && (
        <Text size="xs" c="dimmed">
          {t('reports.moreRows', { shown: MAX_ROWS_SHOWN, total: table.rows.length })}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

function Chart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const spec = table.chart;
  if (!spec) return null;
  const data = chartData(table);
  const series = spec.series.map((id, i) => ({
    name: id,
    label: table.columns.find((c) => c.id === id)?.label ?? id,
    color: COLORS[i % COLORS.length],
  }));
  // No animation: the dashboard re-renders whenever data arrives, and restarted animations would keep the page busy.
  // Hidden from assistive technology (no focusable layer either): the table view is the accessible form.
  const props = { h: 260, data, dataKey: 'key', series, withLegend: true, 'aria-hidden': true } as const;
  // Every bar keeps its name: slanted labels, all of them (interval 0), with room for the longest one.
  const longest = Math.max(0, ...data.map((d) => String(d.key).length));
  const axisHeight = Math.min(160, 24 + 5 * longest);
  return (
    <div className="report-chart" data-testid={`chart-${table.id}`} data-chart-data={JSON.stringify(data)}>
      <VisuallyHidden>{t('reports.chartHint')}</VisuallyHidden>
      {data.length === 0 ? (
        <Text c="dimmed">{t('reports.noData')}</Text>
      ) : spec.kind === 'bar' ? (
        <BarChart
          {...props}
          type={spec.stacked ? 'stacked' : 'default'}
          h={props.h + axisHeight}
          barProps={{ isAnimationActive: false }}
          barChartProps={{ accessibilityLayer: false }}
          xAxisProps={{ interval: 0, angle: -35, textAnchor: 'end', height: axisHeight }}
        />
      ) : (
        <LineChart
          {...props}
          connectNulls
          lineProps={{ isAnimationActive: false }}
          lineChartProps={{ accessibilityLayer: false }}
        />
      )}
    </div>
  );
}

/** One report table: its chart (with a switch to the table view), and a CSV download. Prints both. */
export const ReportTableCard = memo(function ReportTableCard({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<'chart' | 'table'>(table.chart ? 'chart' : 'table');
  const printing = useContext(PrintingContext);
  const headingId = `report-${table.id}-title`;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      className="report-card"
      data-testid={`report-${table.id}`}
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h5" id={headingId}>
          {table.title}
        </Title>
        <Group gap="xs" className="report-no-print">
          {table.chart && (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
              aria-label={t('reports.viewAs', { title: table.title })}
              data-testid={`view-${table.id}`}
              data={[
                { value: 'chart', label: t('reports.chartView') },
                { value: 'table', label: t('reports.tableView') },
              ]}
            />
          )}
          <Button size="xs" variant="default" onClick={() => exportTableCsv(table, language)} data-testid={`csv-${table.id}`}>
            {t('reports.csv')}
          </Button>
        </Group>
      </Group>
      {view === 'chart' && <Chart table={table} />}
      {view === 'table' ? (
        <DataTable table={table} />
      ) : (
        printing && (
          <div className="report-print-only">
            <DataTable table={table} />
          </div>
        )
      )}
    </Card>
  );
});
