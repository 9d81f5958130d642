import { Group, NativeSelect, TextInput } from '@mantine/core';
import { verbatims, type ScoredResponse, type VerbatimFilter } from '@shared/metrics/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.js';
import { ReportTableCard } from './ReportTableCard.js';
import { verbatimTable, type ViewLabels } from './view-model.js';

type ScoreBand = 'all' | 'low' | 'mid' | 'high';
const BANDS: Record<Exclude<ScoreBand, 'all'>, VerbatimFilter['score']> = {
  low: { kind: 'csat', min: 1, max: 2 },
  mid: { kind: 'csat', min: 3, max: 3 },
  high: { kind: 'csat', min: 4, max: 5 },
};

/** Verbatim comments, newest first, filtered by words and CSAT score (the page's period and group apply too). */
export function VerbatimList({ scored, labels }: { scored: readonly ScoredResponse[]; labels: ViewLabels }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [contains, setContains] = useState('');
  const [band, setBand] = useState<ScoreBand>('all');
  const table = useMemo(() => {
    const filter: VerbatimFilter = { contains, score: band === 'all' ? undefined : BANDS[band] };
    return verbatimTable(labels, verbatims(scored, filter), dateTime);
  }, [scored, labels, contains, band, dateTime]);
  return (
    <>
      <Group className="report-no-print" align="end">
        <TextInput
          label={t('reports.verbatimSearch')}
          value={contains}
          onChange={(e) => setContains(e.currentTarget.value)}
          data-testid="verbatim-search"
        />
        <NativeSelect
          label={t('reports.verbatimScore')}
          value={band}
          onChange={(e) => setBand(e.currentTarget.value as ScoreBand)}
          data-testid="verbatim-score"
          data={[
            { value: 'all', label: t('reports.band.all') },
            { value: 'low', label: t('reports.band.low') },
            { value: 'mid', label: t('reports.band.mid') },
            { value: 'high', label: t('reports.band.high') },
          ]}
        />
      </Group>
      <ReportTableCard table={table} />
    </>
  );
}
