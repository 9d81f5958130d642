import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from './ci-history-rows.js';
import { useCiLabels } from './ci-labels.js';

/** A CI's history, newest first: what happened, who (by name), when, and each field's change. */
export function CiHistoryList({ rows, formatTime }: { rows: readonly HistoryRow[]; formatTime: (ms: number) => string }) {
  const { t } = useTranslation();
  const labels = useCiLabels();
  const kind: Record<HistoryRow['kind'], string> = {
    created: t('cmdb.history.kind.created'),
    updated: t('cmdb.history.kind.updated'),
    retired: t('cmdb.history.kind.retired'),
    deleted: t('cmdb.history.kind.deleted'),
    imported: t('cmdb.history.kind.imported'),
  };
  const shown = (value: string) => value || t('cmdb.history.empty_value');
  return (
    <Stack gap="xs" data-testid="ci-history">
      <Title order={3}>{t('cmdb.history.title')}</Title>
      {rows.length === 0 && <Text c="dimmed">{t('cmdb.history.empty')}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Paper key={row.id} withBorder p="xs" component="li" data-testid="ci-history-entry" data-kind={row.kind}>
            <Text size="sm" fw={500}>
              {kind[row.kind]} · {t('cmdb.history.by', { name: row.authorName, when: formatTime(row.occurredAt) })}
            </Text>
            <List size="sm" spacing={2}>
              {row.changes.map((c, i) => (
                <List.Item key={`${c.field}-${i}`} data-testid="ci-history-change" data-field={c.field}>
                  {t('cmdb.history.change', { field: labels.field(c.field), from: shown(c.from), to: shown(c.to) })}
                </List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
