import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.js';
import type { Cell, ViewLabels } from './view-model.js';

/** Headline figures: one tile per column, value first. */
export function KpiCards<C extends string>({
  ids,
  values,
  labels,
  testPrefix,
  samples = {},
}: {
  ids: readonly C[];
  values: Record<C, Cell>;
  labels: ViewLabels;
  testPrefix: string;
  /** The column holding how many answers a score rests on, shown under it. */
  samples?: Partial<Record<C, C>>;
}) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: ids.length > 5 ? 4 : 5 }} spacing="sm">
      {ids.map((id) => {
        const v = values[id];
        return (
          <Paper key={id} withBorder p="sm" data-testid={`${testPrefix}-${id}`} data-value={v ?? ''}>
            <Text size="xl" fw={700}>
              {v === null ? '—' : typeof v === 'number' ? number(v) : v}
            </Text>
            <Text size="sm" c="dimmed">
              {labels.column(id)}
            </Text>
            {samples[id] !== undefined && (
              <Text size="xs" c="dimmed" data-testid={`${testPrefix}-${id}-sample`}>
                {t('reports.sampleSize', { count: Number(values[samples[id]] ?? 0) })}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
