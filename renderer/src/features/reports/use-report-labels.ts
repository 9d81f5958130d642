import { CHANNELS, type Priority } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import type { Dimension, TableId, ViewLabels } from './view-model.js';

/** The report's words in the UI language, written as literal keys so the i18n test can check them. */
export function useReportLabels(directory: Directory): ViewLabels {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return useMemo(() => {
    const fr = i18n.language === 'fr';
    const columns: Record<string, string> = {
      volume: t('reports.col.volume'),
      backlog: t('reports.col.backlog'),
      backlogAgeDays: t('reports.col.backlogAgeDays'),
      mttaMeanH: t('reports.col.mttaMeanH'),
      mttaMedianH: t('reports.col.mttaMedianH'),
      mttaP90H: t('reports.col.mttaP90H'),
      mttrMeanH: t('reports.col.mttrMeanH'),
      mttrMedianH: t('reports.col.mttrMedianH'),
      mttrP90H: t('reports.col.mttrP90H'),
      fcrPct: t('reports.col.fcrPct'),
      reopenPct: t('reports.col.reopenPct'),
      escalationPct: t('reports.col.escalationPct'),
      reassignments: t('reports.col.reassignments'),
      responses: t('reports.col.responses'),
      responseRatePct: t('reports.col.responseRatePct'),
      csatPct: t('reports.col.csatPct'),
      csatAnswers: t('reports.col.csatAnswers'),
      npsAnswers: t('reports.col.npsAnswers'),
      cesAnswers: t('reports.col.cesAnswers'),
      nps: t('reports.col.nps'),
      ces: t('reports.col.ces'),
      comments: t('reports.col.comments'),
      value: t('reports.col.value'),
      weekly: t('reports.col.weekly'),
      monthly: t('reports.col.monthly'),
      comparison: t('reports.col.comparison'),
      period: t('reports.col.period'),
      previous: t('reports.col.previous'),
      count: t('reports.col.count'),
      change: t('reports.col.change'),
      changePct: t('reports.col.changePct'),
      submittedAt: t('reports.col.submittedAt'),
      ticket: t('reports.col.ticket'),
      group: t('reports.col.group'),
      agent: t('reports.col.agent'),
      csat: t('reports.col.csat'),
      comment: t('reports.col.comment'),
      partialPeriod: t('reports.col.partialPeriod'),
    };
    const titles: Record<TableId, string> = {
      incidentsSummary: t('reports.table.incidentsSummary'),
      incidentsByMonth: t('reports.table.incidentsByMonth'),
      incidentsByGroup: t('reports.table.incidentsByGroup'),
      incidentsByCategory: t('reports.table.incidentsByCategory'),
      incidentsByPriority: t('reports.table.incidentsByPriority'),
      incidentsByChannel: t('reports.table.incidentsByChannel'),
      backlogAge: t('reports.table.backlogAge'),
      surveysSummary: t('reports.table.surveysSummary'),
      surveysByMonth: t('reports.table.surveysByMonth'),
      surveysByGroup: t('reports.table.surveysByGroup'),
      surveysByAgent: t('reports.table.surveysByAgent'),
      surveysByCategory: t('reports.table.surveysByCategory'),
      trendCategoriesWeekly: t('reports.table.trendCategoriesWeekly'),
      trendCategoriesMonthly: t('reports.table.trendCategoriesMonthly'),
      trendCallersWeekly: t('reports.table.trendCallersWeekly'),
      trendCallersMonthly: t('reports.table.trendCallersMonthly'),
      trendItemsWeekly: t('reports.table.trendItemsWeekly'),
      trendItemsMonthly: t('reports.table.trendItemsMonthly'),
      trendChanges: t('reports.table.trendChanges'),
      verbatims: t('reports.table.verbatims'),
    };
    const dimensions: Record<Dimension | 'period' | 'bucket' | 'metric' | 'series', string> = {
      group: t('reports.dim.group'),
      agent: t('reports.dim.agent'),
      category: t('reports.dim.category'),
      priority: t('reports.dim.priority'),
      channel: t('reports.dim.channel'),
      caller: t('reports.dim.caller'),
      item: t('reports.dim.item'),
      period: t('reports.dim.period'),
      bucket: t('reports.dim.bucket'),
      metric: t('reports.dim.metric'),
      series: t('reports.dim.series'),
    };
    const channels = new Map<string, string>(CHANNELS.map((c) => [c, t(`channel.${c}`)]));
    const none = t('reports.none');
    const name = (dimension: Dimension, key: string): string => {
      if (key === '') return none;
      if (dimension === 'priority') return labels.priority[Number(key) as Priority] ?? key;
      if (dimension === 'channel') return channels.get(key) ?? key;
      if (dimension === 'item') return key;
      const entry = directory.byId.get(key);
      if (!entry) return key;
      return fr && entry.nameFr ? entry.nameFr : entry.name;
    };
    return {
      column: (id) => columns[id] ?? id,
      title: (id) => titles[id],
      dimension: (d) => dimensions[d],
      name,
    };
  }, [t, i18n.language, labels, directory]);
}
