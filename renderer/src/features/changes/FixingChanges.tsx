import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Ticket } from '@shared';
import { changePhaseOf } from '@shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChanges } from '../../data/index.js';

/** On an incident or problem: the changes that say they fix it (their `fixesTicketIds`), with where each stands. */
export function FixingChanges({ ticket }: { ticket: Ticket }) {
  if (ticket.type !== 'incident' && ticket.type !== 'problem') return null;
  return <FixingChangesOf ticketId={ticket.id} />;
}

function FixingChangesOf({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const fixing = (useChanges() ?? []).filter((c) => (c.fixesTicketIds ?? []).includes(ticketId));
  if (fixing.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="fixing-changes">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('changes.fixes.fixedBy')}
        </Text>
        {fixing.map((change) => (
          <Group key={change.id} gap="xs" data-testid="fixing-change" data-change-id={change.id}>
            <Anchor component={Link} to={`/tickets/${change.id}`} size="sm">
              {change.number} {change.title}
            </Anchor>
            <Badge variant="outline" color="gray">
              {t(`changes.phase.${changePhaseOf(change)}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
