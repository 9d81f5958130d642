import { Anchor, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Ticket, TicketEvent } from '@shared';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { setMajorManager, useDb, useDirectory, useTicket } from '../../data/index.js';
import { ChildIncidents } from './ChildIncidents.js';
import { PostIncidentReviewSection } from './PostIncidentReviewSection.js';
import { StakeholderUpdates } from './StakeholderUpdates.js';

/** A child incident's link to its major incident. */
function ParentLink({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const parent = useTicket(parentId);
  return (
    <Paper withBorder p="sm" data-testid="major-parent">
      <Text size="sm">
        {t('major.childOf')}{' '}
        <Anchor component={Link} to={`/tickets/${encodeURIComponent(parentId)}`}>
          {parent ? `${parent.number} · ${parent.title}` : parentId}
        </Anchor>
      </Text>
    </Paper>
  );
}

/**
 * The major-incident workspace of a ticket: manager, communications log, child incidents (with resolving them
 * together) and the post-incident review. For a child incident, a link to its major incident.
 */
export function MajorIncidentPanel({ ticket, events }: { ticket: Ticket; events: TicketEvent[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const directory = useDirectory();
  if (!ticket.major) return ticket.parentId ? <ParentLink parentId={ticket.parentId} /> : null;

  const managers = directory.users.map((u) => ({ value: u.id, label: u.name }));
  if (ticket.majorManagerId && !managers.some((m) => m.value === ticket.majorManagerId))
    managers.push({ value: ticket.majorManagerId, label: ticket.majorManagerId });
  const changeManager = async (id: string | null) => {
    const violations = await setMajorManager(db, ticket.id, id ?? '', user);
    if (violations.length > 0)
      notifications.show({ color: 'red', message: violations.map((v) => violationText(t, v)).join(' ') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="major-title" data-testid="major-panel">
      <Stack gap="md">
        <Title order={3} size="h5" id="major-title">
          {t('major.title')}
        </Title>
        <Select
          label={t('major.manager')}
          data={managers}
          value={ticket.majorManagerId || null}
          onChange={(v) => void changeManager(v)}
          searchable
          allowDeselect={false}
          data-testid="major-manager"
        />
        <StakeholderUpdates ticket={ticket} events={events} />
        <ChildIncidents parent={ticket} />
        <PostIncidentReviewSection ticket={ticket} events={events} />
      </Stack>
    </Paper>
  );
}
