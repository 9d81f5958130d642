import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { slaComplianceReport, type ReportFilter, type SlaBreach } from '@shared/metrics/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { formatDuration } from '../sla/sla-view.js';
import { useSlaSettings } from '../sla/use-sla-settings.js';
import { GroupBySelect } from './GroupBySelect.js';
import { KpiCards } from './KpiCards.js';
import { ReportTableCard } from './ReportTableCard.js';
import {
  SLA_KPIS,
  SLA_SECTION_GROUP_BY,
  buildSlaView,
  explainSegments,
  type SlaSectionGroupBy,
  type SlaViewLabels,
} from './sla-view-model.js';
import type { ReportsModel } from './use-reports-model.js';
import type { ViewLabels } from './view-model.js';

/**
 * SLA compliance, computed on this device from the replicated tickets, events and SLA settings with the same
 * shared function as GET /api/reports/sla, so it works offline and agrees with the server.
 */
export function SlaSection({ model, filter, labels }: { model: ReportsModel; filter: ReportFilter; labels: ViewLabels }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { dateTime } = useFormatters();
  const settings = useSlaSettings();
  const [groupBy, setGroupBy] = useState<SlaSectionGroupBy>('policy');
  const report = useMemo(
    () =>
      settings.loading
        ? null
        : slaComplianceReport(
            model.data,
            {
              policies: settings.policies,
              calendars: settings.calendars,
              events: model.events,
              vipCallerIds: settings.vipCallerIds,
            },
            filter,
            groupBy,
          ),
    [model, settings, filter, groupBy],
  );
  const slaLabels = useMemo((): SlaViewLabels => {
    const policyNames = new Map(settings.policies.map((p) => [p.id, p.name]));
    const dims: Record<SlaSectionGroupBy | 'period', string> = {
      policy: t('reports.sla.dim.policy'),
      priority: labels.dimension('priority'),
      group: labels.dimension('group'),
      agent: labels.dimension('agent'),
      service: t('reports.sla.dim.service'),
      period: labels.dimension('period'),
    };
    return {
      column: (id) => t(`reports.sla.col.${id}`),
      title: (id) => t(`reports.sla.table.${id}`),
      dimension: (d) => dims[d],
      name: (d, key) => {
        if (d === 'policy') return policyNames.get(key) ?? key;
        if (d === 'service') return key === '' ? t('reports.none') : key;
        return labels.name(d, key);
      },
      clock: (kind) => t(`sla.clock.${kind}`),
      segment: (kind) => t(`sla.segment.${kind}`),
      dateTime,
      duration: (ms) => formatDuration(ms, lang),
    };
  }, [t, labels, settings.policies, dateTime, lang]);
  const view = useMemo(() => (report ? buildSlaView(report, groupBy, slaLabels) : null), [report, groupBy, slaLabels]);
  if (!report || !view) return null;
  return (
    <Stack data-testid="sla-compliance">
      <Text size="sm">{t('reports.sla.hint')}</Text>
      {settings.policies.length === 0 && <Alert color="orange">{t('reports.sla.noPolicies')}</Alert>}
      <KpiCards ids={SLA_KPIS} values={view.kpis} labels={{ ...labels, column: slaLabels.column }} testPrefix="sla-kpi" />
      <GroupBySelect
        label={t('reports.sla.groupBy')}
        value={groupBy}
        options={SLA_SECTION_GROUP_BY}
        optionLabel={slaLabels.dimension}
        onChange={setGroupBy}
        testId="sla-group-by"
      />
      <ReportTableCard table={view.byKey} />
      <ReportTableCard table={view.byMonth} />
      <BreachList breaches={report.breaches} labels={slaLabels} />
      <ReportTableCard table={view.breaches} />
    </Stack>
  );
}

/** Each breached clock with its explanation; every text is rendered as text (titles are user input). */
function BreachList({ breaches, labels }: { breaches: readonly SlaBreach[]; labels: SlaViewLabels }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="sla-breach-list">
      <Title order={3} size="h4" mb="sm">
        {t('reports.sla.breachList')}
      </Title>
      {breaches.length === 0 ? (
        <Text c="dimmed">{t('reports.noData')}</Text>
      ) : (
        <Stack gap="sm">
          {breaches.slice(0, 100).map((b) => (
            <div key={`${b.ticketId}-${b.clock}`} data-testid="sla-breach" data-ticket={b.ticketId} data-clock={b.clock}>
              <Text fw={600}>
                {b.number} — {b.title}
              </Text>
              <Text size="sm">
                {t('reports.sla.breachLine', {
                  clock: labels.clock(b.clock),
                  policy: b.policyName,
                  due: labels.dateTime(b.dueAt),
                  late: labels.duration(b.lateMs),
                  interpolation: { escapeValue: false },
                })}
              </Text>
              <List size="xs" c="dimmed" data-testid="sla-breach-explanation">
                {explainSegments(b.segments, labels).map((line, i) => (
                  <List.Item key={i}>{line}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
