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
import { KpiCards } from './KpiCards.js';
import { printReport } from './print-report.js';
import { ReportTableCard } from './ReportTableCard.js';
import { useReportLabels } from './use-report-labels.js';
import { useReportsModel } from './use-reports-model.js';
import { VerbatimList } from './VerbatimList.js';
import { buildReportView, type ReportTable } from './view-model.js';

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
  const filter = useMemo(() => filterOf(fromDay, toDay, groupId), [fromDay, toDay, groupId]);
  const model = useReportsModel(filter);
  const view = useMemo(() => (model ? buildReportView(model.dashboard, labels) : null), [model, labels]);
  const badRange = filter.from !== undefined && filter.to !== undefined && filter.to <= filter.from;

  const print = async () => {
    try {
      const outcome = await printReport(getDesk());
      if (outcome.kind === 'saved')
        notifications.show({ color: 'green', message: t('reports.pdfSaved', { path: outcome.path }) });
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('reports.pdfFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
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
      ) : (
        <Tabs defaultValue="surveys" className="report-tabs" keepMounted>
          <Tabs.List>
            <Tabs.Tab value="surveys" data-testid="tab-surveys">
              {t('reports.tab.surveys')}
            </Tabs.Tab>
            <Tabs.Tab value="incidents" data-testid="tab-incidents">
              {t('reports.tab.incidents')}
            </Tabs.Tab>
            <Tabs.Tab value="trends" data-testid="tab-trends">
              {t('reports.tab.trends')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="surveys" pt="md">
            <Stack>
              <Title order={2} size="h3" className="report-section-title">
                {t('reports.tab.surveys')}
              </Title>
              <KpiCards ids={SURVEY_KPIS} values={view.kpis.surveys} labels={labels} testPrefix="kpi" />
              <Tables tables={view.surveys} />
              <VerbatimList scored={model.scope.scored} labels={labels} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="incidents" pt="md">
            <Stack>
              <Title order={2} size="h3" className="report-section-title">
                {t('reports.tab.incidents')}
              </Title>
              <KpiCards ids={INCIDENT_KPIS} values={view.kpis.incidents} labels={labels} testPrefix="kpi" />
              <Tables tables={view.incidents} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="trends" pt="md">
            <Stack>
              <Title order={2} size="h3" className="report-section-title">
                {t('reports.tab.trends')}
              </Title>
              <Text size="sm">{t('reports.trendsHint')}</Text>
              <Tables tables={view.trends} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
