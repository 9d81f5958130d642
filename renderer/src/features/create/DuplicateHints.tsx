import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOpenTickets } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { buildDuplicateFinder } from './duplicate-search.js';

/** Open tickets that may already cover what is being recorded: similar titles, or the same caller. */
export function DuplicateHints({ title, callerId }: { title: string; callerId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const open = useOpenTickets();
  const finder = useMemo(() => buildDuplicateFinder(open), [open]);
  const query = useDeferredValue(title);
  const hints = useMemo(() => finder.find(query, callerId), [finder, query, callerId]);
  if (hints.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="duplicate-hint" aria-live="polite">
      <Text fw={600} size="sm" mb={4}>
        {t('create.duplicates')}
      </Text>
      <Stack gap={4}>
        {hints.map(({ ticket, sameCaller }) => (
          <Group key={ticket.id} gap="xs" wrap="nowrap" data-testid="duplicate-hint-item" data-number={ticket.number}>
            <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`} size="sm">
              {ticket.number}
            </Anchor>
            <Text size="sm" truncate>
              {ticket.title}
            </Text>
            <Badge size="xs" variant="light">
              {labels.status[ticket.status]}
            </Badge>
            {sameCaller && (
              <Badge size="xs" color="grape" variant="light">
                {t('create.sameCaller')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
