import { Stack, Text } from '@mantine/core';
import { problemReport, type ReportFilter } from '@shared/metrics/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfigItems } from '../../data/index.js';
import { GroupBySelect } from './GroupBySelect.js';
import { KpiCards } from './KpiCards.js';
import { ReportTableCard } from './ReportTableCard.js';
import {
  PROBLEM_KPIS,
  PROBLEM_SECTION_GROUP_BY,
  buildProblemView,
  type ProblemSectionGroupBy,
  type ProblemTableId,
  type ProblemViewLabels,
} from './problem-view-model.js';
import type { ReportsModel } from './use-reports-model.js';
import type { ViewLabels } from './view-model.js';

/**
 * Problem management figures, computed on this device from the replicated tickets and events with the same shared
 * function as GET /api/reports/problems, so it works offline and agrees with the server. Titles, category and CI
 * names are shown as text (React escapes them; nothing here sets HTML).
 */
export function ProblemsSection({ model, filter, labels }: { model: ReportsModel; filter: ReportFilter; labels: ViewLabels }) {
  const { t } = useTranslation();
  const cis = useConfigItems();
  const [groupBy, setGroupBy] = useState<ProblemSectionGroupBy>('group');
  const report = useMemo(() => problemReport(model.data, { events: model.events }, filter, groupBy), [model, filter, groupBy]);
  const problemLabels = useMemo((): ProblemViewLabels => {
    const columns: Record<string, string> = {
      problems: t('reports.problems.col.problems'),
      open: t('reports.problems.col.open'),
      resolved: t('reports.problems.col.resolved'),
      knownErrors: t('reports.problems.col.knownErrors'),
      incidents: t('reports.problems.col.incidents'),
      incidentsPerProblem: t('reports.problems.col.incidentsPerProblem'),
      incidentsAvoided: t('reports.problems.col.incidentsAvoided'),
      workaroundsApplied: t('reports.problems.col.workaroundsApplied'),
      knownErrorsUsed: t('reports.problems.col.knownErrorsUsed'),
      resolvedByProblem: t('reports.problems.col.resolvedByProblem'),
      rootCauseMedianH: t('reports.problems.col.rootCauseMedianH'),
      rootCauseP90H: t('reports.problems.col.rootCauseP90H'),
      resolutionMedianH: t('reports.problems.col.resolutionMedianH'),
      resolutionP90H: t('reports.problems.col.resolutionP90H'),
      title: t('reports.problems.col.title'),
      phase: t('reports.problems.col.phase'),
      rootCauseH: t('reports.problems.col.rootCauseH'),
      resolutionH: t('reports.problems.col.resolutionH'),
      linked: t('reports.problems.col.linked'),
      unlinked: t('reports.problems.col.unlinked'),
      linkedProblems: t('reports.problems.col.linkedProblems'),
    };
    const titles: Record<ProblemTableId, string> = {
      problemsByKey: t('reports.problems.table.problemsByKey'),
      problemsByMonth: t('reports.problems.table.problemsByMonth'),
      problemList: t('reports.problems.table.problemList'),
      recurringCategories: t('reports.problems.table.recurringCategories'),
      recurringCis: t('reports.problems.table.recurringCis'),
    };
    const dims: Record<Parameters<ProblemViewLabels['dimension']>[0], string> = {
      group: labels.dimension('group'),
      category: labels.dimension('category'),
      period: labels.dimension('period'),
      problem: t('reports.problems.dim.problem'),
      ci: t('reports.problems.dim.ci'),
    };
    const ciNames = new Map(cis.items.map((ci) => [ci.id, ci.name]));
    return {
      column: (id) => columns[id] ?? id,
      title: (id) => titles[id],
      dimension: (d) => dims[d],
      name: (d, key) => {
        if (d === 'ci') return ciNames.get(key) ?? key;
        return labels.name(d, key);
      },
      phase: (p) => t(`problems.phase.${p}`, { defaultValue: p }),
    };
  }, [t, labels, cis.items]);
  const view = useMemo(() => buildProblemView(report, groupBy, problemLabels), [report, groupBy, problemLabels]);
  return (
    <Stack data-testid="problem-report">
      <Text size="sm">{t('reports.problems.hint')}</Text>
      <KpiCards
        ids={PROBLEM_KPIS}
        values={view.kpis}
        labels={{ ...labels, column: problemLabels.column }}
        testPrefix="problem-kpi"
      />
      <GroupBySelect
        label={t('reports.problems.groupBy')}
        value={groupBy}
        options={PROBLEM_SECTION_GROUP_BY}
        optionLabel={problemLabels.dimension}
        onChange={setGroupBy}
        testId="problem-group-by"
      />
      <ReportTableCard table={view.list} />
      <ReportTableCard table={view.categories} />
      <ReportTableCard table={view.cis} />
      <ReportTableCard table={view.byKey} />
      <ReportTableCard table={view.byMonth} />
    </Stack>
  );
}
