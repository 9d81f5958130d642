import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useFormatters } from '../../ui/format.js';
import type { Cell, ViewLabels } from './view-model.js';

/** Headline figures: one tile per column, value first. */
export function KpiCards<C extends string>({
  ids,
  values,
  labels,
  testPrefix,
}: {
  ids: readonly C[];
  values: Record<C, Cell>;
  labels: ViewLabels;
  testPrefix: string;
}) {
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
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
