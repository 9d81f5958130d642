import { Stack, Text } from '@mantine/core';
import { buildCmdbGraph } from '@shared';
import { changeReport, type ReportFilter } from '@shared/metrics/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfigItems } from '../../data/index.js';
import { GroupBySelect } from './GroupBySelect.js';
import { KpiCards } from './KpiCards.js';
import { ReportTableCard } from './ReportTableCard.js';
import {
  CHANGE_KPIS,
  CHANGE_SECTION_GROUP_BY,
  buildChangeView,
  type ChangeSectionGroupBy,
  type ChangeViewLabels,
} from './change-view-model.js';
import type { ReportsModel } from './use-reports-model.js';
import type { ViewLabels } from './view-model.js';

/**
 * Change management figures, computed on this device from the replicated tickets, events and CIs with the same
 * shared function as GET /api/reports/changes, so it works offline and agrees with the server.
 */
export function ChangesSection({ model, filter, labels }: { model: ReportsModel; filter: ReportFilter; labels: ViewLabels }) {
  const { t } = useTranslation();
  const cis = useConfigItems();
  const [groupBy, setGroupBy] = useState<ChangeSectionGroupBy>('group');
  // The CMDB graph is built once per load of the CIs, not per filter: indexing every CI is the costly part.
  const graph = useMemo(() => (cis.loading ? null : buildCmdbGraph(cis.items)), [cis.loading, cis.items]);
  const report = useMemo(
    () => (graph ? changeReport(model.data, { events: model.events, graph }, filter, groupBy) : null),
    [model, graph, filter, groupBy],
  );
  const changeLabels = useMemo((): ChangeViewLabels => {
    const columns: Record<string, string> = {
      changes: t('reports.changes.col.changes'),
      closed: t('reports.changes.col.closed'),
      successPct: t('reports.changes.col.successPct'),
      failed: t('reports.changes.col.failed'),
      backedOut: t('reports.changes.col.backedOut'),
      emergencyPct: t('reports.changes.col.emergencyPct'),
      causingIncidents: t('reports.changes.col.causingIncidents'),
      incidents: t('reports.changes.col.incidents'),
      collisions: t('reports.changes.col.collisions'),
      approvalMedianH: t('reports.changes.col.approvalMedianH'),
      approvalP90H: t('reports.changes.col.approvalP90H'),
      implementationMedianH: t('reports.changes.col.implementationMedianH'),
      implementationP90H: t('reports.changes.col.implementationP90H'),
    };
    const titles = {
      changesByKey: t('reports.changes.table.changesByKey'),
      changesByMonth: t('reports.changes.table.changesByMonth'),
    };
    const dims: Record<ChangeSectionGroupBy | 'period', string> = {
      group: labels.dimension('group'),
      service: t('reports.changes.dim.service'),
      type: t('reports.changes.dim.type'),
      period: labels.dimension('period'),
    };
    const ciNames = new Map(cis.items.map((ci) => [ci.id, ci.name]));
    return {
      column: (id) => columns[id] ?? id,
      title: (id) => titles[id],
      dimension: (d) => dims[d],
      name: (d, key) => {
        if (d === 'group') return labels.name('group', key);
        if (key === '') return t('reports.none');
        if (d === 'service') return ciNames.get(key) ?? key;
        return t(`changes.type.${key}`, { defaultValue: key });
      },
    };
  }, [t, labels, cis.items]);
  const view = useMemo(() => (report ? buildChangeView(report, groupBy, changeLabels) : null), [report, groupBy, changeLabels]);
  if (!view) return null;
  return (
    <Stack data-testid="change-report">
      <Text size="sm">{t('reports.changes.hint')}</Text>
      <KpiCards
        ids={CHANGE_KPIS}
        values={view.kpis}
        labels={{ ...labels, column: changeLabels.column }}
        testPrefix="change-kpi"
      />
      <GroupBySelect
        label={t('reports.changes.groupBy')}
        value={groupBy}
        options={CHANGE_SECTION_GROUP_BY}
        optionLabel={changeLabels.dimension}
        onChange={setGroupBy}
        testId="change-group-by"
      />
      <ReportTableCard table={view.byKey} />
      <ReportTableCard table={view.byMonth} />
    </Stack>
  );
}
