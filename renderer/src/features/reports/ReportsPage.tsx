import '@mantine/charts/styles.css';
import './reports.css';
import { Alert, Button, Center, Group, Loader, NativeSelect, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportFilter } from '@shared/metrics/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useDirectory } from '../../data/index.js';
import { getDesk } from '../../platform/desk.js';
import { useFormatters } from '../../ui/format.js';
import { canSeeReports } from './access.js';
import { ChangesSection } from './ChangesSection.js';
import { KpiCards } from './KpiCards.js';
import { printReport } from './print-report.js';
import { ProblemsSection } from './ProblemsSection.js';
import { PrintingContext, ReportTableCard } from './ReportTableCard.js';
import { SlaSection } from './SlaSection.js';
import { useReportLabels } from './use-report-labels.js';
import { useReportsModel, type ReportsModel } from './use-reports-model.js';
import { VerbatimList } from './VerbatimList.js';
import { buildReportView, type ReportTable, type ReportView, type ViewLabels } from './view-model.js';

const DAY = 86_400_000;

/** A yyyy-mm-dd date input as this device's local midnight; undefined when empty or invalid. */
function localDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = new Date(`${value}T00:00:00`).getTime();
  return Number.isFinite(t) ? t : undefined;
}

/** The filter of the inputs: from the start of the first day to the end of the last day (inclusive). */
export function filterOf(fromDay: string, toDay: string, groupId: string): ReportFilter {
  const from = localDay(fromDay);
  const lastDay = localDay(toDay);
  return { from, to: lastDay === undefined ? undefined : lastDay + DAY, groupId: groupId === '' ? undefined : groupId };
}

const INCIDENT_KPIS = [
  'volume',
  'backlog',
  'mttaMedianH',
  'mttrMedianH',
  'fcrPct',
  'reopenPct',
  'escalationPct',
  'reassignments',
] as const;
const SURVEY_KPIS = ['responses', 'responseRatePct', 'csatPct', 'nps', 'ces'] as const;
const SCORE_SAMPLES = { csatPct: 'csatAnswers', nps: 'npsAnswers', ces: 'cesAnswers' } as const;

const TABS = ['surveys', 'incidents', 'trends', 'sla', 'changes', 'problems'] as const;
type TabId = (typeof TABS)[number];
const isTab = (v: string | null): v is TabId => (TABS as readonly (string | null)[]).includes(v);
const PRINT_RENDER_MS = 500;

/** One section of the report: its headline figures and tables. */
function Section({
  id,
  view,
  model,
  labels,
  filter,
}: {
  id: TabId;
  view: ReportView;
  model: ReportsModel;
  labels: ViewLabels;
  filter: ReportFilter;
}) {
  const { t } = useTranslation();
  const titles: Record<TabId, string> = {
    surveys: t('reports.tab.surveys'),
    incidents: t('reports.tab.incidents'),
    trends: t('reports.tab.trends'),
    sla: t('reports.tab.sla'),
    changes: t('reports.tab.changes'),
    problems: t('reports.tab.problems'),
  };
  return (
    <Stack>
      <Title order={2} size="h3" className="report-section-title">
        {titles[id]}
      </Title>
      {id === 'surveys' && (
        <>
          <KpiCards ids={SURVEY_KPIS} values={view.kpis.surveys} labels={labels} testPrefix="kpi" samples={SCORE_SAMPLES} />
          <Tables tables={view.surveys} />
          <VerbatimList scored={model.scope.scored} labels={labels} />
        </>
      )}
      {id === 'incidents' && (
        <>
          <Text size="sm">{t('reports.incidentsHint')}</Text>
          <KpiCards ids={INCIDENT_KPIS} values={view.kpis.incidents} labels={labels} testPrefix="kpi" />
          <Tables tables={view.incidents} />
        </>
      )}
      {id === 'trends' && (
        <>
          <Text size="sm">{t('reports.trendsHint')}</Text>
          <Tables tables={view.trends} />
        </>
      )}
      {id === 'sla' && <SlaSection model={model} filter={filter} labels={labels} />}
      {id === 'changes' && <ChangesSection model={model} filter={filter} labels={labels} />}
      {id === 'problems' && <ProblemsSection model={model} filter={filter} labels={labels} />}
    </Stack>
  );
}

function Tables({ tables }: { tables: ReportTable[] }) {
  return (
    <>
      {tables.map((table) => (
        <ReportTableCard key={table.id} table={table} />
      ))}
    </>
  );
}

/** The supervisors' console, for supervisors and administrators only. */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!canSeeReports(user.role)) return <Alert color="orange">{t('reports.forbidden')}</Alert>;
  return <ReportsConsole />;
}

/** Survey results, incident process metrics and trends, live from the local database. */
function ReportsConsole() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const labels = useReportLabels(directory);
  const { dateTime } = useFormatters();
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [groupId, setGroupId] = useState('');
  const [tab, setTab] = useState<TabId>('surveys');
  const [printing, setPrinting] = useState(false);
  const filter = useMemo(() => filterOf(fromDay, toDay, groupId), [fromDay, toDay, groupId]);
  const model = useReportsModel(filter);
  const view = useMemo(() => (model ? buildReportView(model.dashboard, labels) : null), [model, labels]);
  const badRange = filter.from !== undefined && filter.to !== undefined && filter.to <= filter.from;

  const print = async () => {
    setPrinting(true);
    try {
      // Let every section render (charts included) before the page is printed.
      await new Promise((resolve) => setTimeout(resolve, PRINT_RENDER_MS));
      const outcome = await printReport(getDesk());
      if (outcome.kind === 'saved')
        notifications.show({ color: 'green', message: t('reports.pdfSaved', { path: outcome.path }) });
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('reports.pdfFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('reports.title')}</Title>
          {model && (
            <Text size="sm" c="dimmed" data-testid="reports-basis">
              {t('reports.basis', {
                tickets: model.counts.tickets,
                responses: model.counts.responses,
                at: dateTime(model.computedAt),
              })}
            </Text>
          )}
        </div>
        <Button variant="default" onClick={() => void print()} className="report-no-print" data-testid="reports-print">
          {t('reports.print')}
        </Button>
      </Group>
      <Group align="end" className="report-no-print" role="group" aria-label={t('reports.filters')}>
        <TextInput
          type="date"
          label={t('reports.from')}
          value={fromDay}
          onChange={(e) => setFromDay(e.currentTarget.value)}
          data-testid="reports-from"
        />
        <TextInput
          type="date"
          label={t('reports.to')}
          value={toDay}
          onChange={(e) => setToDay(e.currentTarget.value)}
          data-testid="reports-to"
        />
        <NativeSelect
          label={t('reports.group')}
          value={groupId}
          onChange={(e) => setGroupId(e.currentTarget.value)}
          data-testid="reports-group"
          data={[
            { value: '', label: t('reports.allGroups') },
            ...directory.groups.map((g) => ({ value: g.id, label: labels.name('group', g.id) })),
          ]}
        />
      </Group>
      {badRange && <Alert color="orange">{t('reports.badRange')}</Alert>}
      {!model || !view ? (
        <Center py="xl">
          <Loader aria-label={t('reports.loading')} />
        </Center>
      ) : printing ? (
        // Printing: every section one after the other (on screen only the open tab is rendered).
        <PrintingContext.Provider value>
          <Stack gap="xl">
            {TABS.map((id) => (
              <Section key={id} id={id} view={view} model={model} labels={labels} filter={filter} />
            ))}
          </Stack>
        </PrintingContext.Provider>
      ) : (
        <Tabs value={tab} onChange={(v) => setTab(isTab(v) ? v : 'surveys')} keepMounted={false}>
          <Tabs.List className="report-no-print">
            <Tabs.Tab value="surveys" data-testid="tab-surveys">
              {t('reports.tab.surveys')}
            </Tabs.Tab>
            <Tabs.Tab value="incidents" data-testid="tab-incidents">
              {t('reports.tab.incidents')}
            </Tabs.Tab>
            <Tabs.Tab value="trends" data-testid="tab-trends">
              {t('reports.tab.trends')}
            </Tabs.Tab>
            <Tabs.Tab value="sla" data-testid="tab-sla">
              {t('reports.tab.sla')}
            </Tabs.Tab>
            <Tabs.Tab value="changes" data-testid="tab-changes">
              {t('reports.tab.changes')}
            </Tabs.Tab>
            <Tabs.Tab value="problems" data-testid="tab-problems">
              {t('reports.tab.problems')}
            </Tabs.Tab>
          </Tabs.List>
          {TABS.map((id) => (
            <Tabs.Panel key={id} value={id} pt="md">
              <Section id={id} view={view} model={model} labels={labels} filter={filter} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
